package dev.prepdeck.review;

import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;

/** One row of the review log as the card page shows it. */
public record ReviewEntry(
        long id,
        long reviewedAt,
        Rating rating,
        int elapsedDays,
        long durationMs,
        State stateBefore,
        State stateAfter,
        double stabilityAfter,
        double difficultyAfter,
        int scheduledDaysAfter,
        long dueAfter) {
}
