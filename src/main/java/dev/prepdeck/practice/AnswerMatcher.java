package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a typed answer against key points. A point is covered when the answer uses at least
 * {@link #termsNeeded} of the point's distinct content terms: the square root of their number, rounded, and never
 * more than four (1 of 1–2, 2 of 3–6, 3 of 7–12, 4 of 13 or more). A long written point is a core of a few terms
 * plus detail that a spoken answer rightly drops, so a fixed share would fail good paraphrases, and four terms of a
 * point are on it however long it is; yet two or more shared terms are needed from any point of three or more,
 * so one common word ("model", "data") shared by an off-topic answer covers nothing.
 */
public final class AnswerMatcher {
    static final int MOST_TERMS_NEEDED = 4;

    private final TermAnalyzer analyzer;

    public AnswerMatcher(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public TermAnalyzer analyzer() {
        return analyzer;
    }

    /** Each point with the answer's terms it shares; points without any content term are left out. */
    public AnswerCheck check(List<String> points, String answer) {
        Set<String> answerKeys = keys(analyzer.terms(answer));
        List<PointResult> results = new ArrayList<>();
        for (String point : points) {
            Map<String, String> surfaceByKey = new LinkedHashMap<>();
            for (Term t : analyzer.terms(point)) {
                surfaceByKey.putIfAbsent(t.key(), point.substring(t.start(), t.end()));
            }
            if (surfaceByKey.isEmpty()) {
                continue;
            }
            List<String> matched = new ArrayList<>();
            Set<String> matchedKeys = new LinkedHashSet<>();
            surfaceByKey.forEach((key, surface) -> {
                if (answerKeys.contains(key)) {
                    matched.add(surface);
                    matchedKeys.add(key);
                }
            });
            boolean covered = matched.size() >= termsNeeded(surfaceByKey.size());
            results.add(new PointResult(point, covered, matched, matchedKeys));
        }
        return new AnswerCheck(results);
    }

    static int termsNeeded(int pointTerms) {
        return Math.max(1, Math.min(MOST_TERMS_NEEDED, (int) Math.round(Math.sqrt(pointTerms))));
    }

    static Set<String> keys(List<Term> terms) {
        Set<String> keys = new LinkedHashSet<>();
        for (Term t : terms) {
            keys.add(t.key());
        }
        return keys;
    }

    /** A key point, whether the answer covers it, and the point's words the answer used. */
    public record PointResult(String text, boolean covered, List<String> matched, Set<String> matchedKeys) {
        PointResult withCovered(boolean value) {
            return new PointResult(text, value, matched, matchedKeys);
        }
    }

    /** The points checked; coverage is covered points over all points (0 when there are none). */
    public record AnswerCheck(List<PointResult> points) {
        public double coverage() {
            if (points.isEmpty()) {
                return 0;
            }
            return points.stream().filter(PointResult::covered).count() / (double) points.size();
        }

        /** The same points with the user's own ticks: exactly the points at these indexes are covered. */
        public AnswerCheck withTicks(Set<Integer> ticked) {
            List<PointResult> ticks = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                ticks.add(points.get(i).withCovered(ticked.contains(i)));
            }
            return new AnswerCheck(ticks);
        }

        /** Every term key matched by some point: what to highlight in the typed answer. */
        public Set<String> matchedKeys() {
            Set<String> keys = new LinkedHashSet<>();
            points.forEach(p -> keys.addAll(p.matchedKeys()));
            return keys;
        }
    }
}
