package dev.prepdeck.fsrs.replay;

import static dev.prepdeck.fsrs.replay.Run.assertError;
import static dev.prepdeck.fsrs.replay.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.db.Database;
import dev.prepdeck.optimize.SimulatedLearner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepdeck fsrs optimize / evaluate / retention --db FILE [--deck ID] on a month of study made through the app. */
class FsrsDatabaseCommandsTest {
    @TempDir
    static Path folder;
    private static TestCollection studied;
    private static Path db;

    @BeforeAll
    static void studyForAMonth() {
        // SQLite: the tests copy the database file to vary it (PostgreSQL's --db: FsrsPostgresCommandTest)
        studied = SimulatedLearner.aMonthOfStudy(TestDatabase.SQLITE, folder);
        studied.jdbi().useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        db = folder.resolve("test.db");
    }

    /** The log of the decks {@code where} selects, written as the CSV --revlog reads. */
    private static Path csv(String name, String where) throws IOException {
        StringBuilder text = new StringBuilder("card_id,review_rating,review_time,review_duration\n");
        studied.jdbi().useHandle(h -> h.createQuery("SELECT r.card_id, r.rating, r.reviewed_at, r.duration_ms"
                        + " FROM review_log r JOIN card c ON c.id = r.card_id JOIN deck d ON d.id = c.deck_id WHERE "
                        + where + " ORDER BY r.id")
                .mapToMap().forEach(row -> text.append(row.get("card_id")).append(',').append(row.get("rating"))
                        .append(',').append(Instant.ofEpochMilli(((Number) row.get("reviewed_at")).longValue())
                                .atOffset(ZoneOffset.UTC)).append(',').append(row.get("duration_ms")).append('\n')));
        return Files.writeString(folder.resolve(name), text.toString());
    }

