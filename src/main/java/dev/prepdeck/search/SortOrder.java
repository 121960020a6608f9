package dev.prepdeck.search;

/** Which way a sorted column runs; cards without a value (a new card's due date) come last either way. */
public enum SortOrder {
    ASCENDING("ASC"), DESCENDING("DESC");

    private final String sql;

    SortOrder(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
