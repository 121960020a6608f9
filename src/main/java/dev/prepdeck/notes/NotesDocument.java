package dev.prepdeck.notes;

import java.util.List;

/**
 * A notes file read into sections.
 *
 * @param preamble blocks before the first section title
 * @param warnings problems docutils would only warn about, each with its file:line
 * @param figures  every image the file shows, numbered as the markers in its text
 */
record NotesDocument(String fileName, List<Block> preamble, List<NotesSection> sections, List<NotesNotice> warnings,
                     List<Figures.Figure> figures) {
}
