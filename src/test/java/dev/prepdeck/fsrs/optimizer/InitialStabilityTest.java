package dev.prepdeck.fsrs.optimizer;

import static dev.prepdeck.fsrs.optimizer.TestHistories.card;
import static dev.prepdeck.fsrs.optimizer.TestHistories.copies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitialStabilityTest {

    @Test
    void a_missing_rating_is_filled_between_its_neighbours() {
        // fsrs-rs's own example: Hard missing, S2 = S1^0.41 * S3^0.59
        double[] filled = InitialStability.smoothAndFill(new double[] {0, 0.4, 0, 2.3, 10.9}, new int[] {0, 1, 0, 1, 1})
                .orElseThrow();
        assertThat(filled).containsExactly(new double[] {0.4, 1.1227008, 2.3, 10.9}, within(1e-6));
    }

    @Test
    void one_rating_alone_scales_all_four_defaults() {
        double[] filled = InitialStability.smoothAndFill(new double[] {0, 0, 0.35, 0, 0}, new int[] {0, 0, 1, 0, 0})
                .orElseThrow();
        assertThat(filled).containsExactly(new double[] {0.05738148, 0.35, 0.6242943, 2.2453482}, within(1e-6));
    }

    @Test
    void a_better_rating_never_gets_a_lower_stability() {
        // Again looks more stable than Good; Good has more data, so Again is pulled down to it.
        double[] filled = InitialStability.smoothAndFill(new double[] {0, 5.0, 0, 3.0, 0}, new int[] {0, 10, 0, 50, 0})
                .orElseThrow();
        assertThat(filled[0]).isEqualTo(3.0);
        assertThat(filled[2]).isEqualTo(3.0);
    }

    @Test
    void nothing_to_estimate_from_gives_nothing() {
        assertThat(InitialStability.smoothAndFill(new double[5], new int[5])).isEmpty();
    }

    @Test
    void recovers_the_stability_that_generated_the_recall_rates() {
        // 1,000 cards first rated Good, each tested once 1 to 20 days later, recalled exactly as often as the
        // forgetting curve with S = 4 days predicts; the estimate lands on 4 (smoothing towards the average
        // recall and the pull towards the default 2.3065 move it by well under a percent).
        double stability = 4.0;
        double decay = -Optimizer.defaultParameters()[20];
        double factor = Math.pow(0.9, 1 / decay) - 1;
        List<CardHistory> cards = new ArrayList<>();
        int[] intervals = {1, 2, 3, 5, 8, 13, 20};
        int perInterval = 1000 / intervals.length;
        for (int days : intervals) {
            double recall = Math.pow(1 + factor * days / stability, decay);
            int recalled = (int) Math.round(recall * perInterval);
            cards.addAll(copies(recalled, card(0, 3, days, 3)));
            cards.addAll(copies(perInterval - recalled, card(0, 3, days, 1)));
        }
        TrainingSet set = TrainingSet.of(cards, DayCut.UTC_MIDNIGHT);
        ItemSelection selection = ItemSelection.of(set);
        double average = 0;
        for (int item : selection.training()) {
            average += set.recalled(item) ? 1 : 0;
        }
        average /= selection.training().length;
        InitialStability.Result result =
                InitialStability.estimate(set, selection.initialisation(), average).orElseThrow();
        assertThat(result.stabilities()[2]).isCloseTo(stability, within(0.03));
        assertThat(result.countByFirstRating()[3]).isEqualTo(selection.initialisation().length);
    }

    @Test
    void all_recalled_is_held_back_only_by_the_pull_towards_the_default() {
        // 30 cards, Good then recalled 4 days later. With every recall smoothed to 1, the loss is
        // 30 (-ln R(4, S)) + (S - 2.3065) / 16, whose minimum solves S (S + 4F) = 16 * 30 * 0.1542 * 4F. The
        // ternary search stops where the loss no longer resolves S: within about 1e-7 near the flat minimum.
        TrainingSet set = TrainingSet.of(copies(30, card(0, 3, 4, 3)), DayCut.UTC_MIDNIGHT);
        ItemSelection selection = ItemSelection.of(set);
        InitialStability.Result result = InitialStability.estimate(set, selection.initialisation(), 1.0).orElseThrow();
        double decay = -0.1542;
        double f4 = 4 * (Math.pow(0.9, 1 / decay) - 1);
        double expected = (-f4 + Math.sqrt(f4 * f4 + 4 * 16 * 30 * 0.1542 * f4)) / 2;
        assertThat(result.stabilities()[2]).isCloseTo(expected, within(1e-6)).isCloseTo(15.19, within(0.01));
        // the other ratings keep the defaults' proportions to Good
        double good = result.stabilities()[2];
        assertThat(result.stabilities()[0] / good).isCloseTo(0.212 / 2.3065, within(1e-12));
        assertThat(result.stabilities()[3] / good).isCloseTo(8.2956 / 2.3065, within(1e-12));
    }
}
