package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Splits a model answer (Markdown) into the key points an answer is checked against, by the first rule that
 * finds any: (1) the list right after a heading "Key points" (or 要点 / 关键点); (2) the answer's top-level list
 * items and the rows of its tables that state something (a row of bare values such as "cuid1 | 1" is example data,
 * not a claim); (3) its sentences (ending in . ! ? or 。！？；) and its code blocks, each block one point.
 * A point never ends on a colon: an item or sentence that introduces a table or code block takes that block in.
 */
public final class KeyPoints {
    private static final Set<String> HEADINGS = Set.of("key points", "keypoints", "要点", "关键点");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|(?<=[。！？；])");
    private static final Pattern ENDS_WITH_COLON = Pattern.compile("[:：]\\s*$");
    /** Two Latin words or three Han characters in one cell: the row says something rather than listing values. */
    private static final Pattern CLAIM = Pattern.compile("\\p{IsLatin}+[^\\p{IsLatin}]+\\p{IsLatin}+|\\p{IsHan}.*\\p{IsHan}.*\\p{IsHan}");
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private KeyPoints() {
    }

    public static List<String> of(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        List<String> points = explicit(document);
        if (points.isEmpty()) {
            points = itemsAndRows(document);
        }
        if (points.isEmpty()) {
            points = sentencesAndCode(document);
        }
        return points;
    }

