package dev.prepdeck;

import static dev.prepdeck.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.media.MediaSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck import and export as run from a shell. */
class CommandsTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

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
        assertThat(output.err()).contains("error: bad.md:3: ");
        assertThat(output.out()).contains("good.md: 2 added").contains("1 rejected");
    }

    @Test
    void export_writes_deck_files_that_import_back_without_changes() throws Exception {
        Path decks = tempDir.resolve("decks");
        write(decks, "networking.md", TestData.NETWORKING_DECK);
        String db = tempDir.resolve("cli.db").toString();
        assertThat(run(new ImportCommand(), decks.toString(), "--db", db)).isZero();

        Path exported = tempDir.resolve("out");
        assertThat(run(new ExportCommand(), exported.toString(), "--db", db)).isZero();
        output.reset();
        assertThat(run(new ImportCommand(), exported.toString(), "--db", db)).isZero();

        assertThat(Files.readString(exported.resolve("networking.md"))).contains("<!-- id: net-dns -->");
        assertThat(output.out()).contains("cards: 0 added, 0 updated, 0 set aside");
    }

    @Test
    void import_warns_of_a_missing_image_with_file_and_line_and_export_writes_the_images_it_has() throws Exception {
        Path decks = tempDir.resolve("decks");
        write(decks, "sql.md", "# SQL\n\n## Joins?\n\n![join](media/join.png) ![plan](media/plan.png)\n");
        Files.createDirectories(decks.resolve("media"));
        Files.write(decks.resolve("media/join.png"), MediaSamples.png());
        String db = tempDir.resolve("cli.db").toString();

        assertThat(run(new ImportCommand(), decks.toString(), "--db", db)).isZero();
        assertThat(output.err()).contains("warning: sql.md:5: media/plan.png is missing");

        Path exported = tempDir.resolve("out");
        assertThat(run(new ExportCommand(), exported.toString(), "--db", db)).isZero();
        assertThat(Files.readAllBytes(exported.resolve("media/join.png"))).isEqualTo(MediaSamples.png());
        assertThat(output.out()).contains("1 deck file(s) and 1 media file(s) written to");
        assertThat(output.err()).contains("warning: sql.md: media/plan.png is not in the database; not written");
    }

    @Test
    void import_of_a_missing_folder_says_so() {
        int exit = run(new ImportCommand(), tempDir.resolve("nope").toString(), "--db", tempDir.resolve("x.db").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("is not a folder");
    }
}
