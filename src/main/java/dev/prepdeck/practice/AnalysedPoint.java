package dev.prepdeck.practice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A key point analysed once: its terms, each term's part weight, surfaces to show, head terms, relation sides, the
 * capitalised names it uses, its facets (the labelled parts inside it: "Continuous delivery: … Continuous
 * deployment: …"), the concepts its compound terms are made of that it does not say on their own ({@code parts}:
 * "提交历史" holds a history), and what an answer must say to name it ({@code call}: its head, less the words every sibling
 * head shares, so "reset" names "git reset <提交>" beside "git revert <提交>").
 */
record AnalysedPoint(String text, List<Term> terms, Map<String, Double> part, Map<String, String> surface,
                     Set<String> head, PointShape.Kind kind, List<Relations.Side> sides, Set<String> names,
                     List<Facet> facets, Set<String> call, Set<String> parts) {
    AnalysedPoint withoutHead() {
        return new AnalysedPoint(text, terms, part, surface, Set.of(), PointShape.Kind.PLAIN, sides, names, facets,
                Set.of(), parts);
    }

    /**
     * For each word of a card's points, how many of its points have it: a word only one point has is that point's
     * own, and a word many share weighs less in each.
     */
    static Map<String, Integer> pointsWithEachWord(List<AnalysedPoint> model) {
        Map<String, Integer> pointsWith = new HashMap<>();
        model.forEach(p -> p.part().keySet().forEach(k -> pointsWith.merge(k, 1, Integer::sum)));
        return pointsWith;
    }

    /** The same point called by these words of its head: the ones its siblings' heads do not share. */
    AnalysedPoint calledBy(Set<String> words) {
        return new AnalysedPoint(text, terms, part, surface, head, kind, sides, names, facets, words, parts);
    }

    /** A labelled part inside a point: the label's terms and the terms of what follows it. */
    record Facet(String label, Set<String> anchor, Set<String> words) {
    }
}
