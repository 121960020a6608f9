package dev.prepdeck.notes;

import dev.prepdeck.notes.Figures.Figure;
import dev.prepdeck.notes.NotesImages.Found;
import dev.prepdeck.notes.NotesImages.Lookup;
import dev.prepdeck.notes.NotesImages.Remote;
import dev.prepdeck.web.MediaLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Puts each image of a read notes file where its marker stands: {@code ![alt](media/NAME)} when its file was
 * found, a link when it is on the web, else the text it leaves behind ({@link Figure#fallback()}) and a warning
 * with file:line. A title shows an image's alt text.
 */
final class ImagePlacement {
    private ImagePlacement() {
    }

    static NotesDocument place(NotesDocument document, NotesImages images, String notesPath) {
        List<Figure> figures = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        List<NotesNotice> warnings = new ArrayList<>(document.warnings());
        for (Figure figure : document.figures()) {
            NotesImport.ImageReference reference = figure.reference();
            Lookup lookup = images.find(notesPath, reference.target());
            String alt = reference.alt().strip().replaceAll("\\s+", " ");
            if (lookup instanceof Found found) {
                figures.add(new Figure(reference.found(found.name()), figure.fallback()));
                markdown.add("![" + escaped(alt) + "](" + MediaLinks.FOLDER + "/" + found.name() + ")");
            } else if (lookup instanceof Remote remote) {
                figures.add(figure);
                markdown.add("[" + escaped(alt.isEmpty() ? remote.url() : alt) + "](<" + remote.url() + ">)");
            } else {
                figures.add(figure);
                markdown.add(figure.fallback());
                NotesImages.Missing missing = (NotesImages.Missing) lookup;
                List<Object> details = new ArrayList<>(List.of(reference.target(), figure.fallback()));
                details.addAll(missing.details());
                warnings.add(NotesNotice.warning(reference.file(), reference.line(), "image." + missing.problem(),
                        details.toArray()));
            }
        }
        List<String> titles = figures.stream().map(f -> f.reference().alt()).toList();
        return new NotesDocument(document.fileName(), blocks(document.preamble(), markdown),
                sections(document.sections(), markdown, titles), warnings, figures);
    }

    private static List<NotesSection> sections(List<NotesSection> sections, List<String> markdown, List<String> titles) {
        List<NotesSection> out = new ArrayList<>();
        for (NotesSection section : sections) {
            NotesSection placed = new NotesSection(replaced(section.title, titles).strip(), section.level, section.line);
            placed.blocks.addAll(blocks(section.blocks, markdown));
            placed.children.addAll(sections(section.children, markdown, titles));
            out.add(placed);
        }
        return out;
    }

    private static List<Block> blocks(List<Block> blocks, List<String> markdown) {
        List<Block> out = new ArrayList<>();
        for (Block block : blocks) {
            List<String> lines = block.lines().stream().map(l -> replaced(l, markdown)).toList();
            out.add(new Block(block.kind(), replaced(block.markdown(), markdown), lines, block.level(), block.line(),
                    block.images()));
        }
        return out;
    }

    private static String replaced(String text, List<String> byNumber) {
        if (text.indexOf('\uE002') < 0) {
            return text;
        }
        Matcher marker = Figures.MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (marker.find()) {
            int number = Integer.parseInt(marker.group(1));
            marker.appendReplacement(out, Matcher.quoteReplacement(number < byNumber.size() ? byNumber.get(number) : ""));
        }
        marker.appendTail(out);
        return out.toString();
    }

    /** Alt text inside {@code ![...]}: brackets and backslashes would end or bend it. */
    private static String escaped(String alt) {
        return alt.replaceAll("([\\\\\\[\\]])", "\\\\$1");
    }
}
