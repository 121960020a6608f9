package dev.prepdeck.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param search   the query as parsed; its {@code toString()} is the normalised query text
 * @param rows     the cards on this page, in order
 * @param total    how many cards match in all
 * @param page     this page's number, from 1
 * @param pageSize cards per page
 */
public record SearchResult(SearchNode search, List<SearchRow> rows, int total, int page, int pageSize,
                           SortColumn sort, SortOrder order) {

    public SearchResult {
        rows = List.copyOf(rows);
    }

    public int pageCount() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** Marks what this search matched in a card's question or answer. */
    public Highlighter highlighter() {
        return new Highlighter(search);
    }
}
