package dev.prepdeck.anki.text;

import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.render.HtmlToMarkdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A text file read as Anki reads one: its headers, the separator (given or detected), whether fields are HTML, the
 * column labels, the rows, and a suggested mapping of columns to card parts.
 *
 * @param columns     a label per column: from #columns, else "Column 1", "Column 2", …
 * @param rowLines    the line each row starts on (1-based)
 */
public record TextFile(
        String name,
        TextHeaders headers,
        char separator,
        boolean separatorDetected,
        boolean html,
        List<String> columns,
        List<List<String>> rows,
        List<Integer> rowLines,
        ColumnMapping suggested) {

    public TextFile {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        rowLines = List.copyOf(rowLines);
    }

    /** The rows as cards under {@code mapping}; rows without a question are reported, not returned. */
    public List<TextCard> cards(ColumnMapping mapping, HtmlToMarkdown converter) {
        List<TextCard> cards = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = rowLines.get(i);
            String question = markdown(cell(row, mapping.question()), converter);
            if (question.isBlank()) {
                // a column the file names is quoted by its name, any other by its number
                throw mapping.question() < headers.columns().size()
                        ? AnkiFormatException.worded("emptyQuestion", name, String.valueOf(line),
                                columns.get(mapping.question()))
                        : AnkiFormatException.worded("emptyQuestionNumbered", name, String.valueOf(line),
                                String.valueOf(mapping.question() + 1));
            }
            String answer = mapping.answer() == null ? "" : markdown(cell(row, mapping.answer()), converter);
            Set<String> tags = new LinkedHashSet<>(headers.tags());
            if (mapping.tags() != null) {
                for (String tag : cell(row, mapping.tags()).trim().split("\\s+")) {
                    if (!tag.isEmpty()) {
                        tags.add(tag);
                    }
                }
            }
            String deck = mapping.deck() != null && !cell(row, mapping.deck()).isBlank()
                    ? cell(row, mapping.deck()).strip() : headers.deck();
            String guid = mapping.guid() == null || cell(row, mapping.guid()).isBlank() ? null
                    : cell(row, mapping.guid()).strip();
            cards.add(new TextCard(line, question, answer, List.copyOf(tags), deck, guid));
        }
        return cards;
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }

    /** HTML fields are converted; plain-text fields keep their text and line breaks. */
    private String markdown(String value, HtmlToMarkdown converter) {
        if (html) {
            return converter.toMarkdown(value);
        }
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r\n", "\n").replace("\n", "<br>");
        return converter.toMarkdown(escaped);
    }
}
