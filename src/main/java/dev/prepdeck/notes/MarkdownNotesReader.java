package dev.prepdeck.notes;

import dev.prepdeck.notes.Block.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.ext.gfm.tables.TablesExtension;

/**
 * Reads Markdown notes with commonmark: ATX and Setext headings make the sections (levels ranked by the
 * heading sizes the file uses, so notes that start at '##' still have top-level sections); the blocks keep
 * their Markdown source, with images replaced by a note and HTML comments dropped.
 */
final class MarkdownNotesReader {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private static final String IMAGE = "!\\[[^\\]]*]\\(\\s*(?:[^)\\s]*/)?([^)\\s/]+)[^)]*\\)";

    private MarkdownNotesReader() {
    }

    static NotesDocument read(String fileName, String text) {
        List<String> lines = NotesText.lines(text);
        Node document = PARSER.parse(String.join("\n", lines));
        TreeSet<Integer> levels = new TreeSet<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                levels.add(heading.getLevel());
            }
        }
        List<Integer> ranks = new ArrayList<>(levels);
        List<Block> preamble = new ArrayList<>();
        List<NotesSection> roots = new ArrayList<>();
        List<NotesSection> open = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int first = firstLine(node);
            int last = lastLine(node);
            if (node instanceof Heading heading) {
                int level = ranks.indexOf(heading.getLevel()) + 1;
                String title = headingText(lines, heading, first, last);
                NotesSection section = new NotesSection(title, level, first + 1);
                while (!open.isEmpty() && open.get(open.size() - 1).level >= level) {
                    open.remove(open.size() - 1);
                }
                (open.isEmpty() ? roots : open.get(open.size() - 1).children).add(section);
                open.add(section);
                continue;
            }
            Block block = block(node, lines.subList(first, last + 1), first + 1);
            if (block != null) {
                (open.isEmpty() ? preamble : open.get(open.size() - 1).blocks).add(block);
            }
        }
        return new NotesDocument(fileName, preamble, roots, List.of());
    }

    private static String headingText(List<String> lines, Heading heading, int first, int last) {
        String line = lines.get(first).strip();
        if (line.startsWith("#")) {
            return line.replaceFirst("^#{1,6}\\s*", "").replaceFirst("\\s+#+\\s*$", "").strip();
        }
        return String.join(" ", lines.subList(first, last)).strip();
    }

    private static Block block(Node node, List<String> source, int line) {
        String markdown = String.join("\n", source).strip();
        if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            return Block.of(Kind.CODE, node instanceof IndentedCodeBlock
                    ? RstReader.fenced("", ((IndentedCodeBlock) node).getLiteral().stripTrailing().lines().toList())
                    : markdown, line);
        }
        if (node instanceof ThematicBreak) {
            return null;
        }
        if (node instanceof HtmlBlock) {
            return markdown.startsWith("<!--") ? null : Block.of(Kind.PARAGRAPH, markdown, line);
        }
        String withoutImages = markdown.replaceAll(IMAGE, "(figure omitted: $1)");
        if (node instanceof Paragraph) {
            if (withoutImages.matches("(\\s*\\(figure omitted: [^)]*\\)\\s*)+")) {
                return Block.of(Kind.FIGURE, withoutImages.strip(), line);
            }
            List<String> lines = withoutImages.lines().map(String::strip).toList();
            return Block.withLines(Kind.PARAGRAPH, withoutImages, lines, line);
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            return Block.of(Kind.LIST, withoutImages, line);
        }
        if (node instanceof TableBlock) {
            return Block.of(Kind.TABLE, withoutImages, line);
        }
        if (node instanceof BlockQuote) {
            return Block.of(Kind.QUOTE, withoutImages, line);
        }
        return Block.of(Kind.PARAGRAPH, withoutImages, line);
    }

    private static int firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.get(0).getLineIndex();
    }

    private static int lastLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.get(spans.size() - 1).getLineIndex();
    }
}
