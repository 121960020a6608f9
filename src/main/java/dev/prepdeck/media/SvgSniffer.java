package dev.prepdeck.media;

import java.nio.charset.StandardCharsets;

/**
 * An SVG file is XML whose root element is {@code <svg>}: after an optional byte order mark, XML declaration,
 * comments and a doctype. A doctype with an internal subset (entity definitions) is refused, as no drawing needs one.
 */
final class SvgSniffer {
    /** Enough for the prolog of any real drawing; the root element comes before the drawing's own content. */
    private static final int PROLOG_LIMIT = 8192;

    private SvgSniffer() {
    }

    static boolean isSvg(byte[] bytes) {
        // One char per byte: the prolog is ASCII, and multi-byte characters inside comments are skipped whole.
        String text = new String(bytes, 0, Math.min(bytes.length, PROLOG_LIMIT), StandardCharsets.ISO_8859_1);
        int at = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (true) {
            at = skipWhitespace(text, at);
            if (text.startsWith("<?xml", at)) {
                at = after(text, at, "?>");
            } else if (text.startsWith("<!--", at)) {
                at = after(text, at, "-->");
            } else if (text.startsWith("<!DOCTYPE", at)) {
                int close = text.indexOf('>', at);
                if (close < 0 || text.substring(at, close).contains("[")) {
                    return false;
                }
                at = close + 1;
            } else {
                break;
            }
            if (at < 0) {
                return false;
            }
        }
        if (!text.startsWith("<svg", at) || text.length() <= at + 4) {
            return false;
        }
        char next = text.charAt(at + 4);
        return next == '>' || next == '/' || Character.isWhitespace(next);
    }

    private static int skipWhitespace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int after(String text, int at, String end) {
        int found = text.indexOf(end, at);
        return found < 0 ? -1 : found + end.length();
    }
}
