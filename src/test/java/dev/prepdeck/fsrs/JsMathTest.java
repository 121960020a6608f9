package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsMathTest {
    /** {x, y, Node 20's Math.pow(x, y)}; StrictMath.pow is one ulp off on each of these. */
    private static final double[][] V8_POW = {
        {0.8071733967168256, -1.545326988810639, 1.3924084603155582},
        {17.823009673043863, -0.1231948417145759, 0.7012705297319333},
        {26.314395836500708, -0.3006482396274805, 0.3741289829694191},
        {0.8603393656900152, -2.2218402802852526, 1.3968612862711023},
        {14718.865679987543, 0.015279988409020007, 1.1579373740972547},
        {3.5846348505001515, -0.22371858911355957, 0.7515543003247471},
    };

    @Test
    void pow_matches_v8_where_strict_math_does_not() {
        for (double[] c : V8_POW) {
            assertThat(StrictMath.pow(c[0], c[1])).isNotEqualTo(c[2]);
            assertThat(JsMath.pow(c[0], c[1])).as("pow(%s, %s)", c[0], c[1]).isEqualTo(c[2]);
        }
    }

    @Test
    void pow_special_cases_follow_fdlibm() {
        assertThat(JsMath.pow(0.9, -1)).isEqualTo(1 / 0.9);
        assertThat(JsMath.pow(7, 2)).isEqualTo(49);
        assertThat(JsMath.pow(2, 0.5)).isEqualTo(Math.sqrt(2));
        assertThat(JsMath.pow(1, 123.4)).isEqualTo(1);
        assertThat(JsMath.pow(5, 0)).isEqualTo(1);
        assertThat(JsMath.pow(0, -1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(JsMath.pow(1e300, 10)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(JsMath.pow(1e-300, 10)).isEqualTo(0.0);
        assertThat(JsMath.pow(2, -1074)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void exp_of_one_is_e_as_in_v8() {
        assertThat(JsMath.exp(1.0)).isEqualTo(Math.E);
        assertThat(StrictMath.exp(1.0)).isNotEqualTo(Math.E);
    }
}
