package dev.prepdeck.anki;

/** revlog.type: what kind of answer or change a review-log row records. */
public enum RevlogKind {
    LEARNING(0), REVIEW(1), RELEARNING(2), FILTERED(3), MANUAL(4), RESCHEDULED(5);

    private final int code;

    RevlogKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RevlogKind of(int code) {
        for (RevlogKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown review type " + code + " (expected 0 to 5)");
    }
}
