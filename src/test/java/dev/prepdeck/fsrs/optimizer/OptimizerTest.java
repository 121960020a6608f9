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
}
