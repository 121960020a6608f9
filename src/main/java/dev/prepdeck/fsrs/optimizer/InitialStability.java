package dev.prepdeck.fsrs.optimizer;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The first four parameters (stability after a first rating of Again, Hard, Good, Easy) estimated from the
 * initialisation items alone, as fsrs-rs does before training. For each first rating, the recall rate at each
 * first interval (smoothed towards the average recall with one pseudo-review) is fitted by the forgetting
 * curve with the default decay, by ternary search over [0.001, 100] on the count-weighted log loss plus
 * |S - default| / 16. Ratings without data are then filled from the others, and stabilities that fall with a
 * better rating are evened out.
 */
final class InitialStability {
    static final double MAX_INITIAL_STABILITY = 100.0;
    private static final double[] DEFAULTS = Optimizer.defaultParameters();
    private static final double W1 = 0.41;
    private static final double W2 = 0.54;

    /** What pretraining found: four stabilities and how many initialisation items each first rating had. */
    record Result(double[] stabilities, int[] countByFirstRating) {
    }

    private InitialStability() {
    }

    /** Empty if no first rating has any initialisation item. */
    static Optional<Result> estimate(TrainingSet set, int[] initialisationItems, double averageRecall) {
        // first rating -> first interval -> {recalled, count}
        Map<Integer, Map<Integer, int[]>> groups = new TreeMap<>();
        for (int item : initialisationItems) {
            int[] tally = groups.computeIfAbsent(set.firstRating(item), r -> new TreeMap<>())
                    .computeIfAbsent(set.currentElapsedDays(item), days -> new int[2]);
            tally[0] += set.recalled(item) ? 1 : 0;
            tally[1]++;
        }
        double[] found = new double[5];
        int[] counts = new int[5];
        for (Map.Entry<Integer, Map<Integer, int[]>> byRating : groups.entrySet()) {
            int rating = byRating.getKey();
            int n = byRating.getValue().size();
            double[] days = new double[n];
            double[] recall = new double[n];
            double[] count = new double[n];
            int k = 0;
            for (Map.Entry<Integer, int[]> group : byRating.getValue().entrySet()) {
                int[] tally = group.getValue();
                days[k] = group.getKey();
                count[k] = tally[1];
                double rate = (double) tally[0] / tally[1];
                recall[k] = (rate * count[k] + averageRecall) / (count[k] + 1.0);
                counts[rating] += tally[1];
                k++;
            }
            found[rating] = search(days, recall, count, DEFAULTS[rating - 1]);
        }
        return smoothAndFill(found, counts).map(stabilities -> new Result(stabilities, counts));
    }

    private static double search(double[] days, double[] recall, double[] count, double defaultStability) {
        double low = MemoryModel.S_MIN;
        double high = MAX_INITIAL_STABILITY;
        double optimum = defaultStability;
        for (int iteration = 0; high - low > Math.ulp(1.0) && iteration < 1000; iteration++) {
            double mid1 = low + (high - low) / 3.0;
            double mid2 = high - (high - low) / 3.0;
            if (loss(days, recall, count, mid1, defaultStability) < loss(days, recall, count, mid2, defaultStability)) {
                high = mid2;
            } else {
                low = mid1;
            }
            optimum = (high + low) / 2.0;
        }
        return optimum;
    }

    private static double loss(double[] days, double[] recall, double[] count, double stability,
            double defaultStability) {
        double decay = -DEFAULTS[20];
        double factor = Math.pow(0.9, 1.0 / decay) - 1.0;
        double logLoss = 0;
        for (int i = 0; i < days.length; i++) {
            double predicted = Math.pow(days[i] / stability * factor + 1.0, decay);
            logLoss += -(recall[i] * Math.log(predicted) + (1.0 - recall[i]) * Math.log(1.0 - predicted)) * count[i];
        }
        return logLoss + Math.abs(stability - defaultStability) / 16.0;
    }

