package dev.prepdeck.fsrs.optimizer;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * What a desired retention costs and buys, found by simulation in the manner of fsrs-rs's simulator and
 * py-fsrs's {@code compute_optimal_retention}: new cards start at a fixed rate each day; every review comes
 * when the scheduler's interval for the desired retention says (rounded, at least a day); whether it is
 * recalled is drawn from the memory model's predicted recall at that moment, the rating from the learner's
 * habits, and the stability and difficulty then move as FSRS-6 says. Time per review and the same-day
 * reviews that follow a first review or a lapse come from the habits too.
 *
 * <p>For each desired retention from 0.70 to 0.97 it reports the workload (reviews and minutes per day) and
 * the knowledge at the end (cards remembered: the sum of every card's predicted recall). The recommended
 * retention is the one with the fewest seconds of study per card remembered, fsrs-rs's target. Every desired
 * retention replays the same random draws card by card, so the comparison is not blurred by luck, and the
 * same seed gives the same table.
 */
public final class RetentionSimulator {
    private static final int LOWEST_PERCENT = 70;
    private static final int HIGHEST_PERCENT = 97;

    private final Settings settings;

    /** The simulated year: its length, new cards a day, the longest interval, the learner and the seed. */
    public record Settings(int days, int newCardsPerDay, int maximumInterval, StudyHabits habits, long seed) {
        public static Settings defaults(StudyHabits habits) {
            return new Settings(365, 20, 36500, habits, 42);
        }

        public Settings {
            if (days < 1 || newCardsPerDay < 1 || maximumInterval < 1) {
                throw new IllegalArgumentException("days, new cards per day and the maximum interval must be at least 1");
            }
        }
    }

    /** One desired retention's outcome. */
    public record Row(double desiredRetention, double reviewsPerDay, double minutesPerDay, double cardsRemembered,
            double secondsPerCardRemembered) {
    }

    /** All rows from 0.70 to 0.97 and the recommended desired retention. */
    public record Table(List<Row> rows, double recommended, int cards, int days) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    public RetentionSimulator(Settings settings) {
        this.settings = settings;
    }

    public Table simulate(double[] parameters) {
        double[] w = parameters.clone();
        // Each row is simulated on its own from the seed, so running them side by side changes nothing.
        List<Row> rows = IntStream.rangeClosed(LOWEST_PERCENT, HIGHEST_PERCENT).parallel()
                .mapToObj(percent -> simulate(w, percent / 100.0)).toList();
        Row best = rows.get(0);
        for (Row row : rows) {
            if (row.secondsPerCardRemembered() < best.secondsPerCardRemembered()) {
                best = row;
            }
        }
        return new Table(rows, best.desiredRetention(), settings.days() * settings.newCardsPerDay(), settings.days());
    }

    private Row simulate(double[] w, double desiredRetention) {
        StudyHabits habits = settings.habits();
        double[] firstRatingChances = habits.firstRatingChances();
        double[] recallRatingChances = habits.recallRatingChances();
        double[] firstReviewSeconds = habits.firstReviewSeconds();
        double[] reviewSeconds = habits.reviewSeconds();
        double[] sameDayReviewsAfterFirst = habits.sameDayReviewsAfterFirst();
        double[] sameDaySecondsAfterFirst = habits.sameDaySecondsAfterFirst();
        MemoryModel.Curve curve = new MemoryModel.Curve(w[20]);
        double intervalPerStability = (Math.pow(desiredRetention, 1.0 / curve.decay) - 1.0) / curve.factor;
        int days = settings.days();
        SplittableRandom cards = new SplittableRandom(settings.seed());
        double reviews = 0;
        double seconds = 0;
        double remembered = 0;
        for (int card = 0; card < days * settings.newCardsPerDay(); card++) {
            SplittableRandom random = cards.split();
            int day = card / settings.newCardsPerDay();
            int grade = 1 + pick(firstRatingChances, random.nextDouble());
            double s = MemoryModel.clamp(w[grade - 1], MemoryModel.S_MIN, MemoryModel.S_MAX);
            double d = MemoryModel.clamp(MemoryModel.initialDifficulty(w, grade), MemoryModel.D_MIN, MemoryModel.D_MAX);
            reviews += 1 + sameDayReviewsAfterFirst[grade - 1];
            seconds += firstReviewSeconds[grade - 1] + sameDaySecondsAfterFirst[grade - 1];
            int lastReview = day;
            int due = day + interval(s, intervalPerStability);
            while (due < days) {
                int elapsed = due - lastReview;
                boolean recalled = random.nextDouble() < curve.retrievability(elapsed, s);
                grade = recalled ? 2 + pick(recallRatingChances, random.nextDouble()) : 1;
                reviews += 1;
                seconds += reviewSeconds[grade - 1];
                if (grade == 1) {
                    reviews += habits.sameDayReviewsAfterLapse();
                    seconds += habits.sameDaySecondsAfterLapse();
                }
                s = MemoryModel.nextStability(w, curve, s, d, elapsed, grade);
                d = MemoryModel.nextDifficulty(w, d, grade);
                lastReview = due;
                due = lastReview + interval(s, intervalPerStability);
            }
            remembered += curve.retrievability(days - lastReview, s);
        }
        return new Row(desiredRetention, reviews / days, seconds / 60.0 / days, remembered, seconds / remembered);
    }

    /** Days until the next review: the interval at which recall falls to the desired retention, rounded. */
    private int interval(double stability, double intervalPerStability) {
        double days = Math.round(stability * intervalPerStability);
        return (int) Math.min(Math.max(days, 1), settings.maximumInterval());
    }

    /** The index whose cumulative chance first exceeds {@code u}. */
    private static int pick(double[] chances, double u) {
        double cumulative = 0;
        for (int i = 0; i < chances.length - 1; i++) {
            cumulative += chances[i];
            if (u < cumulative) {
                return i;
            }
        }
        return chances.length - 1;
    }
}
