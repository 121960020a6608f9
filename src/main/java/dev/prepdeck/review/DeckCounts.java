package dev.prepdeck.review;

/** What the dashboard shows for a deck with its sub-decks: due now, new available today, total, set aside. */
public record DeckCounts(int due, int newAvailable, int total, int suspended) {
    public static final DeckCounts NONE = new DeckCounts(0, 0, 0, 0);
}
