package dev.prepdeck.fsrs;

/** The learner's answer to a review; {@link #value()} is the FSRS grade 1..4. */
public enum Rating {
    AGAIN("Again"),
    HARD("Hard"),
    GOOD("Good"),
    EASY("Easy");

    private static final Rating[] BY_VALUE = values();

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    /** The button's name, e.g. "Good". */
    public String label() {
        return label;
    }

    public int value() {
        return ordinal() + 1;
    }

    public static Rating of(int value) {
        if (value < 1 || value > 4) {
            throw new IllegalArgumentException(
                    "rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), got " + value);
        }
        return BY_VALUE[value - 1];
    }
}
