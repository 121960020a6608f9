package dev.prepdeck.anki;

/**
 * cards.queue: which queue a card is studied from, and so what cards.due means. Suspended and buried cards keep
 * their type, and their due keeps the meaning their type gives it.
 */
public enum CardQueue {
    USER_BURIED(-3),
    SCHEDULER_BURIED(-2),
    SUSPENDED(-1),
    /** due is the position in the new-card order. */
    NEW(0),
    /** Intraday learning: due is a Unix time in seconds. */
    LEARNING(1),
    /** due is a day number counted from the collection's creation day. */
    REVIEW(2),
    /** Learning with a step of a day or more: due is a day number. */
    DAY_LEARNING(3),
    /** Previewed in a filtered deck: due is a Unix time in seconds. */
    PREVIEW(4);

    private final int code;

    CardQueue(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean buried() {
        return this == USER_BURIED || this == SCHEDULER_BURIED;
    }

    public static CardQueue of(int code) {
        for (CardQueue queue : values()) {
            if (queue.code == code) {
                return queue;
            }
        }
        throw new IllegalArgumentException("unknown card queue " + code + " (expected -3 to 4)");
    }
}
