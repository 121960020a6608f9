package dev.prepdeck.fsrs.optimizer;

import dev.prepdeck.fsrs.FsrsParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Fits FSRS-6's 21 parameters to a learner's review history the way fsrs-rs (v6.5.0) does, and measures how
 * well parameters predict that history. Pure computation: items in, numbers out.
 *
 * <p>Fitting: outlier filtering ({@link ItemSelection}), the four initial stabilities estimated first
 * ({@link InitialStability}), then Adam on the recency-weighted log loss of every training item plus an L2
 * pull towards the starting parameters, in shuffled batches, with a cosine-annealed learning rate, the
 * parameters clipped after every step and the epoch with the lowest loss kept. The same input and seed
 * always give the same parameters. An instance holds only its settings, so one may serve several threads.
 */
public final class Optimizer {
    private static final double[] PARAMETER_SPREAD = {
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
        0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
    };
    /** Usable items below which the defaults are kept. */
    public static final int MIN_ITEMS_TO_FIT = 8;
    /** Usable items below which only the four initial stabilities are fitted. */
    public static final int MIN_ITEMS_TO_TRAIN = 64;
    /** Items a time-series split needs: one in each of its six segments. */
    public static final int MIN_ITEMS_TO_SPLIT = 6;
    private static final int TIME_SERIES_SPLITS = MIN_ITEMS_TO_SPLIT - 1;

    private final TrainingConfig config;

    public Optimizer() {
        this(TrainingConfig.DEFAULT);
    }

    public Optimizer(TrainingConfig config) {
        this.config = config;
    }

    /** FSRS-6's default parameters (a fresh copy). */
    public static double[] defaultParameters() {
        return FsrsParameters.defaultWeights();
    }

    /**
     * Fits parameters to {@code set}: the defaults below 8 usable items, only the four initial stabilities
     * below 64, all 21 otherwise.
     *
     * @throws ArithmeticException if training produced a parameter that is not a finite number
     */
    public Fit fit(TrainingSet set) {
        ItemSelection selection = ItemSelection.of(set);
        int[] training = selection.training();
        if (training.length < MIN_ITEMS_TO_FIT) {
            return new Fit(defaultParameters(), Fit.Outcome.DEFAULTS, training.length);
        }
        double averageRecall = 0;
        for (int item : training) {
            averageRecall += set.recalled(item) ? 1 : 0;
        }
        averageRecall /= training.length;
        Optional<InitialStability.Result> initial =
                InitialStability.estimate(set, selection.initialisation(), averageRecall);
        if (initial.isEmpty()) {
            return new Fit(defaultParameters(), Fit.Outcome.DEFAULTS, training.length);
        }
        double[] start = defaultParameters();
        System.arraycopy(initial.get().stabilities(), 0, start, 0, 4);
        if (training.length == selection.initialisation().length || training.length < MIN_ITEMS_TO_TRAIN) {
            return new Fit(start, Fit.Outcome.INITIAL_STABILITIES_ONLY, training.length);
        }
        double[] trained = train(set, training, start);
        for (double value : trained) {
            if (!Double.isFinite(value)) {
                throw new ArithmeticException("training diverged: a parameter is not a finite number");
            }
        }
        int[] counts = initial.get().countByFirstRating();
        double[] byRating = new double[5];
        System.arraycopy(trained, 0, byRating, 1, 4);
        double[] smoothed = InitialStability.smoothAndFill(byRating, counts).orElseThrow();
        System.arraycopy(smoothed, 0, trained, 0, 4);
        return new Fit(trained, Fit.Outcome.OPTIMIZED, training.length);
    }

    private double[] train(TrainingSet set, int[] training, double[] start) {
        double[] allWeights = recencyWeights(training.length);
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < training.length; k++) {
            if (set.length(training[k]) <= config.maxReviewsPerItem()) {
                kept.add(k);
            }
        }
        int total = kept.size();
        int[] items = new int[total];
        double[] weights = new double[total];
        for (int k = 0; k < total; k++) {
            items[k] = training[kept.get(k)];
            weights[k] = allWeights[kept.get(k)];
        }
        HistoryForest[] batches = batches(set, items, weights);
        HistoryForest everything = HistoryForest.of(set, items, weights);

