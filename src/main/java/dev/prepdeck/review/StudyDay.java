package dev.prepdeck.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The learner's study day: from the rollover hour to the same hour the next day, on the wall clock of the learner's
 * zone (so a day across a daylight-saving change is 23 or 25 hours long). With a rollover hour before noon, day D
 * starts on D itself (4 am by default, so a late night session still counts for the day it began in); from noon on,
 * day D starts the evening before, so with 23 a session at 23:30 already counts for the next date, as a learner who
 * ends their day at 11 pm means it to.
 */
public record StudyDay(LocalDate date, Instant start, Instant end) {
    /** The first rollover hour that starts a day on the evening before its date. */
    static final int EVENING = 12;

    public static StudyDay containing(Instant moment, ZoneId zone, int rolloverHour) {
        LocalDateTime local = LocalDateTime.ofInstant(moment, zone);
        LocalDate date = local.minusHours(rolloverHour).toLocalDate().plusDays(rolloverHour >= EVENING ? 1 : 0);
        StudyDay day = of(date, zone, rolloverHour);
        // Around a daylight-saving change, or a day a zone skipped when it moved across the date line, the wall clock
        // alone can name the wrong day: the instants decide.
        while (moment.isBefore(day.start)) {
            day = of(day.date.minusDays(1), zone, rolloverHour);
        }
        while (!moment.isBefore(day.end)) {
            day = of(day.date.plusDays(1), zone, rolloverHour);
        }
        return day;
    }

    public static StudyDay of(LocalDate date, ZoneId zone, int rolloverHour) {
        return new StudyDay(date, rollover(date, zone, rolloverHour), rollover(date.plusDays(1), zone, rolloverHour));
    }

    /**
     * When day {@code date} begins: the rollover hour on the learner's wall clock (on its date, or the evening before).
     * An hour a daylight-saving change skips begins the day at the first moment after the gap.
     */
    private static Instant rollover(LocalDate date, ZoneId zone, int rolloverHour) {
        LocalDate calendarDay = rolloverHour >= EVENING ? date.minusDays(1) : date;
        return ZonedDateTime.of(calendarDay, LocalTime.of(rolloverHour, 0), zone).toInstant();
    }
}
