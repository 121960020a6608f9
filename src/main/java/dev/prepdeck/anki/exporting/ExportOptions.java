package dev.prepdeck.anki.exporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How an export counts days and names media.
 *
 * @param zone             the learner's time zone: review due dates become Anki day numbers in it
 * @param rolloverHour     the hour the learner's day starts (prepdeck's default is 4, like Anki's)
 * @param now              the export's time
 * @param mediaName        turns an image or sound link target in the Markdown into the media file name written to
 *                         the package (identity when the Markdown already uses file names)
 * @param deckDescriptions optional descriptions by full deck name
 */
public record ExportOptions(ZoneId zone, int rolloverHour, Instant now, UnaryOperator<String> mediaName,
        Map<String, String> deckDescriptions) {

    public ExportOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        if (rolloverHour < 0 || rolloverHour > 23) {
            throw new IllegalArgumentException("rollover hour must be 0 to 23, got " + rolloverHour);
        }
        mediaName = mediaName == null ? UnaryOperator.identity() : mediaName;
        deckDescriptions = deckDescriptions == null ? Map.of() : Map.copyOf(deckDescriptions);
    }

    public static ExportOptions of(ZoneId zone, Instant now) {
        return new ExportOptions(zone, 4, now, UnaryOperator.identity(), Map.of());
    }
}