        MemoryModel model = new MemoryModel();
        CosineAnnealing learningRate = new CosineAnnealing(
                (double) (total / config.batchSize() + 1) * config.epochs(), config.learningRate());
        Adam adam = new Adam(21);
        ChaCha12Random random = new ChaCha12Random(config.seed());
        double[] w = start.clone();
        double[] best = w.clone();
        double bestLoss = Double.POSITIVE_INFINITY;
        int[] order = new int[batches.length];
        double[] gradient = new double[21];
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int b = 0; b < order.length; b++) {
                order[b] = b;
            }
            random.shuffle(order);
            for (int b : order) {
                HistoryForest batch = batches[b];
                double rate = learningRate.step();
                Arrays.fill(gradient, 0.0);
                model.lossAndGradient(w, batch, gradient);
                double scale = config.gamma() * batch.targetCount / total;
                for (int k = 0; k < 21; k++) {
                    double spread = PARAMETER_SPREAD[k];
                    gradient[k] += 2.0 * (w[k] - start[k]) / (spread * spread) * scale;
                }
                if (!config.enableShortTerm()) {
                    // fsrs-rs then also keeps the pretrained initial stabilities, besides w17-w19
                    Arrays.fill(gradient, 0, 4, 0.0);
                    Arrays.fill(gradient, 17, 20, 0.0);
                }
                adam.step(w, gradient, rate);
                ParameterClipper.clip(w, config.relearningSteps(), config.enableShortTerm());
            }
            double epochLoss = (model.loss(w, everything) + config.gamma() * penalty(w, start)) / total;
            if (epochLoss < bestLoss) {
                bestLoss = epochLoss;
                best = w.clone();
            }
        }
        return best;
    }

    /** Items sorted by length (stably) and cut into batches, as fsrs-rs batches them. */
    private HistoryForest[] batches(TrainingSet set, int[] items, double[] weights) {
        Integer[] byLength = new Integer[items.length];
        for (int k = 0; k < items.length; k++) {
            byLength[k] = k;
        }
        Arrays.sort(byLength, (a, b) -> Integer.compare(set.length(items[a]), set.length(items[b])));
        int count = (items.length + config.batchSize() - 1) / config.batchSize();
        HistoryForest[] batches = new HistoryForest[count];
        for (int b = 0; b < count; b++) {
            int from = b * config.batchSize();
            int to = Math.min(items.length, from + config.batchSize());
            int[] batchItems = new int[to - from];
            double[] batchWeights = new double[to - from];
            for (int k = from; k < to; k++) {
                batchItems[k - from] = items[byLength[k]];
                batchWeights[k - from] = weights[byLength[k]];
            }
            batches[b] = HistoryForest.of(set, batchItems, batchWeights);
        }
        return batches;
    }

    private static double penalty(double[] w, double[] start) {
        double sum = 0;
        for (int k = 0; k < 21; k++) {
            double delta = w[k] - start[k];
            sum += delta * delta / (PARAMETER_SPREAD[k] * PARAMETER_SPREAD[k]);
        }
        return sum;
    }

    /** Weight 0.25 for the oldest item rising along a cubic to 1 for the newest. */
    static double[] recencyWeights(int count) {
        double[] weights = new double[count];
        double last = Math.max(count - 1.0, 1.0);
        for (int k = 0; k < count; k++) {
            double x = k / last;
            weights[k] = 0.25 + 0.75 * x * x * x;
        }
        return weights;
    }

    /**
     * Log loss and RMSE(bins) of {@code parameters} on every item of {@code set}, recency-weighted as fsrs-rs's
     * {@code evaluate} does.
     */
    public Metrics evaluate(double[] parameters, TrainingSet set) {
        requireItems(set);
        int[] items = allItems(set);
        double[] weights = recencyWeights(items.length);
        double[] predictions = new MemoryModel().predict(checked(parameters), HistoryForest.of(set, items, weights));
        Scores scores = new Scores();
        for (int k = 0; k < items.length; k++) {
            scores.add(set, items[k], predictions[k], weights[k]);
        }
        return scores.metrics();
    }

    /**
     * fsrs-rs's time-series split: the items, in time order, cut into six equal segments; for each of the
     * last five, parameters are fitted to all items before it and predict it. Log loss and RMSE(bins) over
     * all five predicted segments (unweighted).
     */
    public Metrics evaluateTimeSeriesSplits(TrainingSet set) {
        int segment = segmentLength(set);
        // The five fits are independent and each is deterministic, so they run side by side; scoring stays in order.
        double[][] fitted = IntStream.range(0, TIME_SERIES_SPLITS).parallel()
                .mapToObj(split -> fit(set.slice(0, (split + 1) * segment)).parameters())
                .toArray(double[][]::new);
        return scoreLaterSegments(set, split -> fitted[split]);
    }

    /**
     * {@code parameters} scored on the same five later segments as {@link #evaluateTimeSeriesSplits}, unweighted:
     * what fixed parameters (the ones in use) achieve on the items the split predicts, to set beside it.
     */
    public Metrics evaluateLaterSegments(double[] parameters, TrainingSet set) {
        double[] w = checked(parameters);
        return scoreLaterSegments(set, split -> w);
    }

    private static int segmentLength(TrainingSet set) {
        int segment = set.itemCount() / (TIME_SERIES_SPLITS + 1);
        if (segment == 0) {
            throw new IllegalArgumentException("a time-series split needs at least " + MIN_ITEMS_TO_SPLIT
                    + " items, got " + set.itemCount());
        }
        return segment;
    }

    /** Scores each of the last five segments with the parameters {@code parametersFor} gives that split. */
    private Metrics scoreLaterSegments(TrainingSet set, IntFunction<double[]> parametersFor) {
        int segment = segmentLength(set);
        Scores scores = new Scores();
        for (int split = 0; split < TIME_SERIES_SPLITS; split++) {
            int testStart = (split + 1) * segment;
            int testEnd = split == TIME_SERIES_SPLITS - 1 ? set.itemCount() : (split + 2) * segment;
            double[] parameters = parametersFor.apply(split);
            int[] test = new int[testEnd - testStart];
            double[] ones = new double[test.length];
            for (int k = 0; k < test.length; k++) {
                test[k] = testStart + k;
                ones[k] = 1.0;
            }
            double[] predictions = new MemoryModel().predict(parameters, HistoryForest.of(set, test, ones));
            for (int k = 0; k < test.length; k++) {
                scores.add(set, test[k], predictions[k], 1.0);
            }
        }
        return scores.metrics();
    }

    private static void requireItems(TrainingSet set) {
        if (set.itemCount() == 0) {
            throw new IllegalArgumentException("no items to evaluate: no card was reviewed again on a later day");
        }
    }

    private static double[] checked(double[] parameters) {
        if (parameters.length != FsrsParameters.WEIGHT_COUNT) {
            throw new IllegalArgumentException("expected 21 parameters, got " + parameters.length);
        }
        for (int k = 0; k < parameters.length; k++) {
            if (!Double.isFinite(parameters[k])) {
                throw new IllegalArgumentException("parameter w" + k + " is not a finite number");
            }
        }
        return parameters.clone();
    }

    private static int[] allItems(TrainingSet set) {
        int[] items = new int[set.itemCount()];
        for (int k = 0; k < items.length; k++) {
            items[k] = k;
        }
        return items;
    }

    /** Accumulates log loss and the RMSE bins. */
    private static final class Scores {
        private final Map<Long, double[]> bins = new HashMap<>();
        private double logLoss;
        private double weightSum;
        private int count;

        void add(TrainingSet set, int item, double prediction, double weight) {
            boolean recalled = set.recalled(item);
            logLoss -= weight * (recalled ? Math.log(prediction) : Math.log(1.0 - prediction));
            weightSum += weight;
            count++;
            double[] bin = bins.computeIfAbsent(binOf(set, item), key -> new double[4]);
            bin[0] += prediction;
            bin[1] += recalled ? 1 : 0;
            bin[2] += 1;
            bin[3] += weight;
        }

        Metrics metrics() {
            double squares = 0;
            double weights = 0;
            for (double[] bin : bins.values()) {
                double gap = bin[0] / bin[2] - bin[1] / bin[2];
                squares += gap * gap * bin[3];
                weights += bin[3];
            }
            return new Metrics(logLoss / weightSum, Math.sqrt(squares / weights), count);
        }

        /** fsrs-rs's bin: interval, review count and lapse count, each on a geometric scale. */
        private static long binOf(TrainingSet set, int item) {
            double days = set.currentElapsedDays(item);
            long daysBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(days) / Math.log(3.62))) * 100.0);
            double length = set.longTermReviewCount(item) + 1.0;
            long lengthBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89))));
            int lapses = set.lapsesBefore(item);
            long lapseBin = lapses == 0 ? 0
                    : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
            return (daysBin << 40) | (lengthBin << 20) | lapseBin;
        }
    }
}
