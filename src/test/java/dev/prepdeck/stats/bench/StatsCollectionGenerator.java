package dev.prepdeck.stats.bench;

import dev.prepdeck.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds a large collection for the statistics benchmark: {@code cards} cards in 20 decks (two levels) and
 * {@code reviews} reviews spread over the two years before now, in one transaction with batched inserts. The
 * learner's zone is Europe/Berlin so the day grid crosses DST changes. Seeded: the same arguments give the same file.
 *
 * <p>Usage: {@code java -cp target/prepdeck.jar:target/test-classes dev.prepdeck.stats.bench.StatsCollectionGenerator
 * FILE [cards] [reviews]}
 */
public final class StatsCollectionGenerator {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int reviews = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Files.deleteIfExists(file);
        long started = System.nanoTime();
        Jdbi jdbi = Database.open(file);
        jdbi.useHandle(h -> {
            Connection c = h.getConnection();
            c.setAutoCommit(false);
            generate(c, cards, reviews, Instant.now().toEpochMilli());
            c.commit();
            c.setAutoCommit(true);
            h.execute("ANALYZE");
        });
        System.out.printf("%s: %,d cards, %,d reviews in %.1f s%n", file, cards, reviews,
                (System.nanoTime() - started) / 1e9);
    }

    static void generate(Connection c, int cardCount, int reviewCount, long now) throws Exception {
        SplittableRandom random = new SplittableRandom(20261129);
        try (var s = c.createStatement()) {
            s.execute("UPDATE learner SET time_zone = 'Europe/Berlin', rollover_hour = 4 WHERE id = 1");
        }
        int deckCount = 20;
        try (PreparedStatement deck = c.prepareStatement(
                "INSERT INTO deck (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
            for (int d = 1; d <= deckCount; d++) {
                // decks 1-4 are roots; the others are their sub-decks
                String name = d <= 4 ? "Bench " + d : "Bench " + (1 + d % 4) + "::Topic " + d;
                deck.setInt(1, d);
                deck.setString(2, name);
                deck.setLong(3, now);
                deck.setLong(4, now);
                deck.addBatch();
            }
            deck.executeBatch();
        }
        int studied = cardCount * 9 / 10;
        long span = 730 * DAY_MS;
        try (PreparedStatement card = c.prepareStatement("""
                INSERT INTO card (id, deck_id, uid, question, answer, position, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement state = c.prepareStatement("""
                INSERT INTO card_state (card_id, learner_id, state, stability, difficulty, reps, lapses, scheduled_days,
                                        last_review, due, suspended)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement review = c.prepareStatement("""
                INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                    state_before, stability_before, difficulty_before, reps_before, lapses_before, learning_steps_before,
                    scheduled_days_before, elapsed_days_before, last_review_before, due_before,
                    state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int reviewsLeft = reviewCount;
            for (int id = 1; id <= cardCount; id++) {
                card.setInt(1, id);
                card.setInt(2, 1 + id % deckCount);
                card.setString(3, "bench-" + id);
                card.setString(4, "Bench question " + id + "?");
                card.setString(5, "Answer " + id);
                card.setInt(6, id);
                card.setLong(7, now);
                card.setLong(8, now);
                card.addBatch();

                int n = id > studied ? 0 : reviewsLeft / (studied - id + 1);
                reviewsLeft -= n;
                long first = now - span + (long) (random.nextDouble() * (span - 30 * DAY_MS));
                long last = 0;
                int stateNow = 0;
                double stability = 0;
                double difficulty = 1 + random.nextDouble() * 9;
                int interval = 0;
                int lapses = 0;
                for (int k = 0; k < n; k++) {
                    long at = first + (long) ((now - first) * Math.pow((k + 1.0) / (n + 1), 1.4))
                            - random.nextLong(3_600_000);
                    int rating = pick(random);
                    int before = k == 0 ? 0 : stateNow;
                    int after = rating == 1 ? (before == 2 ? 3 : 1) : (before == 0 ? 1 : 2);
                    double newStability = rating == 1 ? Math.max(0.5, stability * 0.3) : Math.max(1, stability * 2.2 + 1);
                    int newInterval = after == 2 ? (int) Math.max(1, Math.round(newStability)) : 0;
                    lapses += before == 2 && rating == 1 ? 1 : 0;
                    review.setInt(1, id);
                    review.setLong(2, at);
                    review.setInt(3, rating);
                    review.setInt(4, last == 0 ? 0 : (int) ((at - last) / DAY_MS));
                    review.setLong(5, 2_000 + random.nextLong(40_000));
                    review.setInt(6, before);
                    review.setDouble(7, stability);
                    review.setDouble(8, difficulty);
                    review.setInt(9, k);
                    review.setInt(10, lapses);
                    review.setInt(11, interval);
                    review.setInt(12, 0);
                    if (last == 0) {
                        review.setNull(13, java.sql.Types.INTEGER);
                    } else {
                        review.setLong(13, last);
                    }
                    review.setLong(14, last + interval * DAY_MS);
                    review.setInt(15, after);
                    review.setDouble(16, newStability);
                    review.setDouble(17, difficulty);
                    review.setInt(18, newInterval);
                    review.setLong(19, at + Math.max(newInterval, 0) * DAY_MS + (newInterval == 0 ? 600_000 : 0));
                    review.addBatch();
                    stateNow = after;
                    stability = newStability;
                    interval = newInterval;
                    last = at;
                }
                state.setInt(1, id);
                state.setInt(2, stateNow);
                state.setDouble(3, stability);
                state.setDouble(4, n == 0 ? 0 : difficulty);
                state.setInt(5, n);
                state.setInt(6, lapses);
                state.setInt(7, interval);
                if (last == 0) {
                    state.setNull(8, java.sql.Types.INTEGER);
                } else {
                    state.setLong(8, last);
                }
                // keep due dates near today so the forecast has work in it
                state.setLong(9, n == 0 ? now : now - 20 * DAY_MS + random.nextLong(120 * DAY_MS));
                state.setInt(10, random.nextInt(100) == 0 ? 1 : 0);
                state.addBatch();
                if (id % 1000 == 0) {
                    card.executeBatch();
                    state.executeBatch();
                    review.executeBatch();
                }
            }
            card.executeBatch();
            state.executeBatch();
            review.executeBatch();
        }
    }

    /** Again 10%, Hard 10%, Good 70%, Easy 10%. */
    private static int pick(SplittableRandom random) {
        int r = random.nextInt(10);
        return r == 0 ? 1 : r == 1 ? 2 : r == 9 ? 4 : 3;
    }
}
