package dev.prepdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IntervalFormatTest {
    @Test
    void labels_read_like_anki_buttons() {
        assertThat(IntervalFormat.shortLabel(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(IntervalFormat.shortLabel(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(IntervalFormat.shortLabel(Duration.ofMinutes(90))).isEqualTo("1.5h");
        assertThat(IntervalFormat.shortLabel(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(IntervalFormat.shortLabel(Duration.ofDays(61))).isEqualTo("2mo");
        assertThat(IntervalFormat.shortLabel(Duration.ofDays(548))).isEqualTo("1.5y");
        assertThat(IntervalFormat.shortLabel(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void due_times_are_described_relative_to_now_in_the_learners_zone() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

        assertThat(DueFormat.describe(now.minusSeconds(1), now, ZoneOffset.UTC, Locale.ENGLISH)).isEqualTo("now");
        assertThat(DueFormat.describe(now.plusSeconds(600), now, ZoneOffset.UTC, Locale.ENGLISH)).isEqualTo("in 10m");
        assertThat(DueFormat.describe(Instant.parse("2026-03-02T15:30:00Z"), now, ZoneOffset.UTC, Locale.ENGLISH)).isEqualTo("today 15:30");
        assertThat(DueFormat.describe(Instant.parse("2026-03-03T09:00:00Z"), now, ZoneOffset.UTC, Locale.ENGLISH)).isEqualTo("tomorrow 09:00");
        assertThat(DueFormat.describe(Instant.parse("2026-03-12T10:00:00Z"), now, ZoneOffset.UTC, Locale.ENGLISH)).isEqualTo("2026-03-12 (in 10d)");
    }

    @Test
    void labels_and_due_times_read_as_chinese_for_a_chinese_page() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertThat(IntervalFormat.shortLabel(Duration.ofMinutes(10), zh)).isEqualTo("10分钟");
        assertThat(IntervalFormat.shortLabel(Duration.ofDays(3), zh)).isEqualTo("3天");
        assertThat(IntervalFormat.shortLabel(Duration.ofDays(61), zh)).isEqualTo("2个月");
        assertThat(IntervalFormat.shortLabel(Duration.ofDays(548), zh)).isEqualTo("1.5年");

        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(DueFormat.describe(now.minusSeconds(1), now, ZoneOffset.UTC, zh)).isEqualTo("现在");
        assertThat(DueFormat.describe(now.plusSeconds(600), now, ZoneOffset.UTC, zh)).isEqualTo("10分钟后");
        assertThat(DueFormat.describe(Instant.parse("2026-03-02T15:30:00Z"), now, ZoneOffset.UTC, zh)).isEqualTo("今天 15:30");
        assertThat(DueFormat.describe(Instant.parse("2026-03-03T09:00:00Z"), now, ZoneOffset.UTC, zh)).isEqualTo("明天 09:00");
        assertThat(DueFormat.describe(Instant.parse("2026-03-12T10:00:00Z"), now, ZoneOffset.UTC, zh)).isEqualTo("2026年3月12日（10天后）");
    }
}
