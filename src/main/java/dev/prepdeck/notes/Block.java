package dev.prepdeck.notes;

import java.util.List;

/**
 * One body element of a notes section, already in Markdown.
 *
 * @param lines  for paragraphs and line blocks, the Markdown of each source line, so the converter can spot
 *               bold-titled items, pseudo-headings and link lists; empty for other kinds
 * @param level  for a HEADING (a Markdown heading met inside an RST body), its number of '#'
 * @param images the numbers (in the file's {@link Figures}) of the images this block shows
 */
record Block(Kind kind, String markdown, List<String> lines, int level, int line, List<Integer> images) {
    enum Kind { PARAGRAPH, LINE_BLOCK, LIST, FIELDS, CODE, TABLE, QUOTE, FIGURE, HEADING }

    Block {
        lines = List.copyOf(lines);
        images = List.copyOf(images);
    }

    static Block of(Kind kind, String markdown, int line) {
        return new Block(kind, markdown, List.of(), 0, line, List.of());
    }

    static Block withLines(Kind kind, String markdown, List<String> lines, int line) {
        return new Block(kind, markdown, lines, 0, line, List.of());
    }

    Block withImages(List<Integer> refs) {
        return new Block(kind, markdown, lines, level, line, refs);
    }
}
