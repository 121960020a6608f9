package dev.prepdeck.deck;

import dev.prepdeck.web.Messages;

/**
 * When a card counts as a leech in a deck, as Anki decides: forgotten {@code threshold} times, then again every half
 * as many lapses after; a leech is tagged {@code leech} and, with {@code suspend}, also suspended.
 */
public record LeechSettings(int threshold, boolean suspend) {
    public static final String TAG = "leech";
    public static final LeechSettings DEFAULT = new LeechSettings(8, true);

    public LeechSettings {
        if (threshold < 1 || threshold > 99) {
            throw Messages.invalid("leechThreshold", "deckSettings.error.leechThreshold");
        }
    }

    /** Whether reaching {@code lapses} makes the card a leech (again). */
    public boolean leechAt(int lapses) {
        return lapses >= threshold && (lapses - threshold) % Math.max(1, threshold / 2) == 0;
    }
}
