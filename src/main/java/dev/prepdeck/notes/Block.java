package dev.prepdeck.notes;

import java.util.List;

/**
 * One body element of a notes section, already in Markdown.
 *
 * @param lines for paragraphs and line blocks, the Markdown of each source line, so the converter can spot
 *              bold-titled items and link lists; empty for other kinds
 * @param level for a HEADING (a Markdown heading met inside an RST body), its number of '#'
 */
record Block(Kind kind, String markdown, List<String> lines, int level, int line) {
    enum Kind { PARAGRAPH, LINE_BLOCK, LIST, CODE, TABLE, QUOTE, FIGURE, HEADING }

    Block {
        lines = List.copyOf(lines);
    }

    static Block of(Kind kind, String markdown, int line) {
        return new Block(kind, markdown, List.of(), 0, line);
    }

    static Block withLines(Kind kind, String markdown, List<String> lines, int line) {
        return new Block(kind, markdown, lines, 0, line);
    }
}
