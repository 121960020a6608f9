package dev.prepdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StudyDayTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void a_late_night_review_counts_for_the_day_it_started_in() {
        StudyDay day = StudyDay.containing(Instant.parse("2026-03-02T18:30:00Z"), SHANGHAI, 4);

        assertThat(day.date()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(day.start()).isEqualTo(Instant.parse("2026-03-01T20:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
    }

    @Test
    void the_day_turns_over_at_the_rollover_hour_in_the_learners_zone() {
        Instant justBefore = Instant.parse("2026-03-02T19:59:59Z");
        Instant atRollover = Instant.parse("2026-03-02T20:00:00Z");

        assertThat(StudyDay.containing(justBefore, SHANGHAI, 4).date()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(StudyDay.containing(atRollover, SHANGHAI, 4).date()).isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @Test
    void a_day_across_a_daylight_saving_change_is_23_hours_long() {
        StudyDay day = StudyDay.of(LocalDate.parse("2026-03-08"), ZoneId.of("America/New_York"), 4);

        assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(23));
    }
}
