package dev.prepdeck.optimize;

import dev.prepdeck.deck.Deck;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.optimizer.Fit;
import dev.prepdeck.fsrs.optimizer.Metrics;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.RetentionSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One run of the optimizer on a deck with its sub-decks ({@code deck} null: every deck), everything its page and
 * the API show. {@code fitted} are rounded to 4 decimals, as they are shown and stored, and {@code after} scores
 * those. {@code current} are the weights the decks schedule with now ({@code currentShared} false: the decks use
 * different weights, and the defaults stand in). {@code before} and {@code after} are null without any item,
 * {@code split} and {@code retention} without enough history to fit.
 */
public record Optimization(
        Deck deck,
        DeckScope scope,
        int reviews,
        int cards,
        int items,
        Fit.Outcome outcome,
        int usableItems,
        double[] current,
        boolean currentShared,
        double[] fitted,
        Metrics before,
        Metrics after,
        SplitComparison split,
        RetentionSimulator.Table retention,
        Double currentRetention) {

    /** The time-series split: parameters fitted to earlier reviews predicting later ones, beside the current ones. */
    public record SplitComparison(Metrics fitted, Metrics current) {
        /** Relative drop in log loss on the predicted reviews; negative when the fit predicts them worse. */
        public double improvement() {
            return (current.logLoss() - fitted.logLoss()) / current.logLoss();
        }

        public boolean fitHelps() {
            return fitted.logLoss() < current.logLoss();
        }
    }

    /** One weight as the page lists it: its index, current and fitted value. */
    public record WeightRow(int index, String current, String fitted, boolean changed) {
    }

    public Optimization {
        current = current.clone();
        fitted = fitted.clone();
    }

    @Override
    public double[] current() {
        return current.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    /** Whether anything was fitted; below {@link Optimizer#MIN_ITEMS_TO_FIT} usable items the defaults are kept. */
    public boolean fittedAnything() {
        return outcome != Fit.Outcome.DEFAULTS;
    }

    public int minimumToFit() {
        return Optimizer.MIN_ITEMS_TO_FIT;
    }

    public int minimumToTrain() {
        return Optimizer.MIN_ITEMS_TO_TRAIN;
    }

    /** Usable items still missing before anything is fitted (0 once something is). */
    public int itemsToFit() {
        return Math.max(0, Optimizer.MIN_ITEMS_TO_FIT - usableItems);
    }

    /** The message key of how the page names the weights the fit is compared with. */
    public String currentLabelKey() {
        if (!currentShared) {
            return "optimize.current.differ";
        }
        return Arrays.equals(current, FsrsParameters.defaultWeights()) ? "optimize.current.defaults" : "optimize.current";
    }

    /** Usable items still missing before all 21 parameters are fitted (0 when they were). */
    public int itemsToFullFit() {
        return Math.max(0, Optimizer.MIN_ITEMS_TO_TRAIN - usableItems);
    }

    /** The fitted weights as the accept form sends them. */
    public String fittedText() {
        List<String> parts = new ArrayList<>();
        for (double w : fitted) {
            parts.add(decimals(w));
        }
        return String.join(", ", parts);
    }

    public List<WeightRow> weightRows() {
        List<WeightRow> rows = new ArrayList<>();
        for (int i = 0; i < fitted.length; i++) {
            String now = decimals(current[i]);
            String next = decimals(fitted[i]);
            rows.add(new WeightRow(i, now, next, !now.equals(next)));
        }
        return rows;
    }

    /** 4 decimals, as Anki shows and stores FSRS parameters. */
    static String decimals(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static double[] rounded(double[] weights) {
        double[] result = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = Math.round(weights[i] * 1e4) / 1e4;
        }
        return result;
    }
}
