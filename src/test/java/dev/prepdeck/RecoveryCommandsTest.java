package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.backup.TablesForTests;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.ServerLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck backup, restore and check as run from a shell. */
class RecoveryCommandsTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private Path db;

    @BeforeEach
    void collection() {
        TestData.write(tempDir.resolve("decks"), "networking.md", TestData.NETWORKING_DECK);
        db = tempDir.resolve("prepdeck.db");
        assertThat(run(new ImportCommand(), tempDir.resolve("decks").toString(), "--db", db.toString())).isZero();
        output.reset();
    }

    private int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    private Map<String, List<String>> tables(Path file) {
        Jdbi jdbi = Database.open(file);
        try {
            return TablesForTests.logicalRows(jdbi);
        } finally {
            Database.close(jdbi);
        }
    }

    @Test
    void backup_out_writes_a_copy_and_refuses_to_overwrite_a_file() {
        Path out = tempDir.resolve("copy.db");

        assertThat(run(new BackupCommand(), "--out", out.toString(), "--db", db.toString())).isZero();
        assertThat(output.out()).contains("backed up to " + out.toAbsolutePath());
        assertThat(tables(out)).isEqualTo(tables(db));

        output.reset();
        assertThat(run(new BackupCommand(), "--out", out.toString(), "--db", db.toString())).isEqualTo(1);
        assertThat(output.err()).isEqualTo("error: " + out + ": the file already exists; choose a new name\n");

        output.reset();
        assertThat(run(new BackupCommand(), "--db", db.toString(), "--user", "alice")).isEqualTo(2);
        assertThat(output.err()).contains("--user is for PostgreSQL");
    }

    @Test
    void backup_without_out_goes_to_the_backups_folder_beside_the_one_the_import_wrote() throws Exception {
        assertThat(run(new BackupCommand(), "--db", db.toString())).isZero();

        try (var files = Files.list(tempDir.resolve("backups"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).satisfiesExactly(
                    name -> assertThat(name).startsWith("prepdeck-").endsWith("-import.db"),
                    name -> assertThat(name).startsWith("prepdeck-").endsWith("-manual.db"));
        }
    }

    @Test
    void an_import_is_refused_when_the_backup_before_it_cannot_be_written() throws Exception {
        Path backups = tempDir.resolve("backups");
        try (var files = Files.list(backups)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(backups);
        Files.writeString(backups, "in the way");
        TestData.write(tempDir.resolve("more"), "more.md", "# More\n\n## New question?\n\nNew answer.\n");

        assertThat(run(new ImportCommand(), tempDir.resolve("more").toString(), "--db", db.toString())).isEqualTo(1);

        assertThat(output.err()).isEqualTo("error: " + backups.toAbsolutePath()
                + ": cannot hold backups: a file of that name is in the way; nothing imported\n");
        assertThat(tables(db).get("deck")).hasSize(2);
    }

    @Test
    void restore_replaces_the_database_and_keeps_what_it_replaced() throws Exception {
        Path saved = tempDir.resolve("saved.db");
        run(new BackupCommand(), "--out", saved.toString(), "--db", db.toString());
        Map<String, List<String>> original = tables(db);
        Jdbi jdbi = Database.open(db);
        jdbi.useHandle(h -> h.execute("DELETE FROM card"));
        Database.close(jdbi);
        Map<String, List<String>> emptied = tables(db);
        output.reset();

        assertThat(run(new RestoreCommand(), saved.toString(), "--db", db.toString())).isZero();

        assertThat(tables(db)).isEqualTo(original);
        assertThat(output.out()).startsWith("restored " + saved + " into " + db.toAbsolutePath()
                + "; the data it replaced is kept in " + tempDir.resolve("backups").toAbsolutePath());
        try (var files = Files.list(tempDir.resolve("backups"))) {
            Path kept = files.filter(f -> f.getFileName().toString().endsWith("-before-restore.db")).findFirst().orElseThrow();
            assertThat(tables(kept)).isEqualTo(emptied);
        }
    }

    @Test
    void restore_of_a_file_that_is_not_a_prepdeck_database_says_so_in_one_line_and_changes_nothing() throws Exception {
        Path text = Files.writeString(tempDir.resolve("notes.md"), "# not a database");
        Map<String, List<String>> before = tables(db);
        byte[] bytes = Files.readAllBytes(db);

        assertThat(run(new RestoreCommand(), text.toString(), "--db", db.toString())).isEqualTo(1);

        assertThat(output.err()).isEqualTo("error: " + text + ": cannot be restored: it is not a SQLite database\n");
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
        assertThat(tables(db)).isEqualTo(before);
    }

    @Test
    void restore_refuses_while_a_server_runs_on_the_database() {
        Path saved = tempDir.resolve("saved.db");
        run(new BackupCommand(), "--out", saved.toString(), "--db", db.toString());
        output.reset();
        ServerLock server = ServerLock.acquire(db).orElseThrow();
        try {
            assertThat(run(new RestoreCommand(), saved.toString(), "--db", db.toString())).isEqualTo(1);
            assertThat(output.err()).startsWith("error: " + db + ": a prepdeck server is running on it (process "
                    + ProcessHandle.current().pid() + "); stop it first");
        } finally {
            server.release();
        }
        assertThat(ServerLock.runningServer(db)).isEmpty();
    }

    @Test
    void check_reports_a_clean_collection_and_repairs_a_broken_one_after_a_backup() throws Exception {
        assertThat(run(new CheckCommand(), "--db", db.toString())).isZero();
        assertThat(output.out()).isEqualTo("No problems found.\n");

        Jdbi jdbi = Database.open(db);
        jdbi.useHandle(h -> h.execute("UPDATE card_recall SET due = 0"));
        Database.close(jdbi);
        output.reset();
        assertThat(run(new CheckCommand(), "--report-only", "--db", db.toString())).isZero();
        assertThat(output.out()).isEqualTo("3 cards were missing from the due queue or out of step with it.\n"
                + "Nothing was repaired.\n");

        output.reset();
        assertThat(run(new CheckCommand(), "--db", db.toString())).isZero();
        assertThat(output.out()).startsWith("3 cards were missing from the due queue or out of step with it.\n"
                + "Everything listed was repaired");
        try (var files = Files.list(tempDir.resolve("backups"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith("-check.db"));
        }
        output.reset();
        run(new CheckCommand(), "--db", db.toString());
        assertThat(output.out()).isEqualTo("No problems found.\n");
    }
}
