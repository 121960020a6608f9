package dev.prepdeck.anki;

/** cards.type: where a card is in its life, whatever queue it sits in now. */
public enum CardType {
    NEW(0), LEARNING(1), REVIEW(2), RELEARNING(3);

    private final int code;

    CardType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CardType of(int code) {
        for (CardType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown card type " + code + " (expected 0 to 3)");
    }
}
