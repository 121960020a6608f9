package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Splits a model answer (Markdown) into the key points an answer is checked against, by the first rule that
 * finds any: (1) the list right after a heading "Key points" (or 要点 / 关键点); (2) the answer's top-level list
 * items; (3) its table rows; (4) its sentences (ending in . ! ? or 。！？；); (5) its code blocks.
 */
public final class KeyPoints {
    private static final Set<String> HEADINGS = Set.of("key points", "keypoints", "要点", "关键点");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|(?<=[。！？；])");
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private KeyPoints() {
    }

    public static List<String> of(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        List<String> points = explicit(document);
        if (points.isEmpty()) {
            points = listItems(document);
        }
        if (points.isEmpty()) {
            points = tableRows(document);
        }
        if (points.isEmpty()) {
            points = sentences(document);
        }
        if (points.isEmpty()) {
            points = codeBlocks(document);
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

    static boolean isKeyPointsTitle(String title) {
        String t = title.strip().toLowerCase(Locale.ROOT).replaceAll("[:：]$", "").strip();
        return HEADINGS.contains(t);
    }

    private static List<String> listItems(Node document) {
        List<String> points = new ArrayList<>();
        collectTopLists(document, points);
        return points;
    }

    private static void collectTopLists(Node parent, List<String> points) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof BulletList || node instanceof OrderedList) {
                points.addAll(items((ListBlock) node));
            } else if (!(node instanceof ListItem)) {
                collectTopLists(node, points);
            }
        }
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

    private static List<String> tableRows(Node document) {
        List<String> rows = new ArrayList<>();
        walk(document, node -> {
            if (node instanceof TableRow && node.getParent() instanceof TableBody) {
                List<String> cells = new ArrayList<>();
                for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                    String text = plainText(cell).strip();
                    if (!text.isEmpty()) {
                        cells.add(text);
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(String.join(" · ", cells));
                }
            }
        });
        return rows;
    }

    private static List<String> sentences(Node document) {
        List<String> sentences = new ArrayList<>();
        walk(document, node -> {
            if (node instanceof Paragraph) {
                for (String s : SENTENCE_END.split(plainText(node))) {
                    if (!s.isBlank()) {
                        sentences.add(s.strip());
                    }
                }
            }
        });
        return sentences;
    }

    private static List<String> codeBlocks(Node document) {
        List<String> blocks = new ArrayList<>();
        walk(document, node -> {
            String code = node instanceof FencedCodeBlock f ? f.getLiteral()
                    : node instanceof IndentedCodeBlock i ? i.getLiteral() : null;
            if (code != null && !code.isBlank()) {
                blocks.add(code.strip());
            }
        });
        return blocks;
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
