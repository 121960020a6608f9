package dev.prepdeck.search;

import dev.prepdeck.db.TextFold;
import dev.prepdeck.search.SearchNode.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a search matched in a card's question or answer, the way the search matched it (folded: any case,
 * no accents; wildcards; Chinese substrings; {@code re:} on the text as written), and marks it in HTML-escaped
 * text. Terms under a {@code -} are not marked: they matched nothing in the cards found.
 */
public final class Highlighter {
    private final List<SearchNode.Text> texts = new ArrayList<>();
    private final List<SearchNode.Regex> regexes = new ArrayList<>();

    public Highlighter(SearchNode search) {
        collect(search, false);
    }

    /** A range of chars in the original text, {@code [start, end)}. */
    public record TextRange(int start, int end) {
    }

    /** The matched ranges of {@code text} (a card's question or answer), sorted, overlapping ones merged. */
    public List<TextRange> ranges(String text, TextField field) {
        List<TextRange> found = new ArrayList<>();
        TextFold.Folded folded = null;
        for (SearchNode.Text term : texts) {
            if (term.field() == TextField.ANY || term.field() == field) {
                if (folded == null) {
                    folded = TextFold.foldWithOffsets(text);
                }
                findText(term.text(), folded, found);
            }
        }
        for (SearchNode.Regex term : regexes) {
            if (term.field() == TextField.ANY || term.field() == field) {
                findRegex(term.pattern(), text, found);
            }
        }
        return merged(found);
    }

    /** The whole text HTML-escaped, each match in {@code <mark>}. */
    public String html(String text, TextField field) {
        return marked(text, 0, text.length(), ranges(text, field));
    }

    /**
     * About {@code maxChars} of the text around its first match (its beginning when nothing matched), HTML-escaped
     * with the matches marked and "…" where text was cut off.
     */
    public String snippet(String text, TextField field, int maxChars) {
        if (text.length() <= maxChars) {
            return html(text, field);
        }
        List<TextRange> ranges = ranges(text, field);
        int first = ranges.isEmpty() ? 0 : ranges.get(0).start();
        int start = Math.max(0, Math.min(first - maxChars / 4, text.length() - maxChars));
        int end = Math.min(text.length(), start + maxChars);
        start = avoidSplitPair(text, start);
        end = avoidSplitPair(text, end);
        return (start > 0 ? "…" : "") + marked(text, start, end, ranges) + (end < text.length() ? "…" : "");
    }

    private void collect(SearchNode node, boolean negated) {
        if (node instanceof SearchNode.Text text && !negated) {
            texts.add(text);
        } else if (node instanceof SearchNode.Regex regex && !negated) {
            regexes.add(regex);
        } else if (node instanceof SearchNode.Not not) {
            collect(not.term(), !negated);
        } else if (node instanceof SearchNode.And and) {
            and.terms().forEach(t -> collect(t, negated));
        } else if (node instanceof SearchNode.Or or) {
            or.terms().forEach(t -> collect(t, negated));
        }
    }

    private static void findText(Glob glob, TextFold.Folded folded, List<TextRange> found) {
        String haystack = folded.text();
        if (!glob.hasWildcards()) {
            String needle = TextFold.fold(glob.literals().get(0));
            if (needle.isEmpty()) {
                return;
            }
            for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
                found.add(original(folded, at, at + needle.length()));
            }
            return;
        }
        Matcher m = wildcardPattern(glob).matcher(haystack);
        while (m.find()) {
            if (m.end() > m.start()) {
                found.add(original(folded, m.start(), m.end()));
            }
        }
    }

    /** The glob over folded text as a regular expression; {@code *} is lazy, so each match is as short as it can be. */
    private static Pattern wildcardPattern(Glob glob) {
        StringBuilder regex = new StringBuilder();
        for (Glob.Part part : glob.parts()) {
            if (part instanceof Glob.Literal literal) {
                regex.append(Pattern.quote(TextFold.fold(literal.text())));
            } else {
                regex.append(part instanceof Glob.AnyRun ? ".*?" : ".");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static TextRange original(TextFold.Folded folded, int start, int end) {
        return new TextRange(folded.from()[start], folded.to()[end - 1]);
    }

    /** Matches of a {@code re:} pattern; one that needs too much work on this text marks nothing rather than hang. */
    private static void findRegex(String pattern, String text, List<TextRange> found) {
        List<TextRange> matches = new ArrayList<>();
        try {
            Matcher m = RegexMatch.compile(pattern).matcher(BoundedText.of(text, BoundedText.allowanceFor(text.length())));
            while (m.find()) {
                if (m.end() > m.start()) {
                    matches.add(new TextRange(m.start(), m.end()));
                }
            }
        } catch (BoundedText.Exhausted e) {
            return;
        }
        found.addAll(matches);
    }

    private static List<TextRange> merged(List<TextRange> ranges) {
        List<TextRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(TextRange::start).thenComparingInt(TextRange::end));
        List<TextRange> merged = new ArrayList<>();
        for (TextRange r : sorted) {
            TextRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.start() <= last.end()) {
                merged.set(merged.size() - 1, new TextRange(last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private static String marked(String text, int start, int end, List<TextRange> ranges) {
        StringBuilder html = new StringBuilder();
        int at = start;
        for (TextRange r : ranges) {
            int from = Math.max(r.start(), start);
            int to = Math.min(r.end(), end);
            if (from >= to) {
                continue;
            }
            escape(text, at, from, html);
            html.append("<mark>");
            escape(text, from, to, html);
            html.append("</mark>");
            at = to;
        }
        escape(text, at, end, html);
        return html.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder html) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }

    private static int avoidSplitPair(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
