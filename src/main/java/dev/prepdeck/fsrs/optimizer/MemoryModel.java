package dev.prepdeck.fsrs.optimizer;

import java.util.Arrays;

/**
 * FSRS-6's memory model as fsrs-rs trains it, run over a {@link HistoryForest}: the stability and difficulty
 * after every history node, the predicted recall of every target, the weighted log loss, and its exact
 * gradient by hand-written backpropagation (reverse mode through the same branches the forward pass took).
 *
 * <p>Where fsrs-rs clamps, the gradient stops as it does there: a stability that fell below 0.001 or above
 * 36500, a difficulty outside [1, 10] and a training prediction outside (1e-7, 1 - 1e-7) pass none. A value
 * exactly on a bound still passes it (so a first stability clipped to 0.001 can still rise again, which
 * fsrs-rs v6.5.0's fits show). A same-day review uses the short-term stability branch whatever its rating;
 * a lapse takes the smaller of its raw stability and the floor S / e^(w17 w18).
 *
 * <p>Not thread-safe: each instance keeps its work arrays; use one per thread.
 */
final class MemoryModel {
    static final double S_MIN = 0.001;
    static final double S_MAX = 36500.0;
    static final double D_MIN = 1.0;
    static final double D_MAX = 10.0;
    private static final double MIN_PROBABILITY = 1e-7;
    private static final double MAX_PROBABILITY = 1.0 - 1e-7;
    private static final double LN_09 = Math.log(0.9);

    private static final byte FIRST = 0;
    private static final byte SAME_DAY = 1;
    private static final byte SAME_DAY_FLOORED = 2;
    private static final byte LAPSE = 3;
    private static final byte LAPSE_FLOORED = 4;
    private static final byte RECALL = 5;

    private double[] stability = new double[0];
    private double[] difficulty = new double[0];
    /** Whether the stability (bit 0) and difficulty (bit 1) before clamping lay within their bounds. */
    private byte[] inside = new byte[0];
    private byte[] branch = new byte[0];
    private double[] retrievability = new double[0];
    private double[] logBase = new double[0];
    /** Branch values kept for the backward pass (see {@link #forward}). */
    private double[] first = new double[0];
    private double[] second = new double[0];
    private double[] stabilityGradient = new double[0];
    private double[] difficultyGradient = new double[0];

    /** Predicted recall of every target of {@code forest} under parameters {@code w}. */
    double[] predict(double[] w, HistoryForest forest) {
        forward(w, forest);
        Curve curve = new Curve(w[20]);
        double[] predictions = new double[forest.targetCount];
        for (int j = 0; j < forest.targetCount; j++) {
            predictions[j] = curve.retrievability(forest.targetElapsedDays[j], stability[forest.targetNode[j]]);
        }
        return predictions;
    }

    /** The weighted log loss summed over targets, predictions clamped into (1e-7, 1 - 1e-7) as in training. */
    double loss(double[] w, HistoryForest forest) {
        forward(w, forest);
        Curve curve = new Curve(w[20]);
        double loss = 0;
        for (int j = 0; j < forest.targetCount; j++) {
            double r = curve.retrievability(forest.targetElapsedDays[j], stability[forest.targetNode[j]]);
            loss += clampedLogLoss(r, forest.targetRecalled[j], forest.targetWeight[j]);
        }
        return loss;
    }

    /** Like {@link #loss}, and adds its gradient with respect to {@code w} into {@code gradient}. */
    double lossAndGradient(double[] w, HistoryForest forest, double[] gradient) {
        forward(w, forest);
        int nodes = forest.nodeCount;
        double[] gS = stabilityGradient;
        double[] gD = difficultyGradient;
        Arrays.fill(gS, 0, nodes, 0.0);
        Arrays.fill(gD, 0, nodes, 0.0);
        Curve curve = new Curve(w[20]);
        double loss = 0;
        double g20 = 0;
        for (int j = 0; j < forest.targetCount; j++) {
            int node = forest.targetNode[j];
            double t = Math.max(forest.targetElapsedDays[j], 0.0);
            double s = stability[node];
            double base = curve.factor * t / s + 1.0;
            double lnBase = Math.log(base);
            double r = Math.exp(curve.decay * lnBase);
            boolean recalled = forest.targetRecalled[j];
            double weight = forest.targetWeight[j];
            loss += clampedLogLoss(r, recalled, weight);
            if (r > MIN_PROBABILITY && r < MAX_PROBABILITY && weight != 0) {
                double gR = recalled ? -weight / r : weight / (1.0 - r);
                gS[node] += gR * curve.dRdS(r, base, t, s);
                g20 += gR * curve.dRdW20(r, base, lnBase, t, s);
            }
        }
        gradient[20] += g20;
        backward(w, forest, gradient);
        return loss;
    }

