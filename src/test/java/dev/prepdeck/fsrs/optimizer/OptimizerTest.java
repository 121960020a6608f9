package dev.prepdeck.fsrs.optimizer;

import static dev.prepdeck.fsrs.optimizer.TestHistories.card;
import static dev.prepdeck.fsrs.optimizer.TestHistories.copies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private final Optimizer optimizer = new Optimizer();

    @Test
    void fewer_than_eight_usable_items_keep_the_defaults() {
        TrainingSet set = TrainingSet.of(copies(7, card(0, 3, 2, 3)), DayCut.UTC_MIDNIGHT);
        Fit fit = optimizer.fit(set);
        assertThat(fit.outcome()).isEqualTo(Fit.Outcome.DEFAULTS);
        assertThat(fit.parameters()).containsExactly(Optimizer.defaultParameters(), within(0.0));
    }

    @Test
    void no_history_at_all_keeps_the_defaults() {
        Fit fit = optimizer.fit(TrainingSet.of(List.of(card(0, 3), card(0, 1, 0, 3)), DayCut.UTC_MIDNIGHT));
        assertThat(fit.outcome()).isEqualTo(Fit.Outcome.DEFAULTS);
        assertThat(fit.trainingItems()).isZero();
    }

    @Test
    void fewer_than_64_items_fit_only_the_initial_stabilities() {
        List<CardHistory> cards = new ArrayList<>(copies(25, card(0, 3, 3, 3)));
        cards.addAll(copies(15, card(0, 3, 3, 1)));
        Fit fit = optimizer.fit(TrainingSet.of(cards, DayCut.UTC_MIDNIGHT));
        assertThat(fit.outcome()).isEqualTo(Fit.Outcome.INITIAL_STABILITIES_ONLY);
        assertThat(fit.trainingItems()).isEqualTo(40);
        double[] defaults = Optimizer.defaultParameters();
        assertThat(fit.parameters()[2]).isNotEqualTo(defaults[2]);
        assertThat(Arrays.copyOfRange(fit.parameters(), 4, 21))
                .containsExactly(Arrays.copyOfRange(defaults, 4, 21), within(0.0));
    }

    @Test
    void first_intervals_alone_fit_only_the_initial_stabilities_however_many() {
        TrainingSet set = TrainingSet.of(copies(200, card(0, 3, 3, 3)), DayCut.UTC_MIDNIGHT);
        assertThat(optimizer.fit(set).outcome()).isEqualTo(Fit.Outcome.INITIAL_STABILITIES_ONLY);
    }

    @Test
    void enough_history_fits_all_parameters_within_their_bounds() {
        List<CardHistory> cards = new ArrayList<>();
        cards.addAll(copies(60, card(0, 3, 3, 3, 10, 3, 30, 3)));
        cards.addAll(copies(30, card(0, 3, 3, 3, 10, 1, 11, 3, 20, 3)));
        cards.addAll(copies(30, card(0, 1, 0, 3, 1, 3, 5, 2, 15, 3)));
        Fit fit = optimizer.fit(TrainingSet.of(cards, DayCut.UTC_MIDNIGHT));
        assertThat(fit.outcome()).isEqualTo(Fit.Outcome.OPTIMIZED);
        double[] clipped = fit.parameters();
        ParameterClipper.clip(clipped, 1, true);
        assertThat(fit.parameters()).containsExactly(clipped, within(0.0));
        assertThat(fit.parameters()).isNotEqualTo(Optimizer.defaultParameters());
    }

    @Test
    void the_same_history_always_gives_the_same_parameters() {
        TrainingSet set = ReviewLogFixture.trainingSet();
        double[] first = optimizer.fit(set).parameters();
        double[] again = new Optimizer().fit(ReviewLogFixture.trainingSet()).parameters();
        assertThat(again).containsExactly(first, within(0.0));
        double[] otherSeed = new Optimizer(TrainingConfig.DEFAULT.withSeed(7)).fit(set).parameters();
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void evaluation_needs_21_finite_parameters_and_some_items() {
        TrainingSet set = TrainingSet.of(copies(10, card(0, 3, 2, 3)), DayCut.UTC_MIDNIGHT);
        assertThatThrownBy(() -> optimizer.evaluate(new double[19], set))
                .hasMessage("expected 21 parameters, got 19");
        double[] broken = Optimizer.defaultParameters();
        broken[8] = Double.NaN;
        assertThatThrownBy(() -> optimizer.evaluate(broken, set)).hasMessage("parameter w8 is not a finite number");
        TrainingSet empty = TrainingSet.of(List.of(card(0, 3)), DayCut.UTC_MIDNIGHT);
        assertThatThrownBy(() -> optimizer.evaluate(Optimizer.defaultParameters(), empty))
                .hasMessageContaining("no items to evaluate");
        TrainingSet five = TrainingSet.of(copies(5, card(0, 3, 2, 3)), DayCut.UTC_MIDNIGHT);
        assertThatThrownBy(() -> optimizer.evaluateTimeSeriesSplits(five))
                .hasMessage("a time-series split needs at least 6 items, got 5");
    }

    @Test
    void evaluation_weighs_recent_items_more() {
        // An early failure and a late success, predicted alike: the late one weighs 1, the early one 0.25.
        TrainingSet set = TrainingSet.of(List.of(card(0, 3, 3, 1), card(1, 3, 4, 3)), DayCut.UTC_MIDNIGHT);
        double[] w = Optimizer.defaultParameters();
        double r = new MemoryModel.Curve(w[20]).retrievability(3, w[2]);
        Metrics metrics = optimizer.evaluate(w, set);
        assertThat(metrics.logLoss()).isCloseTo(-(0.25 * Math.log(1 - r) + Math.log(r)) / 1.25, within(1e-12));
    }

    @Test
    void later_segments_are_scored_unweighted_with_the_given_parameters() {
        // 12 cards each reviewed again two days after a Good first rating: the prediction of every item is R(2, w2).
        List<CardHistory> cards = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            cards.add(card(k, 3, k + 2, k % 3 == 0 ? 1 : 3));
        }
        TrainingSet set = TrainingSet.of(cards, DayCut.UTC_MIDNIGHT);
        double[] w = Optimizer.defaultParameters();
        double r = new MemoryModel.Curve(w[20]).retrievability(2, w[2]);
        double loss = 0;
        for (int k = 2; k < 12; k++) {
            loss -= k % 3 == 0 ? Math.log(1 - r) : Math.log(r);
        }
        Metrics later = optimizer.evaluateLaterSegments(w, set);
        assertThat(later.items()).isEqualTo(10);
        assertThat(later.logLoss()).isCloseTo(loss / 10, within(1e-12));
    }

    @Test
    void a_split_whose_fits_keep_the_defaults_scores_as_the_defaults_do_on_the_later_segments() {
        // 9 items: every fit of the split sees at most 7 and keeps the defaults.
        TrainingSet set = TrainingSet.of(copies(9, card(0, 3, 2, 3, 5, 1)), DayCut.UTC_MIDNIGHT);
        Metrics split = optimizer.evaluateTimeSeriesSplits(set);
        Metrics defaults = optimizer.evaluateLaterSegments(Optimizer.defaultParameters(), set);
        assertThat(split).isEqualTo(defaults);
        assertThatThrownBy(() -> optimizer.evaluateLaterSegments(new double[20], set))
                .hasMessage("expected 21 parameters, got 20");
    }

    @Test
    void a_decks_schedule_shapes_the_fit_as_in_fsrs_rs() {
        List<CardHistory> cards = new ArrayList<>();
        cards.addAll(copies(60, card(0, 3, 3, 3, 10, 3, 30, 3)));
        cards.addAll(copies(40, card(0, 3, 0, 1, 0, 3, 3, 1, 3, 3, 4, 3, 12, 3)));
        cards.addAll(copies(30, card(0, 1, 0, 3, 1, 3, 5, 2, 15, 3)));
        TrainingSet set = TrainingSet.of(cards, DayCut.UTC_MIDNIGHT);
        double[] threeSteps = new Optimizer(TrainingConfig.DEFAULT.withSchedule(true, 3)).fit(set).parameters();
        double[] capped = threeSteps.clone();
        ParameterClipper.clip(capped, 3, true);
        assertThat(threeSteps).containsExactly(capped, within(0.0));
        double[] longTermOnly = new Optimizer(TrainingConfig.DEFAULT.withSchedule(false, 1)).fit(set).parameters();
        double[] defaults = Optimizer.defaultParameters();
        assertThat(Arrays.copyOfRange(longTermOnly, 17, 20)).containsExactly(Arrays.copyOfRange(defaults, 17, 20), within(0.0));
        assertThat(new Optimizer(TrainingConfig.DEFAULT.withSchedule(true, 1)).fit(set).parameters())
                .isNotEqualTo(threeSteps).isNotEqualTo(longTermOnly);
    }
}
