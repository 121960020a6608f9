package dev.prepdeck.anki.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Anki field HTML to the Markdown prepdeck cards are written in (CommonMark with GFM tables). Keeps paragraphs and
 * line breaks, headings, nested lists, tables, code and preformatted blocks, bold, italic, links (http, https and
 * mailto only), images as {@code ![alt](media-name)} and {@code [sound:name]} as a {@code [sound: name](name)} link.
 * Scripts, styles, forms and embedded objects are dropped; attributes other than link and image targets are never
 * carried over, so event handlers cannot survive. Text is escaped so that it reads as the same text in Markdown.
 */
public final class HtmlToMarkdown {
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "applet", "input", "button", "select", "textarea", "option", "svg", "math", "canvas", "video",
            "audio", "head", "title", "meta", "link", "base", "form");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "aside", "nav", "center", "figure", "figcaption", "address", "details", "summary", "dl", "dt", "dd",
            "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "blockquote",
            "hr", "h1", "h2", "h3", "h4", "h5", "h6", "body", "html");
    private static final Set<String> CODE = Set.of("code", "kbd", "samp", "tt", "var");
    private static final Pattern SOUND = Pattern.compile("\\[sound:([^\\]]+)]");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    private static final Pattern BLOCK_START = Pattern.compile(
            "^(#{1,6}(?:\\s|$)|>|[-+*](?:\\s|$)|=+\\s*$|-+\\s*$|```|~~~)");
    private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])(\\s|$)");
    private static final Pattern LANGUAGE = Pattern.compile("(?:^|\\s)lang(?:uage)?-([\\w+#-]+)");
    private static final String HARD_BREAK = "\\\n";
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    private final UnaryOperator<String> mediaLink;

    /** Media names stay as they are in the Markdown. */
    public HtmlToMarkdown() {
        this(UnaryOperator.identity());
    }

    /** @param mediaLink turns a media file name into the link target written in the Markdown */
    public HtmlToMarkdown(UnaryOperator<String> mediaLink) {
        this.mediaLink = mediaLink;
    }

    /** The Markdown, and the media file names it refers to (images and sounds), in order of appearance. */
    public record Conversion(String markdown, Set<String> media) {
    }

    public String toMarkdown(String html) {
        return convert(html).markdown();
    }

    public Conversion convert(String html) {
        if (html == null || html.isBlank()) {
            return new Conversion("", Set.of());
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        Run run = new Run();
        String markdown = run.blocks(body);
        return new Conversion(markdown, Set.copyOf(new LinkedHashSet<>(run.media)));
    }

    /** One conversion: collects media names as it goes. */
    private final class Run {
        private final List<String> media = new ArrayList<>();

        /** Block-level Markdown of an element's children; runs of inline content become paragraphs. */
        String blocks(Element parent) {
            return blocks(parent, false);
        }

        /** @param tightLists join a list to the paragraph before it with a single line, as in a list item */
        private String blocks(Element parent, boolean tightLists) {
            StringBuilder out = new StringBuilder();
            StringBuilder paragraph = new StringBuilder();
            for (Node child : parent.childNodes()) {
                if (child instanceof Element element && isBlockLike(element)) {
                    append(out, paragraph(paragraph.toString()), false);
                    paragraph.setLength(0);
                    append(out, block(element), tightLists && startsTightList(element));
                } else {
                    inline(child, paragraph);
                }
            }
            append(out, paragraph(paragraph.toString()), false);
            return out.toString();
        }

        private void append(StringBuilder out, String block, boolean tight) {
            if (block.isBlank()) {
                return;
            }
            if (out.length() > 0) {
                out.append(tight ? "\n" : "\n\n");
            }
            out.append(block);
        }

        /** A list that may follow a paragraph line directly: bullets, or numbers starting at 1. */
        private boolean startsTightList(Element element) {
            String tag = element.normalName();
            return tag.equals("ul") || tag.equals("ol") && startNumber(element) == 1;
        }

        /** A block element, or an inline one (such as {@code <b>}) that wraps blocks and so cannot stay inline. */
        private boolean isBlockLike(Element element) {
            String tag = element.normalName();
            if (DROPPED.contains(tag)) {
                return false;
            }
            if (BLOCKS.contains(tag)) {
                return true;
            }
            for (Element child : element.children()) {
                if (isBlockLike(child)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Inline Markdown as paragraphs: lines trimmed, breaks at either end dropped, an empty line (two breaks in a
         * row) starting a new paragraph, and whatever would start a block escaped.
         */
        private String paragraph(String raw) {
            List<String> paragraphs = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            boolean emptyLine = false;
            for (String segment : raw.split(Pattern.quote(HARD_BREAK), -1)) {
                String line = segment.replace('\n', ' ').replaceAll(" {2,}", " ").strip();
                if (line.isEmpty()) {
                    emptyLine = !lines.isEmpty();
                    continue;
                }
                if (emptyLine) {
                    paragraphs.add(String.join(HARD_BREAK, lines));
                    lines.clear();
                    emptyLine = false;
                }
                lines.add(escapeLineStart(line));
            }
            if (!lines.isEmpty()) {
                paragraphs.add(String.join(HARD_BREAK, lines));
            }
            return String.join("\n\n", paragraphs);
        }

        private String escapeLineStart(String line) {
            Matcher ordered = ORDERED_START.matcher(line);
            if (ordered.find()) {
                return ordered.group(1) + "\\" + line.substring(ordered.group(1).length());
            }
            if (BLOCK_START.matcher(line).find()) {
                return "\\" + line;
            }
            return line;
        }

        private String block(Element element) {
            String tag = element.normalName();
            switch (tag) {
                case "ul", "ol":
                    return list(element);
                case "pre":
                    return preformatted(element);
                case "table":
                    return table(element);
                case "blockquote":
                    return quote(blocks(element));
                case "hr":
                    return "---";
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    String heading = flat(element);
                    return heading.isBlank() ? "" : "#".repeat(tag.charAt(1) - '0') + " " + heading;
                default:
                    return blocks(element);
            }
        }

        private String list(Element list) {
            boolean ordered = list.normalName().equals("ol");
            int number = ordered ? startNumber(list) : 1;
            List<String> items = new ArrayList<>();
            for (Node child : list.childNodes()) {
                String content;
                if (child instanceof Element item && item.normalName().equals("li")) {
                    content = blocks(item, true);
                } else if (child instanceof Element nested && (nested.normalName().equals("ul")
                        || nested.normalName().equals("ol"))) {
                    // a list written directly inside a list belongs to the item before it
                    String nestedList = indent(list(nested), ordered ? (number - 1 + ". ").length() : 2);
                    if (!items.isEmpty()) {
                        items.set(items.size() - 1, items.get(items.size() - 1) + "\n" + nestedList);
                        continue;
                    }
                    content = list(nested);
                } else {
                    StringBuilder loose = new StringBuilder();
                    inline(child, loose);
                    content = paragraph(loose.toString());
                    if (content.isBlank()) {
                        continue;
                    }
                }
                String marker = ordered ? number++ + ". " : "- ";
                items.add(content.isEmpty() ? marker.strip()
                        : marker + indent(content, marker.length()).substring(marker.length()));
            }
            return String.join("\n", items);
        }

        private int startNumber(Element list) {
            try {
                return Math.max(0, Integer.parseInt(list.attr("start").trim()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private String indent(String text, int width) {
            String pad = " ".repeat(width);
            StringBuilder out = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                if (!line.isEmpty()) {
                    out.append(pad).append(line);
                }
            }
            return out.toString();
        }

        private String quote(String content) {
            StringBuilder out = new StringBuilder();
            for (String line : content.split("\n", -1)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(line.isEmpty() ? ">" : "> " + line);
            }
            return content.isBlank() ? "" : out.toString();
        }

        private String preformatted(Element pre) {
            StringBuilder text = new StringBuilder();
            preText(pre, text);
            String code = text.toString().replace('\u00a0', ' ');
            code = code.replaceAll("^\\n+", "").replaceAll("\\s+$", "");
            int longest = longestRun(code, '`');
            String fence = "`".repeat(Math.max(3, longest + 1));
            return fence + language(pre) + "\n" + code + "\n" + fence;
        }

        private void preText(Node node, StringBuilder out) {
            for (Node child : node.childNodes()) {
                if (child instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (child instanceof Element element) {
                    String tag = element.normalName();
                    if (DROPPED.contains(tag)) {
                        continue;
                    }
                    if (tag.equals("br")) {
                        out.append('\n');
                        continue;
                    }
                    boolean lineBlock = tag.equals("div") || tag.equals("p") || tag.equals("li");
                    if (lineBlock && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append('\n');
                    }
                    preText(element, out);
                    if (lineBlock && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append('\n');
                    }
                }
            }
        }

        private String language(Element pre) {
            for (Element element : List.of(pre, pre.selectFirst("code") == null ? pre : pre.selectFirst("code"))) {
                Matcher matcher = LANGUAGE.matcher(element.className());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            return "";
        }

        private String table(Element table) {
            List<List<String>> rows = new ArrayList<>();
            for (Element row : rowsOf(table)) {
                List<String> cells = new ArrayList<>();
                for (Element cell : row.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        cells.add(UNESCAPED_PIPE.matcher(flat(cell)).replaceAll("\\\\|"));
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(cells);
                }
            }
            if (rows.isEmpty()) {
                return "";
            }
            int columns = rows.stream().mapToInt(List::size).max().orElse(1);
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = new ArrayList<>(rows.get(r));
                while (cells.size() < columns) {
                    cells.add("");
                }
                out.append("| ").append(String.join(" | ", cells)).append(" |\n");
                if (r == 0) {
                    out.append("|").append(" --- |".repeat(columns)).append('\n');
                }
            }
            Element caption = table.selectFirst("caption");
            String captionText = caption == null ? "" : flat(caption);
            return (captionText.isBlank() ? "" : captionText + "\n\n") + out.toString().stripTrailing();
        }

        /** The table's own rows, in order, not those of tables nested in its cells. */
        private List<Element> rowsOf(Element table) {
            List<Element> rows = new ArrayList<>();
            for (Element child : table.children()) {
                String tag = child.normalName();
                if (tag.equals("tr")) {
                    rows.add(child);
                } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                    for (Element row : child.children()) {
                        if (row.normalName().equals("tr")) {
                            rows.add(row);
                        }
                    }
                }
            }
            return rows;
        }

        /** An element's content on one line, for headings and table cells. */
        private String flat(Element element) {
            String text = blocks(element);
            return text.replace(HARD_BREAK, " ").replace("\n", " ").replaceAll(" {2,}", " ").strip();
        }

        /** Appends the Markdown of an inline node. */
        private void inline(Node node, StringBuilder out) {
            if (node instanceof TextNode text) {
                text(text.getWholeText(), out);
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (DROPPED.contains(tag)) {
                return;
            }
            if (BLOCKS.contains(tag)) {
                out.append(' ').append(flat(element)).append(' ');
                return;
            }
            if (element.hasClass("cloze")) {
                cloze(element, out);
                return;
            }
            switch (tag) {
                case "br" -> out.append(HARD_BREAK);
                case "b", "strong" -> emphasis(element, "**", out);
                case "i", "em", "cite", "dfn" -> emphasis(element, "*", out);
                case "a" -> link(element, out);
                case "img" -> image(element, out);
                default -> {
                    if (CODE.contains(tag)) {
                        code(element.wholeText(), out);
                    } else {
                        children(element, out);
                    }
                }
            }
        }

        private void children(Element element, StringBuilder out) {
            for (Node child : element.childNodes()) {
                inline(child, out);
            }
        }

        private void emphasis(Element element, String marker, StringBuilder out) {
            StringBuilder inner = new StringBuilder();
            children(element, inner);
            String text = inner.toString();
            String core = text.strip();
            if (core.isEmpty() || core.replace(HARD_BREAK, "").isBlank()) {
                out.append(text);
                return;
            }
            int lead = text.indexOf(core);
            out.append(text, 0, lead).append(marker).append(core).append(marker)
                    .append(text.substring(lead + core.length()));
        }

        /**
         * A cloze deletion as the card shows it ({@code <span class="cloze">[...]</span>} on the question,
         * {@code <b class="cloze">Paris</b>} on the answer) becomes a link to {@link ClozeText#MARKDOWN_TARGET}. One
         * that holds a link of its own stays bold text, as a link cannot hold another.
         */
        private void cloze(Element element, StringBuilder out) {
            if (!element.select("a[href]").isEmpty()) {
                emphasis(element, "**", out);
                return;
            }
            StringBuilder inner = new StringBuilder();
            children(element, inner);
            String text = inner.toString();
            String core = text.strip();
            if (core.isEmpty() || core.replace(HARD_BREAK, "").isBlank()) {
                out.append(text);
                return;
            }
            int lead = text.indexOf(core);
            out.append(text, 0, lead).append('[').append(core).append("](").append(ClozeText.MARKDOWN_TARGET)
                    .append(')').append(text.substring(lead + core.length()));
        }

        private void link(Element element, StringBuilder out) {
            StringBuilder inner = new StringBuilder();
            children(element, inner);
            String href = element.attr("href").strip();
            String scheme = href.toLowerCase(Locale.ROOT);
            boolean safe = scheme.startsWith("http://") || scheme.startsWith("https://") || scheme.startsWith("mailto:");
            if (!safe) {
                out.append(inner);
                return;
            }
            String label = inner.toString().strip();
            if (label.isEmpty()) {
                label = escapeText(href);
            }
            out.append('[').append(label).append("](").append(destination(href)).append(')');
        }

        private void image(Element element, StringBuilder out) {
            String src = element.attr("src").strip();
            String alt = escapeText(element.attr("alt").strip());
            if (src.isEmpty()) {
                return;
            }
            String lower = src.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                out.append("![").append(alt).append("](").append(destination(src)).append(')');
            } else if (isMediaName(src)) {
                media.add(src);
                out.append("![").append(alt).append("](").append(destination(mediaLink.apply(src))).append(')');
            }
        }

        /** A file in the collection's media folder: a bare name, not a URL, data or path. */
        private boolean isMediaName(String src) {
            return !src.contains("/") && !src.contains("\\") && !src.contains(":") && !src.startsWith(".");
        }

        private String destination(String target) {
            boolean plain = target.chars().noneMatch(c -> c == ' ' || c == '(' || c == ')' || c == '<' || c == '>'
                    || Character.isISOControl(c));
            if (plain) {
                return target;
            }
            return "<" + target.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>") + ">";
        }

        private void code(String raw, StringBuilder out) {
            String text = raw.replace('\u00a0', ' ').replaceAll("\\s+", " ");
            if (text.isBlank()) {
                out.append(text);
                return;
            }
            String fence = "`".repeat(longestRun(text, '`') + 1);
            boolean pad = text.startsWith("`") || text.endsWith("`");
            out.append(fence).append(pad ? " " : "").append(text).append(pad ? " " : "").append(fence);
        }

        /** Text content: whitespace collapsed as HTML shows it, sound tags turned into links, the rest escaped. */
        private void text(String raw, StringBuilder out) {
            String text = raw.replace('\u00a0', ' ').replaceAll("\\s+", " ");
            Matcher sound = SOUND.matcher(text);
            int at = 0;
            while (sound.find()) {
                out.append(escapeText(text.substring(at, sound.start())));
                String name = sound.group(1).strip();
                if (isMediaName(name)) {
                    media.add(name);
                    out.append("[sound: ").append(escapeText(name)).append("](")
                            .append(destination(mediaLink.apply(name))).append(')');
                } else {
                    out.append(escapeText(sound.group()));
                }
                at = sound.end();
            }
            out.append(escapeText(text.substring(at)));
        }
    }

    /** Escapes the characters that would turn plain text into Markdown syntax. */
    static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '_', '`', '[', ']', '<', '>', '|', '~' -> out.append('\\').append(c);
                case '&' -> out.append(ENTITY_LIKE.matcher(text.substring(i, Math.min(text.length(), i + 40)))
                        .lookingAt() ? "\\&" : "&");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
