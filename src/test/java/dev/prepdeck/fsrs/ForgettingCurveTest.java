package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ForgettingCurveTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void recall_is_certain_right_after_a_review_and_ninety_percent_after_stability_days() {
        ForgettingCurve curve = ForgettingCurve.of(FsrsParameters.defaults());
        assertThat(curve.retrievability(0, 7.5)).isEqualTo(1.0);
        assertThat(curve.retrievability(7.5, 7.5)).isCloseTo(0.9, within(1e-12));
        assertThat(curve.retrievability(30, 7.5)).isLessThan(curve.retrievability(8, 7.5));
    }

    @Test
    void it_is_the_schedulers_curve_without_the_rounding_to_eight_decimals() {
        FsrsParameters parameters = FsrsParameters.defaults();
        ForgettingCurve curve = ForgettingCurve.of(parameters);
        Scheduler scheduler = new Scheduler(parameters);
        for (int days : new int[] {1, 3, 10, 45, 400}) {
            FsrsCard card = new FsrsCard(State.REVIEW, 12.25, 5, 3, 0, 0, 12, 12, NOW.minus(Duration.ofDays(days)), NOW);
            assertThat(curve.retrievability(days, 12.25)).as(days + " days")
                    .isCloseTo(scheduler.retrievability(card, NOW), within(1e-8));
        }
    }
}
