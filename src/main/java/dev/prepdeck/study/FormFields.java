package dev.prepdeck.study;

import dev.prepdeck.error.InvalidInputException;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reading the practice forms' fields, each bad value named in a 400 message. */
final class FormFields {
    private FormFields() {
    }

    /** The browser's timer in "seconds"; without JavaScript, the time since the page's hidden "shownAt". */
    static long seconds(Context ctx, Clock clock) {
        String measured = ctx.formParam("seconds");
        if (measured != null && measured.trim().matches("\\d{1,9}")) {
            return Long.parseLong(measured.trim());
        }
        String shownAt = ctx.formParam("shownAt");
        try {
            return shownAt == null ? 0 : Math.max(0, (clock.millis() - Long.parseLong(shownAt.trim())) / 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A comma-separated list of ids as carried in mock interview links, e.g. "12,7,30". */
    static List<Long> ids(String text, String field) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split(",")) {
            try {
                ids.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, field + " must be ids separated by commas, not '" + text + "'");
            }
        }
        return ids;
    }

    static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
