package dev.prepdeck.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z");

    private static Instant hoursAgo(double hours) {
        return NOW.minus(Duration.ofMinutes((long) (hours * 60)));
    }

    private static Instant daysAgo(int days, int hour) {
        return Instant.parse("2026-11-30T00:00:00Z").minus(Duration.ofDays(days)).plus(Duration.ofHours(hour));
    }

    @Test
    void keeps_the_twelve_newest_of_today_and_lets_older_ones_of_today_go() {
        List<Instant> today = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            today.add(hoursAgo(i));
        }

        Set<Instant> kept = Retention.DEFAULT.keep(today, NOW, ZoneOffset.UTC);

        assertThat(kept).containsExactlyInAnyOrderElementsOf(today.subList(0, 12));
    }

    @Test
    void keeps_the_newest_backup_of_each_of_the_seven_days_before_today() {
        List<Instant> times = new ArrayList<>();
        for (int day = 1; day <= 8; day++) {
            times.add(daysAgo(day, 9));
            times.add(daysAgo(day, 21));
        }

        Set<Instant> kept = Retention.DEFAULT.keep(times, NOW, ZoneOffset.UTC);

        assertThat(kept).containsExactlyInAnyOrder(daysAgo(1, 21), daysAgo(2, 21), daysAgo(3, 21), daysAgo(4, 21),
                daysAgo(5, 21), daysAgo(6, 21), daysAgo(7, 21), daysAgo(8, 21));
        // day 8 is the first day of the first week before the kept days: its newest stands for that week
    }

    @Test
    void keeps_one_a_week_for_four_weeks_past_the_daily_ones_and_nothing_older() {
        List<Instant> times = new ArrayList<>();
        for (int day = 8; day <= 50; day++) {
            times.add(daysAgo(day, 12));
        }
        times.add(hoursAgo(1));

        Set<Instant> kept = Retention.DEFAULT.keep(times, NOW, ZoneOffset.UTC);

        assertThat(kept).containsExactlyInAnyOrder(hoursAgo(1), daysAgo(8, 12), daysAgo(15, 12), daysAgo(22, 12),
                daysAgo(29, 12));
    }

    @Test
    void a_weeks_backup_stays_kept_as_the_days_pass_and_the_policy_runs_again() {
        List<Instant> times = new ArrayList<>();
        for (int day = 8; day <= 36; day++) {
            times.add(daysAgo(day, 12));
        }
        Set<Instant> keptToday = Retention.DEFAULT.keep(times, NOW, ZoneOffset.UTC);

        Set<Instant> keptTomorrow = Retention.DEFAULT.keep(keptToday, NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC);

        assertThat(keptTomorrow).containsExactlyInAnyOrderElementsOf(keptToday);
    }

    @Test
    void the_newest_backup_is_kept_however_old_it_is() {
        Set<Instant> kept = Retention.DEFAULT.keep(List.of(daysAgo(200, 1), daysAgo(300, 1)), NOW, ZoneOffset.UTC);

        assertThat(kept).containsExactly(daysAgo(200, 1));
    }

    @Test
    void days_are_the_calendar_days_of_the_zone_given() {
        // 23:30 UTC on the 29th is already the 30th in Shanghai: one of today's there, yesterday's in UTC
        Instant lateEvening = Instant.parse("2026-11-29T23:30:00Z");
        Instant earlierThatDay = Instant.parse("2026-11-29T10:00:00Z");
        List<Instant> times = List.of(lateEvening, earlierThatDay);

        assertThat(Retention.DEFAULT.keep(times, NOW, ZoneId.of("Asia/Shanghai")))
                .containsExactlyInAnyOrder(lateEvening, earlierThatDay);
        assertThat(Retention.DEFAULT.keep(times, NOW, ZoneOffset.UTC)).containsExactly(lateEvening);
    }

    @Test
    void nothing_to_keep_from_nothing() {
        assertThat(Retention.DEFAULT.keep(List.of(), NOW, ZoneOffset.UTC)).isEmpty();
    }
}
