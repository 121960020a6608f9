package dev.prepdeck.media;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Messages;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Media names are one plain file name that reads the same in Markdown ({@code media/NAME}), in a URL
 * ({@code /media/NAME}) and on any file system an export lands on. A name that walks a path or hides control
 * characters is refused; anything else is tidied: letters (any script), digits, '.', '-' and '_' stay, every other
 * run of characters becomes one '-'.
 */
final class MediaNames {
    /** In UTF-8 bytes, leaving room under file systems' 255 for a collision suffix of up to 65. */
    static final int MAX_NAME_BYTES = 120;
    private static final String FALLBACK_STEM = "media";

    private MediaNames() {
    }

    /** The tidy form of {@code requested}, which must name a file, not a path. */
    static String normalise(String requested) {
        if (requested == null || requested.isBlank()) {
            throw invalid("noName");
        }
        if (requested.contains("/") || requested.contains("\\")) {
            throw invalid("path", printable(requested));
        }
        if (requested.strip().equals(".") || requested.strip().equals("..")) {
            throw invalid("notAFile", requested.strip());
        }
        if (requested.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("controlCharacter", printable(requested));
        }
        String tidy = tidy(Normalizer.normalize(requested.strip(), Normalizer.Form.NFC));
        int dot = tidy.lastIndexOf('.');
        String stem = dot < 0 ? tidy : tidy.substring(0, dot);
        String extension = dot < 0 ? "" : tidy.substring(dot);
        stem = trim(stem, "-._");
        if (stem.isEmpty()) {
            stem = FALLBACK_STEM;
        }
        if (extension.equals(".")) {
            extension = "";
        }
        return truncate(stem, MAX_NAME_BYTES - utf8Length(extension)) + extension;
    }

    /** The extension after the last dot, or "" when the name has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The name without its extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String tidy(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || isMark(c) || c == '.' || c == '_' || c == '-') {
                out.appendCodePoint(c);
            } else if (out.length() == 0 || out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        });
        return out.toString().replaceAll("-{2,}", "-");
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String trim(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The longest prefix of whole code points that fits in {@code maxBytes} of UTF-8. */
    private static String truncate(String s, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(c)));
            if (bytes + size > maxBytes) {
                break;
            }
            out.appendCodePoint(c);
            bytes += size;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The name as it can be shown in a message: control characters spelt out, long names cut. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(120).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A file refused with the sentence {@code media.error.<problem>}, which names the file. */
    static InvalidInputException invalid(String problem, Object... arguments) {
        return Messages.invalid("name", "media.error." + problem, arguments);
    }
}
