package dev.prepdeck.practice;

import dev.prepdeck.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reading the practice forms' fields, each bad value named in a 400 message. */
final class FormFields {
    private FormFields() {
    }

    static long requiredLong(Context ctx, String name) {
        String value = ctx.formParam(name);
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a number");
        }
    }

    static Rating rating(String value, String field) {
        try {
            return Rating.of(Integer.parseInt(value == null ? "" : value.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");
        }
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

    /** "/study", with the deck being studied and a card to show first when given. */
    static String studyUrl(String deck, Long cardId) {
        StringBuilder url = new StringBuilder("/study");
        String separator = "?";
        if (deck != null && deck.matches("\\d+")) {
            url.append(separator).append("deck=").append(deck);
            separator = "&";
        }
        if (cardId != null) {
            url.append(separator).append("card=").append(cardId);
        }
        return url.toString();
    }
}
