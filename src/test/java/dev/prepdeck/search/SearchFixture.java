package dev.prepdeck.search;

import dev.prepdeck.review.Learner;
import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.deck.DeckRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A small collection whose every search result is known: eight cards in English, French and Chinese, in nested
 * decks, with tags, every state, flags, burying, due dates, reviews and practice attempts. The learner's zone is
 * UTC with the 4 am rollover and the clock stands at 12:00 on 10 March 2026, so today's study day runs from 04:00
 * that day to 04:00 the next.
 */
final class SearchFixture {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    final Jdbi jdbi;
    final TestClock clock = new TestClock(NOW);
    final SearchService search;
    /** Card ids by name: btree, hash, cafe, zh, deploy, buried, short, sqlite. */
    final Map<String, Long> ids = new LinkedHashMap<>();

    SearchFixture(Path folder) {
        this(folder, TestDatabase.DEFAULT);
    }

    SearchFixture(Path folder, TestDatabase database) {
        jdbi = database.open(folder);
        DeckRepository decks = new DeckRepository();
        search = new SearchService(jdbi, decks, clock);
        jdbi.useTransaction(h -> {
            for (String deck : new String[] {"Tools", "Tools::SQL", "Tools::SQL::Indexes", "Tools::SQLite", "ML",
                    "ML::Deploy", "My deck", "面试", "面试::数据库"}) {
                decks.insertDeck(h, deck, "", "", null, 0, Learner.DEFAULT_ID, false);
            }
            card(h, decks, "btree", "Tools::SQL", "What is a B-Tree index?",
                    "A balanced tree that keeps keys sorted; lookups are O(log n).", "sql, sql::index");
            card(h, decks, "hash", "Tools::SQL::Indexes", "Hash index vs B-tree", "哈希索引只支持等值查询", "sql::index::hash");
            card(h, decks, "cafe", "ML", "Naïve Bayes at the CAFÉ", "Résumé: assumes independent features.", "ml");
            card(h, decks, "zh", "面试::数据库", "什么是索引？", "索引是帮助数据库快速定位行的数据结构，常见的是 B+ 树。", "数据库");
            card(h, decks, "deploy", "ML::Deploy", "How do you deploy a model?",
                    "Package it in Docker; serve it behind an API; release to a canary first.", "");
            card(h, decks, "buried", "My deck", "Explain MVCC", "多版本并发控制 keeps old row versions", "sql");
            card(h, decks, "short", "Tools", "What does AI stand for?", "Artificial intelligence", "basics");
            card(h, decks, "sqlite", "Tools::SQLite", "SQLite pragma journal_mode", "WAL lets readers work with a writer",
                    "sqlite");

            // created 40 days ago unless said otherwise
            h.execute("UPDATE card SET created_at = ?, updated_at = ?", ago(days(40)), ago(days(40)));
            h.execute("UPDATE card SET created_at = ?, updated_at = ? WHERE id = ?", ago(days(2)), ago(days(2)), id("cafe"));
            h.execute("UPDATE card SET updated_at = ? WHERE id = ?", ago(Duration.ofHours(1)), id("short"));

            state(h, "btree", 2, 30, 5.5, 5, 1, 20, ago(days(20)), NOW.minus(Duration.ofHours(26)));
            state(h, "hash", 2, 1, 9, 8, 3, 5, ago(days(3)), NOW.plus(days(5)).minus(Duration.ofHours(2)));
            state(h, "zh", 1, 0.5, 7, 1, 0, 0, ago(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)));
            state(h, "deploy", 3, 2, 6, 4, 2, 0, ago(days(5)), NOW.minus(Duration.ofHours(1)));
            state(h, "buried", 2, 10, 3, 3, 0, 10, ago(days(1)), NOW.plus(Duration.ofHours(2)));
            state(h, "sqlite", 2, 100, 2, 6, 0, 60, ago(days(90)), NOW.plus(days(30)));
            h.execute("UPDATE card_state SET suspended = 1 WHERE card_id = ?", id("deploy"));
            h.execute("UPDATE card_state SET buried_until = ?, flag = 1 WHERE card_id = ?",
                    Instant.parse("2026-03-11T04:00:00Z").toEpochMilli(), id("buried"));
            h.execute("UPDATE card_state SET flag = 2 WHERE card_id = ?", id("zh"));

            review(h, "btree", days(60), 3);
            review(h, "btree", days(20), 3);
            review(h, "hash", days(25), 3);
            review(h, "hash", days(3), 1);
            review(h, "zh", Duration.ofHours(1), 1);
            review(h, "deploy", days(40), 3);
            review(h, "deploy", days(5), 1);
            review(h, "buried", days(1), 3);
            review(h, "sqlite", days(90), 4);

            attempt(h, "btree", days(5), 0.3);
            attempt(h, "btree", days(1), 0.8);
            attempt(h, "hash", days(10), 0.4);
        });
        // Opening the file ran prepdeck's PRAGMA optimize, which gathers statistics: drop them, so these plans are the
        // ones SQLite makes without any, as on a collection ANALYZE never ran on.
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS sqlite_stat1");
            h.execute("DROP TABLE IF EXISTS sqlite_stat4");
        });
    }

    long id(String name) {
        return ids.get(name);
    }

    private void card(Handle h, DeckRepository decks, String name, String deck, String question, String answer,
                      String tags) {
        long deckId = decks.deckByName(h, deck).orElseThrow().id();
        ids.put(name, decks.insertCard(h, deckId, name, question, answer, tags, "", ids.size(), NOW.toEpochMilli()));
    }

    private void state(Handle h, String name, int state, double stability, double difficulty, int reps, int lapses,
                       int scheduledDays, long lastReview, Instant due) {
        h.execute("""
                        UPDATE card_state SET state = ?, stability = ?, difficulty = ?, reps = ?, lapses = ?,
                               scheduled_days = ?, last_review = ?, due = ? WHERE card_id = ?""",
                state, stability, difficulty, reps, lapses, scheduledDays, lastReview, due.toEpochMilli(), id(name));
    }

    private void review(Handle h, String name, Duration ago, int rating) {
        h.execute("""
                        INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                            state_before, stability_before, difficulty_before, reps_before, lapses_before,
                            learning_steps_before, scheduled_days_before, elapsed_days_before, due_before,
                            state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                        VALUES (?, 1, ?, ?, 0, 5000, 2, 1, 5, 0, 0, 0, 0, 0, 0, 2, 1, 5, 1, 0)""",
                id(name), ago(ago), rating);
    }

    private void attempt(Handle h, String name, Duration ago, double coverage) {
        h.execute("""
                        INSERT INTO practice_attempt (card_id, learner_id, attempted_at, answer, seconds, coverage, key_points)
                        VALUES (?, 1, ?, 'typed', 30, ?, '[]')""", id(name), ago(ago), coverage);
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    private static long ago(Duration duration) {
        return NOW.minus(duration).toEpochMilli();
    }
}
