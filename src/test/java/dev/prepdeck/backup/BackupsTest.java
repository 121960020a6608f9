package dev.prepdeck.backup;

import dev.prepdeck.review.Learner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.db.Migrations;
import dev.prepdeck.db.OldDatabases;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseFiles;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.deck.DeckRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {
    @TempDir
    Path tempDir;

    private TestCollection reviewedCollection() {
        // SQLite: prepdeck's backups are copies of its SQLite file; PostgreSQL's are its operator's
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        ReviewService reviews = new ReviewService(collection.jdbi(), new DeckRepository(), new ReviewRepository(),
                collection.clock());
        List<Long> cards = TestData.list(collection.jdbi(), "SELECT id FROM card ORDER BY id", Long.class);
        reviews.rate(Learner.DEFAULT_ID, cards.get(0), Rating.GOOD, 4000, null);
        collection.clock().advance(Duration.ofMinutes(3));
        reviews.rate(Learner.DEFAULT_ID, cards.get(1), Rating.AGAIN, 9000, null);
        return collection;
    }

    private Backups backups(TestCollection collection) {
        return Backups.of(collection.jdbi(), collection.clock(), ZoneOffset.UTC);
    }

    @Test
    void a_restored_backup_holds_exactly_the_rows_every_table_had_when_it_was_taken() {
        TestCollection collection = reviewedCollection();
        Backups backups = backups(collection);
        Map<String, List<String>> original = TablesForTests.rows(collection.jdbi());

        Backup backup = backups.write(Reason.MANUAL);
        collection.jdbi().useTransaction(h -> {
            h.execute("DELETE FROM card WHERE id = (SELECT MIN(id) FROM card)");
            h.execute("UPDATE deck SET description = 'changed after the backup'");
            h.execute("UPDATE card_state SET suspended = 1");
        });
        assertThat(TablesForTests.rows(collection.jdbi())).isNotEqualTo(original);

        Backups.Restored restored = backups.restore(backup.file());

        assertThat(TablesForTests.rows(collection.jdbi())).isEqualTo(original);
        assertThat(original.get("review_log")).hasSize(2);
        assertThat(restored.keptCopy().reason()).isEqualTo(Reason.RESTORE);
        assertThat(backups.list()).extracting(Backup::name).contains(backup.name(), restored.keptCopy().name());
    }

    @Test
    void the_copy_kept_before_a_restore_brings_back_the_data_the_restore_replaced() {
        TestCollection collection = reviewedCollection();
        Backups backups = backups(collection);
        Backup before = backups.write(Reason.MANUAL);
        collection.jdbi().useHandle(h -> h.execute("UPDATE deck SET description = 'the newer work'"));
        Map<String, List<String>> newer = TablesForTests.rows(collection.jdbi());

        Backups.Restored restored = backups.restore(before.file());
        backups.restore(restored.keptCopy().file());

        assertThat(TablesForTests.rows(collection.jdbi())).isEqualTo(newer);
    }

    @Test
    void each_backup_is_a_whole_checked_file_named_after_the_database_time_and_reason() throws Exception {
        TestCollection collection = reviewedCollection();
        Backup backup = backups(collection).write(Reason.IMPORT);

        assertThat(backup.name()).isEqualTo("test-20260302-100300-000-import.db");
        assertThat(backup.file().getParent()).isEqualTo(tempDir.resolve("backups").toAbsolutePath());
        assertThat(DatabaseFiles.integrityProblems(backup.file())).isEmpty();
        assertThat(backup.size()).isEqualTo(Files.size(backup.file())).isPositive();
        try (var files = Files.list(backup.file().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(backup.name());
        }
    }

    @Test
    void old_backups_are_deleted_by_the_retention_policy_as_new_ones_are_written() {
        TestCollection collection = reviewedCollection();
        Backups backups = backups(collection);
        for (int day = 0; day < 40; day++) {
            backups.write(Reason.INTERVAL);
            backups.write(Reason.INTERVAL);
            collection.clock().advance(Duration.ofDays(1));
        }
        for (int hour = 0; hour < 14; hour++) {
            backups.write(Reason.INTERVAL);
            collection.clock().advance(Duration.ofMinutes(30));
        }

        List<Backup> kept = backups.list();

        // 12 of today, 7 days, and the newest of each calendar week touched by the 28 days before those: 4 or 5
        assertThat(kept).hasSizeBetween(23, 24);
        assertThat(kept.get(0).time()).isEqualTo(collection.clock().instant().minus(Duration.ofMinutes(30)));
        assertThat(kept.get(kept.size() - 1).time()).isAfter(collection.clock().instant().minus(Duration.ofDays(36)));
    }

    @Test
    void a_start_backs_up_before_the_first_write_of_a_day_and_not_again_that_day() {
        TestCollection collection = reviewedCollection();
        Backups backups = backups(collection);
        Path file = Database.file(collection.jdbi());
        java.time.Instant now = collection.clock().instant();

        assertThat(backups.dueAtStart(Backups.lastChange(tempDir.resolve("new.db")))).as("no file yet").isFalse();
        assertThat(Backups.lastChange(file)).isPresent();
        assertThat(backups.dueAtStart(Optional.of(now.minusSeconds(60)))).as("no backup yet").isTrue();

        backups.write(Reason.INTERVAL);
        collection.clock().advance(Duration.ofHours(3));
        assertThat(backups.dueAtStart(Optional.of(collection.clock().instant()))).as("changed, but backed up today")
                .isFalse();

        collection.clock().advance(Duration.ofDays(1));
        assertThat(backups.dueAtStart(Optional.of(collection.clock().instant().minus(Duration.ofHours(1)))))
                .as("the next day, changed since").isTrue();
        assertThat(backups.dueAtStart(Optional.of(now.minusSeconds(60)))).as("the next day, unchanged since")
                .isFalse();
    }

    @Test
    void the_database_counts_as_changed_after_a_write_and_not_after_a_read() throws Exception {
        TestCollection collection = reviewedCollection();
        Backups backups = backups(collection);
        java.time.Instant now = java.time.Instant.now();
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.from(now.minusSeconds(60));
        Path file = Database.file(collection.jdbi());
        // as if the last write had been a minute ago (the server keeps its connections, so the WAL file stays)
        Files.setLastModifiedTime(file, past);
        Files.setLastModifiedTime(file.resolveSibling(file.getFileName() + "-wal"), past);

        TestData.list(collection.jdbi(), "SELECT question FROM card", String.class);
        assertThat(backups.changedSince(now.minusSeconds(30))).isFalse();

        collection.jdbi().useHandle(h -> h.execute("UPDATE deck SET description = 'changed'"));
        assertThat(backups.changedSince(now.minusSeconds(30))).isTrue();
    }

    @Test
    void a_file_that_is_not_a_prepdeck_database_is_refused_naming_it_and_nothing_changes() throws Exception {
        TestCollection collection = reviewedCollection();
        Backups backups = backups(collection);
        Map<String, List<String>> original = TablesForTests.rows(collection.jdbi());
        Path text = Files.writeString(tempDir.resolve("notes.txt"), "not a database at all");
        Path other = tempDir.resolve("other.sqlite");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other)) {
            c.createStatement().execute("CREATE TABLE t (x)");
        }
        Path damaged = tempDir.resolve("damaged.db");
        Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(backups.write(Reason.MANUAL).file()), 5000));

        assertThatThrownBy(() -> backups.restore(text)).isInstanceOf(BackupException.class)
                .hasMessage(text + ": cannot be restored: it is not a SQLite database");
        assertThatThrownBy(() -> backups.restore(other)).isInstanceOf(BackupException.class)
                .hasMessage(other + ": cannot be restored: it is a SQLite database but not a prepdeck one");
        assertThatThrownBy(() -> backups.restore(damaged)).isInstanceOf(BackupException.class)
                .hasMessageStartingWith(damaged + ": cannot be restored: ");
        assertThatThrownBy(() -> backups.restore(tempDir.resolve("missing.db"))).isInstanceOf(BackupException.class)
                .hasMessage(tempDir.resolve("missing.db") + ": no such file");
        assertThat(TablesForTests.rows(collection.jdbi())).isEqualTo(original);
        assertThat(backups.list()).extracting(Backup::reason).containsOnly(Reason.MANUAL);
    }

    @Test
    void a_backups_folder_that_cannot_be_created_is_reported_naming_it_and_leaves_nothing_behind() throws Exception {
        TestCollection collection = reviewedCollection();
        Files.writeString(tempDir.resolve("backups"), "a file where the folder should be");

        assertThatThrownBy(() -> backups(collection).write(Reason.MANUAL)).isInstanceOf(BackupException.class)
                .hasMessage(tempDir.resolve("backups").toAbsolutePath()
                        + ": cannot hold backups: a file of that name is in the way");
    }

    @Test
    void an_older_schema_backup_is_upgraded_as_it_is_restored() {
        TestCollection collection = reviewedCollection();
        Backups backups = backups(collection);
        Path old = tempDir.resolve("old.db");
        OldDatabases.create(old, 1);

        backups.restore(old);

        assertThat(Migrations.currentVersion(collection.jdbi())).isEqualTo(Migrations.LATEST_VERSION);
        assertThat(TestData.list(collection.jdbi(), "SELECT question FROM card", String.class)).containsExactly("Kept?");
    }

    @Test
    void opening_a_database_of_an_older_schema_backs_it_up_first_as_it_was() {
        Path file = tempDir.resolve("prepdeck.db");
        OldDatabases.create(file, 5);
        TestClock clock = TestClock.at(TestCollection.START);

        Database.open(file, Backups.beforeUpgrade(file, clock, ZoneOffset.UTC));

        Path backup = tempDir.resolve("backups/prepdeck-20260302-100000-000-upgrade.db");
        assertThat(backup).exists();
        org.jdbi.v3.core.Jdbi kept = org.jdbi.v3.core.Jdbi.create("jdbc:sqlite:" + backup);
        assertThat(TestData.one(kept, "PRAGMA user_version", Integer.class)).isEqualTo(5);
        assertThat(TestData.one(kept, "SELECT question FROM card", String.class)).isEqualTo("Kept?");
    }

    @Test
    void a_new_or_current_database_opens_without_an_upgrade_backup() {
        Path file = tempDir.resolve("prepdeck.db");
        TestClock clock = TestClock.at(TestCollection.START);

        Database.close(Database.open(file, Backups.beforeUpgrade(file, clock, ZoneOffset.UTC)));
        Database.open(file, Backups.beforeUpgrade(file, clock, ZoneOffset.UTC));

        assertThat(tempDir.resolve("backups")).doesNotExist();
    }
}
