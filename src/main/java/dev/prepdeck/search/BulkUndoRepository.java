package dev.prepdeck.search;

import dev.prepdeck.db.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The SQL that keeps a learner's last bulk edit undoable: before the edit, the selected cards' rows (in
 * {@code bulk_card}) are copied into the {@code bulk_undo_*} tables; undo writes them back. Column lists are read
 * from the copy tables themselves, which have every column of the tables they copy (BulkUndoTest), so a row
 * comes back whole.
 */
final class BulkUndoRepository {

    /** A learner's undoable edit: its action name, how many cards it changed, and when. */
    record LastEdit(String action, int cards, long doneAt, Long lastReviewId) {
    }

    /** The tables an edit's rows are copied from, and the copy each goes to. */
    enum Copy {
        CARD("card", "bulk_undo_card", "id"),
        STATE("card_state", "bulk_undo_state", "card_id"),
        REVIEW("review_log", "bulk_undo_review", "card_id"),
        ATTEMPT("practice_attempt", "bulk_undo_attempt", "card_id"),
        RECORDING("practice_recording", "bulk_undo_recording", "card_id");

        final String table;
        final String copy;
        final String cardColumn;

        Copy(String table, String copy, String cardColumn) {
            this.table = table;
            this.copy = copy;
            this.cardColumn = cardColumn;
        }
    }

    /** Forgets a learner's earlier edit and records this one, whose rows {@link #copy} then keeps. */
    void start(Handle h, long learnerId, String action, long now) {
        forget(h, learnerId);
        h.createUpdate("""
                        INSERT INTO bulk_undo (learner_id, action, cards, done_at, last_review_id)
                        VALUES (:learner, :action, 0, :now, (SELECT MAX(id) FROM review_log))""")
                .bind("learner", learnerId).bind("action", action).bind("now", now).execute();
    }

    void changed(Handle h, long learnerId, int cards) {
        h.createUpdate("UPDATE bulk_undo SET cards = :cards WHERE learner_id = :learner")
                .bind("learner", learnerId).bind("cards", cards).execute();
    }

    Optional<LastEdit> last(Handle h, long learnerId) {
        return h.createQuery("SELECT action, cards, done_at, last_review_id FROM bulk_undo WHERE learner_id = :learner")
                .bind("learner", learnerId).mapTo(LastEdit.class).findOne();
    }

    void forget(Handle h, long learnerId) {
        h.createUpdate("DELETE FROM bulk_undo WHERE learner_id = :learner").bind("learner", learnerId).execute();
        for (Copy copy : Copy.values()) {
            h.createUpdate("DELETE FROM " + copy.copy + " WHERE undo_learner = :learner")
                    .bind("learner", learnerId).execute();
        }
    }

    /**
     * Copies the selected cards' rows of {@code copy.table}: of every learner when {@code everyLearner} (a delete
     * takes them all), else the learner's own.
     */
    void copy(Handle h, long learnerId, Copy copy, boolean everyLearner) {
        String columns = String.join(", ", columns(h, copy));
        String ownOnly = copy == Copy.CARD || everyLearner ? "" : " AND learner_id = :learner";
        h.createUpdate("INSERT INTO " + copy.copy + " (undo_learner, " + columns + ") SELECT :learner, " + columns
                        + " FROM " + copy.table + " WHERE " + copy.cardColumn + " IN (SELECT id FROM bulk_card)"
                        + ownOnly)
                .bind("learner", learnerId).execute();
    }

    /**
     * Puts back {@code columns} of the learner's states as copied, on cards where they differ now.
     * With {@code unlessRatedAfter} (a review id, 0 when there was none), a card rated after the edit keeps what the
     * rating made of it.
     *
     * @return how many cards changed back
     */
    int restoreStates(Handle h, long learnerId, List<String> columns, Long unlessRatedAfter) {
        String notReviewed = unlessRatedAfter == null ? "" : """
                 AND NOT EXISTS (SELECT 1 FROM review_log r %s
                                 WHERE r.card_id = u.card_id AND r.learner_id = u.learner_id AND r.id > :since)"""
                .formatted(Dialect.of(h).pick("INDEXED BY review_log_card", ""));
        return h.createUpdate("UPDATE card_state SET " + assignments(columns)
                        + " FROM bulk_undo_state u WHERE u.undo_learner = :learner AND card_state.card_id = u.card_id"
                        + " AND card_state.learner_id = u.learner_id AND (" + differences(h, "card_state", columns) + ")"
                        + notReviewed)
                .bind("learner", learnerId).bind("since", unlessRatedAfter).execute();
    }

    /** Puts back {@code columns} of the cards as copied, where they differ now; returns how many changed back. */
    int restoreCards(Handle h, long learnerId, List<String> columns) {
        return h.createUpdate("UPDATE card SET " + assignments(columns)
                        + " FROM bulk_undo_card u WHERE u.undo_learner = :learner AND card.id = u.id AND ("
                        + differences(h, "card", columns) + ")")
                .bind("learner", learnerId).execute();
    }

