package dev.prepdeck.practice;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A clause of the answer: its sentence, span, terms, relation sides, and the concepts its compound terms are made of
 * ({@code parts}: "提交历史" says a history), which count towards a point's detail.
 */
record AnswerClause(int sentence, int start, int end, List<Term> terms, List<Relations.Side> sides, Set<String> parts) {
    Set<String> keys() {
        Set<String> keys = new HashSet<>();
        terms.forEach(t -> keys.add(t.key()));
        return keys;
    }

    /** Whether the clause opens with one of these keys: what it is about, not a passing mention. */
    boolean opensWith(Set<String> head) {
        return !terms.isEmpty() && head.contains(terms.get(0).key());
    }
}
