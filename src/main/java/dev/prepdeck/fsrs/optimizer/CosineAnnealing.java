package dev.prepdeck.fsrs.optimizer;

/**
 * The learning rate along half a cosine, as fsrs-rs anneals it: the initial rate at the first step, falling
 * towards 0 over {@code period} steps (step k uses initial (1 + cos(pi (k - 1) / period)) / 2).
 */
final class CosineAnnealing {
    private final double period;
    private final double initialRate;
    private long steps;

    CosineAnnealing(double period, double initialRate) {
        this.period = period;
        this.initialRate = initialRate;
    }

    /** The rate for the next step. */
    double step() {
        double rate = initialRate * (1.0 + Math.cos(Math.PI * steps / period)) / 2.0;
        steps++;
        return rate;
    }
}
