package dev.prepdeck.deck.file;

import dev.prepdeck.error.Notice;
import java.util.Locale;

/**
 * What text a deck may hold, wherever it comes from (a deck file, a form, the API, a notes import): visible
 * characters, with line breaks and tabs only inside a block such as an answer. NUL, other control characters
 * and broken UTF-16 are refused: they do not survive a round trip through the file format, SQLite or a
 * browser, and in a name they hide what a person reads.
 */
public final class DeckText {
    private DeckText() {
    }

    /**
     * A deck name as typed, in its stored form: each "::" part stripped of surrounding white space ("A :: B" is
     * "A::B"); what is left must be one line of visible text.
     *
     * @throws IllegalArgumentException naming the problem: an empty part or a character a name cannot hold
     */
    public static String deckName(String raw) {
        StringBuilder name = new StringBuilder();
        for (String part : raw.split("::", -1)) {
            if (part.isBlank()) {
                throw new DeckTextException("deckfile.error.emptyPart", raw.strip());
            }
            name.append(name.length() == 0 ? "" : "::").append(part.strip());
        }
        requireOneLine(name.toString(), Notice.of("deckfile.what.deckName"));
        return name.toString();
    }

    /**
     * A one-line value (a deck name, a question, a tag): no control characters or line breaks of any kind.
     *
     * @param what the value's name in the sentence about it ({@code deckfile.what.*})
     */
    public static void requireOneLine(String text, Notice what) {
        Notice problem = problem(text, false, what);
        if (problem != null) {
            throw new DeckTextException(problem);
        }
    }

    /** A block of text (an answer, a description, a whole file's line): line feeds and tabs allowed. */
    public static void requireBlock(String text, Notice what) {
        Notice problem = problem(text, true, what);
        if (problem != null) {
            throw new DeckTextException(problem);
        }
    }

    /** What is wrong with {@code text}, the value {@code what} names, or null when nothing is. */
    static Notice problem(String text, boolean block, Notice what) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            boolean allowedInBlock = c == '\n' || c == '\t';
            boolean bad = type == Character.SURROGATE
                    || type == Character.CONTROL && !(block && allowedInBlock)
                    || !block && (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
            if (bad) {
                return Notice.of(block ? "deckfile.error.controlInBlock" : "deckfile.error.controlInLine", what,
                        describe(c), String.valueOf(text.codePointCount(0, i) + 1));
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static Notice describe(int c) {
        String code = String.format(Locale.ROOT, "U+%04X", c);
        if (Character.getType(c) == Character.SURROGATE) {
            return Notice.of("deckfile.character.surrogate", code);
        }
        String name = Character.getName(c);
        return Notice.of("deckfile.character.control", code + (name == null ? "" : " " + name));
    }
}
