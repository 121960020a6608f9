package dev.prepdeck.fsrs.optimizer;

import static dev.prepdeck.fsrs.optimizer.TestHistories.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionSimulatorTest {
    private static final RetentionSimulator.Settings SMALL =
            new RetentionSimulator.Settings(200, 10, 36500, StudyHabits.FSRS_RS_DEFAULTS, 42);

    @Test
    void reports_every_desired_retention_from_070_to_097_and_recommends_the_cheapest_per_card_remembered() {
        RetentionSimulator.Table table = new RetentionSimulator(SMALL).simulate(Optimizer.defaultParameters());
        assertThat(table.rows()).hasSize(28);
        assertThat(table.rows().get(0).desiredRetention()).isEqualTo(0.70);
        assertThat(table.rows().get(27).desiredRetention()).isEqualTo(0.97);
        assertThat(table.cards()).isEqualTo(2000);
        RetentionSimulator.Row cheapest = table.rows().stream()
                .min((a, b) -> Double.compare(a.secondsPerCardRemembered(), b.secondsPerCardRemembered())).orElseThrow();
        assertThat(table.recommended()).isEqualTo(cheapest.desiredRetention());
    }

    @Test
    void asking_for_more_retention_costs_more_work_and_keeps_more_cards() {
        List<RetentionSimulator.Row> rows = new RetentionSimulator(SMALL).simulate(Optimizer.defaultParameters()).rows();
        RetentionSimulator.Row low = rows.get(0);
        RetentionSimulator.Row middle = rows.get(20);
        RetentionSimulator.Row high = rows.get(27);
        assertThat(low.reviewsPerDay()).isLessThan(middle.reviewsPerDay()).isLessThan(high.reviewsPerDay());
        assertThat(low.minutesPerDay()).isLessThan(middle.minutesPerDay()).isLessThan(high.minutesPerDay());
        assertThat(low.cardsRemembered()).isLessThan(middle.cardsRemembered()).isLessThan(high.cardsRemembered());
        assertThat(high.cardsRemembered()).isLessThanOrEqualTo(2000);
    }

    @Test
    void the_same_seed_gives_the_same_table_and_another_seed_a_slightly_different_one() {
        double[] w = Optimizer.defaultParameters();
        RetentionSimulator.Table first = new RetentionSimulator(SMALL).simulate(w);
        assertThat(new RetentionSimulator(SMALL).simulate(w)).isEqualTo(first);
        RetentionSimulator.Table other = new RetentionSimulator(
                new RetentionSimulator.Settings(200, 10, 36500, StudyHabits.FSRS_RS_DEFAULTS, 7)).simulate(w);
        assertThat(other.rows()).isNotEqualTo(first.rows());
        assertThat(other.rows().get(20).cardsRemembered())
                .isCloseTo(first.rows().get(20).cardsRemembered(), within(0.02 * first.rows().get(20).cardsRemembered()));
    }

    @Test
    void one_card_step_agrees_with_the_trained_model() {
        // The simulator's per-card step and the training forward pass must be the same FSRS-6.
        TrainingSet set = TestHistories.set(card(0, 1, 0, 3, 2, 3, 9, 1, 9, 3, 10, 2, 30, 4, 80, 3));
        double[] w = {0.3, 1.1, 3.0, 12.0, 5.8, 1.2, 2.4, 0.2, 1.5, 0.3, 1.2, 1.1, 0.15, 0.4, 2.0, 0.4, 2.5,
            0.9, 0.6, 0.3, 0.35};
        int last = set.itemCount() - 1;
        double predicted = new MemoryModel().predict(w, HistoryForest.of(set, new int[] {last}, new double[] {1}))[0];
        MemoryModel.Curve curve = new MemoryModel.Curve(w[20]);
        int first = set.reviewIndex(last, 0);
        int grade = set.rating(first);
        double s = w[grade - 1];
        double d = MemoryModel.clamp(MemoryModel.initialDifficulty(w, grade), MemoryModel.D_MIN, MemoryModel.D_MAX);
        for (int step = 1; step < set.length(last) - 1; step++) {
            int review = set.reviewIndex(last, step);
            s = MemoryModel.nextStability(w, curve, s, d, set.elapsedDays(review), set.rating(review));
            d = MemoryModel.nextDifficulty(w, d, set.rating(review));
        }
        assertThat(curve.retrievability(set.currentElapsedDays(last), s)).isCloseTo(predicted, within(1e-15));
    }

    @Test
    void study_habits_come_from_the_log() {
        List<CardHistory> cards = new ArrayList<>();
        // Again then two same-day reviews (10 s each), Good two days later (6 s), Again a week later (20 s)
        // followed by one same-day review (8 s)
        cards.add(timed(card(0, 1, 0, 3, 0, 3, 2, 3, 9, 1, 9, 3), 12, 10, 10, 6, 20, 8));
        // Good with nothing else that day (4 s), Easy three days later (3 s), Hard later (9 s)
        cards.add(timed(card(0, 3, 3, 4, 10, 2), 4, 3, 9));
        StudyHabits habits = StudyHabits.from(cards, DayCut.UTC_MIDNIGHT);
        assertThat(habits.firstRatingChances()).containsExactly(new double[] {0.5, 0, 0.5, 0}, within(1e-12));
        assertThat(habits.recallRatingChances()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
        assertThat(habits.firstReviewSeconds()[0]).isEqualTo(12.0);
        assertThat(habits.firstReviewSeconds()[2]).isEqualTo(4.0);
        assertThat(habits.firstReviewSeconds()[1]).as("no first Hard: fsrs-rs's default").isEqualTo(18.79);
        assertThat(habits.reviewSeconds()).containsExactly(new double[] {20, 9, 6, 3}, within(1e-12));
        assertThat(habits.sameDayReviewsAfterFirst()[0]).isEqualTo(2.0);
        assertThat(habits.sameDaySecondsAfterFirst()[0]).isEqualTo(20.0);
        assertThat(habits.sameDayReviewsAfterFirst()[2]).isZero();
        assertThat(habits.sameDayReviewsAfterLapse()).isEqualTo(1.0);
        assertThat(habits.sameDaySecondsAfterLapse()).isEqualTo(8.0);
    }

    @Test
    void a_log_without_durations_uses_fsrs_rs_default_costs() {
        StudyHabits habits = StudyHabits.from(List.of(card(0, 3, 0, 3, 4, 3)), DayCut.UTC_MIDNIGHT);
        assertThat(habits.firstReviewSeconds()).containsExactly(StudyHabits.FSRS_RS_DEFAULTS.firstReviewSeconds(),
                within(0.0));
        assertThat(habits.sameDayReviewsAfterFirst()[2]).isEqualTo(1.0);
        assertThat(habits.sameDaySecondsAfterFirst()[2]).isEqualTo(StudyHabits.FSRS_RS_DEFAULTS.reviewSeconds()[2]);
    }

    private static CardHistory timed(CardHistory card, int... seconds) {
        List<PastReview> reviews = new ArrayList<>();
        for (int i = 0; i < card.reviews().size(); i++) {
            PastReview review = card.reviews().get(i);
            reviews.add(new PastReview(review.time(), review.rating(), Duration.ofSeconds(seconds[i])));
        }
        return new CardHistory(reviews);
    }
}
