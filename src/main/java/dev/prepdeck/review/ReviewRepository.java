package dev.prepdeck.review;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.DeckTree;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.fsrs.optimizer.CardHistory;
import dev.prepdeck.fsrs.optimizer.PastReview;
import dev.prepdeck.settings.Settings;
import dev.prepdeck.settings.SettingsRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.EmptyHandling;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for learners, card scheduling state and the review log; every method runs on the caller's handle. */
public final class ReviewRepository {
    /**
     * Cards buried from the browser (card_state.buried_until) stay out of study until that moment. card_recall, aliased
     * r, has no burying: its card_state row, found by primary key, says.
     */
    private static final String NOT_BURIED = """
            AND NOT EXISTS (SELECT 1 FROM card_state b WHERE b.card_id = r.card_id
                            AND b.learner_id = r.learner_id AND b.buried_until > :now)""";
    private static final String SCHEDULE_COLUMNS = """
            s.card_id, s.state, s.stability, s.difficulty, s.reps, s.lapses, s.learning_steps, s.scheduled_days,
            s.elapsed_days, s.last_review, s.due, s.suspended, s.flag""";
    /** review_hour's unit: its hour column is reviewed_at divided by this. */
    private static final long HOUR_MS = 3_600_000;
    private final SettingsRepository settings = new SettingsRepository();

    /** Whose progress this is, with the zone and rollover hour of their settings. */
    public Learner learner(Handle h, long learnerId) {
        Settings chosen = settings.read(h, learnerId);
        return new Learner(learnerId, chosen.zone(), chosen.rolloverHour());
    }

    /**
     * Makes the rest of this write transaction the only one changing this learner's reviews, so a review or an undo
     * reads the card's state and the newest review as the previous one left them. SQLite's writes run one at a
     * time already (db/Transactions); on PostgreSQL, where several app instances write at once, it is the learner
     * row's lock, held until commit (NO KEY: rows that refer to the learner are still written meanwhile).
     */
    public void lockLearner(Handle h, long learnerId) {
        if (Dialect.of(h) == Dialect.POSTGRESQL) {
            h.createQuery("SELECT id FROM learner WHERE id = :learnerId FOR NO KEY UPDATE")
                    .bind("learnerId", learnerId).mapTo(Long.class).findOne();
        }
    }

    /** A new learner's scheduling state: every card new, due now, as cards get it for every learner when added. */
    public void startLearner(Handle h, long learnerId, long now) {
        h.createUpdate("INSERT INTO card_state (card_id, learner_id, due) SELECT id, :learnerId, :now FROM card")
                .bind("learnerId", learnerId).bind("now", now).execute();
    }

    public Optional<CardSchedule> schedule(Handle h, long learnerId, long cardId) {
        return h.createQuery("SELECT " + SCHEDULE_COLUMNS
                        + " FROM card_state s WHERE s.card_id = :cardId AND s.learner_id = :learnerId")
                .bind("cardId", cardId).bind("learnerId", learnerId)
                .mapTo(CardSchedule.class).findOne();
    }

    /** Scheduling state and review count of every card in one deck (not its sub-decks). */
    Map<Long, CardStatus> statusesInDeck(Handle h, long learnerId, long deckId) {
        Map<Long, Integer> reviewCounts = new HashMap<>();
        // The deck's cards first (CROSS JOIN keeps that order), each counted in the review_log_card index.
        h.createQuery("""
                        SELECT r.card_id, COUNT(*) AS n FROM card c CROSS JOIN review_log r
                        WHERE c.deck_id = :deckId AND r.card_id = c.id AND r.learner_id = :learnerId
                        GROUP BY r.card_id""")
                .bind("deckId", deckId).bind("learnerId", learnerId)
                .map((rs, ctx) -> Map.entry(rs.getLong("card_id"), rs.getInt("n")))
                .forEach(e -> reviewCounts.put(e.getKey(), e.getValue()));
        Map<Long, CardStatus> result = new HashMap<>();
        h.createQuery("SELECT " + SCHEDULE_COLUMNS + """
                         FROM card_state s JOIN card c ON c.id = s.card_id
                        WHERE c.deck_id = :deckId AND s.learner_id = :learnerId""")
                .bind("deckId", deckId).bind("learnerId", learnerId)
                .mapTo(CardSchedule.class)
                .forEach(s -> result.put(s.cardId(), new CardStatus(s, reviewCounts.getOrDefault(s.cardId(), 0))));
        return result;
    }

