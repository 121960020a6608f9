package dev.prepdeck.fsrs.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParameterClipperTest {
    private static final double[] LOWER = {0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001,
        0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0.01, 0.1};
    private static final double[] UPPER = {100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
        5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8};

    @Test
    void every_parameter_is_held_inside_fsrs_rs_bounds() {
        double[] low = new double[21];
        Arrays.fill(low, -1000);
        ParameterClipper.clip(low, 1, true);
        assertThat(low).containsExactly(LOWER, within(0.0));

        double[] high = new double[21];
        Arrays.fill(high, 1000);
        ParameterClipper.clip(high, 1, true);
        assertThat(high).containsExactly(UPPER, within(0.0));
    }

    @Test
    void parameters_inside_their_bounds_are_left_alone() {
        double[] w = Optimizer.defaultParameters();
        ParameterClipper.clip(w, 1, true);
        assertThat(w).containsExactly(Optimizer.defaultParameters(), within(0.0));
    }

    @Test
    void without_short_term_training_w19_may_reach_zero() {
        double[] w = Optimizer.defaultParameters();
        w[19] = -1;
        ParameterClipper.clip(w, 1, false);
        assertThat(w[19]).isZero();
    }

    @Test
    void several_relearning_steps_lower_the_ceiling_of_w17_and_w18() {
        // ceiling = sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 w14) / steps): 0.6005 with the defaults and 2 steps,
        // which the default w17 = 0.5425 stays under
        double[] w = Optimizer.defaultParameters();
        ParameterClipper.clip(w, 2, true);
        assertThat(w).containsExactly(Optimizer.defaultParameters(), within(0.0));
        w[17] = 1.5;
        w[18] = 1.5;
        ParameterClipper.clip(w, 2, true);
        double expected = Math.sqrt(-(Math.log(1.4835) + Math.log(Math.pow(2, 0.2629) - 1) + 0.3 * 1.6483) / 2);
        assertThat(w[17]).isCloseTo(expected, within(1e-12)).isCloseTo(0.6005, within(1e-4));
        assertThat(w[18]).isEqualTo(w[17]);
    }
}
