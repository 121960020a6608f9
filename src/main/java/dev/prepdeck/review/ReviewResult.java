package dev.prepdeck.review;

import dev.prepdeck.fsrs.FsrsCard;
import java.time.Instant;

/** A card's scheduling state after a rating, as the API returns it. */
public record ReviewResult(long cardId, String state, double stability, double difficulty, Instant due, int scheduledDays) {
    static ReviewResult of(long cardId, FsrsCard card) {
        return new ReviewResult(cardId, card.state().label(), card.stability(), card.difficulty(),
                card.due(), card.scheduledDays());
    }
}