    /** As {@link #statusesInDeck} for the given cards only (one page of a deck): what the learner has done with each. */
    Map<Long, CardStatus> statusesOf(Handle h, long learnerId, List<Long> cardIds) {
        Map<Long, CardStatus> result = new HashMap<>();
        if (cardIds.isEmpty()) {
            return result;
        }
        Map<Long, Integer> reviewCounts = new HashMap<>();
        h.createQuery("""
                        SELECT card_id, COUNT(*) AS n FROM review_log
                        WHERE card_id IN (<cards>) AND learner_id = :learnerId GROUP BY card_id""")
                .bindList("cards", cardIds).bind("learnerId", learnerId)
                .map((rs, ctx) -> Map.entry(rs.getLong("card_id"), rs.getInt("n")))
                .forEach(e -> reviewCounts.put(e.getKey(), e.getValue()));
        h.createQuery("SELECT " + SCHEDULE_COLUMNS
                        + " FROM card_state s WHERE s.card_id IN (<cards>) AND s.learner_id = :learnerId")
                .bindList("cards", cardIds).bind("learnerId", learnerId)
                .mapTo(CardSchedule.class)
                .forEach(s -> result.put(s.cardId(), new CardStatus(s, reviewCounts.getOrDefault(s.cardId(), 0))));
        return result;
    }

    /**
     * Per deck (its own cards only): what is due, new, done today and in total; due, new and total only for the decks
     * in {@code scope} (the rest count none), what was done today for every deck, since a parent's limit counts it.
     */
    Map<Long, OwnCounts> ownCounts(Handle h, long learnerId, java.time.Instant now, StudyDay day, DeckTree.Scope scope) {
        Map<Long, OwnCounts> counts = new HashMap<>();
        // card_recall is card_state keyed by (learner, deck): one ordered pass over the scope's decks, no join of
        // every card to its state.
        h.createQuery("""
                        SELECT deck_id,
                               COUNT(*) AS total,
                               SUM(suspended) AS suspended,
                               SUM(suspended = 0 AND state IN (:learning, :relearning) AND due <= :now) AS learning_due,
                               SUM(suspended = 0 AND state = :review AND due < :dayEnd) AS review_due,
                               SUM(suspended = 0 AND state = :new) AS new_cards
                        FROM card_recall WHERE learner_id = :learnerId %s
                        GROUP BY deck_id""".formatted(scope.everyDeck() ? "" : "AND deck_id IN (<decks>)"))
                .bindList(EmptyHandling.NULL_KEYWORD, "decks", scope.deckIds())
                .bind("learnerId", learnerId).bind("now", now.toEpochMilli()).bind("dayEnd", day.end().toEpochMilli())
                .bind("new", State.NEW).bind("learning", State.LEARNING).bind("review", State.REVIEW)
                .bind("relearning", State.RELEARNING)
                .map((rs, ctx) -> new OwnCounts(rs.getLong("deck_id"), rs.getInt("total"), rs.getInt("suspended"),
                        rs.getInt("learning_due"), rs.getInt("review_due"), rs.getInt("new_cards"), 0, 0))
                .forEach(c -> counts.put(c.deckId(), c));
        // Buried cards (few, found through their partial index) wait until tomorrow: not due or new today.
        h.createQuery("""
                        SELECT c.deck_id,
                               SUM(s.state IN (:learning, :relearning) AND s.due <= :now) AS learning_due,
                               SUM(s.state = :review AND s.due < :dayEnd) AS review_due,
                               SUM(s.state = :new) AS new_cards
                        FROM card_state s JOIN card c ON c.id = s.card_id
                        WHERE s.learner_id = :learnerId AND s.buried_until > :now AND s.suspended = 0 %s
                        GROUP BY c.deck_id""".formatted(scope.everyDeck() ? "" : "AND c.deck_id IN (<decks>)"))
                .bindList(EmptyHandling.NULL_KEYWORD, "decks", scope.deckIds())
                .bind("learnerId", learnerId).bind("now", now.toEpochMilli()).bind("dayEnd", day.end().toEpochMilli())
                .bind("new", State.NEW).bind("learning", State.LEARNING).bind("review", State.REVIEW)
                .bind("relearning", State.RELEARNING)
                .map((rs, ctx) -> new OwnCounts(rs.getLong("deck_id"), 0, 0, -rs.getInt("learning_due"),
                        -rs.getInt("review_due"), -rs.getInt("new_cards"), 0, 0))
                .forEach(c -> counts.merge(c.deckId(), c, OwnCounts::plus));
        doneToday(h, learnerId, day).forEach((deck, done) -> counts.merge(deck, done, OwnCounts::plus));
        return counts;
    }

