package dev.prepdeck.practice;

import dev.prepdeck.fsrs.Rating;

/**
 * The rating a check suggests, as an interviewer would give it. Under 20 % of the points is Again (nothing usable),
 * under 60 % Hard (some essentials, clear gaps), else Good; Easy needs 90 % of the points, most of their detail
 * too ({@link #EASY_DEPTH} of the points' weighted terms: complete and precise, not only the gist) and an answer
 * within the target time. An answer that contradicts a point (a swapped role, an opposite relation) is at most
 * Hard, however much it covers: an interviewer who hears a confident wrong claim does not pass it.
 */
public final class SuggestedRating {
    static final double HARD_FROM = 0.20;
    static final double GOOD_FROM = 0.60;
    static final double EASY_FROM = 0.90;
    static final double EASY_DEPTH = 0.60;

    private SuggestedRating() {
    }

    /** From coverage and time alone (a stored attempt): the detail is taken as said, nothing as contradicted. */
    public static Rating of(double coverage, long seconds, int targetSeconds) {
        return of(coverage, 1.0, false, seconds, targetSeconds);
    }

    public static Rating of(double coverage, double depth, boolean contradicted, long seconds, int targetSeconds) {
        if (coverage < HARD_FROM) {
            return Rating.AGAIN;
        }
        if (contradicted || coverage < GOOD_FROM) {
            return Rating.HARD;
        }
        if (coverage >= EASY_FROM && depth >= EASY_DEPTH && seconds <= targetSeconds) {
            return Rating.EASY;
        }
        return Rating.GOOD;
    }
}
