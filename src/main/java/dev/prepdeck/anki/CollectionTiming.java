package dev.prepdeck.anki;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How a collection counts days: review due dates are day numbers since the creation day, and which day "today"
 * is depends on the creation time (col.crt), the UTC offset then (config "creationOffset", minutes west of UTC)
 * and the hour the day rolls over (config "rollover"), as rslib's scheduler/timing.rs counts them.
 *
 * @param creationOffsetMinutesWest null in collections from before Anki 2.1.14 (day boundaries then follow the
 *                                  machine's current offset)
 * @param rolloverHour              null for the v1 scheduler, whose days start exactly at multiples of 24 hours
 *                                  after creation
 */
public record CollectionTiming(long creationSeconds, Integer creationOffsetMinutesWest, Integer rolloverHour) {

    private static final long DAY_SECONDS = 86_400;

    /** When day {@code day} starts, read with the learner's zone for the days after creation. */
    public Instant dayStart(long day, ZoneId zone) {
        if (rolloverHour == null) {
            return Instant.ofEpochSecond(creationSeconds + day * DAY_SECONDS);
        }
        if (creationOffsetMinutesWest == null) {
            return Instant.ofEpochSecond(creationAtRollover(zone) + day * DAY_SECONDS);
        }
        LocalDate date = creationDate().plusDays(day);
        return LocalDateTime.of(date, LocalTime.of(rolloverHour % 24, 0)).atZone(zone).toInstant();
    }

    /** The day number {@code time} falls on; the inverse of {@link #dayStart}. */
    public long dayNumber(Instant time, ZoneId zone) {
        long seconds = time.getEpochSecond();
        if (rolloverHour == null) {
            return Math.floorDiv(seconds - creationSeconds, DAY_SECONDS);
        }
        if (creationOffsetMinutesWest == null) {
            return Math.floorDiv(seconds - creationAtRollover(zone), DAY_SECONDS);
        }
        LocalDateTime local = LocalDateTime.ofInstant(time, zone);
        long days = local.toLocalDate().toEpochDay() - creationDate().toEpochDay();
        return local.getHour() < rolloverHour % 24 ? days - 1 : days;
    }

    private LocalDate creationDate() {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(-creationOffsetMinutesWest * 60);
        return LocalDateTime.ofEpochSecond(creationSeconds, 0, offset).toLocalDate();
    }

    private long creationAtRollover(ZoneId zone) {
        Instant created = Instant.ofEpochSecond(creationSeconds);
        LocalDate date = LocalDateTime.ofInstant(created, zone).toLocalDate();
        return LocalDateTime.of(date, LocalTime.of(rolloverHour % 24, 0)).atZone(zone).toEpochSecond();
    }
}
