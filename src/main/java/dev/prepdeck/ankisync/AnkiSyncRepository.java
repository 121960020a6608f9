package dev.prepdeck.ankisync;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The SQL that moving cards between Anki and prepdeck needs beyond the deck and review repositories: finding cards
 * by uid across decks, writing a whole scheduling state and a whole history at once, and reading cards with their
 * state and history for an export. Every method runs on the caller's handle.
 */
public final class AnkiSyncRepository {
    /** Binds at most this many values per statement, well under SQLite's limit. */
    private static final int CHUNK = 500;

    /** A stored card as an import matches it: where it is and when its text last changed. */
    public record StoredCard(long id, long deckId, String uid, String question, String answer, String tags, String meta,
            long updatedAt) {
    }

    /** Cards with these uids, in any deck {@code viewer} sees. */
    Map<String, List<StoredCard>> cardsByUid(Handle h, long viewer, Collection<String> uids) {
        Map<String, List<StoredCard>> found = new HashMap<>();
        List<String> all = new ArrayList<>(uids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            h.createQuery("""
                            SELECT id, deck_id, uid, question, answer, tags, meta, updated_at
                            FROM card WHERE uid IN (<uids>) AND deck_id NOT IN (""" + DeckRepository.HIDDEN_DECKS + """
                            ) ORDER BY id""")
                    .bindList("uids", all.subList(from, Math.min(all.size(), from + CHUNK))).bind("viewer", viewer)
                    .map((rs, ctx) -> new StoredCard(rs.getLong("id"), rs.getLong("deck_id"), rs.getString("uid"),
                            rs.getString("question"), rs.getString("answer"), rs.getString("tags"),
                            rs.getString("meta"), rs.getLong("updated_at")))
                    .forEach(card -> found.computeIfAbsent(card.uid(), u -> new ArrayList<>()).add(card));
        }
        return found;
    }

    /** A card an import adds, with the times Anki recorded for its note. */
    record NewCard(long deckId, String uid, String question, String answer, String tags, int position,
            long createdAt, long updatedAt) {
    }

