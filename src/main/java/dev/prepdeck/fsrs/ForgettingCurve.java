package dev.prepdeck.fsrs;

/**
 * FSRS-6's forgetting curve, R(t) = (1 + factor · t / S) ^ decay with decay = −w20, where factor = 0.9^(1/decay) − 1
 * puts R at exactly 0.9 when t = S. {@link Scheduler} evaluates the same curve in ts-fsrs's rounded arithmetic to
 * match it bit for bit; this is the plain double form that statistics and charts use.
 */
public record ForgettingCurve(double decay, double factor) {

    /** The curve of a deck's parameters (its w20). */
    public static ForgettingCurve of(FsrsParameters parameters) {
        return ofW20(parameters.w()[20]);
    }

    public static ForgettingCurve ofW20(double w20) {
        double decay = -w20;
        return new ForgettingCurve(decay, Math.pow(0.9, 1 / decay) - 1);
    }

    /** Probability of recall {@code days} (may be fractional) after a review that left stability {@code stability}. */
    public double retrievability(double days, double stability) {
        return Math.pow(1 + factor * days / stability, decay);
    }
}
