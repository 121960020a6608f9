package dev.prepdeck.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The statistics' days: one after another without gap, each found by the moments inside it, whatever the clocks do. */
class DayGridTest {
    @Test
    void the_days_around_berlins_autumn_change_follow_each_other_and_the_long_one_holds_its_25_hours() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 25 October 2026: 3 am CEST becomes 2 am CET; with a 4 am rollover the 24th is the long day
        DayGrid grid = DayGrid.ending(LocalDate.parse("2026-10-26"), 4, berlin, 4);

        for (int i = 1; i < grid.size(); i++) {
            assertThat(grid.day(i).start()).isEqualTo(grid.day(i - 1).end());
        }
        assertThat(Duration.between(grid.day(1).start(), grid.day(1).end())).isEqualTo(Duration.ofHours(25));
        assertThat(grid.day(1).date()).isEqualTo(LocalDate.parse("2026-10-24"));
        // 02:30 CET on the 25th, after the clocks went back: still the 24th's study day
        assertThat(grid.indexOf(Instant.parse("2026-10-25T01:30:00Z").toEpochMilli())).isEqualTo(1);
        assertThat(grid.indexOf(Instant.parse("2026-10-25T03:00:00Z").toEpochMilli())).isEqualTo(2);
        assertThat(grid.indexOf(grid.endMs())).isEqualTo(-1);
    }

    @Test
    void at_rollover_hour_23_each_day_of_the_grid_starts_the_evening_before_its_date() {
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        DayGrid grid = DayGrid.of(LocalDate.parse("2026-03-08"), 2, kiritimati, 23);

        // 23:00 on 7 March at UTC+14 is 09:00 UTC that day
        assertThat(grid.day(0).start()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
        assertThat(grid.day(1).end()).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
        assertThat(grid.values(false)).isEqualTo("(0," + Instant.parse("2026-03-07T09:00:00Z").toEpochMilli() + ","
                + Instant.parse("2026-03-08T09:00:00Z").toEpochMilli() + "),(1,"
                + Instant.parse("2026-03-08T09:00:00Z").toEpochMilli() + ","
                + Instant.parse("2026-03-09T09:00:00Z").toEpochMilli() + ")");
    }
}
