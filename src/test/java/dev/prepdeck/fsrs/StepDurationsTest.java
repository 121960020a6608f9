package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepDurationsTest {
    @Test
    void reads_minutes_hours_and_days() {
        assertThat(StepDurations.parseAll(List.of("1m", "10m", "1h", "3d", "0m")))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(3),
                        Duration.ZERO);
    }

    @Test
    void rejects_seconds_like_ts_fsrs() {
        assertThatThrownBy(() -> StepDurations.parse("30s"))
                .hasMessage("invalid learning step unit in \"30s\": expected m (minutes), h (hours) or d (days)");
    }

    @Test
    void rejects_malformed_steps_with_a_clear_message() {
        assertThatThrownBy(() -> StepDurations.parse("1.5m"))
                .hasMessage("invalid learning step \"1.5m\": expected a whole number followed by m, h or d, e.g. \"10m\"");
        assertThatThrownBy(() -> StepDurations.parse("m")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> StepDurations.parse("-1m")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> StepDurations.parse("")).hasMessageContaining("must not be empty");
    }
}
