package dev.prepdeck.fsrs;

/** Where a card is in its life cycle; the ordinal is ts-fsrs's numeric state (0..3). */
public enum State {
    NEW("New"),
    LEARNING("Learning"),
    REVIEW("Review"),
    RELEARNING("Relearning");

    private static final State[] BY_CODE = values();

    private final String label;

    State(String label) {
        this.label = label;
    }

    /** The name ts-fsrs uses for this state, e.g. "Learning". */
    public String label() {
        return label;
    }

    /** The state a stored number stands for (card_state.state, review_log.state_*): ts-fsrs's 0..3. */
    public static State of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("state must be 0 (new) to 3 (relearning), got " + code);
        }
        return BY_CODE[code];
    }
}
