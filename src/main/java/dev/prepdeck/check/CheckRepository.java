package dev.prepdeck.check;

import dev.prepdeck.db.Dialect;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The check's SQL: finding rows that disagree with each other, and putting them right; on the caller's handle. On
 * PostgreSQL, which enforces every reference itself and searches {@code card_text} without separate full-text
 * tables, the same findings need fewer tables.
 */
final class CheckRepository {
    /** What the card_text_add trigger writes for a card, on each database. */
    private static final List<String> POSTGRESQL_INDEXING = List.of("""
            INSERT INTO card_text (card_id, question, answer)
            SELECT id, search_fold(question), search_fold(answer) FROM card WHERE id = :id""", """
            INSERT INTO card_tag (card_id, tag)
            SELECT c.id, t.tag FROM card c CROSS JOIN LATERAL search_tags(c.tags) AS t (tag) WHERE c.id = :id""");

    private static final List<String> SQLITE_INDEXING = List.of("""
            INSERT INTO card_text (card_id, question, answer)
            SELECT id, search_fold(question), search_fold(answer) FROM card WHERE id = :id""", """
            INSERT INTO card_text_index (rowid, question, answer)
            SELECT card_id, question, answer FROM card_text WHERE card_id = :id""", """
            INSERT INTO card_text_cjk (rowid, question, answer)
            SELECT card_id, search_cjk(question), search_cjk(answer) FROM card_text WHERE card_id = :id""", """
            INSERT INTO card_tag (card_id, tag)
            SELECT c.id, t.value FROM card c, json_each(search_tags(c.tags)) t WHERE c.id = :id""");

    /**
     * The statistics roll-up as the review log gives it, per deck and under deck 0 for every deck together, in
     * review_hour's column order: what its triggers (V4, V24) keep. Reviews of cards that are gone count nowhere.
     */
    private static final String ROLL_UP_FROM_LOG = """
            SELECT r.learner_id, %s AS deck_id, r.reviewed_at / 3600000 AS hour, COUNT(*) AS reviews,
                   SUM(CASE WHEN r.state_before IN (0, 1) THEN 1 ELSE 0 END) AS learning,
                   SUM(CASE WHEN r.state_before = 2 THEN 1 ELSE 0 END) AS review,
                   SUM(CASE WHEN r.state_before = 3 THEN 1 ELSE 0 END) AS relearning,
                   SUM(CASE WHEN r.state_before = 2 AND r.scheduled_days_before < 21 THEN 1 ELSE 0 END) AS young,
                   SUM(CASE WHEN r.state_before = 2 AND r.scheduled_days_before < 21 AND r.rating >= 2
                            THEN 1 ELSE 0 END) AS young_passed,
                   SUM(CASE WHEN r.state_before = 2 AND r.scheduled_days_before >= 21 THEN 1 ELSE 0 END) AS mature,
                   SUM(CASE WHEN r.state_before = 2 AND r.scheduled_days_before >= 21 AND r.rating >= 2
                            THEN 1 ELSE 0 END) AS mature_passed,
                   SUM(r.duration_ms) AS duration_ms,
                   SUM(CASE WHEN r.state_before = 0 THEN 1 ELSE 0 END) AS new_cards
            FROM review_log r JOIN card c ON c.id = r.card_id
            GROUP BY r.learner_id, %s r.reviewed_at / 3600000""";
    private static final String ROLL_UP_COLUMNS = """
            learner_id, deck_id, hour, reviews, learning, review, relearning, young, young_passed, mature,
            mature_passed, duration_ms, new_cards""";

    private static String rollUpFromLog() {
        // deck 0 is a constant in the select list: SQLite would read a constant GROUP BY term as a column number
        return ROLL_UP_FROM_LOG.formatted("c.deck_id", "c.deck_id,") + "\nUNION ALL\n" + ROLL_UP_FROM_LOG.formatted("0", "");
    }

    /**
     * Hours of the roll-up (learner, deck, hour) that differ from what the review log gives: statistics and the daily
     * limits read it. Rows a card's move left at zero are no difference.
     */
    int staleRollUpHours(Handle h) {
        // each named once and read twice, so both databases count the log once
        return h.createQuery("WITH stored AS (SELECT " + ROLL_UP_COLUMNS + " FROM review_hour WHERE reviews <> 0 "
                        + "OR learning <> 0 OR review <> 0 OR relearning <> 0 OR duration_ms <> 0 OR new_cards <> 0), "
                        + "logged AS (SELECT " + ROLL_UP_COLUMNS + " FROM (" + rollUpFromLog() + ") AS from_log) "
                        + "SELECT COUNT(*) FROM (SELECT learner_id, deck_id, hour FROM (SELECT * FROM stored EXCEPT "
                        + "SELECT * FROM logged) AS extra UNION SELECT learner_id, deck_id, hour FROM (SELECT * FROM "
                        + "logged EXCEPT SELECT * FROM stored) AS missing) AS differing")
                .mapTo(Integer.class).one();
    }

