package dev.prepdeck.backup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backups a rolling policy keeps, as Anki's does: many from today, then fewer the further back. Days are
 * calendar days in the learner's zone. The newest backup is always kept, so a collection left alone for months
 * still has its last one.
 *
 * @param today how many of today's newest backups are kept
 * @param days  for how many days before today the newest backup of each day is kept
 * @param weeks for how many weeks before those days the newest backup of each calendar week (from Monday) is kept
 */
public record Retention(int today, int days, int weeks) {
    /** The last 12 of today, one a day for a week, one a week for about a month. */
    public static final Retention DEFAULT = new Retention(12, 7, 4);

    /** The times among {@code times} to keep at {@code now}; the others are to be deleted. */
    public Set<Instant> keep(Collection<Instant> times, Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        List<Instant> newestFirst = times.stream().sorted(Comparator.reverseOrder()).toList();
        Set<Instant> kept = new HashSet<>();
        Map<String, Integer> keptPerBucket = new HashMap<>();
        for (Instant time : newestFirst) {
            LocalDate date = time.atZone(zone).toLocalDate();
            long daysAgo = ChronoUnit.DAYS.between(date, day);
            String bucket;
            int allowed;
            if (daysAgo <= 0) {
                bucket = "today";
                allowed = today;
            } else if (daysAgo <= days) {
                bucket = "day " + date;
                allowed = 1;
            } else if (daysAgo <= days + 7L * weeks) {
                // calendar weeks, not weeks counted back from today: a week's newest backup stays its newest as
                // the days pass, so each week keeps one however often the policy runs
                bucket = "week of " + date.with(DayOfWeek.MONDAY);
                allowed = 1;
            } else {
                continue;
            }
            int already = keptPerBucket.getOrDefault(bucket, 0);
            if (already < allowed) {
                kept.add(time);
                keptPerBucket.put(bucket, already + 1);
            }
        }
        if (!newestFirst.isEmpty()) {
            kept.add(newestFirst.get(0));
        }
        return kept;
    }
}
