package dev.prepdeck.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for practice attempts and the deck's practice columns; every method runs on the caller's handle. */
public final class PracticeRepository {
    /** Jackson's mapper, built at the first attempt stored or read rather than when the app is wired. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final String ATTEMPT_COLUMNS = """
            a.id, a.card_id, a.review_id, a.attempted_at, a.answer, a.seconds, a.coverage, a.key_points, r.rating,
            rec.id AS recording_id
            """;
    /** An attempt with the review it went with and its recording, when it was spoken (one each at most). */
    private static final String ATTEMPT_TABLES = """
             FROM practice_attempt a LEFT JOIN review_log r ON r.id = a.review_id
                  LEFT JOIN practice_recording rec ON rec.attempt_id = a.id
            """;

    PracticeSettings settings(Handle h, long deckId) {
        return h.createQuery("SELECT practice_mode, practice_target_seconds FROM deck WHERE id = :id")
                .bind("id", deckId)
                .map((rs, ctx) -> new PracticeSettings(
                        rs.getObject("practice_mode") == null ? null : rs.getInt("practice_mode") == 1,
                        rs.getObject("practice_target_seconds") == null ? null : rs.getInt("practice_target_seconds")))
                .findOne().orElse(new PracticeSettings(null, null));
    }

    void saveMode(Handle h, long deckId, Boolean mode) {
        h.createUpdate("UPDATE deck SET practice_mode = :mode WHERE id = :id")
                .bind("mode", mode == null ? null : mode ? 1 : 0).bind("id", deckId).execute();
    }

    void saveSettings(Handle h, long deckId, PracticeSettings s) {
        h.createUpdate("UPDATE deck SET practice_mode = :mode, practice_target_seconds = :target WHERE id = :id")
                .bind("mode", s.mode() == null ? null : s.mode() ? 1 : 0)
                .bind("target", s.targetSeconds()).bind("id", deckId).execute();
    }

    long insertAttempt(Handle h, long cardId, long learnerId, Long reviewId, long attemptedAt, String answer,
                       long seconds, double coverage, List<Attempt.PointMark> points) {
        return h.createUpdate("""
                        INSERT INTO practice_attempt
                            (card_id, learner_id, review_id, attempted_at, answer, seconds, coverage, key_points)
                        VALUES (:cardId, :learnerId, :reviewId, :at, :answer, :seconds, :coverage, :points)""")
                .bind("cardId", cardId).bind("learnerId", learnerId).bind("reviewId", reviewId)
                .bind("at", attemptedAt).bind("answer", answer).bind("seconds", seconds)
                .bind("coverage", coverage).bind("points", toJson(points))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Links a mock interview's attempt to the review its confirmed rating made. */
    void linkReview(Handle h, long attemptId, long reviewId) {
        h.createUpdate("UPDATE practice_attempt SET review_id = :reviewId WHERE id = :id")
                .bind("reviewId", reviewId).bind("id", attemptId).execute();
    }

    /** A card's attempts by the learner, newest first. */
    List<Attempt> attempts(Handle h, long learnerId, long cardId) {
        return h.createQuery("SELECT " + ATTEMPT_COLUMNS + ATTEMPT_TABLES + """
                        WHERE a.card_id = :cardId AND a.learner_id = :learnerId
                        ORDER BY a.attempted_at DESC, a.id DESC""")
                .bind("cardId", cardId).bind("learnerId", learnerId)
                .map((rs, ctx) -> attempt(rs)).list();
    }

    Optional<Attempt> attempt(Handle h, long learnerId, long attemptId) {
        return h.createQuery("SELECT " + ATTEMPT_COLUMNS + ATTEMPT_TABLES + """
                        WHERE a.id = :id AND a.learner_id = :learnerId""")
                .bind("id", attemptId).bind("learnerId", learnerId)
                .map((rs, ctx) -> attempt(rs)).findOne();
    }

    /** Up to {@code count} cards for a mock interview from {@code decks}: due ones first, then at random. */
    List<Long> mockCards(Handle h, long learnerId, Collection<Long> decks, int count, long now) {
        return h.createQuery("""
                        SELECT c.id FROM card c
                        JOIN card_state s ON s.card_id = c.id AND s.learner_id = :learnerId
                        WHERE s.suspended = 0 AND c.removed_from_source = 0 AND c.deck_id IN (<decks>)
                        ORDER BY (s.state <> :new AND s.due <= :now) DESC, random() LIMIT :count""")
                .bind("learnerId", learnerId).bind("new", State.NEW).bind("now", now).bind("count", count)
                .bindList("decks", decks)
                .mapTo(Long.class).list();
    }

    /** What changes whenever a card is added, edited or deleted: the count, the highest id, the latest edit. */
    CollectionRarity.CardsVersion cardsVersion(Handle h) {
        return h.createQuery("SELECT COUNT(*) AS cards, MAX(id) AS last_id, MAX(updated_at) AS last_edit FROM card")
                .map((rs, ctx) -> new CollectionRarity.CardsVersion(rs.getInt("cards"), rs.getLong("last_id"),
                        rs.getLong("last_edit")))
                .one();
    }

    /** Every card's id with the time it was last edited. */
    Map<Long, Long> cardEdits(Handle h) {
        Map<Long, Long> edits = new HashMap<>();
        h.createQuery("SELECT id, updated_at FROM card")
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getLong("updated_at")))
                .forEach(e -> edits.put(e.getKey(), e.getValue()));
        return edits;
    }

    /** The model answers of these cards, by id. */
    Map<Long, String> answers(Handle h, Collection<Long> cardIds) {
        Map<Long, String> answers = new HashMap<>();
        h.createQuery("SELECT id, answer FROM card WHERE id IN (<ids>)")
                .bindList("ids", cardIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("answer")))
                .forEach(e -> answers.put(e.getKey(), e.getValue()));
        return answers;
    }

    private static Attempt attempt(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attempt(rs.getLong("id"), rs.getLong("card_id"),
                rs.getObject("review_id") == null ? null : rs.getLong("review_id"),
                rs.getLong("attempted_at"), rs.getString("answer"), rs.getInt("seconds"), rs.getDouble("coverage"),
                fromJson(rs.getString("key_points")),
                rs.getObject("rating") == null ? null : Rating.of(rs.getInt("rating")),
                rs.getObject("recording_id") == null ? null : rs.getLong("recording_id"));
    }

    private static String toJson(List<Attempt.PointMark> points) {
        try {
            return Json.MAPPER.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("key points could not be written as JSON", e);
        }
    }

    private static List<Attempt.PointMark> fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<Attempt.PointMark>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("practice_attempt.key_points is not the JSON this version writes", e);
        }
    }
}
