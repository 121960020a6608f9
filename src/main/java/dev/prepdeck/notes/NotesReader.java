package dev.prepdeck.notes;

import dev.prepdeck.deck.file.DeckText;
import dev.prepdeck.deck.file.DeckTextException;
import dev.prepdeck.web.Messages;
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

    /** Notes files are text; anything bigger is almost certainly the wrong file. */
    public static final int MAX_BYTES = 512 * 1024;

    /** Why a notes file of {@code size} bytes is refused. */
    public static NotesFormatException tooLarge(String fileName, long size) {
        return new NotesFormatException(fileName, "tooLarge", String.valueOf((size + 1023) / 1024),
                String.valueOf(MAX_BYTES / 1024));
    }

    /** Reads notes that come without the files around them: every image they show is a warning and its alt text. */
    public NotesImport read(String fileName, byte[] bytes, Format format, String deckPrefix)
            throws NotesFormatException {
        return read(fileName, bytes, format, deckPrefix, NotesImages.none("givenAlone"), null);
    }

    /**
     * Reads notes whose images are looked for in {@code images}, from the notes file's place {@code notesPath}
     * there; a found image is shown in its card as {@code ![alt](media/NAME)} with its bytes in {@code images}.
     */
    public NotesImport read(String fileName, byte[] bytes, Format format, String deckPrefix, NotesImages images,
                            String notesPath) throws NotesFormatException {
        if (deckPrefix != null && !deckPrefix.isBlank()) {
            try {
                DeckText.deckName(deckPrefix);
            } catch (DeckTextException e) {
                throw Messages.invalid("prefix", "notes.error.prefix", e.problem());
            }
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(fileName, bytes.length);
        }
        String text = NotesText.decode(fileName, bytes);
        Format actual = format == Format.AUTO ? formatOf(fileName, text) : format;
        NotesDocument document = actual == Format.MARKDOWN
                ? MarkdownNotesReader.read(fileName, text) : RstReader.read(fileName, text);
        return NotesConverter.convert(ImagePlacement.place(document, images, notesPath), deckPrefix);
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
