package dev.prepdeck.review;

import dev.prepdeck.fsrs.optimizer.CardHistory;

/** A card with its whole review history, oldest first: what the optimizer fits and a reschedule replays. */
public record ReviewedCard(long cardId, long deckId, CardHistory history) {
}
