package dev.prepdeck.web;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * English sentences with numbers and names in them for the command line, each one whole {@link MessageFormat}
 * pattern with plurals from its choice format ("{0,choice,1#{0} card|1<{0} cards}"). The web interface's sentences
 * live in the message bundles ({@link Messages}) instead, in the same syntax. Arguments are inserted as they are,
 * never parsed as patterns.
 */
public final class Wording {
    private Wording() {
    }

    public static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
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
