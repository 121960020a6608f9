package dev.prepdeck.web;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Sentences with numbers and names in them, each written as one whole {@link MessageFormat} pattern: English plurals
 * come from its choice format ("{0,choice,1#{0} card|1<{0} cards}"), and a translation replaces the sentence, never a
 * fragment glued to a number. Thymeleaf's #{...} messages use the same syntax, so a pattern can move into a message
 * bundle as it is. Arguments are inserted as they are, never parsed as patterns.
 */
public final class Wording {
    /** The instance templates call as {@code ${wording.of('pattern', a, b)}}. */
    static final Wording TEMPLATES = new Wording();

    private Wording() {
    }

    public static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }

    public String of(String pattern, Object first) {
        return format(pattern, first);
    }

    public String of(String pattern, Object first, Object second) {
        return format(pattern, first, second);
    }

    public String of(String pattern, Object first, Object second, Object third) {
        return format(pattern, first, second, third);
    }

    public String of(String pattern, Object first, Object second, Object third, Object fourth) {
        return format(pattern, first, second, third, fourth);
    }

    public String of(String pattern, Object first, Object second, Object third, Object fourth, Object fifth) {
        return format(pattern, first, second, third, fourth, fifth);
    }

    /** A question or name quoted inside a sentence, cut at a word near {@code max} characters. */
    public static String shortened(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
