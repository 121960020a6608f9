package dev.prepdeck.anki.importing;

import dev.prepdeck.fsrs.FsrsCard;

/**
 * An imported card's scheduling state for prepdeck's card_state: Anki's state and due date, with the FSRS memory
 * from {@link #memorySource()}.
 *
 * @param newPosition      a new card's place in Anki's new-card order; null for studied cards
 * @param desiredRetention cards.data "dr" when Anki kept it
 */
public record ImportedSchedule(FsrsCard card, MemorySource memorySource, boolean suspended, boolean buried, int flag,
        Long newPosition, Double desiredRetention) {
}
