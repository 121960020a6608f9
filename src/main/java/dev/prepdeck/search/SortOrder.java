package dev.prepdeck.search;

import java.util.Arrays;
import java.util.Optional;

/** Which way a sorted column runs; cards without a value (a new card's due date) come last either way. */
public enum SortOrder {
    ASCENDING("asc", "ASC"), DESCENDING("desc", "DESC");

    private final String key;
    private final String sql;

    SortOrder(String key, String sql) {
        this.key = key;
        this.sql = sql;
    }

    /** The order's name in URLs and the API: asc or desc. */
    public String key() {
        return key;
    }

    public static Optional<SortOrder> fromKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }

    String sql() {
        return sql;
    }
}
