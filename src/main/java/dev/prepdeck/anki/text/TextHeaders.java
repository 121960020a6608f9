package dev.prepdeck.anki.text;

import java.util.List;

/**
 * The {@code #key:value} lines at the top of an Anki text file (rslib/src/import_export/text/csv/metadata.rs);
 * each is null when the file does not set it. Column numbers are 1-based, as written in the file.
 */
public record TextHeaders(
        Character separator,
        Boolean html,
        List<String> tags,
        List<String> columns,
        String deck,
        String notetype,
        Integer deckColumn,
        Integer tagsColumn,
        Integer guidColumn,
        Integer notetypeColumn) {

    public static final TextHeaders NONE = new TextHeaders(null, null, List.of(), List.of(), null, null, null, null,
            null, null);

    public TextHeaders {
        tags = List.copyOf(tags);
        columns = List.copyOf(columns);
    }
}
