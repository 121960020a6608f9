package dev.prepdeck.fsrs;

/** Where a card is in its life cycle; the ordinal is ts-fsrs's numeric state (0..3). */
public enum State {
    NEW("New"),
    LEARNING("Learning"),
    REVIEW("Review"),
    RELEARNING("Relearning");

    private final String label;

    State(String label) {
        this.label = label;
    }

    /** The name ts-fsrs uses for this state, e.g. "Learning". */
    public String label() {
        return label;
    }
}
