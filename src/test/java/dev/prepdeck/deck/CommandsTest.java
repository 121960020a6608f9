package dev.prepdeck.deck;

import static dev.prepdeck.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck import and export as run from a shell. */
class CommandsTest {
    @TempDir
    Path tempDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    @Test
    void import_reports_each_file_and_exits_non_zero_naming_the_bad_file_and_line() {
        Path decks = tempDir.resolve("decks");
        write(decks, "good.md", TestData.DATABASE_DECK);
        write(decks, "bad.md", "# Bad\n\n## Question without answer\n");
        String db = tempDir.resolve("cli.db").toString();

        int exit = run(new ImportCommand(), decks.toString(), "--db", db);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: bad.md:3: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("good.md: 2 added").contains("1 rejected");
    }

    @Test
    void export_writes_deck_files_that_import_back_without_changes() throws Exception {
        Path decks = tempDir.resolve("decks");
        write(decks, "networking.md", TestData.NETWORKING_DECK);
        String db = tempDir.resolve("cli.db").toString();
        assertThat(run(new ImportCommand(), decks.toString(), "--db", db)).isZero();

        Path exported = tempDir.resolve("out");
        assertThat(run(new ExportCommand(), exported.toString(), "--db", db)).isZero();
        out.reset();
        assertThat(run(new ImportCommand(), exported.toString(), "--db", db)).isZero();

        assertThat(Files.readString(exported.resolve("networking.md"))).contains("<!-- id: net-dns -->");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cards: 0 added, 0 updated, 0 set aside");
    }

    @Test
    void import_of_a_missing_folder_says_so() {
        int exit = run(new ImportCommand(), tempDir.resolve("nope").toString(), "--db", tempDir.resolve("x.db").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a folder");
    }
}
