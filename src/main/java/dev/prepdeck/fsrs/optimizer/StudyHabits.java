package dev.prepdeck.fsrs.optimizer;

import java.util.List;

/**
 * How a learner rates and how long they take, which the retention simulation needs besides the memory model:
 * the chances of each first rating and of Hard, Good and Easy when a review on a later day is recalled; the
 * seconds a first review and a later review take by rating; and the same-day reviews that follow a first
 * review (learning steps) and a lapse (relearning steps), counted and timed. Arrays of four are indexed by
 * rating - 1; {@code recallRatingChances} holds Hard, Good, Easy.
 */
public record StudyHabits(
        double[] firstRatingChances,
        double[] recallRatingChances,
        double[] firstReviewSeconds,
        double[] reviewSeconds,
        double[] sameDayReviewsAfterFirst,
        double[] sameDaySecondsAfterFirst,
        double sameDayReviewsAfterLapse,
        double sameDaySecondsAfterLapse) {

    /**
     * fsrs-rs's simulator defaults; its same-day step transitions and costs (two learning steps, one
     * relearning step) come to the expected same-day reviews and seconds given here.
     */
    public static final StudyHabits FSRS_RS_DEFAULTS = new StudyHabits(
            new double[] {0.24, 0.094, 0.495, 0.171},
            new double[] {0.224, 0.631, 0.145},
            new double[] {19.58, 18.79, 13.78, 10.71},
            new double[] {19.38, 17.59, 12.38, 8.94},
            new double[] {2.762, 2.907, 1.176, 0}, new double[] {42.66, 45.20, 16.99, 0}, 1.425, 18.81);

    public StudyHabits {
        firstRatingChances = normalised(firstRatingChances, 4);
        recallRatingChances = normalised(recallRatingChances, 3);
        firstReviewSeconds = checked(firstReviewSeconds, 4);
        reviewSeconds = checked(reviewSeconds, 4);
        sameDayReviewsAfterFirst = checked(sameDayReviewsAfterFirst, 4);
        sameDaySecondsAfterFirst = checked(sameDaySecondsAfterFirst, 4);
    }

    /**
     * The habits shown in {@code cards}, days cut by {@code dayCut}. Where the history has no example (or no
     * durations: every one 0), fsrs-rs's defaults stand in.
     */
    public static StudyHabits from(List<CardHistory> cards, DayCut dayCut) {
        double[] firstCounts = new double[4];
        double[] recallCounts = new double[3];
        Mean[] firstSeconds = Mean.four();
        Mean[] reviewSeconds = Mean.four();
        Mean[] afterFirstReviews = Mean.four();
        Mean[] afterFirstSeconds = Mean.four();
        Mean afterLapseReviews = new Mean();
        Mean afterLapseSeconds = new Mean();
        for (CardHistory card : cards) {
            List<PastReview> reviews = card.reviews();
            int i = 0;
            while (i < reviews.size()) {
                PastReview opening = reviews.get(i);
                long day = dayCut.dayOf(opening.time());
                int grade = opening.rating().value();
                double seconds = opening.duration().toMillis() / 1000.0;
                int sameDay = 0;
                double sameDaySeconds = 0;
                int next = i + 1;
                while (next < reviews.size() && dayCut.dayOf(reviews.get(next).time()) == day) {
                    sameDay++;
                    sameDaySeconds += reviews.get(next).duration().toMillis() / 1000.0;
                    next++;
                }
                if (i == 0) {
                    firstCounts[grade - 1]++;
                    firstSeconds[grade - 1].add(seconds);
                    afterFirstReviews[grade - 1].add(sameDay);
                    afterFirstSeconds[grade - 1].add(sameDaySeconds);
                } else {
                    if (grade > 1) {
                        recallCounts[grade - 2]++;
                    }
                    reviewSeconds[grade - 1].add(seconds);
                    if (grade == 1) {
                        afterLapseReviews.add(sameDay);
                        afterLapseSeconds.add(sameDaySeconds);
                    }
                }
                i = next;
            }
        }
        StudyHabits fallback = FSRS_RS_DEFAULTS;
        boolean timed = Mean.anyPositive(firstSeconds) || Mean.anyPositive(reviewSeconds);
        // Without durations, same-day reviews are still counted but timed at the default later-review cost.
        double[] perSameDayReview = timed ? null : fallback.reviewSeconds;
        double[] sameDayReviews = Mean.values(afterFirstReviews, fallback.sameDayReviewsAfterFirst);
        double lapseReviews = afterLapseReviews.valueOr(fallback.sameDayReviewsAfterLapse);
        return new StudyHabits(
                sum(firstCounts) > 0 ? firstCounts : fallback.firstRatingChances,
                sum(recallCounts) > 0 ? recallCounts : fallback.recallRatingChances,
                timed ? Mean.values(firstSeconds, fallback.firstReviewSeconds) : fallback.firstReviewSeconds,
                timed ? Mean.values(reviewSeconds, fallback.reviewSeconds) : fallback.reviewSeconds,
                sameDayReviews,
                timed ? Mean.values(afterFirstSeconds, fallback.sameDaySecondsAfterFirst)
                        : scaled(sameDayReviews, perSameDayReview[2]),
                lapseReviews,
                timed ? afterLapseSeconds.valueOr(fallback.sameDaySecondsAfterLapse) : lapseReviews * perSameDayReview[2]);
    }

    @Override
    public double[] firstRatingChances() {
        return firstRatingChances.clone();
    }

    @Override
    public double[] recallRatingChances() {
        return recallRatingChances.clone();
    }

    @Override
    public double[] firstReviewSeconds() {
        return firstReviewSeconds.clone();
    }

    @Override
    public double[] reviewSeconds() {
        return reviewSeconds.clone();
    }

    @Override
    public double[] sameDayReviewsAfterFirst() {
        return sameDayReviewsAfterFirst.clone();
    }

    @Override
    public double[] sameDaySecondsAfterFirst() {
        return sameDaySecondsAfterFirst.clone();
    }

    private static double[] scaled(double[] values, double factor) {
        double[] result = values.clone();
        for (int i = 0; i < result.length; i++) {
            result[i] *= factor;
        }
        return result;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static double[] normalised(double[] chances, int length) {
        double[] copy = checked(chances, length);
        double total = sum(copy);
        if (!(total > 0)) {
            throw new IllegalArgumentException("rating chances must not all be zero");
        }
        for (int i = 0; i < copy.length; i++) {
            copy[i] /= total;
        }
        return copy;
    }

    private static double[] checked(double[] values, int length) {
        if (values.length != length) {
            throw new IllegalArgumentException("expected " + length + " values, got " + values.length);
        }
        for (double value : values) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("chances, counts and seconds must be finite and not negative");
            }
        }
        return values.clone();
    }

    /** A running mean. */
    private static final class Mean {
        private double sum;
        private int count;

        static Mean[] four() {
            return new Mean[] {new Mean(), new Mean(), new Mean(), new Mean()};
        }

        void add(double value) {
            sum += value;
            count++;
        }

        double valueOr(double fallback) {
            return count == 0 ? fallback : sum / count;
        }

        static double[] values(Mean[] means, double[] fallback) {
            double[] values = new double[means.length];
            for (int i = 0; i < means.length; i++) {
                values[i] = means[i].valueOr(fallback[i]);
            }
            return values;
        }

        static boolean anyPositive(Mean[] means) {
            for (Mean mean : means) {
                if (mean.sum > 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
