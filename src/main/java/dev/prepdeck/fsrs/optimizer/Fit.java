package dev.prepdeck.fsrs.optimizer;

/**
 * What {@link Optimizer#fit} produced: 21 FSRS-6 parameters, how they were obtained, and how many items the
 * training used (after outlier filtering).
 */
public record Fit(double[] parameters, Outcome outcome, int trainingItems) {

    public enum Outcome {
        /** Fewer than 8 usable items, or no card with a first interval: the default parameters. */
        DEFAULTS("too little review history: the default parameters are kept"),
        /** Fewer than 64 usable items: only the four initial stabilities were estimated. */
        INITIAL_STABILITIES_ONLY("little review history: only the four initial stabilities were fitted"),
        /** All 21 parameters were trained. */
        OPTIMIZED("all 21 parameters were fitted");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public Fit {
        parameters = parameters.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }
}