    private static double clampedLogLoss(double r, boolean recalled, double weight) {
        if (weight == 0) {
            return 0;
        }
        double p = Math.min(Math.max(r, MIN_PROBABILITY), MAX_PROBABILITY);
        return -weight * (recalled ? Math.log(p) : Math.log(1.0 - p));
    }

    /**
     * Stability and difficulty after every node. Kept per node for the backward pass: the prediction R at
     * the review and ln of the curve's base; for a same-day review the raw multiplier e^(w17 (G - 3 + w18))
     * S^-w19; for a lapse w11 D^-w12 e^((1-R) w14) and (S+1)^w13, or the floor value; for a recall
     * e^w8 (11 - D) S^-w9 and e^((1-R) w10).
     */
    private void forward(double[] w, HistoryForest forest) {
        int nodes = forest.nodeCount;
        ensureCapacity(nodes);
        double decay = -w[20];
        double factor = Math.exp(LN_09 / decay) - 1.0;
        double expW8 = Math.exp(w[8]);
        double lapseFloorDivisor = Math.exp(w[17] * w[18]);
        double easyDifficulty = initialDifficulty(w, 4);
        double[] sameDayFactor = new double[5];
        for (int grade = 1; grade <= 4; grade++) {
            sameDayFactor[grade] = Math.exp(w[17] * (grade - 3.0 + w[18]));
        }
        int[] parent = forest.parent;
        int[] rating = forest.rating;
        double[] elapsed = forest.elapsedDays;
        for (int i = 0; i < nodes; i++) {
            int p = parent[i];
            int grade = rating[i];
            if (p < 0) {
                double s = w[grade - 1];
                double d = initialDifficulty(w, grade);
                stability[i] = clamp(s, S_MIN, S_MAX);
                difficulty[i] = clamp(d, D_MIN, D_MAX);
                inside[i] = insideBits(s, d);
                branch[i] = FIRST;
                continue;
            }
            double lastS = stability[p];
            double lastD = difficulty[p];
            double t = elapsed[i];
            double newS;
            if (t == 0) {
                double multiplier = sameDayFactor[grade] * Math.pow(lastS, -w[19]);
                if (grade >= 2 && multiplier < 1.0) {
                    newS = lastS;
                    branch[i] = SAME_DAY_FLOORED;
                } else {
                    newS = lastS * multiplier;
                    first[i] = multiplier;
                    branch[i] = SAME_DAY;
                }
            } else {
                double lnBase = Math.log(factor * t / lastS + 1.0);
                double r = Math.exp(decay * lnBase);
                retrievability[i] = r;
                logBase[i] = lnBase;
                if (grade == 1) {
                    double q = w[11] * Math.pow(lastD, -w[12]) * Math.exp((1.0 - r) * w[14]);
                    double power = Math.pow(lastS + 1.0, w[13]);
                    double raw = q * (power - 1.0);
                    double floor = lastS / lapseFloorDivisor;
                    if (floor < raw) {
                        newS = floor;
                        first[i] = floor;
                        branch[i] = LAPSE_FLOORED;
                    } else {
                        newS = raw;
                        first[i] = q;
                        second[i] = power;
                        branch[i] = LAPSE;
                    }
                } else {
                    double a = expW8 * (11.0 - lastD) * Math.pow(lastS, -w[9]);
                    double e = Math.exp((1.0 - r) * w[10]);
                    double bonus = grade == 2 ? w[15] : grade == 4 ? w[16] : 1.0;
                    newS = lastS * (a * (e - 1.0) * bonus + 1.0);
                    first[i] = a;
                    second[i] = e;
                    branch[i] = RECALL;
                }
            }
            double next = nextDifficultyBeforeReversion(w, lastD, grade);
            double mean = w[7] * (easyDifficulty - next) + next;
            stability[i] = clamp(newS, S_MIN, S_MAX);
            difficulty[i] = clamp(mean, D_MIN, D_MAX);
            inside[i] = insideBits(newS, mean);
        }
    }