    /** Counts the roll-up again from the review log. */
    void recountRollUp(Handle h) {
        h.execute("DELETE FROM review_hour");
        h.execute("INSERT INTO review_hour (" + ROLL_UP_COLUMNS + ") " + rollUpFromLog());
    }

    /** A row {@code PRAGMA foreign_key_check} names: its table and rowid (null in a table without rowids). */
    record BrokenReference(String table, Long rowid) {
    }

    /** What the card's scheduling state says and what its latest review left it as. */
    record StoredState(long cardId, long deckId, int state, double stability, double difficulty, int reps,
                       int scheduledDays, Long lastReview, long due, Integer stateAfter, Double stabilityAfter,
                       Double difficultyAfter, Integer scheduledDaysAfter, Long dueAfter, Long reviewedAt) {
    }

    record CardLearner(long cardId, long learnerId) {
    }

    /** Rows referring to rows that are gone: SQLite's foreign_key_check; PostgreSQL refuses such rows outright. */
    List<BrokenReference> brokenReferences(Handle h) {
        if (Dialect.of(h) == Dialect.POSTGRESQL) {
            return List.of();
        }
        return h.createQuery("PRAGMA foreign_key_check")
                .map((rs, ctx) -> new BrokenReference(rs.getString("table"),
                        rs.getObject("rowid") == null ? null : rs.getLong("rowid")))
                .list();
    }

    /** Deletes the row at {@code rowid} of {@code table}, a table name SQLite itself reported. */
    void deleteRow(Handle h, String table, long rowid) {
        h.createUpdate("DELETE FROM \"" + table.replace("\"", "\"\"") + "\" WHERE rowid = :rowid")
                .bind("rowid", rowid).execute();
    }

    /** Every learner: the local one, and one per account. */
    List<Long> learnerIds(Handle h) {
        return h.createQuery("SELECT id FROM learner ORDER BY id").mapTo(Long.class).list();
    }

    List<CardLearner> missingStates(Handle h) {
        return h.createQuery("""
                        SELECT c.id AS card_id, l.id AS learner_id FROM card c CROSS JOIN learner l
                        WHERE NOT EXISTS (SELECT 1 FROM card_state s WHERE s.card_id = c.id AND s.learner_id = l.id)
                        ORDER BY c.id, l.id""")
                .mapTo(CardLearner.class).list();
    }

    /** A new card's state, as a card gets when it is added. */
    void insertNewState(Handle h, CardLearner missing) {
        h.createUpdate("""
                        INSERT INTO card_state (card_id, learner_id, due)
                        SELECT id, :learnerId, created_at FROM card WHERE id = :cardId""")
                .bind("cardId", missing.cardId()).bind("learnerId", missing.learnerId()).execute();
    }

    /** The learner's reviewed cards, each with its state and the outcome its latest review recorded. */
    List<StoredState> reviewedStates(Handle h, long learnerId) {
        return h.createQuery("""
                        SELECT s.card_id, c.deck_id, s.state, s.stability, s.difficulty, s.reps, s.scheduled_days,
                               s.last_review, s.due, r.state_after, r.stability_after, r.difficulty_after,
                               r.scheduled_days_after, r.due_after, r.reviewed_at
                        FROM card_state s
                        JOIN card c ON c.id = s.card_id
                        JOIN (SELECT card_id, state_after, stability_after, difficulty_after, scheduled_days_after,
                                     due_after, reviewed_at,
                                     ROW_NUMBER() OVER (PARTITION BY card_id ORDER BY reviewed_at DESC, id DESC) AS newest
                              FROM review_log WHERE learner_id = :learnerId) r
                          ON r.card_id = s.card_id AND r.newest = 1
                        WHERE s.learner_id = :learnerId
                        ORDER BY s.card_id""")
                .bind("learnerId", learnerId).mapTo(StoredState.class).list();
    }

    List<Long> orphanedSearchRows(Handle h) {
        return h.createQuery(Dialect.of(h).pick("""
                        SELECT card_id FROM card_text WHERE card_id NOT IN (SELECT id FROM card)
                        UNION SELECT rowid FROM card_text_index WHERE rowid NOT IN (SELECT id FROM card)
                        UNION SELECT rowid FROM card_text_cjk WHERE rowid NOT IN (SELECT id FROM card)
                        UNION SELECT card_id FROM card_tag WHERE card_id NOT IN (SELECT id FROM card)
                        ORDER BY 1""", """
                        SELECT card_id FROM card_text WHERE card_id NOT IN (SELECT id FROM card)
                        UNION SELECT card_id FROM card_tag WHERE card_id NOT IN (SELECT id FROM card)
                        ORDER BY 1"""))
                .mapTo(Long.class).list();
    }

