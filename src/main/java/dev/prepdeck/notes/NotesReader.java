package dev.prepdeck.notes;

import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a notes file, RST or Markdown, and converts it to decks. Pure: bytes in, {@link NotesImport} out. */
public final class NotesReader {
    public enum Format { RST, MARKDOWN, AUTO }

    private static final Pattern RST_SIGNS = Pattern.compile("(?m)^\\.\\. |::$|``|^\\| |`_");
    private static final Pattern MARKDOWN_SIGNS = Pattern.compile("(?m)^#{1,6} |^```|]\\(");

    public NotesImport read(String fileName, byte[] bytes, Format format, String deckPrefix)
            throws NotesFormatException {
        String text = NotesText.decode(fileName, bytes);
        Format actual = format == Format.AUTO ? formatOf(fileName, text) : format;
        NotesDocument document = actual == Format.MARKDOWN
                ? MarkdownNotesReader.read(fileName, text) : RstReader.read(fileName, text);
        if (document.sections().isEmpty()) {
            throw new NotesFormatException(fileName, 1, "no section titles found; notes need titled sections ("
                    + (actual == Format.MARKDOWN ? "'# Title' or 'Title' underlined with '==='" : "a title underlined with '===='")
                    + ") to become decks and cards");
        }
        return NotesConverter.convert(document, deckPrefix);
    }

    /** By extension (.md/.markdown are Markdown, .rst/.txt RST); otherwise by which markup the text uses more. */
    static Format formatOf(String fileName, String text) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".mdown")) {
            return Format.MARKDOWN;
        }
        if (lower.endsWith(".rst") || lower.endsWith(".rest")) {
            return Format.RST;
        }
        long rst = RST_SIGNS.matcher(text).results().count();
        long markdown = MARKDOWN_SIGNS.matcher(text).results().count();
        return markdown > rst ? Format.MARKDOWN : Format.RST;
    }
}