    private void backward(double[] w, HistoryForest forest, double[] gradient) {
        Curve curve = new Curve(w[20]);
        double easyDifficulty = initialDifficulty(w, 4);
        double w7 = w[7];
        double easyDifficultyByW5 = -3.0 * Math.exp(3.0 * w[5]);
        double[] g = new double[21];
        double[] gS = stabilityGradient;
        double[] gD = difficultyGradient;
        int[] parent = forest.parent;
        int[] rating = forest.rating;
        double[] elapsed = forest.elapsedDays;
        for (int i = forest.nodeCount - 1; i >= 0; i--) {
            double gs = (inside[i] & 1) != 0 ? gS[i] : 0.0;
            double gd = (inside[i] & 2) != 0 ? gD[i] : 0.0;
            if (gs == 0 && gd == 0) {
                continue;
            }
            int grade = rating[i];
            int p = parent[i];
            if (p < 0) {
                g[grade - 1] += gs;
                g[4] += gd;
                g[5] += gd * -(grade - 1) * Math.exp(w[5] * (grade - 1));
                continue;
            }
            double lastS = stability[p];
            double lastD = difficulty[p];
            double gLastS = 0;
            double gLastD = 0;
            double gR = 0;
            switch (branch[i]) {
                case SAME_DAY_FLOORED -> gLastS = gs;
                case SAME_DAY -> {
                    double multiplier = first[i];
                    double byRaw = gs * lastS * multiplier;
                    gLastS = gs * multiplier * (1.0 - w[19]);
                    g[17] += byRaw * (grade - 3.0 + w[18]);
                    g[18] += byRaw * w[17];
                    g[19] -= byRaw * Math.log(lastS);
                }
                case LAPSE_FLOORED -> {
                    double floor = first[i];
                    gLastS = gs * floor / lastS;
                    g[17] -= gs * floor * w[18];
                    g[18] -= gs * floor * w[17];
                }
                case LAPSE -> {
                    double q = first[i];
                    double power = second[i];
                    double raw = q * (power - 1.0);
                    double r = retrievability[i];
                    g[11] += gs * raw / w[11];
                    g[12] -= gs * raw * Math.log(lastD);
                    g[13] += gs * q * power * Math.log(lastS + 1.0);
                    g[14] += gs * raw * (1.0 - r);
                    gLastS = gs * q * w[13] * power / (lastS + 1.0);
                    gLastD = -gs * raw * w[12] / lastD;
                    gR = -gs * raw * w[14];
                }
                case RECALL -> {
                    double a = first[i];
                    double e = second[i];
                    double r = retrievability[i];
                    double bonus = grade == 2 ? w[15] : grade == 4 ? w[16] : 1.0;
                    double increase = a * (e - 1.0) * bonus;
                    double gIncrease = gs * lastS;
                    gLastS = gs * (increase + 1.0) - gs * increase * w[9];
                    gLastD = -gIncrease * increase / (11.0 - lastD);
                    gR = -gIncrease * a * bonus * w[10] * e;
                    g[8] += gIncrease * increase;
                    g[9] -= gIncrease * increase * Math.log(lastS);
                    g[10] += gIncrease * a * bonus * e * (1.0 - r);
                    if (grade == 2) {
                        g[15] += gIncrease * a * (e - 1.0);
                    } else if (grade == 4) {
                        g[16] += gIncrease * a * (e - 1.0);
                    }
                }
                default -> throw new IllegalStateException("unknown branch " + branch[i]);
            }
            if (gd != 0) {
                double delta = -w[6] * (grade - 3.0);
                double next = lastD + (10.0 - lastD) * delta / 9.0;
                g[7] += gd * (easyDifficulty - next);
                g[4] += gd * w7;
                g[5] += gd * w7 * easyDifficultyByW5;
                double gNext = gd * (1.0 - w7);
                g[6] += gNext * (10.0 - lastD) * -(grade - 3.0) / 9.0;
                gLastD += gNext * (1.0 - delta / 9.0);
            }
            if (gR != 0) {
                double t = elapsed[i];
                double r = retrievability[i];
                double base = curve.factor * t / lastS + 1.0;
                gLastS += gR * curve.dRdS(r, base, t, lastS);
                g[20] += gR * curve.dRdW20(r, base, logBase[i], t, lastS);
            }
            gS[p] += gLastS;
            gD[p] += gLastD;
        }
        for (int k = 0; k < 21; k++) {
            gradient[k] += g[k];
        }
    }

