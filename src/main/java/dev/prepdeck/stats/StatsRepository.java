package dev.prepdeck.stats;

import dev.prepdeck.deck.DeckTree;
import dev.prepdeck.fsrs.ForgettingCurve;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.EmptyHandling;
import org.jdbi.v3.core.statement.Query;

/**
 * The statistics' SQL. Every figure is an aggregate computed by SQLite; Java receives at most one row per day,
 * per hour of the day or per deck. A {@link DeckTree.Scope} says which decks count: a deck with its sub-decks, or
 * every deck. State codes are bound from {@link State}; a day grid is spliced in as {@code <days>} (see
 * {@link DayGrid#values}).
 */
public final class StatsRepository {
    private static final long HOUR_MS = 3_600_000L;
    /** review_hour keeps every deck's totals together under deck id 0 (see V4__statistics.sql). */
    private static final long EVERY_DECK = 0;
    /** An interval of 21 days or more makes a card "mature", as in Anki. */
    static final int MATURE_DAYS = 21;

    /** What happened on one study day. Kinds follow the card's state before the review. */
    public record DayTotals(int reviews, int learning, int review, int relearning, int youngCount, int youngPassed,
                     int matureCount, int maturePassed, long durationMs) {
        static final DayTotals NONE = new DayTotals(0, 0, 0, 0, 0, 0, 0, 0, 0);

        DayTotals plus(DayTotals o) {
            return new DayTotals(reviews + o.reviews, learning + o.learning, review + o.review, relearning + o.relearning,
                    youngCount + o.youngCount, youngPassed + o.youngPassed, matureCount + o.matureCount,
                    maturePassed + o.maturePassed, durationMs + o.durationMs);
        }
    }

    /** Reviews of one UTC hour (summed over the decks in scope), the unit the statistics are read in. */
    public record HourTotals(long hourStartMs, DayTotals totals) {
    }

    /**
     * The review_hour roll-up (kept by triggers on review_log, see V4__statistics.sql) for the hours in [from, to),
     * one row per hour that had reviews. Java assigns each hour to the learner's study day and local hour.
     */
    List<HourTotals> reviewHours(Handle h, long learnerId, DeckTree.Scope scope, long fromMs, long toMs) {
        List<HourTotals> rows = new ArrayList<>();
        h.createQuery("""
                        SELECT r.hour, SUM(r.reviews) AS reviews, SUM(r.learning) AS learning, SUM(r.review) AS review,
                               SUM(r.relearning) AS relearning, SUM(r.young) AS young, SUM(r.young_passed) AS young_pass,
                               SUM(r.mature) AS mature, SUM(r.mature_passed) AS mature_pass, SUM(r.duration_ms) AS duration
                        FROM review_hour r
                        WHERE r.learner_id = :learnerId AND r.deck_id IN (<decks>)
                          AND r.hour >= :fromHour AND r.hour < :toHour
                        GROUP BY r.hour HAVING SUM(r.reviews) > 0 ORDER BY r.hour""")
                .bind("learnerId", learnerId)
                .bindList(EmptyHandling.NULL_KEYWORD, "decks", scope.everyDeck() ? List.of(EVERY_DECK) : scope.deckIds())
                .bind("fromHour", Math.floorDiv(fromMs, HOUR_MS)).bind("toHour", Math.floorDiv(toMs + HOUR_MS - 1, HOUR_MS))
                .map((rs, ctx) -> new HourTotals(rs.getLong("hour") * HOUR_MS, new DayTotals(rs.getInt("reviews"),
                        rs.getInt("learning"), rs.getInt("review"), rs.getInt("relearning"), rs.getInt("young"),
                        rs.getInt("young_pass"), rs.getInt("mature"), rs.getInt("mature_pass"), rs.getLong("duration"))))
                .forEach(rows::add);
        return rows;
    }

    /** Whether anything was reviewed in [from, to); used to follow a streak back past the year the page reads. */
    boolean anyReview(Handle h, long learnerId, DeckTree.Scope scope, long fromMs, long toMs) {
        return !reviewHours(h, learnerId, scope, fromMs, toMs).isEmpty();
    }

    /** Cards falling due on each day of the grid; cards already overdue count on its first day. */
    int[] dueByDay(Handle h, long learnerId, DeckTree.Scope scope, DayGrid grid) {
        int[] result = new int[grid.size()];
        // Every deck reads card_state's due index; a deck tree reads card_recall's, which is ordered by deck. CROSS JOIN
        // keeps the days outside: each day then seeks its range, where SQLite's own order read every due card per day.
        Query query = scope.everyDeck()
                ? h.createQuery("""
                        WITH days(idx, day_start, day_end) AS (VALUES <days>)
                        SELECT days.idx, COUNT(*) AS due
                        FROM days CROSS JOIN card_state s
                          ON s.learner_id = :learnerId AND s.suspended = 0 AND s.state IN (:learning, :review, :relearning)
                             AND s.due >= days.day_start AND s.due < days.day_end
                        GROUP BY days.idx""")
                : h.createQuery("""
                        WITH days(idx, day_start, day_end) AS (VALUES <days>)
                        SELECT days.idx, COUNT(*) AS due
                        FROM days CROSS JOIN card_recall s
                          ON s.learner_id = :learnerId AND s.deck_id IN (<decks>)
                             AND s.state IN (:learning, :review, :relearning) AND s.suspended = 0
                             AND s.due >= days.day_start AND s.due < days.day_end
                        GROUP BY days.idx""")
                        .bindList(EmptyHandling.NULL_KEYWORD, "decks", scope.deckIds());
        query.define("days", grid.values(true)).bind("learnerId", learnerId)
                .bind("learning", State.LEARNING).bind("review", State.REVIEW).bind("relearning", State.RELEARNING)
                .map((rs, ctx) -> new int[] {rs.getInt("idx"), rs.getInt("due")})
                .forEach(row -> result[row[0]] = row[1]);
        return result;
    }

