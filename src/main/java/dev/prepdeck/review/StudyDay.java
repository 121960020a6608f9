package dev.prepdeck.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The learner's study day: it starts at the rollover hour in the learner's zone (4 am by default, so a late
 * night session still counts for the day it began in).
 */
public record StudyDay(LocalDate date, Instant start, Instant end) {

    public static StudyDay containing(Instant moment, ZoneId zone, int rolloverHour) {
        LocalDate date = moment.atZone(zone).minusHours(rolloverHour).toLocalDate();
        return of(date, zone, rolloverHour);
    }

    public static StudyDay of(LocalDate date, ZoneId zone, int rolloverHour) {
        ZonedDateTime start = date.atStartOfDay(zone).plusHours(rolloverHour);
        ZonedDateTime end = date.plusDays(1).atStartOfDay(zone).plusHours(rolloverHour);
        return new StudyDay(date, start.toInstant(), end.toInstant());
    }
}
