package dev.prepdeck.check;

import dev.prepdeck.review.Learner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.anki.TestPackages;
import dev.prepdeck.ankisync.AnkiSync;
import dev.prepdeck.db.Database;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.optimize.OptimizeService;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.search.BulkAction;
import dev.prepdeck.search.BulkEdit;
import dev.prepdeck.search.CardSelection;
import dev.prepdeck.search.SearchService;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Each way a collection can come apart, reported by the check and put right by its repair. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DatabaseCheckTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    private TestCollection collection;
    private long dns;
    private long tcp;

    @BeforeEach
    void reviewedCollection() {
        collection = TestCollection.of(database, tempDir, "networking.md", TestData.NETWORKING_DECK);
        dns = collection.cardWithUid("net-dns");
        tcp = collection.cardWithUid("net-tcp-udp");
        ReviewService reviews = new ReviewService(collection.jdbi(), new DeckRepository(), new ReviewRepository(),
                collection.clock());
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 4000, null);
        collection.clock().advance(Duration.ofMinutes(12));
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 3000, null);
        collection.clock().advance(Duration.ofDays(3));
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.AGAIN, 3000, null);
        reviews.rate(Learner.DEFAULT_ID, tcp, Rating.EASY, 2000, null);
    }

    private DatabaseCheck check() {
        MediaStore media = new MediaStore(collection.jdbi(), collection.clock());
        return new DatabaseCheck(collection.jdbi(), new DeckRepository(), new ReviewRepository(),
                new DeckSync(collection.jdbi(), new DeckRepository(), media, collection.clock()), media);
    }

    /**
     * A change made behind the app's back, as a bug or another program could: on SQLite with foreign keys off; on
     * PostgreSQL, which enforces references whatever the client, through an ordinary connection.
     */
    private void corrupt(String... statements) throws Exception {
        if (database == TestDatabase.POSTGRESQL) {
            collection.jdbi().useHandle(h -> {
                for (String sql : statements) {
                    h.execute(sql);
                }
            });
            return;
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + Database.file(collection.jdbi()))) {
            for (String sql : statements) {
                raw.createStatement().execute(sql);
            }
        }
    }

    private Map<String, List<String>> tables() {
        return dev.prepdeck.backup.TablesForTests.logicalRows(collection.jdbi());
    }

    private void assertRepairedBackTo(Map<String, List<String>> whole, Problem problem, int count) {
        CheckReport reported = check().report();
        assertThat(reported.findings()).containsExactly(new CheckReport.Finding(problem, count));
        assertThat(reported.repaired()).isFalse();

        CheckReport repaired = check().repair();

        assertThat(repaired.findings()).containsExactly(new CheckReport.Finding(problem, count));
        assertThat(repaired.repaired()).isTrue();
        assertThat(check().report().clean()).isTrue();
        if (whole != null) {
            assertThat(tables()).isEqualTo(whole);
        }
    }

    @Test
    void a_collection_used_normally_checks_clean_and_a_repair_changes_nothing() {
        Map<String, List<String>> before = tables();

        assertThat(check().report().clean()).isTrue();
        CheckReport repaired = check().repair();

        assertThat(repaired.clean()).isTrue();
        assertThat(repaired.repaired()).isFalse();
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void forgotten_cards_and_cards_rescheduled_with_new_weights_are_not_inconsistencies() {
        SearchService search = new SearchService(collection.jdbi(), new DeckRepository(), collection.clock());
        new BulkEdit(collection.jdbi(), search, new DeckRepository(), collection.clock())
                .apply(1, CardSelection.of(List.of(tcp)), new BulkAction.Forget());
        double[] weights = FsrsParameters.defaultWeights();
        weights[0] = weights[0] * 2;
        new OptimizeService(collection.jdbi(), new DeckRepository(), new ReviewRepository(), collection.clock())
                .apply(Learner.DEFAULT_ID, null, weights, true);

        assertThat(check().report().findings()).isEmpty();
    }

    @Test
    void an_anki_collection_with_its_history_and_schedule_checks_clean() throws Exception {
        Path packages = Files.createDirectories(tempDir.resolve("packages"));
        new AnkiSync(collection.jdbi(), new DeckRepository(), new ReviewRepository(),
                new MediaStore(collection.jdbi(), collection.clock()), collection.clock())
                .importPackage(Learner.DEFAULT_ID, TestPackages.schema18(TestPackages.sample(), TestPackages.sampleMedia(), packages), "Anki");

        assertThat(check().report().findings()).isEmpty();
    }

    @Test
    void rows_of_a_deleted_deck_are_reported_as_broken_references_and_deleted_with_what_hangs_on_them() throws Exception {
        assumeTrue(database == TestDatabase.SQLITE,
                "SQLite only: PostgreSQL refuses to delete a deck its cards still refer to, so no reference can break");
        collection.jdbi().useHandle(h -> h.execute("INSERT INTO deck (name, created_at, updated_at) VALUES ('Gone', 0, 0)"));
        long gone = collection.deckId("Gone");
        collection.jdbi().useHandle(h -> h.execute("INSERT INTO card (deck_id, uid, question, answer, position, "
                + "created_at, updated_at) VALUES (" + gone + ", 'g1', 'Orphan?', 'Yes', 0, 0, 0)"));
        collection.jdbi().useHandle(h -> h.execute(
                "INSERT INTO card_state (card_id, learner_id, due) SELECT id, 1, 0 FROM card WHERE uid = 'g1'"));
        Map<String, List<String>> withoutTheDeck = collection.jdbi().withHandle(h -> {
            h.begin();
            h.execute("DELETE FROM deck WHERE id = " + gone);
            Map<String, List<String>> rows = dev.prepdeck.backup.TablesForTests.logicalRows(h);
            h.rollback();
            return rows;
        });
        corrupt("DELETE FROM deck WHERE id = " + gone);

        assertRepairedBackTo(withoutTheDeck, Problem.BROKEN_REFERENCES, 1);
    }

    @Test
    void a_reviewed_card_without_its_state_gets_the_state_its_reviews_give() throws Exception {
        Map<String, List<String>> whole = tables();
        corrupt("DELETE FROM card_state WHERE card_id = " + dns);

        assertRepairedBackTo(whole, Problem.MISSING_STATES, 1);
    }

    @Test
    void a_state_its_reviews_do_not_explain_is_recomputed_by_replaying_them() throws Exception {
        Map<String, List<String>> whole = tables();
        corrupt("UPDATE card_state SET due = 0 WHERE card_id = " + dns,
                "UPDATE card_state SET last_review = 5 WHERE card_id = " + tcp,
                "UPDATE card_state SET state = 0 WHERE card_id = " + collection.cardWithUid("net-dns"));

        assertRepairedBackTo(whole, Problem.STATES_NOT_FROM_REVIEWS, 2);
    }

    @Test
    void every_learner_s_states_are_checked_against_their_own_reviews_and_repaired() throws Exception {
        long second = new dev.prepdeck.account.Accounts(collection.jdbi(), new ReviewRepository(), collection.clock(), 4)
                .add("first", "a long passphrase").learnerId();
        long bob = new dev.prepdeck.account.Accounts(collection.jdbi(), new ReviewRepository(), collection.clock(), 4)
                .add("bob", "another long passphrase").learnerId();
        assertThat(second).isEqualTo(Learner.DEFAULT_ID);
        ReviewService reviews = new ReviewService(collection.jdbi(), new DeckRepository(), new ReviewRepository(),
                collection.clock());
        reviews.rate(bob, tcp, Rating.GOOD, 2000, null);
        reviews.rate(bob, dns, Rating.HARD, 2000, null);
        collection.clock().advance(Duration.ofMinutes(15));
        reviews.rate(bob, tcp, Rating.GOOD, 2000, null);
        Map<String, List<String>> whole = tables();
        corrupt("UPDATE card_state SET due = 0 WHERE learner_id = " + bob + " AND card_id = " + tcp,
                "DELETE FROM card_state WHERE learner_id = " + bob + " AND card_id = " + dns);

        CheckReport reported = check().report();
        assertThat(reported.findings()).containsExactlyInAnyOrder(
                new CheckReport.Finding(Problem.STATES_NOT_FROM_REVIEWS, 1),
                new CheckReport.Finding(Problem.MISSING_STATES, 1));
        assertThat(check().repair().repaired()).isTrue();
        assertThat(check().report().clean()).isTrue();
        assertThat(tables()).isEqualTo(whole);
    }

    @Test
    void search_rows_of_cards_that_are_gone_are_deleted() throws Exception {
        Map<String, List<String>> whole = tables();
        corrupt("INSERT INTO card_text (card_id, question, answer) VALUES (9999, 'ghost', 'ghost')",
                "INSERT INTO card_tag (card_id, tag) VALUES (9999, 'ghost')",
                "INSERT INTO card_tag (card_id, tag) VALUES (9998, 'ghost')");

        assertRepairedBackTo(whole, Problem.SEARCH_ROWS_ORPHANED, 2);
    }

    @Test
    void a_card_missing_from_the_search_index_is_indexed_again_and_found() throws Exception {
        Map<String, List<String>> whole = tables();
        if (database == TestDatabase.SQLITE) {
            corrupt("DELETE FROM card_text_index WHERE rowid = " + dns, "DELETE FROM card_text_cjk WHERE rowid = " + dns);
        }
        // PostgreSQL searches card_text itself: it has no separate full-text tables
        corrupt("DELETE FROM card_text WHERE card_id = " + dns, "DELETE FROM card_tag WHERE card_id = " + dns);
        SearchService search = new SearchService(collection.jdbi(), new DeckRepository(), collection.clock());
        assertThat(search.matchingIds(1, "host name")).isEmpty();

        assertRepairedBackTo(whole, Problem.SEARCH_ROWS_MISSING, 1);
        assertThat(search.matchingIds(1, "host name")).containsExactly(dns);
    }

    @Test
    void due_queue_rows_of_states_that_are_gone_are_deleted() throws Exception {
        assumeTrue(database == TestDatabase.SQLITE, "SQLite only: PostgreSQL refuses a due-queue row of a card that"
                + " does not exist, and its triggers take a state's row with the state");
        Map<String, List<String>> whole = tables();
        corrupt("INSERT INTO card_recall VALUES (1, 1, 9999, 2, 0, 3.0, 5.0, 3, 0, 0, 1)");

        assertRepairedBackTo(whole, Problem.RECALL_ROWS_ORPHANED, 1);
    }

    @Test
    void a_due_queue_row_out_of_step_with_its_state_is_copied_again() throws Exception {
        Map<String, List<String>> whole = tables();
        corrupt("UPDATE card_recall SET due = 0, deck_id = 777 WHERE card_id = " + tcp,
                "DELETE FROM card_recall WHERE card_id = " + dns);

        assertRepairedBackTo(whole, Problem.RECALL_ROWS_STALE, 2);
    }

    @Test
    void a_due_queue_row_with_another_file_position_than_its_card_is_copied_again() throws Exception {
        Map<String, List<String>> whole = tables();
        // The new-card queue reads the position from card_recall: a wrong one would show new cards out of file order.
        corrupt("UPDATE card_recall SET position = position + 1000 WHERE card_id = " + tcp);

        assertRepairedBackTo(whole, Problem.RECALL_ROWS_STALE, 1);
    }

    @Test
    void hours_of_the_statistics_roll_up_the_log_does_not_give_are_counted_again() throws Exception {
        Map<String, List<String>> whole = tables();
        int deckHours = collection.one("SELECT COUNT(*) FROM review_hour WHERE deck_id <> 0", Integer.class);
        assertThat(deckHours).isPositive();
        // a daily limit would count a new card too many in every deck's hour; one all-decks hour is missing
        corrupt("UPDATE review_hour SET new_cards = new_cards + 1 WHERE deck_id <> 0",
                "DELETE FROM review_hour WHERE deck_id = 0 AND hour = (SELECT MIN(hour) FROM review_hour)");

        assertRepairedBackTo(whole, Problem.ROLL_UP_STALE, deckHours + 1);
    }

    @Test
    void media_no_card_shows_is_let_go_keeping_its_name() throws Exception {
        corrupt("INSERT INTO media (name, sha256, content_type, size, bytes, created_at) "
                + "VALUES ('unused.png', 'ab', 'image/png', 3, " + (database == TestDatabase.SQLITE ? "x'010203'"
                : "'\\x010203'::bytea") + ", 0)");

        assertRepairedBackTo(null, Problem.MEDIA_UNUSED, 1);
        assertThat(TestData.one(collection.jdbi(), "SELECT bytes IS NULL FROM media WHERE name = 'unused.png'",
                Boolean.class)).isTrue();
    }

    @Test
    void a_damaged_file_is_reported_and_left_alone() throws Exception {
        assumeTrue(database == TestDatabase.SQLITE, "SQLite only: it damages the database file's pages on disk;"
                + " PostgreSQL's pages are its server's, checked by its operator");
        Path file = Database.file(collection.jdbi());
        int page = TestData.one(collection.jdbi(), "PRAGMA page_size", Integer.class);
        int root = TestData.one(collection.jdbi(), "SELECT rootpage FROM sqlite_schema WHERE name = 'card_deck'",
                Integer.class);
        Database.close(collection.jdbi());
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            // an index's first page overwritten, as a disk or a copy gone wrong can do
            raw.seek((long) (root - 1) * page);
            raw.write(new byte[page]);
        }
        long modified = Files.getLastModifiedTime(file).toMillis();

        CheckReport report = check().repair();

        assertThat(report.integrityProblems()).isNotEmpty();
        assertThat(report.repaired()).isFalse();
        assertThat(report.clean()).isFalse();
        assertThat(report.findings()).isEmpty();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }
}
