package dev.prepdeck.anki.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloze deletions in a field's HTML: {@code {{c1::text}}}, {@code {{c2::text::hint}}}, {@code {{c1,3::text}}} (one
 * deletion on several cards) and deletions nested inside others, as Anki's cloze.rs reads them. Unclosed markers stay
 * text.
 */
public final class ClozeText {
    /**
     * How prepdeck Markdown marks a cloze deletion: a link to this fragment, {@code [\[...\]](#cloze)} where the
     * question hides it and {@code [Paris](#cloze)} where the answer reveals it. The study page draws it as a
     * cloze; any other Markdown reader still shows its text.
     */
    public static final String MARKDOWN_TARGET = "#cloze";
    private static final Pattern OPEN = Pattern.compile("\\{\\{c(\\d+(?:\\s*,\\s*\\d+)*)::");
    private static final String CLOSE = "}}";
    private static final String HINT = "::";

    /** The question shows an active deletion as [...] or [hint]; the answer reveals it. */
    public enum Side { QUESTION, ANSWER }

    private sealed interface Part permits Text, Deletion {
    }

    private record Text(String html) implements Part {
    }

    private record Deletion(Set<Integer> ordinals, List<Part> content) implements Part {
    }

    private final List<Part> parts;

    private ClozeText(List<Part> parts) {
        this.parts = parts;
    }

    public static ClozeText parse(String html) {
        return new ClozeText(new Parser(html == null ? "" : html).parts());
    }

    /** The cloze numbers (1-based) with a deletion; each is one card. */
    public Set<Integer> ordinals() {
        Set<Integer> numbers = new TreeSet<>();
        collectOrdinals(parts, numbers);
        return numbers;
    }

    private static void collectOrdinals(List<Part> parts, Set<Integer> numbers) {
        for (Part part : parts) {
            if (part instanceof Deletion deletion) {
                numbers.addAll(deletion.ordinals());
                collectOrdinals(deletion.content(), numbers);
            }
        }
    }

    /** The field's HTML for card {@code ordinal} (1-based): that deletion hidden or revealed, the others as text. */
    public String render(int ordinal, Side side) {
        StringBuilder out = new StringBuilder();
        render(parts, ordinal, side, out);
        return out.toString();
    }

    private static void render(List<Part> parts, int ordinal, Side side, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Text text) {
                out.append(text.html());
            } else if (part instanceof Deletion deletion) {
                Split split = split(deletion.content());
                if (!deletion.ordinals().contains(ordinal)) {
                    render(split.answer(), ordinal, side, out);
                } else if (side == Side.QUESTION) {
                    String hint = split.hint() == null ? "..." : split.hint();
                    out.append("<span class=\"cloze\">[").append(hint).append("]</span>");
                } else {
                    out.append("<b class=\"cloze\">");
                    render(split.answer(), ordinal, side, out);
                    out.append("</b>");
                }
            }
        }
    }

    /** The revealed text of card {@code ordinal}'s deletions only, joined by ", " (Anki's cloze-only filter). */
    public String activeOnly(int ordinal) {
        List<String> texts = new ArrayList<>();
        collectActive(parts, ordinal, texts);
        return String.join(", ", texts);
    }

    private static void collectActive(List<Part> parts, int ordinal, List<String> texts) {
        for (Part part : parts) {
            if (part instanceof Deletion deletion) {
                Split split = split(deletion.content());
                if (deletion.ordinals().contains(ordinal)) {
                    StringBuilder out = new StringBuilder();
                    render(split.answer(), ordinal, Side.ANSWER, out);
                    texts.add(out.toString().replace("<b class=\"cloze\">", "").replace("</b>", ""));
                } else {
                    collectActive(split.answer(), ordinal, texts);
                }
            }
        }
    }

    private record Split(List<Part> answer, String hint) {
    }

    /** A deletion's own text after its last "::" (outside nested deletions) is its hint. */
    private static Split split(List<Part> content) {
        for (int i = content.size() - 1; i >= 0; i--) {
            if (content.get(i) instanceof Text text) {
                int at = text.html().lastIndexOf(HINT);
                if (at >= 0) {
                    List<Part> answer = new ArrayList<>(content.subList(0, i));
                    answer.add(new Text(text.html().substring(0, at)));
                    StringBuilder hint = new StringBuilder(text.html().substring(at + HINT.length()));
                    for (Part after : content.subList(i + 1, content.size())) {
                        render(List.of(after), 0, Side.ANSWER, hint);
                    }
                    return new Split(answer, hint.toString());
                }
            }
        }
        return new Split(content, null);
    }

    private static final class Parser {
        private final String html;
        private int at;

        Parser(String html) {
            this.html = html;
        }

        List<Part> parts() {
            List<Part> result = new ArrayList<>();
            while (at < html.length()) {
                result.add(next(false));
            }
            return merge(result);
        }

        /** The next text run or deletion; inside a deletion, text stops at the closing braces. */
        private Part next(boolean inside) {
            Matcher open = OPEN.matcher(html);
            int nextOpen = open.find(at) ? open.start() : -1;
            int nextClose = inside ? html.indexOf(CLOSE, at) : -1;
            if (nextOpen == at) {
                return deletion(open);
            }
            int end = html.length();
            if (nextOpen >= 0) {
                end = nextOpen;
            }
            if (nextClose >= 0 && nextClose < end) {
                end = nextClose;
            }
            String text = html.substring(at, end);
            at = end;
            return new Text(text);
        }

        private Part deletion(Matcher open) {
            int start = at;
            Set<Integer> ordinals = new TreeSet<>();
            for (String number : open.group(1).split(",")) {
                ordinals.add(Integer.parseInt(number.trim()));
            }
            at = open.end();
            List<Part> content = new ArrayList<>();
            while (at < html.length() && !html.startsWith(CLOSE, at)) {
                content.add(next(true));
            }
            if (at >= html.length()) {
                // no closing braces: Anki leaves the marker as it was typed
                at = open.end();
                return new Text(html.substring(start, at));
            }
            at += CLOSE.length();
            ordinals.removeIf(n -> n < 1);
            if (ordinals.isEmpty()) {
                return new Text(html.substring(start, at));
            }
            return new Deletion(ordinals, merge(content));
        }

        private static List<Part> merge(List<Part> parts) {
            List<Part> merged = new ArrayList<>();
            for (Part part : parts) {
                if (part instanceof Text text && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Text last) {
                    merged.set(merged.size() - 1, new Text(last.html() + text.html()));
                } else {
                    merged.add(part);
                }
            }
            return merged;
        }
    }
}
