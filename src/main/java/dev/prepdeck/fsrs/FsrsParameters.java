package dev.prepdeck.fsrs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Scheduler settings, normalised the way ts-fsrs 5.4.2 normalises them: 17- and 19-number weight
 * sets are migrated to FSRS-6's 21, and every weight is clamped to ts-fsrs's bounds (w17/w18's upper
 * bound shrinks when there is more than one relearning step). Construction rejects what ts-fsrs
 * cannot schedule with; the app's stricter deck rules live in {@link #requireValidForDeck()}.
 */
public record FsrsParameters(
        double[] w,
        double requestRetention,
        int maximumInterval,
        List<Duration> learningSteps,
        List<Duration> relearningSteps,
        boolean enableShortTerm,
        boolean enableFuzz) {

    public static final int WEIGHT_COUNT = 21;
    public static final double DECK_MIN_RETENTION = 0.70;
    public static final double DECK_MAX_RETENTION = 0.99;

    static final double S_MIN = 0.001;
    static final double S_MAX = 36500.0;
    private static final double INIT_S_MAX = 100.0;
    private static final double FSRS5_DEFAULT_DECAY = 0.5;
    private static final double W17_W18_CEILING = 2.0;

    private static final double[] DEFAULT_W = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    };

    public FsrsParameters {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(learningSteps, "learningSteps");
        Objects.requireNonNull(relearningSteps, "relearningSteps");
        if (!(requestRetention > 0 && requestRetention <= 1)) {
            throw new IllegalArgumentException("request retention must be in (0, 1], got " + requestRetention);
        }
        if (maximumInterval < 1) {
            throw new IllegalArgumentException("maximum interval must be at least 1 day, got " + maximumInterval);
        }
        learningSteps = checkedSteps("learning", learningSteps);
        relearningSteps = checkedSteps("relearning", relearningSteps);
        w = migrate(w, relearningSteps.size(), enableShortTerm);
    }

    /** ts-fsrs's defaults, except that fuzz is on, as the app wants it. */
    public static FsrsParameters defaults() {
        return new FsrsParameters(DEFAULT_W, 0.9, 36500, List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(10)), true, true);
    }

    /** The FSRS-6 default weights (a fresh copy). */
    public static double[] defaultWeights() {
        return DEFAULT_W.clone();
    }

    /** A fresh copy of the 21 migrated and clamped weights. */
    @Override
    public double[] w() {
        return w.clone();
    }

    public FsrsParameters withEnableFuzz(boolean fuzz) {
        return new FsrsParameters(w, requestRetention, maximumInterval, learningSteps, relearningSteps, enableShortTerm, fuzz);
    }

    /** The app's own rule for per-deck settings, stricter than what the scheduler accepts. */
    public FsrsParameters requireValidForDeck() {
        if (!(requestRetention >= DECK_MIN_RETENTION && requestRetention <= DECK_MAX_RETENTION)) {
            throw new IllegalArgumentException("desired retention must be between 0.70 and 0.99, got " + requestRetention);
        }
        return this;
    }

    private static List<Duration> checkedSteps(String kind, List<Duration> steps) {
        for (Duration step : steps) {
            Objects.requireNonNull(step, kind + " step");
            if (step.isNegative() || step.toSecondsPart() != 0 || step.toNanosPart() != 0) {
                throw new IllegalArgumentException(kind + " steps must be whole, non-negative minutes, got " + step);
            }
        }
        return List.copyOf(steps);
    }

    /** Turns a 17-, 19- or 21-number weight set into 21 clamped FSRS-6 weights, as ts-fsrs does. */
    static double[] migrate(double[] weights, int relearningStepCount, boolean enableShortTerm) {
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight w" + i + " is not a finite number: " + weights[i]);
            }
        }
        double[] clipped = clip(weights, relearningStepCount, enableShortTerm);
        double[] full = Arrays.copyOf(clipped, WEIGHT_COUNT);
        switch (weights.length) {
            case 21:
                break;
            case 19:
                full[19] = 0.0;
                full[20] = FSRS5_DEFAULT_DECAY;
                break;
            case 17:
                // FSRS-4.5 → FSRS-5 reparametrisation of initial difficulty; ts-fsrs rounds with toFixed(8).
                full[4] = toFixed8(full[5] * 2.0 + full[4]);
                full[5] = toFixed8(JsMath.log(full[5] * 3.0 + 1.0) / 3.0);
                full[6] = toFixed8(full[6] + 0.5);
                full[17] = 0.0;
                full[18] = 0.0;
                full[19] = 0.0;
                full[20] = FSRS5_DEFAULT_DECAY;
                break;
            default:
                throw new IllegalArgumentException(
                        "w must have 17, 19 or 21 numbers (FSRS-4.5, FSRS-5, FSRS-6), got " + weights.length);
        }
        return clip(full, relearningStepCount, enableShortTerm);
    }

    /** Clamps each weight present into ts-fsrs's range for it. */
    static double[] clip(double[] weights, int relearningStepCount, boolean enableShortTerm) {
        double[][] bounds = bounds(enableShortTerm);
        double w1718Max = W17_W18_CEILING;
        if (relearningStepCount > 1) {
            // Keep a lapse's post-relearning stability below its pre-lapse stability even after
            // every relearning step multiplies it by e^(w17*w18) (D=1, R=0.7, S=1 worst case).
            double w11 = clamp(weights[11], bounds[11][0], bounds[11][1]);
            double w13 = clamp(weights[13], bounds[13][0], bounds[13][1]);
            double w14 = clamp(weights[14], bounds[14][0], bounds[14][1]);
            double value = -(JsMath.log(w11) + JsMath.log(JsMath.pow(2.0, w13) - 1.0) + w14 * 0.3)
                    / relearningStepCount;
            w1718Max = clamp(roundTo8(StrictMath.sqrt(Math.max(value, 0))), 0.01, W17_W18_CEILING);
        }
        bounds[17][1] = w1718Max;
        bounds[18][1] = w1718Max;
        double[] result = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = clamp(weights[i], bounds[i][0], bounds[i][1]);
        }
        return result;
    }

    private static double[][] bounds(boolean enableShortTerm) {
        return new double[][] {
            {S_MIN, INIT_S_MAX}, {S_MIN, INIT_S_MAX}, {S_MIN, INIT_S_MAX}, {S_MIN, INIT_S_MAX},
            {1.0, 10.0}, {0.001, 4.0}, {0.001, 4.0}, {0.001, 0.75},
            {0.0, 4.5}, {0.0, 0.8}, {0.001, 3.5},
            {0.001, 5.0}, {0.001, 0.25}, {0.001, 0.9}, {0.0, 4.0},
            {0.0, 1.0}, {1.0, 6.0},
            {0.0, W17_W18_CEILING}, {0.0, W17_W18_CEILING},
            {enableShortTerm ? 0.01 : 0.0, 0.8},
            {0.1, 0.8},
        };
    }

    static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }

    /** ts-fsrs's roundTo(x, 8): Math.round(x * 1e8) / 1e8, with JavaScript's half-up rounding. */
    static double roundTo8(double value) {
        return Math.round(value * 1e8) / 1e8;
    }

    /** JavaScript's +x.toFixed(8): rounds the exact binary value half away from zero. */
    static double toFixed8(double value) {
        return Double.parseDouble(new BigDecimal(value).setScale(8, RoundingMode.HALF_UP).toPlainString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrsParameters p
                && Arrays.equals(w, p.w)
                && Double.compare(requestRetention, p.requestRetention) == 0
                && maximumInterval == p.maximumInterval
                && learningSteps.equals(p.learningSteps)
                && relearningSteps.equals(p.relearningSteps)
                && enableShortTerm == p.enableShortTerm
                && enableFuzz == p.enableFuzz;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(w), requestRetention, maximumInterval, learningSteps, relearningSteps,
                enableShortTerm, enableFuzz);
    }

    @Override
    public String toString() {
        return "FsrsParameters[w=" + Arrays.toString(w) + ", requestRetention=" + requestRetention
                + ", maximumInterval=" + maximumInterval + ", learningSteps=" + learningSteps
                + ", relearningSteps=" + relearningSteps + ", enableShortTerm=" + enableShortTerm
                + ", enableFuzz=" + enableFuzz + "]";
    }
}
