package dev.prepdeck.notes;

import dev.prepdeck.notes.Block.Kind;
import dev.prepdeck.notes.NotesImport.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
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

/**
 * Reads Markdown notes with commonmark: ATX and Setext headings make the sections (levels ranked by the
 * heading sizes the file uses, so notes that start at '##' still have top-level sections); the blocks keep
 * their Markdown source. What Markdown note apps add is folded into plain Markdown: YAML front matter is
 * dropped, Obsidian links show their text, callouts become a bold label (or a card of their own when their
 * title asks a question, like an HTML details block with a question summary), task boxes become marks, and
 * images (Markdown, HTML and Obsidian embeds) are recorded in the file's {@link Figures}.
 */
final class MarkdownNotesReader {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private static final Pattern IMAGE = Pattern.compile(
            "!\\[([^\\]]*)]\\(\\s*(?:<([^>\\n]+)>|([^)\\s]+))(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern IMAGE_FILE = Pattern.compile("(?i).+\\.(png|jpe?g|gif|webp|svg|bmp|avif|tiff?)");
    private static final Pattern EMBED = Pattern.compile("!\\[\\[([^\\]|#]+)(?:#[^\\]|]*)?(?:\\|([^\\]]*))?]]");
    private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[([^\\]|#]*)(?:#([^\\]|]*))?(?:\\|([^\\]]*))?]]");
    private static final Pattern HTML_IMAGE = Pattern.compile("(?i)<img\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>");
    private static final Pattern HTML_ALT = Pattern.compile("(?i)\\balt\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern HTML_TAG = Pattern.compile("(?i)</?[a-z][a-z0-9-]*\\b[^>]*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern CALLOUT = Pattern.compile("(?i)^\\[!([a-z-]+)][+-]?\\s*(.*)$");
    private static final Pattern TASK = Pattern.compile("(?m)^(\\s*(?:[-*+]|\\d+[.)])\\s+)\\[([ xX])]\\s+");
    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^([^\\]]+)]");
    private static final Pattern TAGS_ONLY = Pattern.compile("(?:#[\\p{L}\\p{N}_/-]+\\s*)+");
    private static final Pattern SUMMARY = Pattern.compile("(?is)<details[^>]*>\\s*<summary[^>]*>(.*?)</summary>(.*?)(?:</details>|$)");

    private final String fileName;
    private final List<String> lines;
    private final Figures figures = new Figures();

    private MarkdownNotesReader(String fileName, List<String> lines) {
        this.fileName = fileName;
        this.lines = lines;
    }

    static NotesDocument read(String fileName, String text) {
        List<String> lines = new ArrayList<>(NotesText.lines(text));
        blankFrontMatter(lines);
        return new MarkdownNotesReader(fileName, lines).document();
    }

    /** YAML front matter is metadata; blanking it keeps every later line number true. */
    private static void blankFrontMatter(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals("---")) {
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).equals("---") || lines.get(i).equals("...")) {
                for (int k = 0; k <= i; k++) {
                    lines.set(k, "");
                }
                return;
            }
        }
    }

    private NotesDocument document() {
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
                NotesSection section = new NotesSection(headingText(heading, first, last), level, first + 1);
                while (!open.isEmpty() && open.get(open.size() - 1).level >= level) {
                    open.remove(open.size() - 1);
                }
                (open.isEmpty() ? roots : open.get(open.size() - 1).children).add(section);
                open.add(section);
                continue;
            }
            NotesSection current = open.isEmpty() ? null : open.get(open.size() - 1);
            Node start = node;
            if (node instanceof HtmlBlock && opensDetails(first, last)) {
                // commonmark ends an HTML block at a blank line, so a details block spans several nodes
                while (node.getNext() != null && !(node instanceof HtmlBlock && closesDetails(first, lastLine(node)))) {
                    node = node.getNext();
                }
                last = lastLine(node);
            }
            for (Block block : blocks(start, lines.subList(first, last + 1), first + 1, current)) {
                (current == null ? preamble : current.blocks).add(block);
            }
        }
        return new NotesDocument(fileName, preamble, roots, List.of(), figures.all());
    }

    private boolean opensDetails(int first, int last) {
        String source = String.join("\n", lines.subList(first, last + 1)).toLowerCase(Locale.ROOT);
        return source.contains("<details") && !source.contains("</details>");
    }

    private boolean closesDetails(int first, int last) {
        return String.join("\n", lines.subList(first, last + 1)).toLowerCase(Locale.ROOT).contains("</details>");
    }

    private String headingText(Heading heading, int first, int last) {
        String line = lines.get(first).strip();
        String text = line.startsWith("#")
                ? line.replaceFirst("^#{1,6}\\s*", "").replaceFirst("\\s+#+\\s*$", "").strip()
                : String.join(" ", lines.subList(first, last)).strip();
        return NotesText.plain(inline(text, first + 1, new ArrayList<>()));
    }

    /**
     * The blocks one top-level node gives; a callout or details block whose title asks a question becomes a
     * sub-section of {@code section} instead, so it is a card of its own.
     */
    private List<Block> blocks(Node node, List<String> source, int line, NotesSection section) {
        String markdown = String.join("\n", source).strip();
        List<Integer> images = new ArrayList<>();
        if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            return List.of(Block.of(Kind.CODE, node instanceof IndentedCodeBlock
                    ? RstReader.fenced("", ((IndentedCodeBlock) node).getLiteral().stripTrailing().lines().toList())
                    : markdown, line));
        }
        if (node instanceof ThematicBreak) {
            return List.of();
        }
        if (node instanceof HtmlBlock) {
            return html(markdown, line, section);
        }
        if (node instanceof BlockQuote) {
            return quote(source, line, section);
        }
        String text = inline(markdown, line, images);
        if (node instanceof Paragraph) {
            String plain = Figures.MARKER.matcher(text).replaceAll("").strip();
            if (plain.isEmpty() && !images.isEmpty()) {
                return List.of(Block.of(Kind.FIGURE, text.strip(), line).withImages(images));
            }
            if (TAGS_ONLY.matcher(plain).matches()) {
                return List.of();
            }
            List<String> split = text.lines().map(String::strip).toList();
            return List.of(Block.withLines(Kind.PARAGRAPH, text, split, line).withImages(images));
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            return List.of(Block.of(Kind.LIST, tasks(text), line).withImages(images));
        }
        if (node instanceof TableBlock) {
            return List.of(Block.of(Kind.TABLE, text, line).withImages(images));
        }
        return List.of(Block.of(Kind.PARAGRAPH, text, line).withImages(images));
    }

    /** "- [x] done" as "- ☑ done", "- [ ] open" as "- ☐ open": commonmark would show the brackets. */
    private static String tasks(String list) {
        Matcher m = TASK.matcher(list);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (m.group(2).isBlank() ? "☐ " : "☑ ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<Block> quote(List<String> source, int line, NotesSection section) {
        List<String> inner = source.stream().map(l -> l.replaceFirst("^\\s*> ?", "")).toList();
        Matcher callout = CALLOUT.matcher(inner.isEmpty() ? "" : inner.get(0).strip());
        if (!callout.matches()) {
            List<Integer> images = new ArrayList<>();
            String text = inline(String.join("\n", source).strip(), line, images);
            return List.of(Block.of(Kind.QUOTE, text, line).withImages(images));
        }
        String kind = callout.group(1).toLowerCase(Locale.ROOT);
        String title = callout.group(2).strip();
        List<Integer> images = new ArrayList<>();
        String body = inline(String.join("\n", inner.subList(1, inner.size())).strip(), line, images);
        if (section != null && QuestionRules.isQuestion(title) && !body.isBlank()) {
            NotesSection card = new NotesSection(NotesText.plain(inline(title, line, images)), section.level + 1, line);
            card.blocks.add(Block.withLines(Kind.PARAGRAPH, body, body.lines().toList(), line + 1).withImages(images));
            section.children.add(card);
            return List.of();
        }
        String label = Character.toUpperCase(kind.charAt(0)) + kind.substring(1).replace('-', ' ');
        String heading = "**" + label + (title.isEmpty() ? "" : ": " + inline(title, line, images)) + "**";
        String quoted = (heading + (body.isBlank() ? "" : "\n\n" + body)).replace("\n", "\n> ").replaceAll("\n> (?=\n)", "\n>");
        return List.of(Block.of(Kind.QUOTE, "> " + quoted, line).withImages(images));
    }

    /**
     * HTML blocks in notes are wrappers (div, center, details) around text, images and line breaks: their
     * text is kept, tags go, images are recorded, and a details block with a question summary is a card.
     */
    private List<Block> html(String markdown, int line, NotesSection section) {
        if (markdown.startsWith("<!--")) {
            return List.of();
        }
        Matcher details = SUMMARY.matcher(markdown);
        if (details.find() && section != null) {
            String title = stripTags(details.group(1)).strip();
            String body = stripTags(details.group(2)).strip();
            if (QuestionRules.isQuestion(title) && !body.isEmpty()) {
                NotesSection card = new NotesSection(title, section.level + 1, line);
                card.blocks.add(Block.withLines(Kind.PARAGRAPH, body, body.lines().toList(), line + 1));
                section.children.add(card);
                return List.of();
            }
        }
        List<Integer> images = new ArrayList<>();
        Matcher img = HTML_IMAGE.matcher(markdown);
        StringBuilder withFigures = new StringBuilder();
        while (img.find()) {
            Matcher alt = HTML_ALT.matcher(img.group());
            String altText = alt.find() ? alt.group(1) : "";
            img.appendReplacement(withFigures, Matcher.quoteReplacement(figure(img.group(1), altText, line, images)));
        }
        img.appendTail(withFigures);
        String text = stripTags(withFigures.toString()).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String plain = Figures.MARKER.matcher(text).replaceAll("").strip();
        Kind kind = plain.isEmpty() && !images.isEmpty() ? Kind.FIGURE : Kind.PARAGRAPH;
        return List.of(Block.withLines(kind, text, text.lines().map(String::strip).toList(), line).withImages(images));
    }

    private static String stripTags(String html) {
        String text = HTML_TAG.matcher(BREAK.matcher(html).replaceAll("\n")).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\n{3,}", "\n\n");
    }

    /**
     * Inline note-app syntax to plain Markdown outside code spans: Obsidian embeds and links, images as
     * placeholders (recorded), line-break tags, footnote markers.
     */
    private String inline(String markdown, int line, List<Integer> images) {
        StringBuilder out = new StringBuilder();
        String[] pieces = markdown.split("(?=`)|(?<=`)", -1);
        boolean code = false;
        StringBuilder run = new StringBuilder();
        for (String piece : pieces) {
            if (piece.equals("`")) {
                if (!code) {
                    out.append(prose(run.toString(), line, images));
                    run.setLength(0);
                }
                code = !code;
                out.append('`');
            } else if (code) {
                out.append(piece);
            } else {
                run.append(piece);
            }
        }
        out.append(prose(run.toString(), line, images));
        return out.toString();
    }

    private String prose(String text, int line, List<Integer> images) {
        Matcher embed = EMBED.matcher(text);
        StringBuilder a = new StringBuilder();
        while (embed.find()) {
            String target = embed.group(1).strip();
            String alt = embed.group(2) == null || embed.group(2).matches("\\d+(x\\d+)?") ? "" : embed.group(2).strip();
            // ![[Other note]] embeds a note, not a picture: it reads as the note's name, as a link would
            String shown = IMAGE_FILE.matcher(target).matches() ? figure(target, alt, line, images)
                    : alt.isEmpty() ? target : alt;
            embed.appendReplacement(a, Matcher.quoteReplacement(shown));
        }
        embed.appendTail(a);
        Matcher link = WIKI_LINK.matcher(a);
        StringBuilder b = new StringBuilder();
        while (link.find()) {
            String shown = link.group(3) != null ? link.group(3).strip()
                    : (link.group(1).strip() + (link.group(2) == null ? "" : " › " + link.group(2).strip())).strip();
            link.appendReplacement(b, Matcher.quoteReplacement(shown));
        }
        link.appendTail(b);
        Matcher image = IMAGE.matcher(b);
        StringBuilder c = new StringBuilder();
        while (image.find()) {
            String target = image.group(2) != null ? image.group(2) : image.group(3);
            image.appendReplacement(c, Matcher.quoteReplacement(figure(target, image.group(1).strip(), line, images)));
        }
        image.appendTail(c);
        String withBreaks = BREAK.matcher(c).replaceAll("");
        return FOOTNOTE.matcher(withBreaks).replaceAll("[$1]").replaceAll("(?m)^\\[([^\\]]+)]:\\s", "[$1] ");
    }

    private String figure(String target, String alt, int line, List<Integer> images) {
        return figures.add(new ImageReference(fileName, line, target, alt, null, null, null),
                Figures.fallback(alt, target), images);
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
