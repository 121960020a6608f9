package dev.prepdeck.fsrs.optimizer;

/**
 * How the optimizer trains. {@link #DEFAULT} is fsrs-rs's: 5 epochs of batches of 512 items visited in an
 * order shuffled with seed 2023, Adam at a learning rate of 0.04 annealed along a cosine, items of at most
 * 256 reviews, an L2 pull towards the starting parameters of strength 1, the short-term (same-day)
 * parameters trained, and one relearning step (which caps w17 and w18).
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        long seed,
        double learningRate,
        int maxReviewsPerItem,
        double gamma,
        boolean enableShortTerm,
        int relearningSteps) {

    public static final TrainingConfig DEFAULT = new TrainingConfig(5, 512, 2023, 4e-2, 256, 1.0, true, 1);

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1 || maxReviewsPerItem < 2 || relearningSteps < 0) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1, items must allow 2 reviews"
                    + " and relearning steps must not be negative");
        }
        if (!(learningRate > 0) || !(gamma >= 0)) {
            throw new IllegalArgumentException("learning rate must be positive and gamma not negative");
        }
    }

    /**
     * These settings with a deck's schedule, as Anki hands it to fsrs-rs: whether same-day (short-term) reviews
     * are modelled, and how many relearning steps follow a lapse (more than one caps w17 and w18).
     */
    public TrainingConfig withSchedule(boolean newEnableShortTerm, int newRelearningSteps) {
        return new TrainingConfig(epochs, batchSize, seed, learningRate, maxReviewsPerItem, gamma, newEnableShortTerm,
                newRelearningSteps);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(epochs, batchSize, newSeed, learningRate, maxReviewsPerItem, gamma, enableShortTerm,
                relearningSteps);
    }
}
