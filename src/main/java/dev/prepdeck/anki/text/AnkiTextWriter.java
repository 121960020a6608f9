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
 * Writes cards as an Anki text file: tab-separated, HTML fields, and headers that tell Anki's importer the note type,
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

    public void write(List<ExportCard> cards, Writer out) {
        MarkdownToAnkiHtml html = new MarkdownToAnkiHtml(mediaName);
        try {
            out.write("#separator:tab\n");
            out.write("#html:true\n");
            out.write("#notetype:Basic\n");
            out.write("#guid column:1\n");
            out.write("#deck column:2\n");
            out.write("#tags column:5\n");
            out.write("#columns:" + String.join("\t", COLUMNS) + "\n");
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter('\t')
                    .setQuoteMode(QuoteMode.MINIMAL)
                    .setRecordSeparator("\n")
                    .get();
            CSVPrinter printer = new CSVPrinter(out, format);
            for (ExportCard card : cards) {
                printer.printRecord(PrepdeckGuids.guidFor(card.uid()), card.deckName(), html.html(card.question()),
                        html.html(card.answer()), String.join(" ", card.tags().stream()
                                .map(tag -> tag.strip().replaceAll("\\s+", "_")).filter(t -> !t.isEmpty()).toList()));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