    /**
     * Inserts deleted cards again with their states, reviews, practice attempts and recordings (the triggers index
     * them for search and count their reviews in the statistics again). A review or attempt whose id was taken since
     * gets a new one, and an attempt follows its review, a recording its attempt. A recording keeps its id: ids of
     * recordings are never given out again.
     *
     * @return how many cards came back
     */
    int reinsert(Handle h, long learnerId) {
        int cards = insertCopies(h, learnerId, Copy.CARD, Map.of());
        insertCopies(h, learnerId, Copy.STATE, Map.of());
        String reviewId = newIds(h, learnerId, Copy.REVIEW);
        insertCopies(h, learnerId, Copy.REVIEW, Map.of("id", reviewId.formatted("u.id")));
        String attemptId = newIds(h, learnerId, Copy.ATTEMPT);
        insertCopies(h, learnerId, Copy.ATTEMPT, Map.of("id", attemptId.formatted("u.id"),
                "review_id", "COALESCE(" + reviewId.formatted("u.review_id") + ", u.review_id)"));
        insertCopies(h, learnerId, Copy.RECORDING, Map.of("attempt_id", attemptId.formatted("u.attempt_id")));
        return cards;
    }

    /**
     * Works out the id each copied row of {@code copy} takes back (its own when free) into a temporary table, and
     * returns the expression that looks one up, with {@code %s} for the old id.
     */
    private static String newIds(Handle h, long learnerId, Copy copy) {
        String ids = "undo_" + copy.table + "_id";
        h.execute(Dialect.of(h).pick("CREATE TEMP TABLE IF NOT EXISTS " + ids
                        + " (old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL)",
                "CREATE TEMP TABLE IF NOT EXISTS " + ids + " (old_id BIGINT PRIMARY KEY, new_id BIGINT NOT NULL)"));
        h.execute("DELETE FROM " + ids);
        h.createUpdate("INSERT INTO " + ids + " (old_id, new_id) SELECT u.id, " + freeId(h, copy)
                        + " FROM " + copy.copy + " u WHERE u.undo_learner = :learner")
                .bind("learner", learnerId).execute();
        return "(SELECT new_id FROM " + ids + " WHERE old_id = %s)";
    }

    /**
     * The copied row's own id when it is free, else a new one. On SQLite that is one above every id in the table and
     * in the copies (so it cannot meet a copied id put back as it was); on PostgreSQL the table's own id sequence
     * gives it, as it gives ids to rows other app instances insert meanwhile, and is past every id in use.
     */
    private static String freeId(Handle h, Copy copy) {
        String taken = "CASE WHEN EXISTS (SELECT 1 FROM " + copy.table + " t WHERE t.id = u.id) THEN ";
        return taken + Dialect.of(h).pick(
                "(SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM " + copy.table + " UNION ALL SELECT MAX(id) FROM "
                        + copy.copy + " WHERE undo_learner = :learner)) + row_number() OVER (ORDER BY u.id)",
                "nextval(pg_get_serial_sequence('" + copy.table + "', 'id'))") + " ELSE u.id END";
    }

    /**
     * Inserts the learner's copies of {@code copy} back into its table, with some columns worked out by
     * {@code expressions} instead of copied.
     */
    private int insertCopies(Handle h, long learnerId, Copy copy, Map<String, String> expressions) {
        List<String> columns = columns(h, copy);
        String values = columns.stream().map(c -> expressions.getOrDefault(c, "u." + c))
                .collect(Collectors.joining(", "));
        // Ascending ids, so reviews keep their order where they take new ids.
        return h.createUpdate("INSERT INTO " + copy.table + " (" + String.join(", ", columns) + ") SELECT " + values
                        + " FROM " + copy.copy + " u WHERE u.undo_learner = :learner ORDER BY u."
                        + (columns.contains("id") ? "id" : "card_id"))
                .bind("learner", learnerId).execute();
    }

    /** The copied columns of a table, as its copy table names them (all but the owner). */
    List<String> columns(Handle h, Copy copy) {
        return h.createQuery(Dialect.of(h).pick(
                        "SELECT name FROM pragma_table_info(:copy) WHERE name <> 'undo_learner' ORDER BY cid",
                        """
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :copy AND column_name <> 'undo_learner'
                        ORDER BY ordinal_position"""))
                .bind("copy", copy.copy).mapTo(String.class).list();
    }

    private static String assignments(List<String> columns) {
        return columns.stream().map(c -> c + " = u." + c).collect(Collectors.joining(", "));
    }

    /** Whether a column differs from its copy, NULL equal to NULL: SQLite's IS NOT, PostgreSQL's IS DISTINCT FROM. */
    private static String differences(Handle h, String table, List<String> columns) {
        String differs = Dialect.of(h).pick(" IS NOT ", " IS DISTINCT FROM ");
        return columns.stream().map(c -> table + "." + c + differs + "u." + c).collect(Collectors.joining(" OR "));
    }
}
