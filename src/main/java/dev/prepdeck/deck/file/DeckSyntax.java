package dev.prepdeck.deck.file;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Rules shared by the reader and the writer, so that what one writes the other reads back unchanged. */
final class DeckSyntax {
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{Nd}._-]{1,64}");
    private static final Pattern META_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern META_COMMENT =
            Pattern.compile(" {0,3}<!--[ \\t]*([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:(.*?)-->[ \\t]*");
    private static final Pattern TAG_SEPARATOR = Pattern.compile("[,，]");

    /** Tables are on so the reader sees the same blocks as the app's renderer. */
    static final Parser MARKDOWN = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private DeckSyntax() {
    }

    static String normaliseLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    /** Lines [from, to) joined, without leading or trailing blank lines; inner text untouched. */
    static String slice(List<String> lines, int from, int to) {
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return String.join("\n", lines.subList(from, to));
    }

    static String checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new DeckTextException("deckfile.error.badId", id);
        }
        return id;
    }

    static boolean isMetaKey(String key) {
        return META_KEY.matcher(key).matches();
    }

    /** Splits on ',' or '，', trims, drops empties and repeats, keeps the writer's spelling and order. */
    static List<String> parseTags(String value) {
        return tags(List.of(TAG_SEPARATOR.split(value, -1)));
    }

    static List<String> tags(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return List.copyOf(tags);
    }

    static boolean hasTagSeparator(String tag) {
        return TAG_SEPARATOR.matcher(tag).find();
    }

    /** The key and value of a {@code <!-- key: value -->} line, or null when the line is not one. */
    static Map.Entry<String, String> metaComment(String line) {
        Matcher m = META_COMMENT.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return Map.entry(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
    }

    /** True when every line of the block is a metadata comment. */
    static boolean isMetaBlock(Node node, List<String> lines) {
        if (!(node instanceof HtmlBlock)) {
            return false;
        }
        for (int i = firstLine(node); i <= lastLine(node); i++) {
            if (metaComment(lines.get(i)) == null) {
                return false;
            }
        }
        return true;
    }

    static int firstLine(Node node) {
        return node.getSourceSpans().get(0).getLineIndex();
    }

    static int lastLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.get(spans.size() - 1).getLineIndex();
    }

    /**
     * The heading's text as written in the source: markers, closing '#'s and indentation left out,
     * the lines of a multi-line Setext heading joined by one space.
     */
    static String headingText(Heading heading, List<String> lines) {
        Map<Integer, int[]> perLine = new TreeMap<>();
        collectSpans(heading.getFirstChild(), perLine);
        List<String> pieces = new ArrayList<>();
        perLine.forEach((line, range) -> pieces.add(lines.get(line).substring(range[0], range[1]).strip()));
        return String.join(" ", pieces).strip();
    }

    private static void collectSpans(Node node, Map<Integer, int[]> perLine) {
        for (; node != null; node = node.getNext()) {
            for (SourceSpan span : node.getSourceSpans()) {
                int start = span.getColumnIndex();
                int end = start + span.getLength();
                perLine.merge(span.getLineIndex(), new int[] {start, end},
                        (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            collectSpans(node.getFirstChild(), perLine);
        }
    }

    /** An ATX heading line that reads back as exactly {@code text}, even when the text ends in '#'. */
    static String atxHeading(int level, String text) {
        String marker = "#".repeat(level);
        int hashes = text.length();
        while (hashes > 0 && text.charAt(hashes - 1) == '#') {
            hashes--;
        }
        boolean looksLikeClosingSequence = hashes < text.length()
                && (hashes == 0 || Character.isWhitespace(text.charAt(hashes - 1)));
        return marker + " " + text + (looksLikeClosingSequence ? " " + marker : "");
    }
}
