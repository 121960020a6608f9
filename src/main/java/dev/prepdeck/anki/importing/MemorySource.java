package dev.prepdeck.anki.importing;

/** Where an imported card's stability and difficulty came from. */
public enum MemorySource {
    /** cards.data held s and d, as Anki with FSRS enabled writes them. */
    CARD_DATA,
    /** Replayed from the card's review log through prepdeck's scheduler. */
    REPLAYED,
    /** No usable history: estimated from the SM-2 interval and ease, as Anki does when it switches to FSRS. */
    ESTIMATED_FROM_INTERVAL,
    /** A new card, or a learning card without history: no memory yet. */
    NONE
}
