package dev.prepdeck.bench;

import dev.prepdeck.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * What the benchmark collections (statistics, search) are built from alike: a fresh database filled in one
 * transaction, a learner in Europe/Berlin, and for each card a simulated review history over the two years before
 * now with the state it leaves, written in batches. Every draw comes from the generator's seeded random in a fixed
 * order, so the same arguments give the same file.
 */
public final class BenchCollection implements AutoCloseable {
    public static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long SPAN_MS = 730 * DAY_MS;

    private final SplittableRandom random;
    private final long now;
    private final int studied;
    private int reviewsLeft;
    private final PreparedStatement state;
    private final PreparedStatement review;

    /** A generator's part of building the collection, given the open connection and the time taken as now. */
    @FunctionalInterface
    public interface Filling {
        void fill(Connection c, long now) throws Exception;
    }

    /**
     * Spreads {@code reviewCount} reviews over the first 90% of {@code cardCount} cards, the rest left new, drawing
     * from {@code random}.
     */
    public BenchCollection(Connection c, SplittableRandom random, long now, int cardCount, int reviewCount)
            throws SQLException {
        this.random = random;
        this.now = now;
        this.studied = cardCount * 9 / 10;
        this.reviewsLeft = reviewCount;
        this.state = c.prepareStatement("""
                INSERT INTO card_state (card_id, learner_id, state, stability, difficulty, reps, lapses, scheduled_days,
                                        last_review, due, suspended, flag, buried_until)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        this.review = c.prepareStatement("""
                INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                    state_before, stability_before, difficulty_before, reps_before, lapses_before, learning_steps_before,
                    scheduled_days_before, elapsed_days_before, last_review_before, due_before,
                    state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?)""");
    }

    /** Makes {@code file} afresh with the schema and fills it in one transaction; returns it open. */
    public static Jdbi create(Path file, Filling filling) throws Exception {
        Files.deleteIfExists(file);
        Jdbi jdbi = Database.open(file);
        jdbi.useHandle(h -> {
            Connection c = h.getConnection();
            c.setAutoCommit(false);
            filling.fill(c, Instant.now().toEpochMilli());
            c.commit();
            c.setAutoCommit(true);
        });
        return jdbi;
    }

    /**
     * Puts the learner in Europe/Berlin with a 4 am rollover (so the day grid crosses DST changes) and adds the
     * decks, with ids from 1 in the order named.
     */
    public static void learnerAndDecks(Connection c, List<String> decks, long now) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE learner SET time_zone = 'Europe/Berlin', rollover_hour = 4 WHERE id = 1");
        }
        try (PreparedStatement deck = c.prepareStatement(
                "INSERT INTO deck (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
            for (int d = 0; d < decks.size(); d++) {
                deck.setInt(1, d + 1);
                deck.setString(2, decks.get(d));
                deck.setLong(3, now);
                deck.setLong(4, now);
                deck.addBatch();
            }
            deck.executeBatch();
        }
    }

    /** How many reviews card {@code id} gets: its share of those left, none past the studied 90%; ask in id order. */
    public int reviewsOf(int id) {
        int n = id > studied ? 0 : reviewsLeft / (studied - id + 1);
        reviewsLeft -= n;
        return n;
    }

    /** A time in the two years before now, at least 30 days ago: where a card's history starts. */
    public long start() {
        return now - SPAN_MS + (long) (random.nextDouble() * (SPAN_MS - 30 * DAY_MS));
    }

    /** The state a card's reviews left it in; {@code last} is 0 for a card never reviewed. */
    public record History(int reps, int state, double stability, double difficulty, int lapses, int interval,
                          long last) {
    }

    /**
     * Writes card {@code cardId}'s {@code n} reviews from {@code first} on, closer together towards now, each moved
     * by {@code jitter}; ratings are Again 10%, Hard 10%, Good 70%, Easy 10%.
     */
    public History reviews(int cardId, int n, long first, LongSupplier jitter) throws SQLException {
        long last = 0;
        int stateNow = 0;
        double stability = 0;
        double difficulty = 1 + random.nextDouble() * 9;
        int interval = 0;
        int lapses = 0;
        for (int k = 0; k < n; k++) {
            long at = first + (long) ((now - first) * Math.pow((k + 1.0) / (n + 1), 1.4)) + jitter.getAsLong();
            int rating = rating();
            int before = k == 0 ? 0 : stateNow;
            int after = rating == 1 ? (before == 2 ? 3 : 1) : (before == 0 ? 1 : 2);
            double newStability = rating == 1 ? Math.max(0.5, stability * 0.3) : Math.max(1, stability * 2.2 + 1);
            int newInterval = after == 2 ? (int) Math.max(1, Math.round(newStability)) : 0;
            lapses += before == 2 && rating == 1 ? 1 : 0;
            review.setInt(1, cardId);
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
            setTimeOrNull(review, 12, last);
            review.setLong(13, last + interval * DAY_MS);
            review.setInt(14, after);
            review.setDouble(15, newStability);
            review.setDouble(16, difficulty);
            review.setInt(17, newInterval);
            review.setLong(18, at + newInterval * DAY_MS + (newInterval == 0 ? 600_000 : 0));
            review.addBatch();
            stateNow = after;
            stability = newStability;
            interval = newInterval;
            last = at;
        }
        return new History(n, stateNow, stability, difficulty, lapses, interval, last);
    }

    /** A due time from three weeks ago to four months ahead, so "due today" and the forecast have work in them. */
    public long dueNearToday() {
        return now - 20 * DAY_MS + random.nextLong(120 * DAY_MS);
    }

    /** Writes the card state {@code history} left, with what the generator decides besides. */
    public void state(int cardId, History history, long due, boolean suspended, int flag, Long buriedUntil)
            throws SQLException {
        state.setInt(1, cardId);
        state.setInt(2, history.state());
        state.setDouble(3, history.stability());
        state.setDouble(4, history.reps() == 0 ? 0 : history.difficulty());
        state.setInt(5, history.reps());
        state.setInt(6, history.lapses());
        state.setInt(7, history.interval());
        setTimeOrNull(state, 8, history.last());
        state.setLong(9, due);
        state.setInt(10, suspended ? 1 : 0);
        state.setInt(11, flag);
        if (buriedUntil == null) {
            state.setNull(12, Types.INTEGER);
        } else {
            state.setLong(12, buriedUntil);
        }
        state.addBatch();
    }

    /** Sends the batched states and reviews; the caller sends its cards first, as the states refer to them. */
    public void flush() throws SQLException {
        state.executeBatch();
        review.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        state.close();
        review.close();
    }

    /** Again 10%, Hard 10%, Good 70%, Easy 10%. */
    private int rating() {
        int r = random.nextInt(10);
        return r == 0 ? 1 : r == 1 ? 2 : r == 9 ? 4 : 3;
    }

    /** Binds a time, or NULL for 0 (never). */
    private static void setTimeOrNull(PreparedStatement statement, int index, long millis) throws SQLException {
        if (millis == 0) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, millis);
        }
    }
}