    private static List<String> explicit(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading && isKeyPointsTitle(plainText(node))
                    && node.getNext() instanceof ListBlock list) {
                return items(list);
            }
        }
        return List.of();
    }

    /**
     * The subjects of the table rows among the points: for a row of a table whose header names what each later
     * column is about ("| | merge | rebase |"), the row's point text mapped to those names, one per cell after the
     * row's label. A row whose cells do not line up with the header is left out.
     */
    public static Map<String, List<String>> columnSubjects(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        walk(document, node -> {
            if (!(node instanceof TableBlock)) {
                return;
            }
            List<String> header = new ArrayList<>();
            walk(node, cell -> {
                if (cell instanceof TableRow && cell.getParent() instanceof TableHead) {
                    for (Node c = cell.getFirstChild(); c != null; c = c.getNext()) {
                        header.add(plainText(c).strip());
                    }
                }
            });
            if (header.size() < 3 || header.subList(1, header.size()).stream().anyMatch(String::isEmpty)) {
                return;
            }
            for (List<String> cells : bodyRows(node)) {
                if (cells.size() == header.size()) {
                    subjects.put(String.join(" · ", cells), List.copyOf(header.subList(1, header.size())));
                }
            }
        });
        return subjects;
    }

    /** What the card sets in bold ("**Prometheus** scrapes…"): the names its points attach claims to. */
    public static List<String> boldNames(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        List<String> names = new ArrayList<>();
        walk(document, node -> {
            if (node instanceof StrongEmphasis) {
                String name = plainText(node);
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        });
        return names;
    }

    static boolean isKeyPointsTitle(String title) {
        String t = title.strip().toLowerCase(Locale.ROOT).replaceAll("[:：]$", "").strip();
        return HEADINGS.contains(t);
    }

    /** Top-level list items and claim rows of tables, in document order. */
    private static List<String> itemsAndRows(Node document) {
        List<String> points = new ArrayList<>();
        List<Node> blocks = blocks(document);
        for (int i = 0; i < blocks.size(); i++) {
            Node node = blocks.get(i);
            if (node instanceof ListBlock list) {
                List<String> items = items(list);
                if (introducesNext(items, blocks, i)) {
                    items.set(items.size() - 1, items.get(items.size() - 1) + " " + blockText(blocks.get(++i)));
                }
                points.addAll(items);
            } else if (node instanceof TableBlock) {
                points.addAll(claimRows(node));
            }
        }
        return points;
    }

    /** The document's blocks in order, looking inside containers such as block quotes but not into lists. */
    private static List<Node> blocks(Node parent) {
        List<Node> blocks = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof ListBlock || node instanceof TableBlock || node instanceof Paragraph || isCode(node)
                    || node.getFirstChild() == null) {
                blocks.add(node);
            } else {
                blocks.addAll(blocks(node));
            }
        }
        return blocks;
    }

    /** Whether the last of these texts ends on a colon and the block after them is a table or code it introduces. */
    private static boolean introducesNext(List<String> texts, List<Node> blocks, int at) {
        return !texts.isEmpty() && ENDS_WITH_COLON.matcher(texts.get(texts.size() - 1)).find()
                && at + 1 < blocks.size() && (blocks.get(at + 1) instanceof TableBlock || isCode(blocks.get(at + 1)));
    }

    private static List<String> items(ListBlock list) {
        List<String> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String text = plainText(item).strip();
            if (!text.isEmpty()) {
                items.add(text);
            }
        }
        return items;
    }

    private static List<String> claimRows(Node table) {
        List<String> rows = new ArrayList<>();
        for (List<String> cells : bodyRows(table)) {
            if (cells.stream().anyMatch(c -> CLAIM.matcher(c).find())) {
                rows.add(String.join(" · ", cells));
            }
        }
        return rows;
    }

    private static List<List<String>> bodyRows(Node table) {
        List<List<String>> rows = new ArrayList<>();
        walk(table, node -> {
            if (node instanceof TableRow && node.getParent() instanceof TableBody) {
                List<String> cells = new ArrayList<>();
                for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                    String text = plainText(cell).strip();
                    if (!text.isEmpty()) {
                        cells.add(text);
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(cells);
                }
            }
        });
        return rows;
    }

    /** Sentences of paragraphs and whole code blocks, in document order. */
    private static List<String> sentencesAndCode(Node document) {
        List<String> points = new ArrayList<>();
        List<Node> blocks = blocks(document);
        for (int i = 0; i < blocks.size(); i++) {
            Node node = blocks.get(i);
            if (node instanceof Paragraph) {
                List<String> sentences = new ArrayList<>();
                for (String s : SENTENCE_END.split(plainText(node))) {
                    if (!s.isBlank()) {
                        sentences.add(s.strip());
                    }
                }
                if (introducesNext(sentences, blocks, i)) {
                    sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + " " + blockText(blocks.get(++i)));
                }
                points.addAll(sentences);
            } else if (isCode(node)) {
                String code = blockText(node);
                if (!code.isEmpty()) {
                    points.add(code);
                }
            }
        }
        return points;
    }

    private static boolean isCode(Node node) {
        return node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock;
    }

    /** A table as its rows ("a · b; c · d"), a code block as its text. */
    private static String blockText(Node block) {
        if (block instanceof TableBlock) {
            return String.join("; ", bodyRows(block).stream().map(cells -> String.join(" · ", cells)).toList());
        }
        String code = block instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) block).getLiteral();
        return code.strip();
    }

    private static void walk(Node node, Consumer<Node> visit) {
        visit.accept(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            walk(child, visit);
        }
    }

    /** The readable text of a node: literals joined, line breaks as spaces, blocks separated by a space. */
    static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        appendText(node, out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        if (node instanceof Text t) {
            out.append(t.getLiteral());
        } else if (node instanceof Code c) {
            out.append(c.getLiteral());
        } else if (node instanceof FencedCodeBlock f) {
            out.append(' ').append(f.getLiteral()).append(' ');
        } else if (node instanceof IndentedCodeBlock i) {
            out.append(' ').append(i.getLiteral()).append(' ');
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append(' ');
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            appendText(child, out);
            // Blocks are separated by a space; inline wrappers such as **bold** run on with their neighbours.
            if (child.getFirstChild() != null && !(child instanceof Emphasis)
                    && !(child instanceof StrongEmphasis) && !(child instanceof Link)) {
                out.append(' ');
            }
        }
    }
}