    /** Card counts by state; suspended cards count only as suspended. */
    public record StateCounts(int newCards, int learning, int young, int mature, int suspended) {
        static final StateCounts NONE = new StateCounts(0, 0, 0, 0, 0);

        public int total() {
            return newCards + learning + young + mature + suspended;
        }

        StateCounts plus(StateCounts o) {
            return new StateCounts(newCards + o.newCards, learning + o.learning, young + o.young, mature + o.mature,
                    suspended + o.suspended);
        }
    }

    /** Upper bounds (days, exclusive) of the stability bins; the last bin is open. */
    static final double[] STABILITY_BOUNDS = {1, 7, 21, 90, 365};

    /** Studied, active cards per stability bin ({@link #STABILITY_BOUNDS}) and per difficulty bin [1,2) … [9,10]. */
    public record Distributions(int[] stability, int[] difficulty) {
    }

    Distributions distributions(Handle h, long learnerId, DeckTree.Scope scope) {
        int[] stability = new int[STABILITY_BOUNDS.length + 1];
        int[] difficulty = new int[9];
        h.createQuery("""
                        SELECT CASE WHEN s.stability < 1 THEN 0 WHEN s.stability < 7 THEN 1 WHEN s.stability < 21 THEN 2
                                    WHEN s.stability < 90 THEN 3 WHEN s.stability < 365 THEN 4 ELSE 5 END AS sbin,
                               MIN(MAX(CAST(s.difficulty AS INTEGER), 1), 9) - 1 AS dbin,
                               COUNT(*) AS n
                        FROM card_recall s
                        WHERE s.learner_id = :learnerId AND s.deck_id IN (<decks>) AND s.suspended = 0 AND s.state <> :new
                        GROUP BY sbin, dbin""")
                .bind("learnerId", learnerId).bind("new", State.NEW)
                .bindList(EmptyHandling.NULL_KEYWORD, "decks", scope.deckIds())
                .map((rs, ctx) -> new int[] {rs.getInt("sbin"), rs.getInt("dbin"), rs.getInt("n")})
                .forEach(row -> {
                    stability[row[0]] += row[2];
                    difficulty[row[1]] += row[2];
                });
        return new Distributions(stability, difficulty);
    }

    /**
     * A deck's own cards (not its sub-decks'): counts by state, and of the active ones how many are at R ≥ 0.9 now and
     * the sum of their R.
     */
    public record DeckCards(StateCounts states, int activeCards, int mastered, double retrievabilitySum) {
        static final DeckCards NONE = new DeckCards(StateCounts.NONE, 0, 0, 0);

        DeckCards plus(DeckCards o) {
            return new DeckCards(states.plus(o.states), activeCards + o.activeCards, mastered + o.mastered,
                    retrievabilitySum + o.retrievabilitySum);
        }
    }

    /** Decks that share one forgetting curve (all of them unless their weights differ). */
    public record CurveConstants(List<Long> deckIds, ForgettingCurve curve) {
    }

