package dev.prepdeck.review;

import dev.prepdeck.fsrs.FsrsCard;
import java.time.Instant;

/**
 * A card's scheduling state after a rating, as the API returns it. {@code leech}: this rating made the card a leech
 * (tagged leech; {@code suspended} when its deck suspends leeches).
 */
public record ReviewResult(long cardId, String state, double stability, double difficulty, Instant due, int scheduledDays,
                           boolean leech, boolean suspended) {
    static ReviewResult of(long cardId, FsrsCard card, boolean leech, boolean suspended) {
        return new ReviewResult(cardId, card.state().label(), card.stability(), card.difficulty(),
                card.due(), card.scheduledDays(), leech, suspended);
    }
}
