package dev.prepdeck.anki;

import java.util.Objects;

/**
 * One card as Anki stores it. {@code due} keeps Anki's meaning, which depends on the queue (see {@link CardQueue});
 * {@link CollectionTiming} turns day numbers into dates.
 *
 * @param ord            template index, or cloze number minus one
 * @param interval       days for review cards (negative: seconds, in old learning cards)
 * @param easeFactor     SM-2 ease in permille (2500 = 250 %); 0 for new cards
 * @param remainingSteps cards.left: learning steps left
 * @param originalDue    odue: the due date before the card was moved into a filtered deck
 * @param originalDeckId odid: the home deck of a card in a filtered deck, else 0
 * @param flags          user flag in the low 3 bits (1 red, 2 orange, 3 green, 4 blue, 5 pink, 6 turquoise, 7 purple)
 * @param originalPosition cards.data "pos": new-queue position before the card was first studied
 */
public record AnkiCard(
        long id,
        long noteId,
        long deckId,
        int ord,
        long modifiedSeconds,
        CardType type,
        CardQueue queue,
        long due,
        int interval,
        int easeFactor,
        int reps,
        int lapses,
        int remainingSteps,
        long originalDue,
        long originalDeckId,
        int flags,
        MemoryState memory,
        Long originalPosition) {

    public AnkiCard {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(queue, "queue");
        memory = memory == null ? MemoryState.NONE : memory;
    }

    public int flag() {
        return flags & 0b111;
    }

    public boolean suspended() {
        return queue == CardQueue.SUSPENDED;
    }

    public boolean buried() {
        return queue.buried();
    }

    /** The deck the card belongs to: its home deck when it sits in a filtered deck. */
    public long homeDeckId() {
        return originalDeckId != 0 ? originalDeckId : deckId;
    }

    /** The due value in its home deck: a filtered deck keeps the real one in odue. */
    public long homeDue() {
        return originalDeckId != 0 && originalDue != 0 ? originalDue : due;
    }
}
