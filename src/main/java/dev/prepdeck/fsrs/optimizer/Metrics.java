package dev.prepdeck.fsrs.optimizer;

/**
 * How well predicted recall matched what happened, as fsrs-rs measures it: the weighted log loss
 * (binary cross-entropy) and RMSE(bins), the root mean square gap between predicted and actual recall rate in
 * bins of similar items (by interval, number of reviews and lapses), each bin weighted by its items' weights.
 */
public record Metrics(double logLoss, double rmseBins, int items) {
}
