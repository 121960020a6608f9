package dev.prepdeck.check;

import java.util.List;

/**
 * What a check found: SQLite's integrity problems (which only a backup can mend, so nothing else is looked at or
 * repaired when there are any), then each kind of inconsistency with how many rows it concerns.
 *
 * @param repaired whether the findings were repaired (in one transaction) or only reported
 */
public record CheckReport(List<String> integrityProblems, List<Finding> findings, boolean repaired) {
    public record Finding(Problem problem, int count) {
    }

    /** Nothing wrong at all. */
    public boolean clean() {
        return integrityProblems.isEmpty() && findings.isEmpty();
    }

    public int count(Problem problem) {
        return findings.stream().filter(f -> f.problem() == problem).mapToInt(Finding::count).sum();
    }
}
