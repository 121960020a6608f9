package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs of opposite claims (before/after, 可以/不能, read-only/writable…) read from practice/relations.txt, found
 * in text as "sides": which pair, which side, and where.
 */
final class Relations {
    private static final String IGNORE = "ignore:";

    private final Pattern pattern;
    private final List<Side> sideOfAlternative;

    /** One occurrence of a side of a pair in a text. */
    record Side(int pair, boolean right, String surface, int start, int end) {
        boolean opposes(Side other) {
            return pair == other.pair && right != other.right;
        }
    }

    private Relations(Pattern pattern, List<Side> sideOfAlternative) {
        this.pattern = pattern;
        this.sideOfAlternative = sideOfAlternative;
    }

    static Relations shipped() {
        return of(TermAnalyzer.lines("/practice/relations.txt"));
    }

    static Relations of(List<TermAnalyzer.Line> lines) {
        record Alternative(String text, Side side) {
        }
        List<Alternative> alternatives = new ArrayList<>();
        int pair = 0;
        for (TermAnalyzer.Line line : lines) {
            if (line.text().startsWith(IGNORE)) {
                for (String a : line.text().substring(IGNORE.length()).split(",")) {
                    alternatives.add(new Alternative(a.strip(), null));
                }
                continue;
            }
            String[] sides = line.text().split("\\|");
            if (sides.length != 2) {
                throw new IllegalStateException("relations.txt:" + line.number() + ": expected 'left side | right side'");
            }
            for (int s = 0; s < 2; s++) {
                for (String a : sides[s].split(",")) {
                    if (!a.isBlank()) {
                        alternatives.add(new Alternative(a.strip(), new Side(pair, s == 1, a.strip(), 0, 0)));
                    }
                }
            }
            pair++;
        }
        // Longest first, so that at any position the longest alternative wins (不能 before 能).
        alternatives.sort(Comparator.comparingInt((Alternative a) -> a.text().length()).reversed());
        StringBuilder regex = new StringBuilder();
        List<Side> sides = new ArrayList<>();
        for (Alternative a : alternatives) {
            boolean latin = a.text().matches("[\\p{IsLatin}'’ -]+");
            regex.append(regex.length() == 0 ? "" : "|").append('(')
                    .append(latin ? "\\b" + Pattern.quote(a.text()) + "\\b" : Pattern.quote(a.text())).append(')');
            sides.add(a.side());
        }
        return new Relations(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), sides);
    }

    /** The sides found in a text, in order. */
    List<Side> find(String text) {
        List<Side> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    Side side = sideOfAlternative.get(g - 1);
                    if (side != null) {
                        found.add(new Side(side.pair(), side.right(), m.group(g), m.start(), m.end()));
                    }
                    break;
                }
            }
        }
        return found;
    }
}