    static double initialDifficulty(double[] w, int grade) {
        return w[4] - Math.exp(w[5] * (grade - 1)) + 1.0;
    }

    /**
     * One card's stability after a review rated {@code grade} that came {@code days} after the last, from
     * stability {@code s} and difficulty {@code d}: the step {@link #forward} takes for a node, without what
     * the backward pass keeps.
     */
    static double nextStability(double[] w, Curve curve, double s, double d, double days, int grade) {
        double next;
        if (days == 0) {
            double multiplier = Math.exp(w[17] * (grade - 3.0 + w[18])) * Math.pow(s, -w[19]);
            next = grade >= 2 && multiplier < 1.0 ? s : s * multiplier;
        } else {
            double r = curve.retrievability(days, s);
            if (grade == 1) {
                double raw = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1.0, w[13]) - 1.0)
                        * Math.exp((1.0 - r) * w[14]);
                next = Math.min(raw, s / Math.exp(w[17] * w[18]));
            } else {
                double bonus = grade == 2 ? w[15] : grade == 4 ? w[16] : 1.0;
                next = s * (Math.exp(w[8]) * (11.0 - d) * Math.pow(s, -w[9]) * (Math.exp((1.0 - r) * w[10]) - 1.0)
                        * bonus + 1.0);
            }
        }
        return clamp(next, S_MIN, S_MAX);
    }

    /** One card's difficulty after a review rated {@code grade}, as {@link #forward} computes it. */
    static double nextDifficulty(double[] w, double d, int grade) {
        double next = nextDifficultyBeforeReversion(w, d, grade);
        return clamp(w[7] * (initialDifficulty(w, 4) - next) + next, D_MIN, D_MAX);
    }

    private static double nextDifficultyBeforeReversion(double[] w, double d, int grade) {
        double delta = -w[6] * (grade - 3.0);
        return d + (10.0 - d) * delta / 9.0;
    }

    private static byte insideBits(double s, double d) {
        return (byte) ((s >= S_MIN && s <= S_MAX ? 1 : 0) | (d >= D_MIN && d <= D_MAX ? 2 : 0));
    }

    static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }

    private void ensureCapacity(int nodes) {
        if (stability.length >= nodes) {
            return;
        }
        int size = Math.max(nodes, stability.length * 3 / 2);
        stability = new double[size];
        difficulty = new double[size];
        inside = new byte[size];
        branch = new byte[size];
        retrievability = new double[size];
        logBase = new double[size];
        first = new double[size];
        second = new double[size];
        stabilityGradient = new double[size];
        difficultyGradient = new double[size];
    }

    /**
     * The power forgetting curve R(t, S) = (1 + F t / S)^decay with decay = -w20 and F = 0.9^(1/decay) - 1, so
     * that R(S, S) = 0.9, and its derivatives.
     */
    static final class Curve {
        final double decay;
        final double factor;
        /** dF/d(decay). */
        private final double factorByDecay;

        Curve(double w20) {
            decay = -w20;
            double exp = Math.exp(LN_09 / decay);
            factor = exp - 1.0;
            factorByDecay = exp * -LN_09 / (decay * decay);
        }

        double retrievability(double elapsedDays, double stability) {
            double t = Math.max(elapsedDays, 0.0);
            return Math.exp(decay * Math.log(factor * t / stability + 1.0));
        }

        double dRdS(double r, double base, double t, double s) {
            return r * decay / base * (-factor * t / (s * s));
        }

        /** dR/dw20, through both the exponent and the factor (decay = -w20). */
        double dRdW20(double r, double base, double lnBase, double t, double s) {
            return -r * (lnBase + decay * (t / s) * factorByDecay / base);
        }
    }
}
