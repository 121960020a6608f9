package dev.prepdeck.fsrs.optimizer;

/** fsrs-rs's bounds for FSRS-6 parameters, applied after every training step. */
final class ParameterClipper {
    private static final double[][] BOUNDS = {
        {MemoryModel.S_MIN, InitialStability.MAX_INITIAL_STABILITY},
        {MemoryModel.S_MIN, InitialStability.MAX_INITIAL_STABILITY},
        {MemoryModel.S_MIN, InitialStability.MAX_INITIAL_STABILITY},
        {MemoryModel.S_MIN, InitialStability.MAX_INITIAL_STABILITY},
        {MemoryModel.D_MIN, MemoryModel.D_MAX}, {0.001, 4.0}, {0.001, 4.0}, {0.001, 0.75},
        {0.0, 4.5}, {0.0, 0.8}, {0.001, 3.5},
        {0.001, 5.0}, {0.001, 0.25}, {0.001, 0.9}, {0.0, 4.0},
        {0.0, 1.0}, {1.0, 6.0},
        {0.0, 2.0}, {0.0, 2.0},
        {0.0, 0.8}, {0.1, 0.8},
    };

    private ParameterClipper() {
    }

    /** Clamps {@code w} in place. */
    static void clip(double[] w, int relearningSteps, boolean enableShortTerm) {
        // With several relearning steps, a lapse followed by them must not end above the stability before
        // it; solved for w17 * w18 at D = 1, R = 0.7, S = 1.
        double w17w18Ceiling = 2.0;
        if (relearningSteps > 1) {
            double bound = -(Math.log(w[11]) + Math.log(Math.pow(2.0, w[13]) - 1.0) + w[14] * 0.3) / relearningSteps;
            w17w18Ceiling = Math.min(Math.sqrt(Math.max(bound, 0.01)), 2.0);
        }
        for (int i = 0; i < w.length; i++) {
            double low = BOUNDS[i][0];
            double high = BOUNDS[i][1];
            if (i == 17 || i == 18) {
                high = w17w18Ceiling;
            } else if (i == 19 && enableShortTerm) {
                low = 0.01;
            }
            w[i] = MemoryModel.clamp(w[i], low, high);
        }
    }
}
