package dev.prepdeck.practice;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A key point analysed once: its terms, each term's part weight, surfaces to show, head terms, relation sides, the
 * capitalised names it uses, and its facets (the labelled parts inside it: "Continuous delivery: … Continuous
 * deployment: …").
 */
record AnalysedPoint(String text, List<Term> terms, Map<String, Double> part, Map<String, String> surface,
                     Set<String> head, PointShape.Kind kind, List<Relations.Side> sides, Set<String> names,
                     List<Facet> facets) {
    AnalysedPoint withoutHead() {
        return new AnalysedPoint(text, terms, part, surface, Set.of(), PointShape.Kind.PLAIN, sides, names, facets);
    }

    /** A labelled part inside a point: the label's terms and the terms of what follows it. */
    record Facet(String label, Set<String> anchor, Set<String> words) {
    }
}
