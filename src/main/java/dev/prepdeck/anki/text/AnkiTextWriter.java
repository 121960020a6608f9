package dev.prepdeck.anki.text;

import dev.prepdeck.anki.PrepdeckGuids;
import dev.prepdeck.anki.exporting.ExportCard;
import dev.prepdeck.anki.exporting.MarkdownToAnkiHtml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes cards as an Anki text file: tab- or comma-separated, HTML fields, and headers that tell Anki's importer the note type,
 * the guid, deck and tags columns and the column names (so Front and Back map to the Basic note type's fields).
 * Quoting follows RFC 4180, only where a field needs it.
 */
public final class AnkiTextWriter {
    static final List<String> COLUMNS = List.of("GUID", "Deck", "Front", "Back", "Tags");

    private final UnaryOperator<String> mediaName;

    public AnkiTextWriter() {
        this(UnaryOperator.identity());
    }

    /** @param mediaName turns an image or sound link target in the Markdown into the media file name to write */
    public AnkiTextWriter(UnaryOperator<String> mediaName) {
        this.mediaName = mediaName;
    }

    /** Tab-separated, the format Anki itself exports. */
    public void write(List<ExportCard> cards, Writer out) {
        write(cards, out, '\t');
    }

    /** @param separator a tab (TSV) or a comma (CSV) */
    public void write(List<ExportCard> cards, Writer out, char separator) {
        Rows rows = start(out, separator);
        cards.forEach(rows::add);
        rows.finish();
    }

    /**
     * Writes the headers and returns where the cards go, one at a time, so a file of any length is written without
     * holding its cards; {@link Rows#finish()} flushes the last of them.
     *
     * @param separator a tab (TSV) or a comma (CSV)
     */
    public Rows start(Writer out, char separator) {
        if (separator != '\t' && separator != ',') {
            throw new IllegalArgumentException("Anki text files are written with tabs or commas, not '" + separator + "'");
        }
        try {
            out.write(separator == '\t' ? "#separator:tab\n" : "#separator:comma\n");
            out.write("#html:true\n");
            out.write("#notetype:Basic\n");
            out.write("#guid column:1\n");
            out.write("#deck column:2\n");
            out.write("#tags column:5\n");
            out.write("#columns:" + String.join(String.valueOf(separator), COLUMNS) + "\n");
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(separator)
                    .setQuoteMode(QuoteMode.MINIMAL)
                    .setRecordSeparator("\n")
                    .get();
            return new Rows(new CSVPrinter(out, format), new MarkdownToAnkiHtml(mediaName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a text file being written. */
    public static final class Rows {
        private final CSVPrinter printer;
        private final MarkdownToAnkiHtml html;

        private Rows(CSVPrinter printer, MarkdownToAnkiHtml html) {
            this.printer = printer;
            this.html = html;
        }

        public void add(ExportCard card) {
            try {
                printer.printRecord(PrepdeckGuids.guidFor(card.uid()), card.deckName(), html.html(card.question()),
                        html.html(card.answer()), String.join(" ", card.tags().stream()
                                .map(tag -> tag.strip().replaceAll("\\s+", "_")).filter(t -> !t.isEmpty()).toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void finish() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
