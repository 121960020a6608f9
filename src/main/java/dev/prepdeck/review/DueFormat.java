package dev.prepdeck.review;

import dev.prepdeck.web.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When something is due, in words relative to now, in the learner's zone and language: "now", "in 8m",
 * "tomorrow 09:30"; "现在", "8分钟后", "明天 09:30".
 */
public final class DueFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private DueFormat() {
    }

    public static String describe(Instant due, Instant now, ZoneId zone, Locale locale) {
        if (!due.isAfter(now)) {
            return Messages.text(locale, "due.now");
        }
        Duration until = Duration.between(now, due);
        if (until.toMinutes() < 60) {
            return Messages.text(locale, "due.in", IntervalFormat.shortLabel(until, locale));
        }
        ZonedDateTime at = due.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return Messages.text(locale, "due.today", TIME.format(at));
        }
        if (at.toLocalDate().equals(today.plusDays(1))) {
            return Messages.text(locale, "due.tomorrow", TIME.format(at));
        }
        return Messages.text(locale, "due.later", date(at.toLocalDate(), locale), IntervalFormat.shortLabel(until, locale));
    }

    /** A calendar date as the language writes it: 2026-03-02, 2026年3月2日. */
    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern(Messages.text(locale, "format.date"), locale).format(date);
    }
}
