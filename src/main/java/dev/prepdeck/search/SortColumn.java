package dev.prepdeck.search;

import java.util.Arrays;
import java.util.Optional;

/** The columns results can be sorted by, with the name a URL uses ({@code sort=due}). */
public enum SortColumn {
    QUESTION("question", "c.question", true),
    DECK("deck", "(SELECT name FROM deck WHERE id = c.deck_id)", true),
    TAGS("tags", "c.tags", true),
    STATE("state", "s.state", false),
    DUE("due", "CASE WHEN s.state = :new THEN NULL ELSE s.due END", false),
    INTERVAL("interval", "CASE WHEN s.state = :new THEN NULL ELSE s.scheduled_days END", false),
    STABILITY("stability", "CASE WHEN s.state = :new THEN NULL ELSE s.stability END", false),
    DIFFICULTY("difficulty", "CASE WHEN s.state = :new THEN NULL ELSE s.difficulty END", false),
    RETRIEVABILITY("retrievability", null, false),
    REVIEWS("reviews", "s.reps", false),
    LAPSES("lapses", "s.lapses", false),
    ADDED("added", "c.created_at", true),
    EDITED("edited", "c.updated_at", true),
    LAST_REVIEW("last-review", "s.last_review", false);

    private final String key;
    private final String sql;
    private final boolean readsCard;

    SortColumn(String key, String sql, boolean readsCard) {
        this.key = key;
        this.sql = sql;
        this.readsCard = readsCard;
    }

    /** The column's name in URLs and the API. */
    public String key() {
        return key;
    }

    public static Optional<SortColumn> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** The SQL sort key over c and s; retrievability's depends on the search's forgetting curves. */
    String sql(CompiledSearch search) {
        return this == RETRIEVABILITY ? "CASE WHEN s.state = :new THEN NULL ELSE " + search.recall() + " END" : sql;
    }

    /** Whether some cards have no value (new cards have no due date); they sort last either way. */
    boolean nullable() {
        return switch (this) {
            case DUE, INTERVAL, STABILITY, DIFFICULTY, RETRIEVABILITY, LAST_REVIEW -> true;
            default -> false;
        };
    }

    /** Whether the sort key needs the card's own row. */
    boolean readsCard() {
        return readsCard;
    }
}
