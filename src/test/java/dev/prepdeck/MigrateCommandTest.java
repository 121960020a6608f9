package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.account.Accounts;
import dev.prepdeck.db.CollectionCopy;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.Migrations;
import dev.prepdeck.db.OldDatabases;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.search.BulkAction;
import dev.prepdeck.search.BulkEdit;
import dev.prepdeck.search.CardSelection;
import dev.prepdeck.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** prepdeck migrate: a SQLite collection copied into PostgreSQL (issue 18), on a real PostgreSQL server. */
class MigrateCommandTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private int migrate(String... args) {
        return Main.commandLine(new MigrateCommand()).execute(args);
    }

    private Path passwordFile() {
        return TestData.write(tempDir, "password", TestDatabase.password() + "\n");
    }

    @Test
    void a_collection_with_every_kind_of_row_is_copied_and_the_app_on_postgresql_shows_and_studies_the_same() {
        TestCollection collection = everyKindOfRow();
        Path source = Database.file(collection.jdbi());
        Map<String, JsonNode> onSqlite = pages(collection.jdbi(), collection);
        Map<String, Long> sourceCounts = collection.rowCounts();
        for (String table : CollectionCopy.TABLES) {
            assertThat(sourceCounts.get(table)).as("the test collection has rows in " + table).isPositive();
        }
        Database.close(collection.jdbi());
        String url = TestDatabase.newPostgresUrl();

        int exit = migrate("--from", source.toString(), "--to", url, "--db-password-file", passwordFile().toString());

        assertThat(exit).as(output.err()).isZero();
        assertThat(output.out()).contains("every table's rows and checksum match");
        for (String table : CollectionCopy.TABLES) {
            assertThat(output.out()).containsPattern("(?m)^" + table + " +" + sourceCounts.get(table) + " +"
                    + sourceCounts.get(table) + " +([0-9a-f]{16})  \\1$");
        }
        Jdbi postgres = DatabaseOption.of(url, passwordFile()).open(Migrations.BeforeUpgrade.NOTHING);
        try {
            for (String table : CollectionCopy.TABLES) {
                assertThat(number(postgres, "SELECT COUNT(*) FROM " + table)).as(table)
                        .isEqualTo(sourceCounts.get(table));
            }
            assertThat(pages(postgres, collection)).isEqualTo(onSqlite);
            long highestReview = collection.one("SELECT MAX(id) FROM review_log", Long.class);
            TestSite.run(postgres, collection.clock(), site -> {
                site.login("alice", "correct horse battery");
                JsonNode next = TestSite.json(site.get("/api/review/next"));
                long cardId = next.get("card").get("id").asLong();
                var rated = site.send("POST", "/api/review", "{\"cardId\":" + cardId + ",\"rating\":3}");
                assertThat(rated.code()).as(rated.body().string()).isEqualTo(200);
            });
            long newReview = number(postgres, "SELECT MAX(id) FROM review_log");
            assertThat(newReview).as("a new review takes an id past every id SQLite ever gave")
                    .isGreaterThan(highestReview);
        } finally {
            Database.close(postgres);
        }
    }

    @Test
    void a_target_that_is_not_empty_is_refused_and_left_as_it_was() {
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        Path source = Database.file(collection.jdbi());
        String url = TestDatabase.newPostgresUrl();
        String password = passwordFile().toString();
        assertThat(migrate("--from", source.toString(), "--to", url, "--db-password-file", password)).isZero();
        output.reset();

        int exit = migrate("--from", source.toString(), "--to", url, "--db-password-file", password);

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("error: the PostgreSQL database is not empty (rows in deck, card")
                .contains("nothing was copied").doesNotContain("\tat ");
        Jdbi postgres = DatabaseOption.of(url, passwordFile()).open(Migrations.BeforeUpgrade.NOTHING);
        try {
            assertThat(number(postgres, "SELECT COUNT(*) FROM card")).isEqualTo(3);
        } finally {
            Database.close(postgres);
        }
    }

    @Test
    void a_copy_that_fails_half_way_leaves_nothing_in_postgresql() throws Exception {
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        Path source = Database.file(collection.jdbi());
        Database.close(collection.jdbi());
        // Custom study of a learner that does not exist: SQLite kept it with foreign keys off, PostgreSQL refuses it
        // after the learners, decks, cards and reviews were copied.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = OFF");
            statement.execute("INSERT INTO custom_study (learner_id, mode, query, card_ids, position, started_at)"
                    + " VALUES (999, 'ahead', '', '[]', 0, 0)");
        }
        String url = TestDatabase.newPostgresUrl();

        int exit = migrate("--from", source.toString(), "--to", url, "--db-password-file", passwordFile().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("error: copying table custom_study failed").doesNotContain("\tat ");
        Jdbi postgres = DatabaseOption.of(url, passwordFile()).open(Migrations.BeforeUpgrade.NOTHING);
        try {
            assertThat(number(postgres, "SELECT (SELECT COUNT(*) FROM deck) + (SELECT COUNT(*) FROM card)"
                    + " + (SELECT COUNT(*) FROM card_text)")).as("nothing of the half-made copy is left").isZero();
        } finally {
            Database.close(postgres);
        }
    }

    @Test
    void a_fraction_in_a_whole_number_column_is_refused_rather_than_cut_on_both_sides() throws Exception {
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        new ReviewService(collection.jdbi(), new DeckRepository(), new ReviewRepository(), collection.clock())
                .rate(Learner.DEFAULT_ID, collection.cardId("What does DNS do?"), Rating.GOOD, 4000, null);
        Path source = Database.file(collection.jdbi());
        collection.jdbi().useHandle(h -> h.execute("UPDATE review_log SET duration_ms = 4000.5"));
        Database.close(collection.jdbi());

        int exit = migrate("--from", source.toString(), "--to", TestDatabase.newPostgresUrl(), "--db-password-file",
                passwordFile().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("column duration_ms holds 4000.5 where PostgreSQL takes a whole number");
    }

    @Test
    void a_table_the_copy_does_not_know_stops_it_before_anything_is_copied() throws Exception {
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        Path source = Database.file(collection.jdbi());
        collection.jdbi().useHandle(h -> h.execute("CREATE TABLE card_note (card_id INTEGER, note TEXT)"));
        Database.close(collection.jdbi());

        int exit = migrate("--from", source.toString(), "--to", TestDatabase.newPostgresUrl(), "--db-password-file",
                passwordFile().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("the SQLite file has tables this copy does not know: card_note")
                .contains("nothing was copied");
    }

    @Test
    void bad_sources_are_told_in_one_line_before_postgresql_is_contacted() throws Exception {
        String nowhere = "postgresql://nobody@127.0.0.1:1/none";
        Path missing = tempDir.resolve("missing.db");
        Path text = TestData.write(tempDir, "notes.md", "# not a database\n");
        Path otherSqlite = tempDir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + otherSqlite);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (x INTEGER)");
        }
        Path old = tempDir.resolve("old.db");
        OldDatabases.create(old, 10);

        assertThat(migrate("--from", missing.toString(), "--to", nowhere)).isEqualTo(1);
        assertThat(migrate("--from", text.toString(), "--to", nowhere)).isEqualTo(1);
        assertThat(migrate("--from", otherSqlite.toString(), "--to", nowhere)).isEqualTo(1);
        assertThat(migrate("--from", old.toString(), "--to", nowhere)).isEqualTo(1);
        assertThat(migrate("--from", old.toString(), "--to", tempDir.resolve("target.db").toString()))
                .isEqualTo(2);

        assertThat(output.err().lines().toList()).containsExactly(
                "error: " + missing + " does not exist or is not a file",
                "error: " + text + ": it is not a SQLite database",
                "error: " + otherSqlite + ": it is a SQLite database but not a prepdeck one",
                "error: " + old + " is at schema version 10 and this prepdeck's is " + Migrations.LATEST_VERSION
                        + ": upgrade it first by opening it with this prepdeck, e.g. `prepdeck check --db " + old
                        + " --report-only` (it backs the file up before upgrading)",
                "error: --to " + tempDir.resolve("target.db") + " is not a PostgreSQL URL; write it as"
                        + " postgresql://USER@HOST:5432/NAME");
        assertThat(Files.exists(missing)).as("nothing is created where the source was missing").isFalse();
    }

    @Test
    void a_wrong_password_is_told_in_one_line() {
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir);
        Path password = TestData.write(tempDir, "password", "not-the-password\n");

        int exit = migrate("--from", Database.file(collection.jdbi()).toString(), "--to",
                TestDatabase.newPostgresUrl(), "--db-password-file", password.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("error: cannot connect to jdbc:postgresql://")
                .contains("password authentication failed").doesNotContain("\tat ");
    }

    /**
     * A SQLite collection with rows in every table the app keeps: decks and cards (and their search rows), reviews
     * over two days (and the statistics roll-ups), practice attempts with recordings, an account with a session
     * and an API token, learner settings, a second-opinion judge, saved searches, custom study, extra new cards,
     * media, and a bulk delete whose undo keeps the deleted card with its reviews, attempt and recording.
     */
    private TestCollection everyKindOfRow() {
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK, "database.md", TestData.DATABASE_DECK);
        Jdbi jdbi = collection.jdbi();
        DeckRepository decks = new DeckRepository();
        ReviewService reviews = new ReviewService(jdbi, decks, new ReviewRepository(), collection.clock());
        new Accounts(jdbi, new ReviewRepository(), collection.clock(), 4).add("alice", "correct horse battery");
        long dns = collection.cardId("What does DNS do?");
        long tcp = collection.cardId("Compare TCP and UDP.");
        List<Long> rated = new ArrayList<>(List.of(dns, tcp));
        rated.add(collection.list("SELECT id FROM card WHERE deck_id = (SELECT id FROM deck WHERE name = '数据库')"
                + " ORDER BY id LIMIT 1", Long.class).get(0));
        for (long card : rated) {
            reviews.rate(Learner.DEFAULT_ID, card, Rating.GOOD, 4000, null);
        }
        collection.clock().advance(Duration.ofDays(2));
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.AGAIN, 9000, null);
        long now = collection.clock().millis();
        jdbi.useHandle(h -> {
            for (long card : rated) {
                h.execute("""
                        INSERT INTO practice_attempt (card_id, learner_id, review_id, attempted_at, answer, seconds,
                                                      coverage, key_points)
                        VALUES (?, 1, (SELECT MAX(id) FROM review_log WHERE card_id = ?), ?, 'It maps names, 名字',
                                42, 0.75, '[{"text":"names","covered":true}]')""", card, card, now);
                h.execute("""
                        INSERT INTO practice_recording (learner_id, card_id, attempt_id, recorded_at, media_type, audio)
                        VALUES (1, ?, (SELECT MAX(id) FROM practice_attempt), ?, 'audio/webm', X'1A45DFA30042')""",
                        card, now);
            }
            h.execute("UPDATE card_state SET flag = 2 WHERE card_id = ?", dns);
            h.execute("UPDATE learner SET language = 'zh-CN', theme = 'dark', desired_retention = 0.85 WHERE id = 1");
            h.execute("INSERT INTO answer_judge (learner_id, url, model, timeout_seconds, updated_at)"
                    + " VALUES (1, 'http://127.0.0.1:11434/v1', 'qwen2.5', 30, ?)", now);
            h.execute("INSERT INTO account_session (token_hash, learner_id, created_at, last_seen_at, user_agent,"
                    + " address) VALUES (X'00112233', 1, ?, ?, 'phone', '127.0.0.1')", now, now);
            h.execute("INSERT INTO api_token (token_hash, learner_id, name, created_at, last_used_at)"
                    + " VALUES (X'44556677', 1, 'anki sync', ?, NULL)", now);
            h.execute("INSERT INTO saved_search (learner_id, name, query, created_at)"
                    + " VALUES (1, 'Hard ones', 'prop:lapses>1 tag:basics', ?)", now);
            h.execute("INSERT INTO custom_study (learner_id, mode, query, card_ids, position, started_at)"
                    + " VALUES (1, 'forgotten', 'deck:Interview', ?, 0, ?)", "[" + dns + "]", now);
            h.execute("INSERT INTO extra_new_today (learner_id, deck_id, day, extra)"
                    + " VALUES (1, (SELECT MIN(id) FROM deck), '2026-03-04', 5)");
            h.execute("INSERT INTO media (name, sha256, content_type, size, bytes, created_at)"
                    + " VALUES ('diagram.png', 'ab12', 'image/png', 4, X'89504E47', ?)", now);
        });
        long tcpCard = tcp;
        new BulkEdit(jdbi, new SearchService(jdbi, decks, collection.clock()), decks, collection.clock())
                .apply(Learner.DEFAULT_ID, CardSelection.of(List.of(tcpCard)), new BulkAction.Delete());
        return collection;
    }

    /** What the app shows the learner: decks with due counts, statistics, a search, the next card. */
    private static Map<String, JsonNode> pages(Jdbi jdbi, TestCollection collection) {
        Map<String, JsonNode> pages = new LinkedHashMap<>();
        TestSite.run(jdbi, collection.clock(), site -> {
            site.login("alice", "correct horse battery");
            Function<String, JsonNode> json = path -> TestSite.json(site.get(path));
            for (String path : List.of("/api/decks", "/api/stats?days=30", "/api/search?q=dns&sort=due",
                    "/api/search?q=%E6%95%B0%E6%8D%AE", "/api/review/next")) {
                pages.put(path, json.apply(path));
            }
        });
        return pages;
    }

    private static long number(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
