package dev.prepdeck.stats;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * A collection whose statistics are known by construction: the networking deck (three cards, under "Interview") and
 * the Chinese database deck (two cards), with review-log rows and card states written directly.
 */
final class StatsLog {
    final TestCollection collection;
    final Jdbi jdbi;
    final TestClock clock;

    StatsLog(Path tempDir, String now) {
        this(TestDatabase.DEFAULT, tempDir, now);
    }

    StatsLog(TestDatabase database, Path tempDir, String now) {
        collection = TestCollection.at(database, tempDir, now, "networking.md", TestData.NETWORKING_DECK,
                "database.md", TestData.DATABASE_DECK);
        jdbi = collection.jdbi();
        clock = collection.clock();
    }

    void zone(String zone, int rolloverHour) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE learner SET time_zone = :zone, rollover_hour = :hour")
                .bind("zone", zone).bind("hour", rolloverHour).execute());
    }

    long deck(String name) {
        return collection.deckId(name);
    }

    /** The n-th card (0-based, by id) of a deck. */
    long card(String deck, int n) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id FROM card c JOIN deck d ON d.id = c.deck_id WHERE d.name = :n ORDER BY c.id
                        LIMIT 1 OFFSET :k""")
                .bind("n", deck).bind("k", n).mapTo(Long.class).one());
    }

    /** One review: the card was in {@code stateBefore} with an interval of {@code intervalBefore} days. */
    void review(long cardId, String at, int rating, int stateBefore, int intervalBefore) {
        review(cardId, Instant.parse(at), rating, stateBefore, intervalBefore, 10_000);
    }

    void review(long cardId, Instant at, int rating, int stateBefore, int intervalBefore, long durationMs) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                            state_before, stability_before, difficulty_before, reps_before, lapses_before,
                            learning_steps_before, scheduled_days_before, elapsed_days_before, last_review_before,
                            due_before, state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                        VALUES (:card, 1, :at, :rating, 0, :duration, :state, 1, 5, 1, 0, 0, :interval, 0, NULL, 0,
                                2, 3, 5, 3, :at)""")
                .bind("card", cardId).bind("at", at.toEpochMilli()).bind("rating", rating)
                .bind("duration", durationMs).bind("state", stateBefore).bind("interval", intervalBefore).execute());
    }

    /** Sets a card's scheduling state; {@code lastReviewDaysAgo} null means never reviewed. */
    void state(long cardId, int state, double stability, int scheduledDays, Double lastReviewDaysAgo, Instant due,
               boolean suspended) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE card_state SET state = :state, stability = :stability, difficulty = 5,
                               scheduled_days = :days, last_review = :last, due = :due, suspended = :suspended
                        WHERE card_id = :card""")
                .bind("card", cardId).bind("state", state).bind("stability", stability).bind("days", scheduledDays)
                .bind("last", lastReviewDaysAgo == null ? null
                        : now.minus(Duration.ofMillis((long) (lastReviewDaysAgo * 86_400_000L))).toEpochMilli())
                .bind("due", due.toEpochMilli()).bind("suspended", suspended ? 1 : 0).execute());
    }
}
