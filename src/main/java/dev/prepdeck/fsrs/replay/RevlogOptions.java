package dev.prepdeck.fsrs.replay;

import dev.prepdeck.fsrs.optimizer.CardHistory;
import dev.prepdeck.fsrs.optimizer.DayCut;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Option;

/** The review log to read and where its days are cut, shared by the optimizer commands. */
final class RevlogOptions {
    @Option(names = "--revlog", required = true, paramLabel = "FILE",
            description = "review log CSV with a header naming card_id, review_rating (1-4), review_time "
                    + "(ISO-8601 with offset) and optionally review_duration (ms)")
    Path revlog;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "time zone whose calendar days count (default: ${DEFAULT-VALUE}), e.g. Europe/Berlin")
    String timezone;

    @Option(names = "--day-start-hour", paramLabel = "HOUR", defaultValue = "0",
            description = "hour (0-23) at which a new study day starts in that zone, like fsrs-rs's "
                    + "next_day_starts_at and Anki's 'next day starts at' (default: ${DEFAULT-VALUE})")
    int dayStartHour;

    List<CardHistory> cards() {
        return RevlogCsv.read(revlog);
    }

    DayCut dayCut() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--timezone: unknown time zone \"" + timezone + "\"");
        }
        if (dayStartHour < 0 || dayStartHour > 23) {
            throw new IllegalArgumentException("--day-start-hour must be from 0 to 23, got " + dayStartHour);
        }
        return new DayCut(zone, dayStartHour);
    }
}