    /** Cards without their folded text or without a row in either full-text index. */
    List<Long> cardsMissingFromSearch(Handle h) {
        return h.createQuery(Dialect.of(h).pick("""
                        SELECT id FROM card WHERE id NOT IN (SELECT card_id FROM card_text)
                        UNION SELECT id FROM card WHERE id NOT IN (SELECT rowid FROM card_text_index)
                        UNION SELECT id FROM card WHERE id NOT IN (SELECT rowid FROM card_text_cjk)
                        ORDER BY 1""", """
                        SELECT id FROM card WHERE id NOT IN (SELECT card_id FROM card_text) ORDER BY 1"""))
                .mapTo(Long.class).list();
    }

    void deleteSearchRows(Handle h, long cardId) {
        List<String> deletes = Dialect.of(h).pick(List.of("DELETE FROM card_text_index WHERE rowid = :id",
                        "DELETE FROM card_text_cjk WHERE rowid = :id", "DELETE FROM card_text WHERE card_id = :id",
                        "DELETE FROM card_tag WHERE card_id = :id"),
                List.of("DELETE FROM card_text WHERE card_id = :id", "DELETE FROM card_tag WHERE card_id = :id"));
        for (String sql : deletes) {
            h.createUpdate(sql).bind("id", cardId).execute();
        }
    }

    /** Indexes a card for search as the card_text_add trigger does when a card is added. */
    void indexForSearch(Handle h, long cardId) {
        deleteSearchRows(h, cardId);
        for (String sql : Dialect.of(h).pick(SQLITE_INDEXING, POSTGRESQL_INDEXING)) {
            h.createUpdate(sql).bind("id", cardId).execute();
        }
    }

    List<CardLearner> orphanedRecallRows(Handle h) {
        return h.createQuery("""
                        SELECT r.card_id, r.learner_id FROM card_recall r
                        WHERE NOT EXISTS (SELECT 1 FROM card_state s
                                          WHERE s.card_id = r.card_id AND s.learner_id = r.learner_id)
                        ORDER BY r.card_id""")
                .mapTo(CardLearner.class).list();
    }

    /** States whose due-queue row is missing, in another deck's place or out of date. */
    List<CardLearner> staleRecallRows(Handle h) {
        return h.createQuery("""
                        SELECT s.card_id, s.learner_id FROM card_state s JOIN card c ON c.id = s.card_id
                        WHERE NOT EXISTS (
                            SELECT 1 FROM card_recall r
                            WHERE r.learner_id = s.learner_id AND r.deck_id = c.deck_id AND r.card_id = s.card_id
                              AND r.state = s.state AND r.suspended = s.suspended AND r.stability = s.stability
                              AND r.difficulty = s.difficulty AND r.scheduled_days = s.scheduled_days
                              AND %s AND r.due = s.due AND r.position = c.position)
                           OR (SELECT COUNT(*) FROM card_recall r
                               WHERE r.card_id = s.card_id AND r.learner_id = s.learner_id) > 1
                        ORDER BY s.card_id""".formatted(Dialect.of(h).pick("r.last_review IS s.last_review",
                        "r.last_review IS NOT DISTINCT FROM s.last_review")))
                .mapTo(CardLearner.class).list();
    }

    void deleteRecallRows(Handle h, CardLearner row) {
        h.createUpdate("DELETE FROM card_recall WHERE card_id = :cardId AND learner_id = :learnerId")
                .bind("cardId", row.cardId()).bind("learnerId", row.learnerId()).execute();
    }

    /** The due-queue row of a state, copied from it as the card_recall_add trigger does. */
    void copyRecallRow(Handle h, CardLearner row) {
        deleteRecallRows(h, row);
        h.createUpdate("""
                        INSERT INTO card_recall (learner_id, deck_id, card_id, state, suspended, stability, difficulty,
                                                 scheduled_days, last_review, due, position)
                        SELECT s.learner_id, c.deck_id, s.card_id, s.state, s.suspended, s.stability, s.difficulty,
                               s.scheduled_days, s.last_review, s.due, c.position
                        FROM card_state s JOIN card c ON c.id = s.card_id
                        WHERE s.card_id = :cardId AND s.learner_id = :learnerId""")
                .bind("cardId", row.cardId()).bind("learnerId", row.learnerId()).execute();
    }
}
