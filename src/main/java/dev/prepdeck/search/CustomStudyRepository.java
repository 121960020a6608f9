package dev.prepdeck.search;

import dev.prepdeck.db.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The SQL of custom study sessions, one per learner. */
final class CustomStudyRepository {

    record Row(String mode, String query, String cardIds, int position) {
    }

    /** The cards in the order a session studies them: earliest due first, at most {@code limit}. */
    List<Long> inStudyOrder(Handle h, long learnerId, List<Long> cardIds, int limit) {
        // The ids arrive as one JSON array (any number of them in one bound value), read by each database's function
        return h.createQuery(Dialect.of(h).pick("""
                        SELECT card_id FROM card_state
                        WHERE learner_id = :learner AND card_id IN (SELECT value FROM json_each(:ids))
                        ORDER BY due, card_id LIMIT :limit""", """
                        SELECT card_id FROM card_state
                        WHERE learner_id = :learner
                          AND card_id IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(:ids AS JSON)))
                        ORDER BY due, card_id LIMIT :limit"""))
                .bind("learner", learnerId).bind("ids", json(cardIds)).bind("limit", limit)
                .mapTo(Long.class).list();
    }

    void start(Handle h, long learnerId, String mode, String query, List<Long> cardIds, long now) {
        h.createUpdate("""
                        INSERT INTO custom_study (learner_id, mode, query, card_ids, position, started_at)
                        VALUES (:learner, :mode, :query, :ids, 0, :now)
                        ON CONFLICT (learner_id) DO UPDATE SET mode = excluded.mode, query = excluded.query,
                            card_ids = excluded.card_ids, position = 0, started_at = excluded.started_at""")
                .bind("learner", learnerId).bind("mode", mode).bind("query", query).bind("ids", json(cardIds))
                .bind("now", now).execute();
    }

    Optional<Row> find(Handle h, long learnerId) {
        return h.createQuery("SELECT mode, query, card_ids, position FROM custom_study WHERE learner_id = :learner")
                .bind("learner", learnerId).mapTo(Row.class).findOne();
    }

    /** Whether the card still exists and is neither suspended nor buried now. */
    boolean studyable(Handle h, long learnerId, long cardId, long now) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM card_state
                        WHERE card_id = :card AND learner_id = :learner AND suspended = 0
                          AND (buried_until IS NULL OR buried_until <= :now)""")
                .bind("card", cardId).bind("learner", learnerId).bind("now", now).mapTo(Integer.class).one() > 0;
    }

    void moveTo(Handle h, long learnerId, int position) {
        h.createUpdate("UPDATE custom_study SET position = :position WHERE learner_id = :learner")
                .bind("learner", learnerId).bind("position", position).execute();
    }

    void end(Handle h, long learnerId) {
        h.createUpdate("DELETE FROM custom_study WHERE learner_id = :learner").bind("learner", learnerId).execute();
    }

    static String json(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    static List<Long> ids(String json) {
        String inner = json.substring(1, json.length() - 1).strip();
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(s -> Long.parseLong(s.strip())).toList();
    }
}
