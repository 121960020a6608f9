package dev.prepdeck.stats;

import dev.prepdeck.review.StudyDay;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive study days of the learner, computed in Java (zone rules, DST and rollover hour), handed to SQL as a
 * small table of [start, end) boundaries so that SQLite buckets rows by range instead of by date arithmetic that
 * would be wrong on the two DST days of a year.
 */
record DayGrid(List<StudyDay> days, ZoneId zone) {

    static DayGrid of(LocalDate first, int count, ZoneId zone, int rolloverHour) {
        List<StudyDay> days = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            days.add(StudyDay.of(first.plusDays(i), zone, rolloverHour));
        }
        return new DayGrid(List.copyOf(days), zone);
    }

    /** The {@code count} days ending with {@code last}. */
    static DayGrid ending(LocalDate last, int count, ZoneId zone, int rolloverHour) {
        return of(last.minusDays(count - 1L), count, zone, rolloverHour);
    }

    int size() {
        return days.size();
    }

    StudyDay day(int index) {
        return days.get(index);
    }

    /** The index of the day containing {@code ms}, or -1 when it falls outside the grid. */
    int indexOf(long ms) {
        int low = 0;
        int high = days.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            StudyDay d = days.get(mid);
            if (ms < d.start().toEpochMilli()) {
                high = mid - 1;
            } else if (ms >= d.end().toEpochMilli()) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    long startMs() {
        return days.get(0).start().toEpochMilli();
    }

    long endMs() {
        return days.get(days.size() - 1).end().toEpochMilli();
    }

    /**
     * The grid as SQL rows {@code (idx, day_start, day_end), ...} for {@code VALUES <days>}; with {@code openStart}
     * the first day also takes everything before it (overdue cards). Every value is a number computed here, so the
     * text is safe to splice into a query.
     */
    String values(boolean openStart) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            StudyDay d = days.get(i);
            if (i > 0) {
                sql.append(',');
            }
            sql.append('(').append(i).append(',').append(openStart && i == 0 ? 0 : d.start().toEpochMilli()).append(',')
                    .append(d.end().toEpochMilli()).append(')');
        }
        return sql.toString();
    }
}
