package dev.prepdeck.practice;

import dev.prepdeck.fsrs.Rating;

/**
 * The rating a check suggests: under 40 % Again, under 70 % Hard, else Good; 90 % or more in time is Easy. An
 * answer that contradicts a point (a swapped role, an opposite relation) is at most Hard, however much it covers:
 * an interviewer who hears a confident wrong claim does not pass it.
 */
public final class SuggestedRating {
    static final double HARD_FROM = 0.40;
    static final double GOOD_FROM = 0.70;
    static final double EASY_FROM = 0.90;

    private SuggestedRating() {
    }

    public static Rating of(double coverage, long seconds, int targetSeconds) {
        return of(coverage, seconds, targetSeconds, false);
    }

    public static Rating of(double coverage, long seconds, int targetSeconds, boolean contradicted) {
        if (contradicted) {
            return coverage < HARD_FROM ? Rating.AGAIN : Rating.HARD;
        }
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
