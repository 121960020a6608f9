package dev.prepdeck.practice;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How rare each term is across the key points of a collection's cards: a term found in many points ("model", "git",
 * 表) says little about which point an answer covers, one found in a few ("canary", 暂存区) says a lot. A term the
 * collection never uses counts as rarest.
 */
public final class TermRarity {
    private final Map<String, Integer> pointsWithTerm;
    private final int points;

    TermRarity(Map<String, Integer> pointsWithTerm, int points) {
        this.pointsWithTerm = Map.copyOf(pointsWithTerm);
        this.points = points;
    }

    /** Rarity over these key points, each a set of term keys. */
    static TermRarity of(Collection<Set<String>> pointKeys) {
        Map<String, Integer> counts = new HashMap<>();
        pointKeys.forEach(keys -> keys.forEach(k -> counts.merge(k, 1, Integer::sum)));
        return new TermRarity(counts, pointKeys.size());
    }

    /** Rarity over the key points of these model answers (Markdown, as cards hold them). */
    public static TermRarity ofAnswers(TermAnalyzer analyzer, Collection<String> answers) {
        return of(answers.stream().flatMap(a -> pointKeys(analyzer, a).stream()).toList());
    }

    /** The term keys of each key point of a model answer: what a card adds to the counts. */
    static List<Set<String>> pointKeys(TermAnalyzer analyzer, String answer) {
        return KeyPoints.of(answer).stream().map(point -> {
            Set<String> keys = new HashSet<>();
            analyzer.terms(point).forEach(t -> keys.add(t.key()));
            return keys;
        }).toList();
    }

    /** 1 for a term no point uses, falling towards 0 as more points use it (a smoothed, scaled IDF). */
    public double of(String key) {
        if (points == 0) {
            return 1;
        }
        int with = pointsWithTerm.getOrDefault(key, 0);
        return Math.log(1 + points / (1.0 + with)) / Math.log(1 + points);
    }
}
