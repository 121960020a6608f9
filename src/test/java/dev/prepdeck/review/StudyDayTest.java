package dev.prepdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyDayTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** UTC+14, the first place on Earth where a date begins. */
    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    /** UTC-11 and UTC-12 (the POSIX sign is reversed), the last places where a date ends. */
    private static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");
    private static final ZoneId GMT_MINUS_12 = ZoneId.of("Etc/GMT+12");

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
    void in_new_york_the_day_starts_at_the_rollover_hour_on_the_wall_clock_on_both_sides_of_a_clock_change() {
        // 8 March 2026: 2 am EST becomes 3 am EDT. 1 November 2026: 2 am EDT becomes 1 am EST.
        StudyDay beforeSpring = StudyDay.of(LocalDate.parse("2026-03-07"), NEW_YORK, 4);
        assertThat(beforeSpring.start()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z")); // 04:00 EST
        assertThat(beforeSpring.end()).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));   // 04:00 EDT
        assertThat(Duration.between(beforeSpring.start(), beforeSpring.end())).isEqualTo(Duration.ofHours(23));
        assertThat(length(LocalDate.parse("2026-03-08"), NEW_YORK, 4)).isEqualTo(Duration.ofHours(24));
        assertThat(length(LocalDate.parse("2026-10-31"), NEW_YORK, 4)).isEqualTo(Duration.ofHours(25));

        // At midnight the change falls inside the calendar day itself.
        assertThat(length(LocalDate.parse("2026-03-08"), NEW_YORK, 0)).isEqualTo(Duration.ofHours(23));
        assertThat(length(LocalDate.parse("2026-11-01"), NEW_YORK, 0)).isEqualTo(Duration.ofHours(25));

        // At 23, 8 March runs from 23:00 EST on the 7th to 23:00 EDT on the 8th.
        StudyDay eveningSpring = StudyDay.of(LocalDate.parse("2026-03-08"), NEW_YORK, 23);
        assertThat(eveningSpring.start()).isEqualTo(Instant.parse("2026-03-08T04:00:00Z"));
        assertThat(eveningSpring.end()).isEqualTo(Instant.parse("2026-03-09T03:00:00Z"));
        assertThat(length(LocalDate.parse("2026-11-01"), NEW_YORK, 23)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void in_berlin_the_short_and_long_days_are_the_ones_holding_the_change() {
        // 29 March 2026: 2 am CET becomes 3 am CEST. 25 October 2026: 3 am CEST becomes 2 am CET.
        assertThat(length(LocalDate.parse("2026-03-28"), BERLIN, 4)).isEqualTo(Duration.ofHours(23));
        assertThat(length(LocalDate.parse("2026-03-29"), BERLIN, 4)).isEqualTo(Duration.ofHours(24));
        assertThat(length(LocalDate.parse("2026-10-24"), BERLIN, 4)).isEqualTo(Duration.ofHours(25));
        assertThat(length(LocalDate.parse("2026-03-29"), BERLIN, 0)).isEqualTo(Duration.ofHours(23));
        assertThat(length(LocalDate.parse("2026-10-25"), BERLIN, 0)).isEqualTo(Duration.ofHours(25));
        assertThat(length(LocalDate.parse("2026-03-29"), BERLIN, 23)).isEqualTo(Duration.ofHours(23));
        assertThat(length(LocalDate.parse("2026-10-25"), BERLIN, 23)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void a_rollover_hour_the_clock_skips_starts_the_day_when_the_clock_resumes_and_a_repeated_one_at_its_first_pass() {
        // 2 am does not exist in New York on 8 March 2026: the day begins at 3 am EDT.
        StudyDay skipped = StudyDay.of(LocalDate.parse("2026-03-08"), NEW_YORK, 2);
        assertThat(skipped.start()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(StudyDay.containing(Instant.parse("2026-03-08T06:59:00Z"), NEW_YORK, 2).date())
                .isEqualTo(LocalDate.parse("2026-03-07"));
        assertThat(StudyDay.containing(Instant.parse("2026-03-08T07:00:00Z"), NEW_YORK, 2).date())
                .isEqualTo(LocalDate.parse("2026-03-08"));

        // 1 am happens twice on 1 November 2026: the day begins at the first (EDT) and the second is inside it.
        StudyDay repeated = StudyDay.of(LocalDate.parse("2026-11-01"), NEW_YORK, 1);
        assertThat(repeated.start()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(StudyDay.containing(Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK, 1).date())
                .isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(StudyDay.containing(Instant.parse("2026-11-01T04:59:00Z"), NEW_YORK, 1).date())
                .isEqualTo(LocalDate.parse("2026-10-31"));
    }

    @Test
    void on_either_side_of_the_date_line_one_moment_is_a_different_study_day() {
        // 11:30 UTC on 2 March 2026 is 01:30 on the 3rd in Kiritimati, 00:30 on the 2nd in Pago Pago and 23:30 on
        // the 1st at UTC-12.
        Instant moment = Instant.parse("2026-03-02T11:30:00Z");

        assertThat(dates(moment, KIRITIMATI)).containsExactly("2026-03-03", "2026-03-02", "2026-03-03");
        assertThat(dates(moment, PAGO_PAGO)).containsExactly("2026-03-02", "2026-03-01", "2026-03-02");
        assertThat(dates(moment, GMT_MINUS_12)).containsExactly("2026-03-01", "2026-03-01", "2026-03-02");
    }

    @Test
    void with_a_rollover_hour_from_noon_on_the_evening_counts_for_the_next_date() {
        StudyDay day = StudyDay.containing(Instant.parse("2026-03-02T22:30:00Z"), ZoneId.of("UTC"), 23);
        assertThat(day.date()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(day.start()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));

        assertThat(StudyDay.containing(Instant.parse("2026-03-02T23:30:00Z"), ZoneId.of("UTC"), 23).date())
                .isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @Test
    void a_date_a_zone_skipped_crossing_the_date_line_is_an_empty_day_between_its_neighbours() {
        // Samoa went from UTC-10 to UTC+14 at the end of 29 December 2011: 30 December never happened in Apia.
        ZoneId apia = ZoneId.of("Pacific/Apia");
        StudyDay skipped = StudyDay.of(LocalDate.parse("2011-12-30"), apia, 4);
        assertThat(skipped.start()).isEqualTo(skipped.end());
        assertThat(StudyDay.containing(Instant.parse("2011-12-30T13:00:00Z"), apia, 4).date())
                .isEqualTo(LocalDate.parse("2011-12-29"));
        assertThat(StudyDay.containing(Instant.parse("2011-12-30T14:00:00Z"), apia, 4).date())
                .isEqualTo(LocalDate.parse("2011-12-31"));
    }

    @Test
    void every_moment_of_a_year_falls_in_the_day_it_is_given_and_days_follow_each_other_without_gap_or_overlap() {
        List<ZoneId> zones = List.of(NEW_YORK, BERLIN, KIRITIMATI, PAGO_PAGO, GMT_MINUS_12, SHANGHAI,
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"));
        List<String> wrong = new ArrayList<>();
        for (ZoneId zone : zones) {
            for (int hour : new int[] {0, 4, 23}) {
                StudyDay previous = null;
                for (Instant t = Instant.parse("2026-01-01T00:00:00Z"); t.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                        t = t.plus(Duration.ofMinutes(45))) {
                    StudyDay day = StudyDay.containing(t, zone, hour);
                    boolean inside = !t.isBefore(day.start()) && t.isBefore(day.end());
                    boolean follows = previous == null || previous.equals(day)
                            || day.date().equals(previous.date().plusDays(1)) && day.start().equals(previous.end());
                    if (!inside || !follows || !StudyDay.of(day.date(), zone, hour).equals(day)) {
                        wrong.add(zone + " at " + hour + ", " + t + ": " + day + " after " + previous);
                    }
                    previous = day;
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Duration length(LocalDate date, ZoneId zone, int rolloverHour) {
        StudyDay day = StudyDay.of(date, zone, rolloverHour);
        return Duration.between(day.start(), day.end());
    }

    /** The study date of {@code moment} at rollover hours 0, 4 and 23. */
    private static List<String> dates(Instant moment, ZoneId zone) {
        List<String> dates = new ArrayList<>();
        for (int hour : new int[] {0, 4, 23}) {
            dates.add(StudyDay.containing(moment, zone, hour).date().toString());
        }
        return dates;
    }
}