    @Test
    void a_decks_reviews_fit_as_the_same_log_does_with_the_learners_day_cut() throws IOException {
        long deck = studied.deckId("Interview");
        Run fromDb = run(FsrsOptimizeCommand::new, "--db", db.toString(), "--deck", Long.toString(deck));
        assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
        JsonNode json = fromDb.json();
        assertThat(json.get("db").asText()).isEqualTo(db.toString());
        assertThat(json.get("scope").asText()).isEqualTo("Interview and its 1 sub-deck");
        assertThat(json.get("dayCut").get("timezone").asText()).isEqualTo("UTC");
        assertThat(json.get("dayCut").get("dayStartHour").asInt()).isEqualTo(4);
        assertThat(json.get("training").get("relearningSteps").asInt()).isEqualTo(1);
        assertThat(json.get("reviews").asInt()).isEqualTo(studied.one("SELECT count(*) FROM review_log r JOIN card c"
                + " ON c.id = r.card_id JOIN deck d ON d.id = c.deck_id WHERE d.name LIKE 'Interview%'", Integer.class));
        assertThat(json.get("outcome").asText()).isEqualTo("OPTIMIZED");

        Path log = csv("interview.csv", "d.name LIKE 'Interview%'");
        Run fromCsv = run(FsrsOptimizeCommand::new, "--revlog", log.toString(), "--timezone", "UTC",
                "--day-start-hour", "4");
        JsonNode csvJson = fromCsv.json();
        for (String figure : List.of("parameters", "before", "after", "reviews", "cards", "items", "trainingItems")) {
            assertThat(json.get(figure)).as(figure).isEqualTo(csvJson.get(figure));
        }
        Run tokyo = run(FsrsOptimizeCommand::new, "--db", db.toString(), "--deck", Long.toString(deck),
                "--timezone", "Asia/Tokyo", "--day-start-hour", "9");
        Run tokyoCsv = run(FsrsOptimizeCommand::new, "--revlog", log.toString(), "--timezone", "Asia/Tokyo",
                "--day-start-hour", "9");
        assertThat(tokyo.json().get("dayCut").get("timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(tokyo.json().get("dayCut").get("dayStartHour").asInt()).isEqualTo(9);
        assertThat(tokyo.json().get("parameters")).isEqualTo(tokyoCsv.json().get("parameters"));
    }

    @Test
    void with_several_accounts_user_says_whose_reviews_and_an_unknown_or_missing_user_is_an_error() throws IOException {
        Path accountsDb = folder.resolve("accounts.db");
        Files.copy(db, accountsDb, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        org.jdbi.v3.core.Jdbi jdbi = Database.open(accountsDb);
        dev.prepdeck.account.Accounts accounts = new dev.prepdeck.account.Accounts(jdbi,
                new dev.prepdeck.review.ReviewRepository(), studied.clock(), 4);
        accounts.add("alice", "correct horse battery");
        accounts.add("bob", "bob's long passphrase");

        Run nobody = run(FsrsOptimizeCommand::new, "--db", accountsDb.toString());
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("this database has 2 accounts (alice, bob): say whose progress with --user NAME");
        Run carol = run(FsrsOptimizeCommand::new, "--db", accountsDb.toString(), "--user", "carol");
        assertThat(carol.err()).contains("--user carol: there is no account named carol");
        // Alice took over the local learner's month of reviews; Bob has none yet.
        Run alice = run(FsrsOptimizeCommand::new, "--db", accountsDb.toString(), "--user", "alice");
        assertThat(alice.json().get("reviews").asInt()).isEqualTo(studied.one("SELECT count(*) FROM review_log", Integer.class));
        Run bob = run(FsrsOptimizeCommand::new, "--db", accountsDb.toString(), "--user", "bob");
        assertThat(bob.exitCode()).as(bob.err()).isZero();
        assertThat(bob.json().get("reviews").asInt()).isZero();
        Run local = run(FsrsEvaluateCommand::new, "--db", db.toString(), "--user", "alice");
        assertThat(local.err()).contains("this database has no accounts; leave --user out");
    }

    @Test
    void every_deck_is_read_without_deck_and_a_decks_relearning_steps_shape_the_training() throws IOException {
        Run all = run(FsrsEvaluateCommand::new, "--db", db.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.json().get("scope").asText()).isEqualTo("every deck");
        assertThat(all.json().get("reviews").asInt()).isEqualTo(studied.one("SELECT count(*) FROM review_log", Integer.class));
        assertThat(all.json().get("timeSeriesSplit").get("logLoss").asDouble()).isPositive();

        Path threeDb = folder.resolve("three-steps.db");
        Files.copy(db, threeDb);
        Database.open(threeDb).useHandle(h ->
                h.execute("UPDATE deck SET relearning_steps = '10m 1h 3h' WHERE name = 'Interview::SQL'"));
        String deck = Long.toString(studied.deckId("Interview"));
        JsonNode oneStep = run(FsrsOptimizeCommand::new, "--db", db.toString(), "--deck", deck).json();
        JsonNode threeSteps = run(FsrsOptimizeCommand::new, "--db", threeDb.toString(), "--deck", deck).json();
        assertThat(threeSteps.get("training").get("relearningSteps").asInt()).isEqualTo(3);
        assertThat(threeSteps.get("parameters")).isNotEqualTo(oneStep.get("parameters"));
        JsonNode otherOnly = run(FsrsOptimizeCommand::new, "--db", threeDb.toString(), "--deck",
                Long.toString(studied.deckId("Other"))).json();
        assertThat(otherOnly.get("training").get("relearningSteps").asInt()).isEqualTo(1);
    }

    @Test
    void retention_reads_the_learners_habits_from_the_database() throws IOException {
        Run run = run(FsrsRetentionCommand::new, "--db", db.toString(), "--deck",
                Long.toString(studied.deckId("Interview")), "--days", "60");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("rows")).hasSize(28);
        assertThat(run.json().get("recommendedRetention").asDouble()).isBetween(0.70, 0.97);
    }

    @Test
    void a_missing_database_an_unknown_deck_and_a_deck_without_database_are_clear_errors() throws IOException {
        Path missing = folder.resolve("missing.db");
        assertError(run(FsrsOptimizeCommand::new, "--db", missing.toString()), missing + ": no such database file");
        assertThat(Files.exists(missing)).as("no database is created by reading one").isFalse();
        assertError(run(FsrsOptimizeCommand::new, "--db", db.toString(), "--deck", "999999"), "no deck with id 999999");
        Path log = csv("all.csv", "1 = 1");
        assertError(run(FsrsOptimizeCommand::new, "--revlog", log.toString(), "--deck", "1"), "--deck needs --db");
        Run both = run(FsrsOptimizeCommand::new, "--revlog", log.toString(), "--db", db.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        Run neither = run(FsrsOptimizeCommand::new);
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--revlog").contains("--db");
    }
}
