package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsrsParametersTest {
    private static final List<Duration> TEN_MINUTES = List.of(Duration.ofMinutes(10));

    private static FsrsParameters with(double[] w, List<Duration> relearning, boolean shortTerm) {
        return new FsrsParameters(w, 0.9, 36500, List.of(Duration.ofMinutes(1)), relearning, shortTerm, false);
    }

    @Test
    void defaults_are_ts_fsrs_defaults_with_fuzz_on() {
        FsrsParameters p = FsrsParameters.defaults();
        assertThat(p.w()).containsExactly(FsrsParameters.defaultWeights());
        assertThat(p.w()).hasSize(21);
        assertThat(p.requestRetention()).isEqualTo(0.9);
        assertThat(p.maximumInterval()).isEqualTo(36500);
        assertThat(p.learningSteps()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThat(p.relearningSteps()).containsExactly(Duration.ofMinutes(10));
        assertThat(p.enableShortTerm()).isTrue();
        assertThat(p.enableFuzz()).isTrue();
    }

    @Test
    void migrates_17_weights_like_ts_fsrs() {
        double[] w17 = {0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61};
        // expected values printed by ts-fsrs 5.4.2: fsrs({w}).parameters.w
        assertThat(with(w17, TEN_MINUTES, true).w()).containsExactly(0.4, 0.6, 2.4, 5.8, 6.81, 0.44675014, 1.36, 0.01,
                1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61, 0, 0, 0.01, 0.5);
        assertThat(with(w17, TEN_MINUTES, false).w()[19]).isEqualTo(0.0);
    }

    @Test
    void migrates_19_weights_with_fsrs5_decay() {
        double[] w19 = {0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
            1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621};
        double[] w = with(w19, TEN_MINUTES, true).w();
        assertThat(w).hasSize(21);
        assertThat(w[18]).isEqualTo(0.6621);
        assertThat(w[19]).isEqualTo(0.01);
        assertThat(w[20]).isEqualTo(0.5);
    }

    @Test
    void clamps_every_weight_to_ts_fsrs_bounds() {
        double[] wild = {-1, 200, 0, 0, 0, 9, 9, 2, 9, 9, 9, 9, 9, 9, 9, 9, 0, 9, 9, 9, 9};
        assertThat(with(wild, TEN_MINUTES, true).w()).containsExactly(0.001, 100, 0.001, 0.001, 1, 4, 4, 0.75, 4.5, 0.8,
                3.5, 5, 0.25, 0.9, 4, 1, 1, 2, 2, 0.8, 0.8);
    }

    @Test
    void w17_w18_ceiling_shrinks_with_more_relearning_steps() {
        double[] w = FsrsParameters.defaultWeights();
        w[17] = 1.5;
        w[18] = 1.2;
        List<Duration> two = List.of(Duration.ofMinutes(10), Duration.ofHours(1));
        List<Duration> three = List.of(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2));
        assertThat(with(w, TEN_MINUTES, true).w()).contains(1.5, 1.2);
        assertThat(with(w, two, true).w()[17]).isEqualTo(0.60045935);
        assertThat(with(w, two, true).w()[18]).isEqualTo(0.60045935);
        assertThat(with(w, three, true).w()[17]).isEqualTo(0.49027301);
    }

    @Test
    void rejects_wrong_weight_count_and_non_finite_weights() {
        assertThatThrownBy(() -> with(new double[20], TEN_MINUTES, true))
                .hasMessage("w must have 17, 19 or 21 numbers (FSRS-4.5, FSRS-5, FSRS-6), got 20");
        double[] w = FsrsParameters.defaultWeights();
        w[3] = Double.NaN;
        assertThatThrownBy(() -> with(w, TEN_MINUTES, true)).hasMessage("weight w3 is not a finite number: NaN");
    }

    @Test
    void accepts_any_retention_ts_fsrs_accepts_but_decks_need_070_to_099() {
        FsrsParameters low = new FsrsParameters(FsrsParameters.defaultWeights(), 0.5, 36500, List.of(), List.of(), true, false);
        assertThat(low.requestRetention()).isEqualTo(0.5);
        assertThatThrownBy(low::requireValidForDeck)
                .hasMessage("desired retention must be between 0.70 and 0.99, got 0.5");
        assertThat(FsrsParameters.defaults().requireValidForDeck()).isNotNull();
        assertThatThrownBy(() -> new FsrsParameters(FsrsParameters.defaultWeights(), 1.2, 36500, List.of(), List.of(), true, false))
                .hasMessage("request retention must be in (0, 1], got 1.2");
        assertThatThrownBy(() -> new FsrsParameters(FsrsParameters.defaultWeights(), 0.9, 0, List.of(), List.of(), true, false))
                .hasMessage("maximum interval must be at least 1 day, got 0");
    }

    @Test
    void steps_must_be_whole_minutes() {
        assertThatThrownBy(() -> new FsrsParameters(FsrsParameters.defaultWeights(), 0.9, 36500,
                List.of(Duration.ofSeconds(30)), List.of(), true, false))
                .hasMessage("learning steps must be whole, non-negative minutes, got PT30S");
    }

    @Test
    void weights_cannot_be_changed_from_outside() {
        double[] w = FsrsParameters.defaultWeights();
        FsrsParameters p = with(w, TEN_MINUTES, true);
        w[0] = 50;
        p.w()[1] = 50;
        assertThat(p.w()[0]).isEqualTo(0.212);
        assertThat(p.w()[1]).isEqualTo(1.2931);
        assertThat(p).isEqualTo(with(FsrsParameters.defaultWeights(), TEN_MINUTES, true));
    }
}
