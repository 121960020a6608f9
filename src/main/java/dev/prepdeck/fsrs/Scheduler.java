package dev.prepdeck.fsrs;

import static dev.prepdeck.fsrs.FsrsParameters.S_MAX;
import static dev.prepdeck.fsrs.FsrsParameters.S_MIN;
import static dev.prepdeck.fsrs.FsrsParameters.clamp;
import static dev.prepdeck.fsrs.FsrsParameters.roundTo8;
import static dev.prepdeck.fsrs.FsrsParameters.toFixed8;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FSRS-6 scheduling, result for result the same as ts-fsrs 5.4.2 (its basic scheduler with learning
 * steps when short-term is on, its long-term scheduler when off). Pure and thread-safe.
 *
 * <p>Results must be V8's bit for bit: ts-fsrs rounds retrievability and stabilities to 8 decimals
 * and seeds its fuzz with them, so a one-ulp difference can change an interval. The constructor's
 * constants use {@link JsMath}, which returns V8's exp, log and pow exactly. Each review uses the much
 * faster {@link FastMath#HOTSPOT} and a guard that falls back to JsMath whenever that could change a
 * rounded result (see "The guard" below).
 */
public final class Scheduler {
    private static final long MINUTE_MS = 60_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final long DAY_MINUTES = 1440;
    private static final Rating[] RATINGS = Rating.values();

    private final FsrsParameters parameters;
    private final FastMath fast;
    // 1 − ε and 1 + ε for the fast results' error bound ε
    private final double below;
    private final double above;
    private final double[] w;
    private final double decay;
    private final double factor;
    private final double intervalModifier;
    private final double expW8;
    private final double easyInitialDifficulty;
    private final double lapseStabilityDivisor;
    // per-grade values that depend only on the weights, indexed by grade 1..4
    private final double[] initialStability = new double[5];
    private final double[] initialDifficulty = new double[5];
    private final double[] shortTermGradeFactor = new double[5];
    private final long[] learningMinutes;
    private final long[] relearningMinutes;
    private final boolean shortTerm;
    private final boolean fuzz;
    private final int maximumInterval;

    public Scheduler(FsrsParameters parameters) {
        this(parameters, FastMath.HOTSPOT);
    }

    /** With {@code fast} for each review's pow and exp; tests pass {@link FastMath#EXACT} or a perturbed one. */
    Scheduler(FsrsParameters parameters, FastMath fast) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.fast = Objects.requireNonNull(fast, "fast");
        this.below = 1 - fast.relativeError();
        this.above = 1 + fast.relativeError();
        this.w = parameters.w();
        this.decay = -w[20];
        this.factor = roundTo8(JsMath.exp(JsMath.pow(decay, -1) * JsMath.log(0.9)) - 1.0);
        this.intervalModifier = roundTo8((JsMath.pow(parameters.requestRetention(), 1 / decay) - 1) / factor);
        this.expW8 = JsMath.exp(w[8]);
        this.easyInitialDifficulty = initialDifficulty(Rating.EASY.value());
        this.shortTerm = parameters.enableShortTerm();
        this.lapseStabilityDivisor = shortTerm ? JsMath.exp(w[17] * w[18]) : JsMath.exp(0.0);
        for (int grade = 1; grade <= 4; grade++) {
            initialStability[grade] = Math.max(w[grade - 1], 0.1);
            initialDifficulty[grade] = clamp(initialDifficulty(grade), 1, 10);
            shortTermGradeFactor[grade] = JsMath.exp(w[17] * (grade - 3 + w[18]));
        }
        this.learningMinutes = minutes(parameters.learningSteps());
        this.relearningMinutes = minutes(parameters.relearningSteps());
        this.fuzz = parameters.enableFuzz();
        this.maximumInterval = parameters.maximumInterval();
    }

    public FsrsParameters parameters() {
        return parameters;
    }

    /** The card after answering {@code rating} at {@code now}; days are counted as calendar dates in {@code zone}. */
    public ScheduledReview next(FsrsCard card, Instant now, Rating rating, ZoneId zone) {
        Objects.requireNonNull(rating, "rating");
        Review review = new Review(card, now, zone, false);
        review.schedule(rating);
        return review.result(rating);
    }

    /** All four outcomes, for the answer buttons. */
    public Map<Rating, ScheduledReview> preview(FsrsCard card, Instant now, ZoneId zone) {
        Review review = new Review(card, now, zone, true);
        Map<Rating, ScheduledReview> outcomes = new EnumMap<>(Rating.class);
        for (Rating rating : RATINGS) {
            review.schedule(rating);
            outcomes.put(rating, review.result(rating));
        }
        return outcomes;
    }

    /**
     * All four outcomes as numbers, the same as {@link #preview} gives, without building a card and a
     * log for each: what a review screen needs when it only shows due times.
     */
    public Preview previewOutcomes(FsrsCard card, Instant now, ZoneId zone) {
        Review review = new Review(card, now, zone, true);
        Preview preview = new Preview(card, review.reviewTime, review.elapsed);
        for (Rating rating : RATINGS) {
            review.schedule(rating);
            preview.set(rating, review.toState, review.toStability, review.toDifficulty, review.toLapses,
                    review.toLearningSteps, review.toScheduledDays, review.toDueMs, review.loggedScheduledDays);
        }
        return preview;
    }

    /**
     * Probability of recall at {@code now}, 0 for a new card. Like ts-fsrs's get_retrievability this
     * counts whole 24-hour periods since the last review, not calendar dates.
     */
    public double retrievability(FsrsCard card, Instant now) {
        if (card.state() == State.NEW) {
            return 0;
        }
        long elapsed = card.lastReview() == null
                ? 0
                : Math.max(Math.floorDiv(now.toEpochMilli() - card.lastReview().toEpochMilli(), DAY_MS), 0);
        return forgettingCurve(elapsed, toFixed8(card.stability()));
    }

    double intervalModifier() {
        return intervalModifier;
    }

    /**
     * The forgetting curve's exponent: R(t) = (1 + {@link #forgettingCurveFactor()} · t / S) ^ decay for t whole days
     * since the last review. With the factor, for code that computes recall where this class cannot run (in SQL).
     */
    public double decay() {
        return decay;
    }

    /** The forgetting curve's factor, chosen so that R = 0.9 when t = S; see {@link #decay()}. */
    public double forgettingCurveFactor() {
        return factor;
    }

    /*
     * The guard. A fast pow or exp result p lies within ε·p of JsMath's p* (FastMath.relativeError), so
     * p⁻ = p·(1 − ε) ≤ p* ≤ p·(1 + ε) = p⁺, those two products rounded included. Each rounded quantity
     * below is a chain of +, −, ×, max and clamp over such results that never decreases when one of them
     * grows: the exact operands of every product are ≥ 0, and where a lower end can be negative (p⁻ − 1
     * when p* is 1 or just above) the other operand's lower end is ≥ 0, which keeps the lower product at
     * or below the exact one. IEEE rounding of each step never decreases either. So the chain evaluated at
     * all lower ends and at all upper ends brackets what the exact path computes, and as roundTo8 =
     * round(x·1e8)/1e8 is non-decreasing as well, equal integers round(x·1e8) at both ends are the exact
     * path's integer. Only a quantity whose bracket straddles a boundary k + 1/2 (in units of 1e-8)
     * fails that test, and it is recomputed with JsMath. No per-review pow or exp is used unrounded
     * elsewhere: intervals come from rounded stabilities and constructor constants, difficulties use
     * neither, and the fuzz seed is made from the card's own numbers.
     */

    double forgettingCurve(double elapsedDays, double stability) {
        double base = forgettingCurveBase(elapsedDays, stability);
        return retrievabilityFrom(base, fast.pow(base, decay));
    }

    private double forgettingCurveBase(double elapsedDays, double stability) {
        return 1 + factor * elapsedDays / stability;
    }

    /**
     * roundTo8's result for every value whose x·1e8 lies in [low, high] when Math.round gives them all
     * the same integer k, that is when high < k + 1/2 (ties round up); NaN when it does not.
     */
    private static double settled(double low, double high) {
        long k = Math.round(low);
        return high < k + 0.5 ? k / 1e8 : Double.NaN;
    }

    /** roundTo8(base^decay), given the fast base^decay. */
    private double retrievabilityFrom(double base, double power) {
        double r = settled(power * below * 1e8, power * above * 1e8);
        if (!Double.isNaN(r)) {
            return r;
        }
        fast.recomputedExactly("retrievability");
        return roundTo8(JsMath.pow(base, decay));
    }

    double initialDifficulty(int grade) {
        return roundTo8(w[4] - JsMath.exp((grade - 1) * w[5]) + 1);
    }

    double nextDifficulty(double d, int grade) {
        // Good's delta is −0, its damping term roundTo8(−0 / 9) = +0, and d + 0 = d: skip the divisions.
        double damped = grade == 3 ? d : d + roundTo8(-w[6] * (grade - 3) * (10 - d) / 9);
        return clamp(roundTo8(w[7] * easyInitialDifficulty + (1 - w[7]) * damped), 1, 10);
    }

    /**
     * The grade-independent part of the recall stability increase,
     * e^w8·(11 − d)·s^−w9·(e^((1 − r)·w10) − 1) in ts-fsrs's order, from s^−w9 and e^((1 − r)·w10).
     * expW8·(11 − d) > 0 and s^−w9's ends are > 0, so only the last factor's lower end can be negative
     * (exact e^x ≥ 1 for x ≥ 0).
     */
    private double growth(double d, double sPowW9, double expW10) {
        return expW8 * (11 - d) * sPowW9 * (expW10 - 1);
    }

    private double exactGrowth(double d, double s, double r) {
        return growth(d, JsMath.pow(s, -w[9]), JsMath.exp((1 - r) * w[10]));
    }

    /** Hard's and Easy's growth are Good's times w15 ≥ 0 and w16 ≥ 1. */
    private double gradeGrowth(double growth, int grade) {
        if (grade == 2) {
            return growth * w[15];
        }
        if (grade == 4) {
            return growth * w[16];
        }
        return growth;
    }

    /** The recall stability (s > 0, so increasing in growth) times 1e8, before roundTo8's rounding. */
    private static double scaledRecallStability(double s, double growth) {
        return clamp(s * (1 + growth), S_MIN, S_MAX) * 1e8;
    }

    double forgetStability(double d, double s, double r) {
        return forgetStability(d, s, fast.pow(d, -w[12]), fast.pow(s + 1, w[13]), r);
    }

    /** Given the fast d^−w12 and (s+1)^w13. */
    private double forgetStability(double d, double s, double dPowW12, double sPlusOnePowW13, double r) {
        double expW14 = fast.exp((1 - r) * w[14]);
        double afterFail = settled(scaledAfterFail(dPowW12 * below, sPlusOnePowW13 * below, expW14 * below),
                scaledAfterFail(dPowW12 * above, sPlusOnePowW13 * above, expW14 * above));
        if (Double.isNaN(afterFail)) {
            fast.recomputedExactly("lapse stability");
            afterFail = Math.round(scaledAfterFail(JsMath.pow(d, -w[12]), JsMath.pow(s + 1, w[13]),
                    JsMath.exp((1 - r) * w[14]))) / 1e8;
        }
        return clamp(roundTo8(s / lapseStabilityDivisor), S_MIN, afterFail);
    }

    /**
     * w11·d^−w12·((s+1)^w13 − 1)·e^((1 − r)·w14), clamped, times 1e8 before roundTo8's rounding.
     * w11 > 0 and the ends of d^−w12 and of the exponential are > 0; (s+1)^w13 − 1 is the one factor
     * whose lower end can be negative (its exact value is > 0 as s + 1 > 1 and w13 > 0).
     */
    private double scaledAfterFail(double dPowW12, double sPlusOnePowW13, double expW14) {
        return clamp(w[11] * dPowW12 * (sPlusOnePowW13 - 1) * expW14, S_MIN, S_MAX) * 1e8;
    }

    double shortTermStability(double s, int grade) {
        return shortTermStability(s, fast.pow(s, -w[19]), grade);
    }

    /** Given the fast s^−w19. */
    private double shortTermStability(double s, double stabilityDecay, int grade) {
        double result = settled(scaledShortTermStability(s, stabilityDecay * below, grade),
                scaledShortTermStability(s, stabilityDecay * above, grade));
        if (!Double.isNaN(result)) {
            return result;
        }
        fast.recomputedExactly("short-term stability");
        return Math.round(scaledShortTermStability(s, JsMath.pow(s, -w[19]), grade)) / 1e8;
    }

    /** s·max(s^−w19·e^(w17·(grade − 3 + w18)), 1), clamped, times 1e8 (increasing in s^−w19). */
    private double scaledShortTermStability(double s, double stabilityDecay, int grade) {
        double increase = stabilityDecay * shortTermGradeFactor[grade];
        if (grade >= Rating.HARD.value()) {
            increase = Math.max(increase, 1.0);
        }
        return clamp(s * increase, S_MIN, S_MAX) * 1e8;
    }

    private static long[] minutes(List<Duration> steps) {
        long[] result = new long[steps.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = steps.get(i).toMinutes();
        }
        return result;
    }

    private static long dayNumber(long epochMilli, ZoneId zone) {
        long offsetMs = zone instanceof ZoneOffset fixed
                ? fixed.getTotalSeconds() * 1000L
                : zone.getRules().getOffset(Instant.ofEpochMilli(epochMilli)).getTotalSeconds() * 1000L;
        return Math.floorDiv(epochMilli + offsetMs, DAY_MS);
    }

    /**
     * One review of one card at one moment. Caches what the four outcomes share; {@link #schedule}
     * leaves one outcome in the {@code to*} fields, so no card is built until a caller wants one.
     */
    private final class Review {
        private final FsrsCard card;
        private final long nowMs;
        private final Instant reviewTime;
        private final int elapsed;
        private final boolean reviewLike;
        private final boolean unreviewedMemory;
        // all four outcomes will be asked for, so the lapse and growth terms are all needed
        private final boolean allOutcomes;
        private double retrievability = Double.NaN;
        // the growth's ends from the fast pow and exp, and the exact growth if the guard needed it
        private double growthLow = Double.NaN;
        private double growthHigh = Double.NaN;
        private double exactGrowth = Double.NaN;
        private double shortTermDecay = Double.NaN;
        private double lapseStability = Double.NaN;
        private double fuzzFactor = Double.NaN;
        // a review card's Hard and Good outcomes, once computed (intervals are at least 1 day)
        private double hardStability;
        private double goodStability;
        private int hardInterval;
        private int goodInterval;
        // the outcome of the last schedule(rating)
        State toState;
        double toStability;
        double toDifficulty;
        int toLapses;
        int toLearningSteps;
        int toScheduledDays;
        long toDueMs;
        int loggedScheduledDays;

        Review(FsrsCard card, Instant now, ZoneId zone, boolean allOutcomes) {
            this.allOutcomes = allOutcomes;
            this.card = Objects.requireNonNull(card, "card");
            this.nowMs = now.toEpochMilli();
            // ts-fsrs works in whole milliseconds
            this.reviewTime = now.getNano() % 1_000_000 == 0 ? now : Instant.ofEpochMilli(nowMs);
            Objects.requireNonNull(zone, "zone");
            if (card.state() != State.NEW && card.lastReview() != null) {
                long days = dayNumber(nowMs, zone) - dayNumber(card.lastReview().toEpochMilli(), zone);
                if (days < 0) {
                    throw new IllegalArgumentException(
                            "review time " + now + " is on an earlier day than the last review " + card.lastReview());
                }
                this.elapsed = (int) days;
            } else {
                this.elapsed = 0;
            }
            this.reviewLike = card.state() == State.REVIEW || !shortTerm && card.state() != State.NEW;
            this.unreviewedMemory = card.difficulty() == 0 && card.stability() == 0;
        }

        void schedule(Rating rating) {
            if (reviewLike) {
                fromReview(rating);
            } else if (!shortTerm) {
                longTermFromNew(rating);
            } else {
                stepped(rating);
            }
        }

        ScheduledReview result(Rating rating) {
            FsrsCard next = new FsrsCard(toState, toStability, toDifficulty, card.reps() + 1, toLapses, toLearningSteps,
                    toScheduledDays, elapsed, reviewTime, Instant.ofEpochMilli(toDueMs));
            return new ScheduledReview(next, log(card, rating, elapsed, loggedScheduledDays, reviewTime));
        }

        /** New, Learning and Relearning cards with short-term scheduling: walk the (re)learning steps. */
        private void stepped(Rating rating) {
            int grade = rating.value();
            double s = stability(grade, elapsed);
            double d = difficulty(grade);
            State toState = card.state() == State.NEW ? State.LEARNING : card.state();
            withSteps(rating, s, d, toState, card.lapses());
        }

        /** Review cards (any non-new card in long-term mode). */
        private void fromReview(Rating rating) {
            int grade = rating.value();
            double d = difficulty(grade);
            if (rating == Rating.AGAIN) {
                double s = stability(grade, elapsed);
                if (shortTerm) {
                    withSteps(rating, s, d, State.RELEARNING, card.lapses() + 1);
                    return;
                }
                int again = againIntervalAgainstHard(s);
                reviewed(s, d, again, card.lapses() + 1, card.scheduledDays());
                return;
            }
            if (hardInterval == 0) {
                orderHardAndGood();
            }
            switch (rating) {
                case HARD:
                    reviewed(hardStability, d, hardInterval, card.lapses(), card.scheduledDays());
                    return;
                case GOOD:
                    reviewed(goodStability, d, goodInterval, card.lapses(), card.scheduledDays());
                    return;
                default:
                    double easyS = stability(Rating.EASY.value(), elapsed);
                    int easy = Math.max(nextInterval(easyS, elapsed), goodInterval + 1);
                    reviewed(easyS, d, easy, card.lapses(), card.scheduledDays());
            }
        }

        /** Hard, Good and Easy of a review card: Hard and Good's intervals are ordered against each other. */
        private void orderHardAndGood() {
            double hardS = stability(Rating.HARD.value(), elapsed);
            double goodS = stability(Rating.GOOD.value(), elapsed);
            int hard = nextInterval(hardS, elapsed);
            int good = nextInterval(goodS, elapsed);
            if (!shortTerm) {
                int again = nextInterval(stability(Rating.AGAIN.value(), elapsed), elapsed);
                again = Math.min(again, hard);
                hard = Math.max(hard, again + 1);
            } else {
                hard = Math.min(hard, good);
            }
            good = Math.max(good, hard + 1);
            hardStability = hardS;
            goodStability = goodS;
            hardInterval = hard;
            goodInterval = good;
        }

        /** A new card in long-term mode: every answer goes straight to Review, intervals strictly ordered. */
        private void longTermFromNew(Rating rating) {
            int grade = rating.value();
            double s = stability(grade, 0);
            double d = difficulty(grade);
            int again = nextInterval(stability(1, 0), 0);
            int hard = nextInterval(stability(2, 0), 0);
            again = Math.min(again, hard);
            int interval;
            if (rating == Rating.AGAIN) {
                interval = again;
            } else {
                hard = Math.max(hard, again + 1);
                int good = Math.max(nextInterval(stability(3, 0), 0), hard + 1);
                int easy = Math.max(nextInterval(stability(4, 0), 0), good + 1);
                interval = rating == Rating.HARD ? hard : rating == Rating.GOOD ? good : easy;
            }
            reviewed(s, d, interval, card.lapses(), 0);
        }

        /** Long-term Again: its interval is capped by Hard's, so both are needed. */
        private int againIntervalAgainstHard(double againS) {
            int again = nextInterval(againS, elapsed);
            int hard = nextInterval(stability(Rating.HARD.value(), elapsed), elapsed);
            return Math.min(again, hard);
        }

        private void reviewed(double s, double d, int interval, int lapses, int loggedScheduledDays) {
            outcome(State.REVIEW, s, d, lapses, 0, interval, nowMs + interval * DAY_MS, loggedScheduledDays);
        }

        private void withSteps(Rating rating, double s, double d, State toState, int lapses) {
            long[] steps = card.state() == State.RELEARNING || card.state() == State.REVIEW ? relearningMinutes : learningMinutes;
            int current = card.learningSteps();
            long minutes = 0;
            int nextStep = 0;
            if (steps.length > 0 && current < steps.length) {
                if (card.state() == State.REVIEW) {
                    if (rating == Rating.AGAIN) {
                        minutes = steps[current];
                    }
                } else if (rating == Rating.AGAIN) {
                    minutes = steps[0];
                } else if (rating == Rating.HARD) {
                    minutes = steps.length == 1 ? Math.round(steps[0] * 1.5) : Math.round((steps[0] + steps[1]) / 2.0);
                    nextStep = current;
                } else if (rating == Rating.GOOD && current + 1 < steps.length && steps[current + 1] != 0) {
                    minutes = steps[current + 1];
                    nextStep = current + 1;
                }
            }
            if (minutes > 0 && minutes < DAY_MINUTES) {
                outcome(toState, s, d, lapses, nextStep, 0, nowMs + minutes * MINUTE_MS, card.scheduledDays());
            } else if (minutes >= DAY_MINUTES) {
                // ts-fsrs moves a card on a day-long step to Review but keeps its step index.
                outcome(State.REVIEW, s, d, lapses, nextStep, (int) (minutes / DAY_MINUTES), nowMs + minutes * MINUTE_MS,
                        card.scheduledDays());
            } else {
                int interval = nextInterval(s, elapsed);
                outcome(State.REVIEW, s, d, lapses, 0, interval, nowMs + interval * DAY_MS, card.scheduledDays());
            }
        }

        private void outcome(State state, double s, double d, int lapses, int learningSteps, int scheduledDays, long dueMs,
                int loggedScheduledDays) {
            this.toState = state;
            this.toStability = s;
            this.toDifficulty = d;
            this.toLapses = lapses;
            this.toLearningSteps = learningSteps;
            this.toScheduledDays = scheduledDays;
            this.toDueMs = dueMs;
            this.loggedScheduledDays = loggedScheduledDays;
        }

        private double difficulty(int grade) {
            if (unreviewedMemory) {
                return initialDifficulty[grade];
            }
            return nextDifficulty(card.difficulty(), grade);
        }

        private double stability(int grade, int t) {
            double s = card.stability();
            double d = card.difficulty();
            if (unreviewedMemory) {
                return initialStability[grade];
            }
            if (d < 1 || s < S_MIN) {
                throw new IllegalArgumentException("invalid memory state: difficulty " + d + ", stability " + s);
            }
            if (t == 0 && shortTerm) {
                if (Double.isNaN(shortTermDecay)) {
                    shortTermDecay = fast.pow(s, -w[19]);
                }
                return shortTermStability(s, shortTermDecay, grade);
            }
            if (allOutcomes && Double.isNaN(retrievability)) {
                // The four powers do not depend on each other; side by side, the processor overlaps them.
                double base = forgettingCurveBase(t, s);
                double rPow = fast.pow(base, decay);
                double sPowW9 = fast.pow(s, -w[9]);
                double dPowW12 = fast.pow(d, -w[12]);
                double sPlusOnePowW13 = fast.pow(s + 1, w[13]);
                retrievability = retrievabilityFrom(base, rPow);
                boundGrowth(d, sPowW9);
                lapseStability = forgetStability(d, s, dPowW12, sPlusOnePowW13, retrievability);
            }
            double r = retrievability(t);
            if (grade == 1) {
                if (Double.isNaN(lapseStability)) {
                    lapseStability = forgetStability(d, s, r);
                }
                return lapseStability;
            }
            if (Double.isNaN(growthLow)) {
                boundGrowth(d, fast.pow(s, -w[9]));
            }
            double result = settled(scaledRecallStability(s, gradeGrowth(growthLow, grade)),
                    scaledRecallStability(s, gradeGrowth(growthHigh, grade)));
            if (!Double.isNaN(result)) {
                return result;
            }
            fast.recomputedExactly("recall stability");
            if (Double.isNaN(exactGrowth)) {
                exactGrowth = exactGrowth(d, s, r);
            }
            return Math.round(scaledRecallStability(s, gradeGrowth(exactGrowth, grade))) / 1e8;
        }

        /** The growth's ends from the fast s^−w9 (and e^((1 − r)·w10), computed here). */
        private void boundGrowth(double d, double sPowW9) {
            double expW10 = fast.exp((1 - retrievability) * w[10]);
            growthLow = growth(d, sPowW9 * below, expW10 * below);
            growthHigh = growth(d, sPowW9 * above, expW10 * above);
        }

        private double retrievability(int t) {
            if (Double.isNaN(retrievability)) {
                retrievability = forgettingCurve(t, card.stability());
            }
            return retrievability;
        }

        private int nextInterval(double s, int elapsedDays) {
            int interval = (int) Math.min(Math.max(1, Math.round(s * intervalModifier)), maximumInterval);
            if (!fuzz || interval < 2.5) {
                return interval;
            }
            return fuzzed(interval, elapsedDays);
        }

        private int fuzzed(int interval, int elapsedDays) {
            double delta = 1.0;
            delta += 0.15 * Math.max(Math.min(interval, 7.0) - 2.5, 0.0);
            delta += 0.1 * Math.max(Math.min(interval, 20.0) - 7.0, 0.0);
            delta += 0.05 * Math.max(interval - 20.0, 0.0);
            int capped = Math.min(interval, maximumInterval);
            long min = Math.max(2, Math.round(capped - delta));
            long max = Math.min(Math.round(capped + delta), maximumInterval);
            if (capped > elapsedDays) {
                min = Math.max(min, elapsedDays + 1);
            }
            min = Math.min(min, max);
            if (Double.isNaN(fuzzFactor)) {
                // ts-fsrs seeds Alea with "<review ms>_<reps after review>_<difficulty × stability before>".
                String seed = nowMs + "_" + (card.reps() + 1) + "_" + JsNumberText.of(card.difficulty() * card.stability());
                fuzzFactor = AleaRandom.firstDraw(seed);
            }
            return (int) Math.floor(fuzzFactor * (max - min + 1) + min);
        }
    }

    /** The log entry of a review of {@code card}, as ts-fsrs records it. */
    static ReviewRecord log(FsrsCard card, Rating rating, int elapsed, int scheduledDays, Instant reviewTime) {
        Instant logDue = card.lastReview() != null ? card.lastReview() : card.due();
        return new ReviewRecord(rating, card.state(), logDue, card.stability(), card.difficulty(), elapsed,
                card.elapsedDays(), scheduledDays, card.learningSteps(), reviewTime);
    }
}
