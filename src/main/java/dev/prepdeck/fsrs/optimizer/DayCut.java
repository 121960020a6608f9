package dev.prepdeck.fsrs.optimizer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Where one study day ends and the next begins: at {@code startHour} o'clock in {@code zone}, like fsrs-rs's
 * {@code next_day_starts_at} with a time zone. Elapsed days between reviews are counted between these days,
 * so a review at 23:00 and one at 01:00 are a day apart with the day starting at midnight and the same day
 * with it starting at 4.
 */
public record DayCut(ZoneId zone, int startHour) {
    public static final DayCut UTC_MIDNIGHT = new DayCut(ZoneOffset.UTC, 0);

    public DayCut {
        Objects.requireNonNull(zone, "zone");
        if (startHour < 0 || startHour > 23) {
            throw new IllegalArgumentException("the day must start at an hour from 0 to 23, got " + startHour);
        }
    }

    /** The study day of {@code time}, as a count of days since 1970-01-01. */
    public long dayOf(Instant time) {
        return time.minusSeconds(startHour * 3600L).atZone(zone).toLocalDate().toEpochDay();
    }
}
