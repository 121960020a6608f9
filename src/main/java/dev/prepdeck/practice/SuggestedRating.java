package dev.prepdeck.practice;

import dev.prepdeck.fsrs.Rating;

/**
 * The rating a check suggests, as an interviewer would give it. Under 20 % of the points is Again (nothing usable),
 * under 60 % Hard (some essentials, clear gaps), else Good; Easy needs 90 % of the points, most of their detail
 * too (of the points' weighted terms, {@link #EASY_DEPTH} in the card's language, {@link #EASY_DEPTH_ACROSS} in the
 * other one: complete and precise, not only the gist) and an answer within the target time. An answer that
 * contradicts a point (a swapped role, an opposite relation) is at most Hard, however much it covers: an
 * interviewer who hears a confident wrong claim does not pass it.
 */
public final class SuggestedRating {
    static final double HARD_FROM = 0.20;
    static final double GOOD_FROM = 0.60;
    static final double EASY_FROM = 0.90;
    static final double EASY_DEPTH = 0.60;
    /**
     * Depth counts the point's words the answer says, and an answer in the other language reaches them only through
     * the glossary's concepts: on the dev sets a complete answer whose points the interviewer and the checker judge
     * alike reads 0.71 deep in the card's language and 0.61 in the other, so the bar is lower by that much.
     */
    static final double EASY_DEPTH_ACROSS = 0.50;

    private SuggestedRating() {
    }

    /** From coverage and time alone (a stored attempt): the detail is taken as said, nothing as contradicted. */
    public static Rating of(double coverage, long seconds, int targetSeconds) {
        return of(coverage, 1.0, false, false, seconds, targetSeconds);
    }

    public static Rating of(double coverage, double depth, boolean contradicted, boolean acrossLanguages,
                            long seconds, int targetSeconds) {
        if (coverage < HARD_FROM) {
            return Rating.AGAIN;
        }
        if (contradicted || coverage < GOOD_FROM) {
            return Rating.HARD;
        }
        double depthNeeded = acrossLanguages ? EASY_DEPTH_ACROSS : EASY_DEPTH;
        if (coverage >= EASY_FROM && depth >= depthNeeded && seconds <= targetSeconds) {
            return Rating.EASY;
        }
        return Rating.GOOD;
    }

    /** Whether an answer is in the other language than the card's model answer (Chinese against English). */
    static boolean acrossLanguages(String modelAnswer, String answer) {
        return answer != null && !answer.isBlank()
                && Script.mostlyChinese(answer) != Script.mostlyChinese(modelAnswer == null ? "" : modelAnswer);
    }
}