    /**
     * Makes stabilities rise with the rating and fills ratings without initialisation items from those with.
     * {@code stabilities} and {@code counts} are indexed by rating 1..4; a count of 0 means no data.
     */
    static Optional<double[]> smoothAndFill(double[] stabilities, int[] counts) {
        Double[] s = new Double[5];
        for (int rating = 1; rating <= 4; rating++) {
            s[rating] = counts[rating] > 0 ? stabilities[rating] : null;
        }
        int[][] pairs = {{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}};
        for (int[] pair : pairs) {
            int small = pair[0];
            int big = pair[1];
            if (s[small] != null && s[big] != null && s[small] > s[big]) {
                if (counts[small] > counts[big]) {
                    s[big] = s[small];
                } else {
                    s[small] = s[big];
                }
            }
        }
        int present = 0;
        for (int rating = 1; rating <= 4; rating++) {
            present += s[rating] != null ? 1 : 0;
        }
        if (present == 0) {
            return Optional.empty();
        }
        if (present == 1) {
            for (int rating = 1; rating <= 4; rating++) {
                if (s[rating] != null) {
                    double factor = s[rating] / DEFAULTS[rating - 1];
                    for (int other = 1; other <= 4; other++) {
                        s[other] = DEFAULTS[other - 1] * factor;
                    }
                    break;
                }
            }
        } else if (present == 2) {
            fillFromTwo(s);
        } else if (present == 3) {
            fillFromThree(s);
        }
        double[] result = new double[4];
        for (int rating = 1; rating <= 4; rating++) {
            result[rating - 1] = MemoryModel.clamp(s[rating], MemoryModel.S_MIN, MAX_INITIAL_STABILITY);
        }
        return Optional.of(result);
    }

    private static void fillFromTwo(Double[] s) {
        if (s[3] != null && s[4] != null) {
            s[2] = Math.pow(s[3], 1 / (1 - W2)) * Math.pow(s[4], 1 - 1 / (1 - W2));
            s[1] = Math.pow(s[2], 1 / W1) * Math.pow(s[3], 1 - 1 / W1);
        } else if (s[2] != null && s[4] != null) {
            s[3] = Math.pow(s[2], 1 - W2) * Math.pow(s[4], W2);
            s[1] = Math.pow(s[2], 1 / W1) * Math.pow(s[3], 1 - 1 / W1);
        } else if (s[2] != null && s[3] != null) {
            s[4] = Math.pow(s[2], 1 - 1 / W2) * Math.pow(s[3], 1 / W2);
            s[1] = Math.pow(s[2], 1 / W1) * Math.pow(s[3], 1 - 1 / W1);
        } else if (s[1] != null && s[4] != null) {
            double denominator = W1 * -W2 + (W1 + W2);
            s[2] = Math.pow(s[1], W1 / denominator) * Math.pow(s[4], 1 - W1 / denominator);
            s[3] = Math.pow(s[1], 1 - W2 / denominator) * Math.pow(s[4], W2 / denominator);
        } else if (s[1] != null && s[3] != null) {
            s[2] = Math.pow(s[1], W1) * Math.pow(s[3], 1 - W1);
            s[4] = Math.pow(s[2], 1 - 1 / W2) * Math.pow(s[3], 1 / W2);
        } else {
            s[3] = Math.pow(s[1], 1 - 1 / (1 - W1)) * Math.pow(s[2], 1 / (1 - W1));
            s[4] = Math.pow(s[2], 1 - 1 / W2) * Math.pow(s[3], 1 / W2);
        }
    }

    private static void fillFromThree(Double[] s) {
        if (s[1] == null) {
            s[1] = Math.pow(s[2], 1 / W1) * Math.pow(s[3], 1 - 1 / W1);
        } else if (s[2] == null) {
            s[2] = Math.pow(s[1], W1) * Math.pow(s[3], 1 - W1);
        } else if (s[3] == null) {
            s[3] = Math.pow(s[2], 1 - W2) * Math.pow(s[4], W2);
        } else {
            s[4] = Math.pow(s[2], 1 - 1 / W2) * Math.pow(s[3], 1 / W2);
        }
    }
}
