package dev.prepdeck.notes;

import dev.prepdeck.deck.file.DeckText;
import dev.prepdeck.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a notes file, RST or Markdown, and converts it to decks. Pure: bytes in, {@link NotesImport} out.
 * Only bytes that are not UTF-8 text are refused; anything Sphinx or a Markdown viewer would show is read,
 * with what docutils would warn about in {@link NotesImport#warnings()}.
 */
public final class NotesReader {
    public enum Format { RST, MARKDOWN, AUTO }

    private static final Pattern RST_SIGNS = Pattern.compile("(?m)^\\.\\. |::$|``|^\\| |`_");
    private static final Pattern MARKDOWN_SIGNS = Pattern.compile("(?m)^#{1,6} |^```|]\\(");

    /**
     * @param deckPrefix a deck the notes' decks go under, or null or blank for none
     * @throws InvalidInputException when the prefix is not a deck name, before the file is read
     */
    public NotesImport read(String fileName, byte[] bytes, Format format, String deckPrefix)
            throws NotesFormatException {
        if (deckPrefix != null && !deckPrefix.isBlank()) {
            try {
                DeckText.deckName(deckPrefix);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("prefix", "The deck prefix is not a deck name: " + e.getMessage());
            }
        }
        String text = NotesText.decode(fileName, bytes);
        Format actual = format == Format.AUTO ? formatOf(fileName, text) : format;
        NotesDocument document = actual == Format.MARKDOWN
                ? MarkdownNotesReader.read(fileName, text) : RstReader.read(fileName, text);
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
