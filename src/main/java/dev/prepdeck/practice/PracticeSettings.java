package dev.prepdeck.practice;

/**
 * A deck's practice settings: mode null means automatic (on when the deck's answers are long), and a null
 * target means each card's own or derived target.
 */
public record PracticeSettings(Boolean mode, Integer targetSeconds) {
    static final int MIN_TARGET = 5;
    static final int MAX_TARGET = 3600;
}
