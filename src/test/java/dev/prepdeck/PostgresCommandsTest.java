package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.TestPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The commands with --db naming a PostgreSQL server (issue 18), its password in a file. */
class PostgresCommandsTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private int run(Object command, String... args) {
        return Main.commandLine(command).execute(args);
    }

    @Test
    void a_password_in_the_url_is_refused_before_anything_is_opened() {
        Path decks = tempDir.resolve("decks");
        TestData.write(decks, "networking.md", TestData.NETWORKING_DECK);

        int exit = run(new ImportCommand(), decks.toString(), "--db", "postgresql://prepdeck:s3cret@localhost/team");

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("error: --db the PostgreSQL URL contains a password")
                .contains("PREPDECK_DB_PASSWORD").doesNotContain("s3cret").doesNotContain("Exception");
    }

    @Test
    void commands_that_work_on_the_sqlite_file_say_what_to_use_on_postgresql() {
        int exit = run(new RestoreCommand(), tempDir.resolve("backup.db").toString(),
                "--db", "postgresql://prepdeck@localhost/team");

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("works on a SQLite file").contains("pg_dump");
    }

    @Test
    void backup_on_postgresql_says_whose_backups_they_are_and_exports_the_learners_data_as_an_anki_package()
            throws Exception {
        String url = TestDatabase.newPostgresUrl();
        Path password = TestData.write(tempDir, "password", TestDatabase.password() + "\n");
        Path pkg = TestPackages.schema11(TestPackages.sample(),
                TestPackages.sampleMedia(), Files.createDirectories(tempDir.resolve("pkg")));
        assertThat(run(new AnkiCommand(), "import", pkg.toString(), "--deck-prefix", "Anki", "--db", url,
                "--db-password-file", password.toString())).isZero();

        Path exported = tempDir.resolve("mine.apkg");
        output.reset();
        assertThat(run(new BackupCommand(), "--out", exported.toString(), "--db", url, "--db-password-file",
                password.toString())).isZero();
        assertThat(output.out()).contains("backups are its operator's (pg_dump, replication)")
                .contains("7 cards, 9 reviews and 2 media files written to " + exported);

        // The package brings the cards and their history back into another collection.
        output.reset();
        assertThat(run(new AnkiCommand(), "import", exported.toString(), "--db",
                tempDir.resolve("restored.db").toString())).isZero();
        assertThat(output.out()).contains("7 cards added").contains("9 reviews");

        output.reset();
        assertThat(run(new BackupCommand(), "--out", exported.toString(), "--db", url, "--db-password-file",
                password.toString())).as("an existing file is not overwritten").isEqualTo(1);
        assertThat(output.err()).contains("exists already");
    }

    @Test
    void import_and_export_work_on_postgresql_with_the_password_from_a_file() throws Exception {
        String url = TestDatabase.newPostgresUrl();
        Path password = TestData.write(tempDir, "password", TestDatabase.password() + "\n");
        Path decks = tempDir.resolve("decks");
        TestData.write(decks, "networking.md", TestData.NETWORKING_DECK);
        TestData.write(decks, "database.md", TestData.DATABASE_DECK);

        assertThat(run(new ImportCommand(), decks.toString(), "--db", url, "--db-password-file", password.toString()))
                .isZero();
        assertThat(output.out()).contains("networking.md: Interview::Networking, 3 new cards")
                .contains("database.md: 数据库, 2 new cards");

        Path exported = tempDir.resolve("out");
        assertThat(run(new ExportCommand(), exported.toString(), "--db", url, "--db-password-file",
                password.toString())).isZero();
        assertThat(Files.readString(exported.resolve("networking.md"))).contains("<!-- id: net-dns -->")
                .contains("## Compare TCP and UDP.");

        output.reset();
        assertThat(run(new CheckCommand(), "--db", url, "--db-password-file", password.toString())).isZero();
        assertThat(output.out()).contains("No problems found.");
        assertThat(output.err()).isEmpty();
    }

    @Test
    void a_wrong_password_is_told_in_one_line() {
        String url = TestDatabase.newPostgresUrl();
        Path password = TestData.write(tempDir, "password", "not-the-password\n");

        int exit = run(new ExportCommand(), tempDir.resolve("out").toString(), "--db", url, "--db-password-file",
                password.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("error: cannot connect to jdbc:postgresql://")
                .contains("password authentication failed").doesNotContain("\tat ");
    }
}
