package dev.prepdeck.practice;

import dev.prepdeck.fsrs.Rating;

/** The rating a check suggests: under 40 % Again, under 70 % Hard, else Good; 90 % or more in time is Easy. */
public final class SuggestedRating {
    static final double HARD_FROM = 0.40;
    static final double GOOD_FROM = 0.70;
    static final double EASY_FROM = 0.90;

    private SuggestedRating() {
    }

    public static Rating of(double coverage, long seconds, int targetSeconds) {
        if (coverage < HARD_FROM) {
            return Rating.AGAIN;
        }
        if (coverage < GOOD_FROM) {
            return Rating.HARD;
        }
        if (coverage >= EASY_FROM && seconds <= targetSeconds) {
            return Rating.EASY;
        }
        return Rating.GOOD;
    }
}