    /**
     * Per deck (its own cards only): new cards and reviews studied today, the figures daily limits count. Read on every
     * card shown, so it reads no more than a row per deck and hour however many cards the day had: the review_hour
     * roll-up for the day's whole hours (its new_cards and review columns), the log only for a part hour at either end
     * (zones half an hour off UTC). The roll-up is read one seek per deck: its every-deck rows (deck 0) are left out
     * by naming the decks, which keeps the hour in the key.
     */
    Map<Long, OwnCounts> doneToday(Handle h, long learnerId, StudyDay day) {
        long dayStart = day.start().toEpochMilli();
        long dayEnd = day.end().toEpochMilli();
        long firstHour = Math.floorDiv(dayStart + HOUR_MS - 1, HOUR_MS);
        long endHour = Math.max(firstHour, Math.floorDiv(dayEnd, HOUR_MS));
        Map<Long, OwnCounts> done = new HashMap<>();
        h.createQuery("""
                        SELECT deck_id, SUM(new_done) AS new_done, SUM(reviews_done) AS reviews_done FROM (
                            SELECT deck_id, new_cards AS new_done, review AS reviews_done FROM review_hour
                            WHERE learner_id = :learnerId AND deck_id IN (SELECT id FROM deck)
                              AND hour >= :firstHour AND hour < :endHour
                            UNION ALL
                            SELECT c.deck_id, CASE WHEN r.state_before = :new THEN 1 ELSE 0 END,
                                   CASE WHEN r.state_before = :review THEN 1 ELSE 0 END
                            FROM review_log r CROSS JOIN card c ON c.id = r.card_id
                            WHERE r.learner_id = :learnerId AND r.reviewed_at >= :dayStart AND r.reviewed_at < :hoursStart
                            UNION ALL
                            SELECT c.deck_id, CASE WHEN r.state_before = :new THEN 1 ELSE 0 END,
                                   CASE WHEN r.state_before = :review THEN 1 ELSE 0 END
                            FROM review_log r CROSS JOIN card c ON c.id = r.card_id
                            WHERE r.learner_id = :learnerId AND r.reviewed_at >= :hoursEnd AND r.reviewed_at < :dayEnd
                        ) AS done
                        GROUP BY deck_id""")
                .bind("learnerId", learnerId).bind("new", State.NEW).bind("review", State.REVIEW)
                .bind("dayStart", dayStart).bind("dayEnd", dayEnd)
                .bind("firstHour", firstHour).bind("endHour", endHour)
                .bind("hoursStart", Math.min(dayEnd, firstHour * HOUR_MS)).bind("hoursEnd", Math.max(dayStart, endHour * HOUR_MS))
                .map((rs, ctx) -> new OwnCounts(rs.getLong("deck_id"), 0, 0, 0, 0, 0, rs.getInt("new_done"),
                        rs.getInt("reviews_done")))
                .forEach(c -> done.put(c.deckId(), c));
        return done;
    }

