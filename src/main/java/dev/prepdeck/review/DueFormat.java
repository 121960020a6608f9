package dev.prepdeck.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** When something is due, in words relative to now and in the learner's zone: "now", "in 8m", "tomorrow 09:30". */
public final class DueFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private DueFormat() {
    }

    public static String describe(Instant due, Instant now, ZoneId zone) {
        if (!due.isAfter(now)) {
            return "now";
        }
        Duration until = Duration.between(now, due);
        if (until.toMinutes() < 60) {
            return "in " + IntervalFormat.shortLabel(until);
        }
        ZonedDateTime at = due.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return "today " + TIME.format(at);
        }
        if (at.toLocalDate().equals(today.plusDays(1))) {
            return "tomorrow " + TIME.format(at);
        }
        return DATE.format(at) + " (in " + IntervalFormat.shortLabel(until) + ")";
    }
}
