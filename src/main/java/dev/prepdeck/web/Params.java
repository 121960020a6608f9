package dev.prepdeck.web;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.Rating;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The one policy for reading request parameters, each rule with one wording:
 * <ul>
 * <li>an id in the URL path that is not a number is a page that does not exist: 404, as for an unknown id;</li>
 * <li>a query or form value that is not what it must be is bad input: 400 naming the parameter; a blank optional
 * value counts as absent; a well-formed id that matches nothing is left to the service, which answers 404;</li>
 * <li>a timer the browser fills in (time on a card, the moment a page was shown) is a measurement, not input:
 * when it is missing or unreadable the handler falls back to the server's own measure.</li>
 * </ul>
 */
public final class Params {
    private Params() {
    }

    /** A path parameter named like "deckId": the id of a deck. */
    public static long pathId(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException(name.replaceFirst("Id$", ""), value);
        }
    }

    /** An optional id in the query string, e.g. ?deck=12; null when absent or blank. */
    public static Long queryId(Context ctx, String name, String what) {
        return id(name, what, ctx.queryParam(name));
    }

    /** An optional id in a form field; null when absent or blank. */
    public static Long formId(Context ctx, String name, String what) {
        return id(name, what, ctx.formParam(name));
    }

    public static long requiredFormId(Context ctx, String name, String what) {
        Long id = formId(ctx, name, what);
        if (id == null) {
            throw notAnId(name, what, null);
        }
        return id;
    }

    /** Every value of a repeated form field (several ticked boxes of the same name), each an id. */
    public static List<Long> formIdChoices(Context ctx, String name, String what) {
        List<Long> ids = new ArrayList<>();
        for (String value : ctx.formParams(name)) {
            Long id = id(name, what, value);
            if (id == null) {
                throw notAnId(name, what, value);
            }
            ids.add(id);
        }
        return ids;
    }

    /** A comma-separated list of ids in the query string, e.g. ?cards=12,7,30; empty when absent. */
    public static List<Long> queryIdList(Context ctx, String name) {
        return idList(name, ctx.queryParam(name));
    }

    public static List<Long> formIdList(Context ctx, String name) {
        return idList(name, ctx.formParam(name));
    }

    /** Ids as {@link #queryIdList} reads them back. */
    public static String joinIds(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** A whole number in the query string from {@code min} to {@code max}; {@code absent} when absent or blank. */
    public static int queryInt(Context ctx, String name, int absent, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        return inRange(name, name, value, min, max);
    }

    /** A whole number a form must send, from {@code min} to {@code max}; {@code label} is how the form names it. */
    public static int requiredFormInt(Context ctx, String name, String label, int min, int max) {
        return inRange(name, label, ctx.formParam(name), min, max);
    }

    /** A text value in the query string, such as a search; empty when absent. */
    public static String queryText(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    /**
     * One of a fixed set of names in the query string (?sort=due), as {@code byName} knows them; {@code absent} when
     * absent or blank; {@code choices} lists the names for the message.
     */
    public static <T> T queryChoice(Context ctx, String name, T absent, Function<String, Optional<T>> byName,
                                    String choices) {
        return choice(name, ctx.queryParam(name), absent, byName, choices);
    }

    /** As {@link #queryChoice}, from a form field. */
    public static <T> T formChoice(Context ctx, String name, T absent, Function<String, Optional<T>> byName,
                                   String choices) {
        return choice(name, ctx.formParam(name), absent, byName, choices);
    }

    private static <T> T choice(String name, String value, T absent, Function<String, Optional<T>> byName,
                                String choices) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return byName.apply(value.strip()).orElseThrow(() ->
                Messages.invalid(name, "param.error.choice", label(name), choices, value));
    }

    /** A text field; a field the form did not send is empty. */
    public static String formText(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** A whole number typed into a form; {@code label} is how the form names it. */
    public static int requiredFormInt(Context ctx, String name, String label) {
        String value = ctx.formParam(name);
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw Messages.invalid(name, "param.error.wholeNumber", label(label));
        }
    }

    /** As {@link #requiredFormInt}, null when blank. */
    public static Integer formInt(Context ctx, String name, String label) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? null : requiredFormInt(ctx, name, label);
    }

    /** A decimal number typed into a form, null when blank. */
    public static Double formDecimal(Context ctx, String name, String label) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw Messages.invalid(name, "param.error.number", label(label));
        }
    }

    /** Numbers separated by commas or spaces in one form field, e.g. FSRS weights; {@code label} names the field. */
    public static double[] formNumbers(Context ctx, String name, String label) {
        String text = formText(ctx, name).trim();
        if (text.isEmpty()) {
            throw Messages.invalid(name, "param.error.empty", label(label));
        }
        String[] parts = text.split("[\\s,]+");
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw Messages.invalid(name, "param.error.numbers", label(label), parts[i]);
            }
        }
        return numbers;
    }

    /** Whether a checkbox was ticked: a browser sends its value only then. */
    public static boolean formTicked(Context ctx, String name) {
        return ctx.formParam(name) != null;
    }

    /** A date as a date field sends it (yyyy-mm-dd), null when blank. */
    public static LocalDate formDate(Context ctx, String name, String label) {
        String text = formText(ctx, name).trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Messages.invalid(name, "param.error.date", label(label), text);
        }
    }

    /** The numbers of ticked boxes that share a name, e.g. the key points marked as covered. */
    public static Set<Integer> formIndexes(Context ctx, String name, String what) {
        Set<Integer> indexes = new LinkedHashSet<>();
        for (String value : ctx.formParams(name)) {
            try {
                indexes.add(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw Messages.invalid(name, "param.error.indexes", label(name), label(what));
            }
        }
        return indexes;
    }

    /** A rating button's value from a form. */
    public static Rating formRating(Context ctx, String name) {
        String value = ctx.formParam(name);
        try {
            return rating(Long.parseLong(value == null ? "" : value.trim()), name);
        } catch (NumberFormatException e) {
            throw Messages.invalid(name, "param.error.rating", String.valueOf(value));
        }
    }

    /** A rating from a form or a JSON body; the range itself is {@link Rating#of}'s. */
    public static Rating rating(long value, String field) {
        try {
            return Rating.of(Math.toIntExact(value));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Messages.invalid(field, "param.error.ratingNumber", String.valueOf(value));
        }
    }

    /** A timer value the page's script or markup filled in: a whole number, or empty when missing or unreadable. */
    public static OptionalLong measured(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value != null && value.trim().matches("\\d{1,15}") ? OptionalLong.of(Long.parseLong(value.trim()))
                : OptionalLong.empty();
    }

    private static int inRange(String name, String label, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw Messages.invalid(name, "param.error.range", label(label), String.valueOf(min), String.valueOf(max),
                String.valueOf(value));
    }

    private static Long id(String name, String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw notAnId(name, what, value);
        }
    }

    private static InvalidInputException notAnId(String name, String what, String value) {
        return value == null ? Messages.invalid(name, "param.error.idMissing", label(name), label(what))
                : Messages.invalid(name, "param.error.id", label(name), label(what), value);
    }

    private static List<Long> idList(String name, String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split(",")) {
            try {
                ids.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw Messages.invalid(name, "param.error.ids", label(name), text);
            }
        }
        return ids;
    }

    /** A field's English label or name, worded in the sentence's language (see {@link Messages.Label}). */
    private static Messages.Label label(String english) {
        return new Messages.Label(english);
    }
}