    /**
     * The (re)learning card in {@code decks} due first, if it is due by {@code dueBy}. card_recall's queue index
     * holds each deck's cards of a state in due order, so only the scope's due learning cards are read.
     */
    Optional<Long> firstLearningDue(Handle h, long learnerId, List<Long> decks, long now, long dueBy) {
        return h.createQuery("""
                        SELECT card_id FROM card_recall r
                        WHERE learner_id = :learnerId AND deck_id IN (<decks>) AND state IN (:learning, :relearning)
                          AND suspended = 0 AND due <= :dueBy %s
                        ORDER BY due, card_id LIMIT 1""".formatted(NOT_BURIED))
                .bind("learnerId", learnerId).bind("now", now).bind("learning", State.LEARNING).bind("relearning", State.RELEARNING)
                .bind("dueBy", dueBy).bindList(EmptyHandling.NULL_KEYWORD, "decks", decks)
                .mapTo(Long.class).findOne();
    }

    /** The review card in {@code decks} due first, if it is due before {@code dueBefore} (the study day's end). */
    Optional<Long> firstReviewDue(Handle h, long learnerId, List<Long> decks, long now, long dueBefore) {
        return h.createQuery("""
                        SELECT card_id FROM card_recall r
                        WHERE learner_id = :learnerId AND deck_id IN (<decks>) AND state = :review AND suspended = 0
                          AND due < :dueBefore %s
                        ORDER BY due, card_id LIMIT 1""".formatted(NOT_BURIED))
                .bind("learnerId", learnerId).bind("now", now).bind("review", State.REVIEW).bind("dueBefore", dueBefore)
                .bindList(EmptyHandling.NULL_KEYWORD, "decks", decks)
                .mapTo(Long.class).findOne();
    }