    /**
     * Adds the cards in one prepared batch (preparing an insert compiles the triggers it fires, which cost more than
     * the insert) and returns their ids, by deck and then uid (a deck holds a uid once).
     */
    Map<Long, Map<String, Long>> insertCards(Handle h, List<NewCard> cards) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO card (deck_id, uid, question, answer, tags, meta, position, created_at, updated_at)
                VALUES (:deckId, :uid, :question, :answer, :tags, '', :position, :createdAt, :updatedAt)""");
        Map<Long, List<String>> uidsByDeck = new HashMap<>();
        for (NewCard card : cards) {
            batch.bind("deckId", card.deckId()).bind("uid", card.uid()).bind("question", card.question())
                    .bind("answer", card.answer()).bind("tags", card.tags()).bind("position", card.position())
                    .bind("createdAt", card.createdAt()).bind("updatedAt", card.updatedAt()).add();
            uidsByDeck.computeIfAbsent(card.deckId(), d -> new ArrayList<>()).add(card.uid());
        }
        batch.execute();
        Map<Long, Map<String, Long>> ids = new HashMap<>();
        uidsByDeck.forEach((deckId, uids) -> {
            Map<String, Long> inDeck = ids.computeIfAbsent(deckId, d -> new HashMap<>());
            for (int from = 0; from < uids.size(); from += CHUNK) {
                h.createQuery("SELECT uid, id FROM card WHERE deck_id = :deckId AND uid IN (<uids>)")
                        .bind("deckId", deckId)
                        .bindList("uids", uids.subList(from, Math.min(uids.size(), from + CHUNK)))
                        .map((rs, ctx) -> Map.entry(rs.getString("uid"), rs.getLong("id")))
                        .forEach(entry -> inDeck.put(entry.getKey(), entry.getValue()));
            }
        });
        return ids;
    }

    /** A new card's scheduling state for the importing learner, flag and burying included. */
    record NewState(long cardId, FsrsCard card, boolean suspended, int flag, Long buriedUntil) {
    }

    /**
     * Gives new cards their states in two prepared batches: the importing learner's as the package has it, every
     * other learner's New and due {@code now}, as any added card's.
     */
    void insertStates(Handle h, long learnerId, List<NewState> states, long now) {
        PreparedBatch others = h.prepareBatch("""
                INSERT INTO card_state (card_id, learner_id, due)
                SELECT :cardId, id, :now FROM learner WHERE id <> :learnerId""");
        PreparedBatch own = h.prepareBatch("""
                INSERT INTO card_state (card_id, learner_id, state, stability, difficulty, reps, lapses, learning_steps,
                    scheduled_days, elapsed_days, last_review, due, suspended, flag, buried_until)
                VALUES (:cardId, :learnerId, :state, :stability, :difficulty, :reps, :lapses, :learningSteps,
                    :scheduledDays, :elapsedDays, :lastReview, :due, :suspended, :flag, :buriedUntil)""");
        for (NewState state : states) {
            FsrsCard card = state.card();
            others.bind("cardId", state.cardId()).bind("now", now).bind("learnerId", learnerId).add();
            own.bind("cardId", state.cardId()).bind("learnerId", learnerId).bind("state", card.state())
                    .bind("stability", card.stability()).bind("difficulty", card.difficulty())
                    .bind("reps", card.reps()).bind("lapses", card.lapses())
                    .bind("learningSteps", card.learningSteps()).bind("scheduledDays", card.scheduledDays())
                    .bind("elapsedDays", card.elapsedDays())
                    .bind("lastReview", card.lastReview() == null ? null : card.lastReview().toEpochMilli())
                    .bind("due", card.due().toEpochMilli()).bind("suspended", state.suspended())
                    .bind("flag", state.flag()).bind("buriedUntil", state.buriedUntil()).add();
        }
        others.execute();
        own.execute();
    }

    /** New text and tags from the package; the search triggers index the card again. */
    void updateText(Handle h, long cardId, String question, String answer, String tags, long now) {
        h.createUpdate("""
                        UPDATE card SET question = :question, answer = :answer, tags = :tags, updated_at = :now
                        WHERE id = :id""")
                .bind("question", question).bind("answer", answer).bind("tags", tags).bind("now", now)
                .bind("id", cardId).execute();
    }

    /** The learner's whole scheduling state of a card, flag and burying included. */
    void saveSchedule(Handle h, long learnerId, long cardId, FsrsCard card, boolean suspended, int flag,
            Long buriedUntil) {
        h.createUpdate("""
                        UPDATE card_state SET state = :state, stability = :stability, difficulty = :difficulty,
                            reps = :reps, lapses = :lapses, learning_steps = :learningSteps,
                            scheduled_days = :scheduledDays, elapsed_days = :elapsedDays, last_review = :lastReview,
                            due = :due, suspended = :suspended, flag = :flag, buried_until = :buriedUntil
                        WHERE card_id = :cardId AND learner_id = :learnerId""")
                .bind("state", card.state()).bind("stability", card.stability())
                .bind("difficulty", card.difficulty()).bind("reps", card.reps()).bind("lapses", card.lapses())
                .bind("learningSteps", card.learningSteps()).bind("scheduledDays", card.scheduledDays())
                .bind("elapsedDays", card.elapsedDays())
                .bind("lastReview", card.lastReview() == null ? null : card.lastReview().toEpochMilli())
                .bind("due", card.due().toEpochMilli()).bind("suspended", suspended).bind("flag", flag)
                .bind("buriedUntil", buriedUntil).bind("cardId", cardId).bind("learnerId", learnerId)
                .execute();
    }

    /** When the learner last reviewed the card, if ever. */
    Long lastReviewedAt(Handle h, long learnerId, long cardId) {
        return h.createQuery("SELECT MAX(reviewed_at) FROM review_log WHERE card_id = :cardId AND learner_id = :learnerId")
                .bind("cardId", cardId).bind("learnerId", learnerId).mapTo(Long.class).findOne().orElse(null);
    }

    /** One answered review with the state before and after it, as review_log keeps it. */
    public record ReviewRow(long cardId, Instant reviewedAt, Rating rating, int durationMs, FsrsCard before, FsrsCard after) {
    }

    /**
     * Appends reviews to the log in one prepared batch. On SQLite the statistics trigger is held back meanwhile and the
     * reviews are added to review_hour afterwards, one statement per roll-up, which costs a small part of counting
     * them one by one (V22); on PostgreSQL the trigger counts each.
     */
    void insertReviews(Handle h, long learnerId, List<ReviewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (Dialect.of(h) != Dialect.SQLITE) {
            appendReviews(h, learnerId, rows);
            return;
        }
        // This transaction is the only writer and reviews are never deleted in it: the new reviews are the ones above.
        long lastIdBefore = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM review_log").mapTo(Long.class).one();
        h.execute("INSERT INTO review_hour_held (held) VALUES (1)");
        appendReviews(h, learnerId, rows);
        h.execute("DELETE FROM review_hour_held");
        countReviewsAbove(h, lastIdBefore);
    }

    private static void appendReviews(Handle h, long learnerId, List<ReviewRow> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                    state_before, stability_before, difficulty_before, reps_before, lapses_before,
                    learning_steps_before, scheduled_days_before, elapsed_days_before, last_review_before, due_before,
                    state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                VALUES (:cardId, :learnerId, :reviewedAt, :rating, :elapsedDays, :durationMs,
                    :stateBefore, :stabilityBefore, :difficultyBefore, :repsBefore, :lapsesBefore,
                    :stepsBefore, :scheduledBefore, :elapsedBefore, :lastReviewBefore, :dueBefore,
                    :stateAfter, :stabilityAfter, :difficultyAfter, :scheduledAfter, :dueAfter)""");
        for (ReviewRow row : rows) {
            FsrsCard before = row.before();
            FsrsCard after = row.after();
            batch.bind("cardId", row.cardId()).bind("learnerId", learnerId)
                    .bind("reviewedAt", row.reviewedAt().toEpochMilli()).bind("rating", row.rating())
                    .bind("elapsedDays", after.elapsedDays()).bind("durationMs", Math.max(0, row.durationMs()))
                    .bind("stateBefore", before.state()).bind("stabilityBefore", before.stability())
                    .bind("difficultyBefore", before.difficulty()).bind("repsBefore", before.reps())
                    .bind("lapsesBefore", before.lapses()).bind("stepsBefore", before.learningSteps())
                    .bind("scheduledBefore", before.scheduledDays()).bind("elapsedBefore", before.elapsedDays())
                    .bind("lastReviewBefore", before.lastReview() == null ? null : before.lastReview().toEpochMilli())
                    .bind("dueBefore", before.due().toEpochMilli())
                    .bind("stateAfter", after.state()).bind("stabilityAfter", after.stability())
                    .bind("difficultyAfter", after.difficulty()).bind("scheduledAfter", after.scheduledDays())
                    .bind("dueAfter", after.due().toEpochMilli())
                    .add();
        }
        batch.execute();
    }

    /**
     * Adds the reviews with an id above {@code lastIdBefore} to review_hour, per deck and under deck 0 for all decks,
     * as its insert trigger (V4) does one by one.
     */
    private static void countReviewsAbove(Handle h, long lastIdBefore) {
        // deck 0 is the all-decks roll-up; a constant cannot be a GROUP BY term (SQLite reads it as a column number)
        for (boolean perDeck : List.of(true, false)) {
            h.createUpdate("""
                            INSERT INTO review_hour (learner_id, deck_id, hour, reviews, learning, review,
                                relearning, young, young_passed, mature, mature_passed, duration_ms, new_cards)
                            SELECT r.learner_id, <deck>, r.reviewed_at / 3600000, COUNT(*),
                                   SUM(r.state_before IN (0, 1)), SUM(r.state_before = 2), SUM(r.state_before = 3),
                                   SUM(r.state_before = 2 AND r.scheduled_days_before < 21),
                                   SUM(r.state_before = 2 AND r.scheduled_days_before < 21 AND r.rating >= 2),
                                   SUM(r.state_before = 2 AND r.scheduled_days_before >= 21),
                                   SUM(r.state_before = 2 AND r.scheduled_days_before >= 21 AND r.rating >= 2),
                                   SUM(r.duration_ms), SUM(r.state_before = 0)
                            FROM review_log r JOIN card c ON c.id = r.card_id WHERE r.id > :last
                            GROUP BY r.learner_id, <byDeck> r.reviewed_at / 3600000
                            ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
                                reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
                                review = review + excluded.review, relearning = relearning + excluded.relearning,
                                young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
                                mature = mature + excluded.mature,
                                mature_passed = mature_passed + excluded.mature_passed,
                                duration_ms = duration_ms + excluded.duration_ms,
                                new_cards = new_cards + excluded.new_cards""")
                    .define("deck", perDeck ? "c.deck_id" : "0").define("byDeck", perDeck ? "c.deck_id," : "")
                    .bind("last", lastIdBefore).execute();
        }
    }

    /** A card on its way out: its text, deck and times, and the learner's scheduling state of it. */
    public record ExportRow(long id, String uid, long deckId, String deckName, String question, String answer, String tags,
            long createdAt, long updatedAt, State state, double stability, double difficulty, int reps, int lapses,
            int learningSteps, int scheduledDays, int elapsedDays, Long lastReview, long due, boolean suspended,
            int flag) {

        FsrsCard fsrs() {
            return new FsrsCard(state, stability, difficulty, reps, lapses, learningSteps, scheduledDays, elapsedDays,
                    lastReview == null ? null : Instant.ofEpochMilli(lastReview), Instant.ofEpochMilli(due));
        }
    }

    /** These cards with the learner's state, by deck name and position. */
    List<ExportRow> exportRows(Handle h, long learnerId, Collection<Long> cardIds) {
        List<ExportRow> rows = new ArrayList<>();
        List<Long> all = new ArrayList<>(cardIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            rows.addAll(h.createQuery("""
                            SELECT c.id, c.uid, c.deck_id, d.name AS deck_name, c.question, c.answer, c.tags,
                                   c.created_at, c.updated_at, s.state, s.stability, s.difficulty, s.reps, s.lapses,
                                   s.learning_steps, s.scheduled_days, s.elapsed_days, s.last_review, s.due,
                                   s.suspended, s.flag
                            FROM card c JOIN deck d ON d.id = c.deck_id
                            JOIN card_state s ON s.card_id = c.id AND s.learner_id = :learnerId
                            WHERE c.id IN (<ids>)""")
                    .bind("learnerId", learnerId).bindList("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .mapTo(ExportRow.class).list());
        }
        return rows;
    }

    /** A card's place in a package export: what orders it, and the times the collection's creation must precede. */
    public record ExportKey(long id, String uid, String deckName, long createdAt, State state, boolean suspended, long due) {

        /** The due time the package keeps: none for a new card that is not suspended (it goes without a schedule). */
        Long scheduledDue() {
            return state == State.NEW && !suspended ? null : due;
        }
    }

    /** These cards with the learner's state, as {@link #exportRows} finds them, with only what orders them. */
    void exportKeys(Handle h, long learnerId, List<Long> cardIds, Consumer<ExportKey> sink) {
        for (int from = 0; from < cardIds.size(); from += CHUNK) {
            h.createQuery("""
                            SELECT c.id, c.uid, d.name AS deck_name, c.created_at, s.state, s.suspended, s.due
                            FROM card c JOIN deck d ON d.id = c.deck_id
                            JOIN card_state s ON s.card_id = c.id AND s.learner_id = :learnerId
                            WHERE c.id IN (<ids>)""")
                    .bind("learnerId", learnerId)
                    .bindList("ids", cardIds.subList(from, Math.min(cardIds.size(), from + CHUNK)))
                    .mapTo(ExportKey.class).forEach(sink);
        }
    }

    /** When the learner first reviewed any of these cards, if ever. */
    Long earliestReview(Handle h, long learnerId, List<Long> cardIds) {
        Long earliest = null;
        for (int from = 0; from < cardIds.size(); from += CHUNK) {
            Long first = h.createQuery("""
                            SELECT MIN(reviewed_at) FROM review_log
                            WHERE learner_id = :learnerId AND card_id IN (<ids>)""")
                    .bind("learnerId", learnerId)
                    .bindList("ids", cardIds.subList(from, Math.min(cardIds.size(), from + CHUNK)))
                    .mapTo(Long.class).findOne().orElse(null);
            if (first != null && (earliest == null || first < earliest)) {
                earliest = first;
            }
        }
        return earliest;
    }

    /** The uids several of these decks' cards share (one per sub-deck), among the cards the learner has a state of. */
    Set<String> sharedUids(Handle h, long learnerId, Collection<Long> deckIds) {
        if (deckIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(h.createQuery("""
                        SELECT c.uid FROM card c JOIN card_state s ON s.card_id = c.id AND s.learner_id = :learnerId
                        WHERE c.deck_id IN (<decks>) GROUP BY c.uid HAVING COUNT(*) > 1""")
                .bind("learnerId", learnerId).bindList("decks", new ArrayList<>(deckIds)).mapTo(String.class).list());
    }

    /** A logged review as an export needs it. */
    public record LoggedReview(long cardId, long reviewedAt, Rating rating, int durationMs, State stateBefore,
            int scheduledDaysBefore, int scheduledDaysAfter, long dueAfter, double difficultyAfter) {
    }

    /**
     * The learner's reviews of these cards, card by card, each card's oldest first. By card, not by time across the
     * cards: ordered by time SQLite walks the learner's whole log (the time index) for every page of cards.
     */
    List<LoggedReview> reviews(Handle h, long learnerId, Collection<Long> cardIds) {
        List<LoggedReview> reviews = new ArrayList<>();
        List<Long> all = new ArrayList<>(cardIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            reviews.addAll(h.createQuery("""
                            SELECT card_id, reviewed_at, rating, duration_ms, state_before, scheduled_days_before,
                                   scheduled_days_after, due_after, difficulty_after
                            FROM review_log WHERE learner_id = :learnerId AND card_id IN (<ids>)
                            ORDER BY card_id, reviewed_at, id""")
                    .bind("learnerId", learnerId).bindList("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .mapTo(LoggedReview.class).list());
        }
        return reviews;
    }

    /** Every card of these decks (not their sub-decks), in deck and file order. */
    List<Long> cardIdsInDecks(Handle h, Collection<Long> deckIds) {
        if (deckIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                        SELECT c.id FROM card c JOIN deck d ON d.id = c.deck_id
                        WHERE c.deck_id IN (<decks>) ORDER BY d.name, c.position, c.id""")
                .bindList("decks", new ArrayList<>(deckIds)).mapTo(Long.class).list();
    }

    /** Turns practice mode on for a deck whose learner has not chosen either way (NULL: decided by answer length). */
    void practiceModeUnlessChosen(Handle h, long deckId) {
        h.createUpdate("UPDATE deck SET practice_mode = 1 WHERE id = :id AND practice_mode IS NULL")
                .bind("id", deckId).execute();
    }
}