    /**
     * States and retrievability now of the learner's cards, per deck: one query per distinct forgetting curve (all
     * decks share one unless their weights differ) over card_recall, whose key orders rows by deck (no join, no sort).
     * Like the scheduler, t counts whole 24-hour periods since the last review; a new card's R is 0. FSRS-6 chooses
     * its factor so that R = 0.9 exactly when t = S, so "R ≥ 0.9" is tested as t ≤ S, without pow().
     */
    java.util.Map<Long, DeckCards> cardsByOwnDeck(Handle h, long learnerId, List<CurveConstants> curves, long nowMs) {
        java.util.Map<Long, DeckCards> result = new java.util.HashMap<>();
        for (CurveConstants curve : curves) {
            h.createQuery("""
                            SELECT s.deck_id,
                                   SUM(s.suspended = 0 AND s.state = :new) AS new_cards,
                                   SUM(s.suspended = 0 AND s.state IN (:learning, :relearning)) AS learning,
                                   SUM(s.suspended = 0 AND s.state = :review AND s.scheduled_days < :mature) AS young,
                                   SUM(s.suspended = 0 AND s.state = :review AND s.scheduled_days >= :mature) AS mature,
                                   SUM(s.suspended) AS suspended,
                                   SUM(s.suspended = 0 AND s.state <> :new AND s.stability > 0
                                       AND MAX((:now - s.last_review) / 86400000, 0) <= s.stability) AS mastered,
                                   TOTAL(CASE WHEN s.suspended = 0 AND s.state <> :new AND s.stability > 0
                                         THEN pow(1 + :factor * MAX((:now - COALESCE(s.last_review, :now)) / 86400000, 0)
                                                  / s.stability, :decay) END) AS r_sum
                            FROM card_recall s
                            WHERE s.learner_id = :learnerId AND s.deck_id IN (<decks>)
                            GROUP BY s.deck_id""")
                    .bindList("decks", curve.deckIds())
                    .bind("learnerId", learnerId).bind("now", nowMs).bind("mature", MATURE_DAYS)
                    .bind("new", State.NEW).bind("learning", State.LEARNING).bind("review", State.REVIEW)
                    .bind("relearning", State.RELEARNING)
                    .bind("factor", curve.curve().factor()).bind("decay", curve.curve().decay())
                    .map((rs, ctx) -> java.util.Map.entry(rs.getLong("deck_id"), new DeckCards(
                            new StateCounts(rs.getInt("new_cards"), rs.getInt("learning"), rs.getInt("young"),
                                    rs.getInt("mature"), rs.getInt("suspended")),
                            rs.getInt("new_cards") + rs.getInt("learning") + rs.getInt("young") + rs.getInt("mature"),
                            rs.getInt("mastered"), rs.getDouble("r_sum"))))
                    .forEach(e -> result.put(e.getKey(), e.getValue()));
        }
        return result;
    }

    /** Practice attempts and the sum of their coverage per day of the grid. */
    double[][] coverageByDay(Handle h, long learnerId, DeckTree.Scope scope, DayGrid grid) {
        double[][] result = new double[grid.size()][2];
        // Every deck needs no look-up of the attempts' cards; a deck tree keeps the attempts at its cards. Days outside,
        // as in dueByDay.
        Query query = scope.everyDeck()
                ? h.createQuery("""
                        WITH days(idx, day_start, day_end) AS (VALUES <days>)
                        SELECT days.idx, COUNT(*) AS attempts, SUM(p.coverage) AS coverage
                        FROM days CROSS JOIN practice_attempt p
                          ON p.learner_id = :learnerId AND p.attempted_at >= days.day_start AND p.attempted_at < days.day_end
                        GROUP BY days.idx""")
                : h.createQuery("""
                        WITH days(idx, day_start, day_end) AS (VALUES <days>)
                        SELECT days.idx, COUNT(*) AS attempts, SUM(p.coverage) AS coverage
                        FROM days CROSS JOIN practice_attempt p
                          ON p.learner_id = :learnerId AND p.attempted_at >= days.day_start AND p.attempted_at < days.day_end
                        WHERE p.card_id IN (SELECT c.id FROM card c WHERE c.deck_id IN (<decks>))
                        GROUP BY days.idx""")
                        .bindList(EmptyHandling.NULL_KEYWORD, "decks", scope.deckIds());
        query.define("days", grid.values(false)).bind("learnerId", learnerId)
                .map((rs, ctx) -> new double[] {rs.getInt("idx"), rs.getInt("attempts"), rs.getDouble("coverage")})
                .forEach(row -> result[(int) row[0]] = new double[] {row[1], row[2]});
        return result;
    }

    /** One line of the review log export. */
    public record LogLine(long id, long reviewedAt, String deck, String cardUid, String question, Rating rating,
                          State stateBefore, State stateAfter, int elapsedDays, long durationMs, double stabilityAfter,
                          double difficultyAfter, int scheduledDaysAfter) {
    }

    /** Streams the review log oldest first, one row at a time, so an export never holds the log in memory. */
    void eachLogLine(Handle h, long learnerId, DeckTree.Scope scope, Consumer<LogLine> sink) {
        try (var rows = h.createQuery("""
                        SELECT r.id, r.reviewed_at, d.name AS deck, c.uid, c.question, r.rating, r.state_before,
                               r.state_after, r.elapsed_days, r.duration_ms, r.stability_after, r.difficulty_after,
                               r.scheduled_days_after
                        FROM review_log r JOIN card c ON c.id = r.card_id JOIN deck d ON d.id = c.deck_id
                        WHERE r.learner_id = :learnerId AND c.deck_id IN (<decks>)
                        ORDER BY r.reviewed_at, r.id""")
                .bind("learnerId", learnerId).bindList(EmptyHandling.NULL_KEYWORD, "decks", scope.deckIds())
                .setFetchSize(500)
                .map((rs, ctx) -> new LogLine(rs.getLong("id"), rs.getLong("reviewed_at"), rs.getString("deck"),
                        rs.getString("uid"), rs.getString("question"), Rating.of(rs.getInt("rating")),
                        State.of(rs.getInt("state_before")), State.of(rs.getInt("state_after")),
                        rs.getInt("elapsed_days"), rs.getLong("duration_ms"), rs.getDouble("stability_after"),
                        rs.getDouble("difficulty_after"), rs.getInt("scheduled_days_after")))
                .stream()) {
            rows.forEach(sink);
        }
    }
}
