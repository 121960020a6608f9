package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.notes.NotesImagesTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
        assertThat(stdout()).contains("three-levels.rst: 4 decks, 10 cards")
                .contains("deck Prep::Backend Notes::Caching: 3 cards")
                .contains("skipped three-levels.rst:55: 'Sharding' skipped: empty section")
                .contains("notes.md: 3 decks, 6 cards");
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
        assertThat(stdout()).contains("Backend Notes::Caching, 3 new cards").contains("0 decks changed, 4 unchanged");
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

    @Test
    void a_deck_prefix_with_a_control_character_is_refused_and_nothing_is_written() throws Exception {
        Path notes = fixture("notes.md");
        Path out = tempDir.resolve("out");

        int exit = run("import", notes.toString(), "--out", out.toString(), "--deck-prefix", "Study\tNotes");

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("The deck prefix is not a deck name: deck name contains the control"
                + " character U+0009").contains("nothing written");
        assertThat(out).doesNotExist();
    }

    /** The notes corpus (src/test/resources/notes-corpus, with its conf.py and images) copied to a folder of its own. */
    private Path corpusFolder() throws Exception {
        Path source = Path.of(getClass().getResource("/notes-corpus/conf.py").toURI()).getParent();
        Path copy = tempDir.resolve("notes");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path target = copy.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return copy;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void a_folder_of_notes_writes_its_decks_with_the_images_they_show_in_a_media_folder_that_imports()
            throws Exception {
        Path notes = corpusFolder();
        Path decks = tempDir.resolve("decks");

        int exit = run("import", notes.toString(), "--out", decks.toString());

        assertThat(exit).isEqualTo(0);
        try (Stream<Path> media = Files.list(decks.resolve("media"))) {
            assertThat(media.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("bias-variance.png", "join-venn.png", "kv-cache.png", "ranking-evolution.png");
        }
        assertThat(Files.readAllBytes(decks.resolve("media/join-venn.png")))
                .isEqualTo(Files.readAllBytes(notes.resolve("_static/sql/join-venn.png")));
        assertThat(Files.readString(decks.resolve("sql--基础语法.md"))).contains("![JOIN 维恩图](media/join-venn.png)");
        assertThat(stdout()).contains("sql-study.rst: 1 deck, 4 cards, 1 of 1 image found")
                .contains("cv-notes.md:19: image img/receptive-field.png not found");

        Jdbi jdbi = TestData.database(tempDir);
        SyncReport report = new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, Clock.systemUTC()),
                Clock.systemUTC()).importFolder(decks);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(TestData.list(jdbi, "SELECT name FROM media ORDER BY name", String.class))
                .containsExactly("bias-variance.png", "join-venn.png", "kv-cache.png", "ranking-evolution.png");
    }

    @Test
    void a_zip_of_notes_imports_into_the_database_with_its_images_in_the_same_transaction_as_the_cards()
            throws Exception {
        Path db = tempDir.resolve("cli.db");
        Path zip = Files.write(tempDir.resolve("sql-notes.zip"), zip(Map.of(
                "sql-notes/conf.py", new byte[] {'#'},
                "sql-notes/_static/sql/join-venn.png", NotesImagesTest.PNG,
                "sql-notes/sql-study.rst", Files.readAllBytes(corpusFolder().resolve("sql-study.rst")),
                "sql-notes/_build/html/_sources/sql-study.rst.txt", "build output".getBytes(StandardCharsets.UTF_8))));

        assertThat(run("import", zip.toString(), "--db", db.toString())).isEqualTo(0);

        Jdbi jdbi = Database.open(db);
        assertThat(TestData.one(jdbi, "SELECT bytes FROM media WHERE name = 'join-venn.png'", byte[].class))
                .isEqualTo(NotesImagesTest.PNG);
        assertThat(TestData.one(jdbi, "SELECT answer FROM card WHERE question = '常见 JOIN 有哪些？'", String.class))
                .endsWith("![JOIN 维恩图](media/join-venn.png)");
        assertThat(stdout()).contains("sql-study.rst: 1 deck, 4 cards, 1 of 1 image found")
                .doesNotContain("_build");
    }

    @Test
    void a_zip_entry_that_climbs_out_of_the_folder_refuses_the_zip_and_nothing_is_written() throws Exception {
        Path db = tempDir.resolve("cli.db");
        Path zip = Files.write(tempDir.resolve("evil.zip"), zip(Map.of(
                "notes/a.md", "# A\n\n## What is A?\n\nA letter.\n".getBytes(StandardCharsets.UTF_8),
                "notes/../../outside.png", NotesImagesTest.PNG)));

        int exit = run("import", fixture("three-levels.rst").toString(), zip.toString(), "--db", db.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("error: evil.zip holds notes/../../outside.png, which points outside the "
                + "notes folder ('..'); nothing was imported.").contains("nothing written");
        assertThat(db).doesNotExist();
        assertThat(tempDir.resolve("outside.png")).doesNotExist();
    }

    @Test
    void a_notes_file_past_the_size_limit_is_named_and_nothing_is_written() throws Exception {
        Path notes = Files.createDirectories(tempDir.resolve("notes"));
        Files.writeString(notes.resolve("a.md"), "# A\n\n## What is A?\n\nA letter.\n");
        Files.writeString(notes.resolve("huge.md"), "# Huge\n\n" + "word ".repeat(120_000));
        Path decks = tempDir.resolve("decks");

        int exit = run("import", notes.toString(), "--out", decks.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.err()).contains("error: huge.md: the file is 586 KB; notes files up to 512 KB can be imported");
        assertThat(decks).doesNotExist();
    }
}
