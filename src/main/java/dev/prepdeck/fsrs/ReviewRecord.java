package dev.prepdeck.fsrs;

import java.time.Instant;

/**
 * What was known about a card when it was reviewed; mirrors ts-fsrs's ReviewLog.
 *
 * @param state           the card's state before the review
 * @param due             the card's last review time, or its due time if it had none (as ts-fsrs records it)
 * @param stability       stability before the review
 * @param difficulty      difficulty before the review
 * @param elapsedDays     calendar days since the previous review
 * @param lastElapsedDays the card's elapsed days before this review
 * @param scheduledDays   the interval the card had been given before this review
 * @param learningSteps   the (re)learning step the card was on
 * @param review          when the review happened
 */
public record ReviewRecord(
        Rating rating,
        State state,
        Instant due,
        double stability,
        double difficulty,
        int elapsedDays,
        int lastElapsedDays,
        int scheduledDays,
        int learningSteps,
        Instant review) {
}
