package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.media.MediaStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck notes import as run from a shell: deck files with --out, straight into the database without. */
class NotesImportCommandTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private Path fixture(String name) throws Exception {
        Path file = tempDir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/notes-fixtures/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private int run(String... args) {
        return new CommandLine(new NotesCommand()).execute(args);
    }

    private String stdout() {
        return output.out();
    }

    @Test
    void out_writes_deck_files_that_parse_and_import_without_errors_and_prints_a_summary() throws Exception {
        Path decks = tempDir.resolve("decks");

        int exit = run("import", fixture("three-levels.rst").toString(), fixture("notes.md").toString(),
                "--out", decks.toString(), "--deck-prefix", "Prep");

        assertThat(exit).isEqualTo(0);
        List<Path> files;
        try (Stream<Path> list = Files.list(decks)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(7);
        for (Path file : files) {
            DeckFile deck = new DeckFileParser().parse(file.getFileName().toString(), Files.readAllBytes(file));
            assertThat(deck.name()).startsWith("Prep::");
            assertThat(deck.cards()).allMatch(c -> c.id() != null);
        }
        Jdbi jdbi = TestData.database(tempDir);
        SyncReport report = new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, Clock.systemUTC()), Clock.systemUTC()).importFolder(decks);
        assertThat(report.errors()).isEmpty();
        assertThat(TestData.one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(16);
        assertThat(stdout()).contains("three-levels.rst: 4 deck(s), 10 card(s)")
                .contains("deck Prep::Backend Notes::Caching: 3 card(s)")
                .contains("skipped three-levels.rst:55: 'Sharding' skipped: empty section")
                .contains("notes.md: 3 deck(s), 6 card(s)");
    }

    @Test
    void running_again_writes_the_same_files() throws Exception {
        Path first = tempDir.resolve("a");
        Path second = tempDir.resolve("b");
        run("import", fixture("three-levels.rst").toString(), "--out", first.toString());
        run("import", fixture("three-levels.rst").toString(), "--out", second.toString());

        for (Path file : Files.list(first).toList()) {
            assertThat(Files.readString(second.resolve(file.getFileName()))).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void without_out_the_cards_go_straight_into_the_database_and_a_rerun_changes_nothing() throws Exception {
        Path db = tempDir.resolve("cli.db");
        Path notes = fixture("three-levels.rst");

        assertThat(run("import", notes.toString(), "--db", db.toString())).isEqualTo(0);
        assertThat(run("import", notes.toString(), "--db", db.toString())).isEqualTo(0);

        Jdbi jdbi = Database.open(db);
        assertThat(TestData.one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(10);
        assertThat(TestData.list(jdbi, "SELECT name FROM deck ORDER BY name", String.class))
                .contains("Backend Notes", "Backend Notes::Caching", "Backend Notes::消息队列");
        assertThat(stdout()).contains("3 added, 0 updated").contains("0 file(s) changed, 4 unchanged");
    }

    @Test
    void an_unreadable_file_is_reported_with_file_and_line_and_nothing_is_written() throws Exception {
        Path decks = tempDir.resolve("decks");

        int exit = run("import", fixture("three-levels.rst").toString(), fixture("not-utf8.rst").toString(),
                "--out", decks.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.err())
                .contains("error: not-utf8.rst:4: not valid UTF-8")
                .contains("nothing written");
        assertThat(decks).doesNotExist();
    }
}