    /**
     * The first new card in {@code decks}: by deck name, then in file order. Each deck's first studyable new card is one
     * seek of the card_recall_new index (its WHERE repeated literally so SQLite can use it), the decks in name order.
     */
    Optional<Long> firstNew(Handle h, long learnerId, List<Long> decks, long now) {
        return h.createQuery("""
                        SELECT (SELECT r.card_id FROM card_recall r
                                WHERE r.learner_id = :learnerId AND r.deck_id = d.id AND r.state = %d AND r.suspended = 0 %s
                                ORDER BY r.position, r.card_id LIMIT 1) AS first_new
                        FROM deck d WHERE d.id IN (<decks>)
                        ORDER BY d.name""".formatted(State.NEW.ordinal(), NOT_BURIED))
                .bind("learnerId", learnerId).bind("now", now)
                .bindList(EmptyHandling.NULL_KEYWORD, "decks", decks)
                .mapTo(Long.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    /**
     * When the next card in {@code decks} falls due after {@code now} (learning or review), for the "done" screen:
     * the earliest of each deck's and state's first due card, each one seek of the queue index.
     */
    Optional<Long> nextDueAfter(Handle h, long learnerId, List<Long> decks, long now) {
        return h.createQuery("""
                        SELECT MIN(next_due) FROM (
                            SELECT (SELECT MIN(r.due) FROM card_recall r
                                    WHERE r.learner_id = :learnerId AND r.deck_id = d.id AND r.state = states.state
                                      AND r.suspended = 0 AND r.due > :now) AS next_due
                            FROM deck d CROSS JOIN (SELECT :learning AS state UNION ALL SELECT :review
                                                    UNION ALL SELECT :relearning) AS states
                            WHERE d.id IN (<decks>)) AS first_due""")
                .bind("learnerId", learnerId).bind("now", now)
                .bind("learning", State.LEARNING).bind("review", State.REVIEW).bind("relearning", State.RELEARNING)
                .bindList(EmptyHandling.NULL_KEYWORD, "decks", decks)
                .mapTo(Long.class).findOne();
    }

    /** The review stored for a client's request id, if there is one. */
    Optional<ReviewService.RatedReview> reviewFor(Handle h, long learnerId, RequestId requestId) {
        return h.createQuery("""
                        SELECT id, card_id, state_after, stability_after, difficulty_after, due_after, scheduled_days_after
                        FROM review_log WHERE learner_id = :learnerId AND request_id = :requestId""")
                .bind("learnerId", learnerId).bind("requestId", requestId.value())
                .map((rs, ctx) -> new ReviewService.RatedReview(rs.getLong("id"), learnerId, new ReviewResult(
                        rs.getLong("card_id"), State.of(rs.getInt("state_after")).label(), rs.getDouble("stability_after"),
                        rs.getDouble("difficulty_after"), java.time.Instant.ofEpochMilli(rs.getLong("due_after")),
                        rs.getInt("scheduled_days_after"), false, false), true))
                .findOne();
    }

    /** Appends the review to the log and stores the card's new state; returns the review's id. */
    long saveReview(Handle h, long learnerId, CardSchedule before, FsrsCard after, Rating rating, long now, long durationMs,
                    RequestId requestId) {
        long reviewId = h.createUpdate("""
                        INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                            state_before, stability_before, difficulty_before, reps_before, lapses_before,
                            learning_steps_before, scheduled_days_before, elapsed_days_before, last_review_before, due_before,
                            state_after, stability_after, difficulty_after, scheduled_days_after, due_after, request_id)
                        VALUES (:cardId, :learnerId, :now, :rating, :elapsedDays, :durationMs,
                            :b.state, :b.stability, :b.difficulty, :b.reps, :b.lapses,
                            :b.learningSteps, :b.scheduledDays, :b.elapsedDays, :b.lastReview, :b.due,
                            :stateAfter, :stabilityAfter, :difficultyAfter, :scheduledDaysAfter, :dueAfter, :requestId)""")
                .bind("cardId", before.cardId()).bind("learnerId", learnerId).bind("now", now)
                .bind("requestId", requestId == null ? null : requestId.value())
                .bind("rating", rating).bind("elapsedDays", after.elapsedDays()).bind("durationMs", durationMs)
                .bindMethods("b", before)
                .bind("stateAfter", after.state()).bind("stabilityAfter", after.stability())
                .bind("difficultyAfter", after.difficulty()).bind("scheduledDaysAfter", after.scheduledDays())
                .bind("dueAfter", after.due().toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("""
                        UPDATE card_state SET state = :state, stability = :stability, difficulty = :difficulty,
                            reps = :reps, lapses = :lapses, learning_steps = :learningSteps,
                            scheduled_days = :scheduledDays, elapsed_days = :elapsedDays,
                            last_review = :lastReview, due = :due
                        WHERE card_id = :cardId AND learner_id = :learnerId""")
                .bind("cardId", before.cardId()).bind("learnerId", learnerId)
                .bind("state", after.state()).bind("stability", after.stability())
                .bind("difficulty", after.difficulty()).bind("reps", after.reps()).bind("lapses", after.lapses())
                .bind("learningSteps", after.learningSteps()).bind("scheduledDays", after.scheduledDays())
                .bind("elapsedDays", after.elapsedDays())
                .bind("lastReview", after.lastReview() == null ? null : after.lastReview().toEpochMilli())
                .bind("due", after.due().toEpochMilli())
                .execute();
        return reviewId;
    }

    /** Restores the card's state from the review's "before" columns and removes the review from the log. */
    void undo(Handle h, long learnerId, long reviewId, long cardId) {
        h.createUpdate("""
                        UPDATE card_state SET (state, stability, difficulty, reps, lapses, learning_steps,
                                               scheduled_days, elapsed_days, last_review, due) =
                            (SELECT state_before, stability_before, difficulty_before, reps_before, lapses_before,
                                    learning_steps_before, scheduled_days_before, elapsed_days_before,
                                    last_review_before, due_before
                             FROM review_log WHERE id = :id)
                        WHERE card_id = :cardId AND learner_id = :learnerId""")
                .bind("id", reviewId).bind("cardId", cardId).bind("learnerId", learnerId).execute();
        h.createUpdate("DELETE FROM review_log WHERE id = :id").bind("id", reviewId).execute();
    }

    /** The extra new cards each deck offers on {@code day}, by deck id (decks without any are absent). */
    Map<Long, Integer> extraNewToday(Handle h, long learnerId, java.time.LocalDate day) {
        Map<Long, Integer> extra = new HashMap<>();
        h.createQuery("SELECT deck_id, extra FROM extra_new_today WHERE learner_id = :learner AND day = :day")
                .bind("learner", learnerId).bind("day", day.toString())
                .map((rs, ctx) -> extra.put(rs.getLong("deck_id"), rs.getInt("extra"))).list();
        return extra;
    }

    /** Adds extra new cards for the deck on {@code day} (a row left from another day starts again); returns the sum. */
    int addExtraNewToday(Handle h, long learnerId, long deckId, java.time.LocalDate day, int extra) {
        h.createUpdate("""
                        INSERT INTO extra_new_today (learner_id, deck_id, day, extra) VALUES (:learner, :deck, :day, :extra)
                        ON CONFLICT (learner_id, deck_id) DO UPDATE SET
                            extra = MIN(9999, CASE WHEN extra_new_today.day = excluded.day
                                                   THEN extra_new_today.extra + excluded.extra ELSE excluded.extra END),
                            day = excluded.day""")
                .bind("learner", learnerId).bind("deck", deckId).bind("day", day.toString()).bind("extra", extra)
                .execute();
        return h.createQuery("SELECT extra FROM extra_new_today WHERE learner_id = :learner AND deck_id = :deck")
                .bind("learner", learnerId).bind("deck", deckId).mapTo(Integer.class).one();
    }

    /** Gives a card its tags (with or without the leech tag) and the learner's suspension of it. */
    void markLeech(Handle h, long learnerId, long cardId, String tags, boolean suspended) {
        h.createUpdate("UPDATE card SET tags = :tags WHERE id = :id AND tags <> :tags")
                .bind("id", cardId).bind("tags", tags).execute();
        h.createUpdate("UPDATE card_state SET suspended = :suspended WHERE card_id = :id AND learner_id = :learner")
                .bind("id", cardId).bind("learner", learnerId).bind("suspended", suspended ? 1 : 0).execute();
    }

    /** A card's reviews, oldest first. */
    List<ReviewEntry> history(Handle h, long learnerId, long cardId) {
        return h.createQuery("""
                        SELECT id, reviewed_at, rating, elapsed_days, duration_ms, state_before, state_after,
                               stability_after, difficulty_after, scheduled_days_after, due_after
                        FROM review_log WHERE card_id = :cardId AND learner_id = :learnerId ORDER BY reviewed_at, id""")
                .bind("cardId", cardId).bind("learnerId", learnerId)
                .mapTo(ReviewEntry.class).list();
    }

    /** The learner's newest review: its id in the log, and the card, its deck and the rating it got. */
    Optional<NewestReview> newestReview(Handle h, long learnerId) {
        return h.createQuery("""
                        SELECT r.id AS review_id, r.card_id, r.rating, c.question, d.id AS deck_id, d.name AS deck_name
                        FROM review_log r JOIN card c ON c.id = r.card_id JOIN deck d ON d.id = c.deck_id
                        WHERE r.learner_id = :learnerId ORDER BY r.id DESC LIMIT 1""")
                .bind("learnerId", learnerId)
                .map((rs, ctx) -> new NewestReview(rs.getLong("review_id"), new LastRating(rs.getLong("card_id"),
                        rs.getString("question"), rs.getLong("deck_id"), rs.getString("deck_name"),
                        Rating.of(rs.getInt("rating")))))
                .findOne();
    }

    record NewestReview(long reviewId, LastRating rating) {
    }

    /** The learner's reviews of cards in {@code decks}. */
    public int reviewCount(Handle h, long learnerId, List<Long> decks) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM review_log r JOIN card c ON c.id = r.card_id
                        WHERE r.learner_id = :learnerId AND c.deck_id IN (<decks>)""")
                .bind("learnerId", learnerId).bindList(EmptyHandling.NULL_KEYWORD, "decks", decks)
                .mapTo(Integer.class).one();
    }

    /**
     * Every card in {@code decks} the learner has reviewed, with its reviews in time order, read in one pass over
     * the log in card order (the review_log_card index), so a million reviews stream without sorting.
     */
    public List<ReviewedCard> reviewedCards(Handle h, long learnerId, List<Long> decks) {
        List<ReviewedCard> cards = new ArrayList<>();
        try (ResultIterator<LoggedReview> rows = h.createQuery("""
                        SELECT r.card_id, c.deck_id, r.reviewed_at, r.rating, r.duration_ms
                        FROM review_log r JOIN card c ON c.id = r.card_id
                        WHERE r.learner_id = :learnerId AND c.deck_id IN (<decks>)
                        ORDER BY r.card_id, r.reviewed_at, r.id""")
                .bind("learnerId", learnerId).bindList(EmptyHandling.NULL_KEYWORD, "decks", decks)
                .map((rs, ctx) -> new LoggedReview(rs.getLong(1), rs.getLong(2), new PastReview(
                        Instant.ofEpochMilli(rs.getLong(3)), Rating.of(rs.getInt(4)), Duration.ofMillis(rs.getLong(5)))))
                .iterator()) {
            List<PastReview> reviews = new ArrayList<>();
            LoggedReview previous = null;
            while (rows.hasNext()) {
                LoggedReview row = rows.next();
                if (previous != null && row.cardId() != previous.cardId()) {
                    cards.add(new ReviewedCard(previous.cardId(), previous.deckId(), new CardHistory(reviews)));
                    reviews = new ArrayList<>();
                }
                reviews.add(row.review());
                previous = row;
            }
            if (previous != null) {
                cards.add(new ReviewedCard(previous.cardId(), previous.deckId(), new CardHistory(reviews)));
            }
        }
        return cards;
    }

    private record LoggedReview(long cardId, long deckId, PastReview review) {
    }

    /** When each card in {@code decks} is due for the learner, by card id. */
    public Map<Long, Long> dueDates(Handle h, long learnerId, List<Long> decks) {
        Map<Long, Long> due = new HashMap<>();
        h.createQuery("""
                        SELECT s.card_id, s.due FROM card_state s JOIN card c ON c.id = s.card_id
                        WHERE s.learner_id = :learnerId AND c.deck_id IN (<decks>)""")
                .bind("learnerId", learnerId).bindList(EmptyHandling.NULL_KEYWORD, "decks", decks)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> due.put(e.getKey(), e.getValue()));
        return due;
    }

    /**
     * Replaces cards' scheduling states, as a reschedule computed them from their histories, in one prepared
     * batch; the review log is not touched.
     */
    public void replaceSchedules(Handle h, long learnerId, Map<Long, FsrsCard> schedules) {
        PreparedBatch batch = h.prepareBatch("""
                UPDATE card_state SET state = :state, stability = :stability, difficulty = :difficulty,
                    reps = :reps, lapses = :lapses, learning_steps = :learningSteps,
                    scheduled_days = :scheduledDays, elapsed_days = :elapsedDays,
                    last_review = :lastReview, due = :due
                WHERE card_id = :cardId AND learner_id = :learnerId""");
        schedules.forEach((cardId, card) -> batch
                .bind("cardId", cardId).bind("learnerId", learnerId)
                .bind("state", card.state()).bind("stability", card.stability())
                .bind("difficulty", card.difficulty()).bind("reps", card.reps()).bind("lapses", card.lapses())
                .bind("learningSteps", card.learningSteps()).bind("scheduledDays", card.scheduledDays())
                .bind("elapsedDays", card.elapsedDays())
                .bind("lastReview", card.lastReview() == null ? null : card.lastReview().toEpochMilli())
                .bind("due", card.due().toEpochMilli())
                .add());
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** A deck's own counts; {@link #plus} adds sub-decks' counts to it. */
    record OwnCounts(long deckId, int total, int suspended, int learningDue, int reviewDue, int newCards,
                     int newDoneToday, int reviewsDoneToday) {
        static final OwnCounts ZERO = new OwnCounts(0, 0, 0, 0, 0, 0, 0, 0);

        OwnCounts plus(OwnCounts other) {
            return new OwnCounts(deckId, total + other.total, suspended + other.suspended,
                    learningDue + other.learningDue, reviewDue + other.reviewDue, newCards + other.newCards,
                    newDoneToday + other.newDoneToday, reviewsDoneToday + other.reviewsDoneToday);
        }
    }
}
