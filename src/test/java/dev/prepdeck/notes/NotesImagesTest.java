package dev.prepdeck.notes;

import static dev.prepdeck.notes.NotesFixtures.card;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.notes.NotesImages.Found;
import dev.prepdeck.notes.NotesImages.Missing;
import dev.prepdeck.notes.NotesImages.Remote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image paths in notes resolve as Sphinx and Obsidian resolve them, and what is not found says why. */
public class NotesImagesTest {
    /** A 1×1 PNG; {@link #OTHER_PNG} is a different one, for two files with the same name. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
    static final byte[] OTHER_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC");

    @TempDir
    Path dir;

    private Path write(String path, byte[] bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private NotesImages.Lookup find(NotesImages images, Path notes, String target) {
        return images.find(images.pathOf(notes), target);
    }

    @Test
    void a_path_is_relative_to_the_notes_file_and_a_leading_slash_starts_at_the_folder_holding_conf_py()
            throws IOException {
        write("docs/conf.py", "project = 'x'\n".getBytes(StandardCharsets.UTF_8));
        write("docs/_static/ml/curve.png", PNG);
        write("docs/guide/img/flow.png", PNG);
        Path notes = write("docs/guide/ml/index.rst", new byte[0]);
        NotesImages images = NotesImages.onDisk();

        assertThat(find(images, notes, "../img/flow.png")).isEqualTo(new Found("flow.png"));
        assertThat(find(images, notes, "/_static/ml/curve.png")).isEqualTo(new Found("curve.png"));
        assertThat(images.bytes("curve.png")).contains(PNG);
    }

    @Test
    void a_static_path_copied_from_a_deeper_page_climbs_too_high_and_is_then_looked_for_from_the_source_root()
            throws IOException {
        write("notes/conf.py", new byte[] {'#'});
        write("notes/_static/sql/join.png", PNG);
        Path notes = write("notes/sql.rst", new byte[0]);
        NotesImages images = NotesImages.onDisk();

        assertThat(find(images, notes, "../../_static/sql/join.png")).isEqualTo(new Found("join.png"));
        assertThat(find(images, notes, "sql/join.png")).isEqualTo(new Found("join.png"));
        assertThat(find(images, notes, "../../_static/sql/gone.png")).isInstanceOfSatisfying(Missing.class,
                m -> assertThat(m.details()).noneMatch(d -> d.contains("_static/_static")));
    }

    @Test
    void a_bare_name_is_found_anywhere_in_an_obsidian_vault_nearest_first() throws IOException {
        Files.createDirectories(dir.resolve("vault/.obsidian"));
        write("vault/attachments/deep/kv.png", OTHER_PNG);
        write("vault/attachments/kv.png", PNG);
        Path notes = write("vault/llm/kv-cache.md", new byte[0]);
        NotesImages images = NotesImages.onDisk();

        assertThat(find(images, notes, "kv.png")).isEqualTo(new Found("kv.png"));
        assertThat(images.bytes("kv.png")).contains(PNG);
    }

    @Test
    void two_different_files_with_one_name_get_two_names_and_one_file_met_twice_keeps_one()
            throws IOException {
        write("n/a/chart.png", PNG);
        write("n/b/chart.png", OTHER_PNG);
        Path notes = write("n/index.md", new byte[0]);
        NotesImages images = NotesImages.onDisk();

        assertThat(find(images, notes, "a/chart.png")).isEqualTo(new Found("chart.png"));
        assertThat(find(images, notes, "b/chart.png")).isInstanceOfSatisfying(Found.class,
                f -> assertThat(f.name()).matches("chart-[0-9a-f]{8}\\.png"));
        assertThat(find(images, notes, "./a/chart.png")).isEqualTo(new Found("chart.png"));
        assertThat(images.found()).hasSize(2);
    }

    @Test
    void web_images_stay_links_and_what_cannot_be_brought_in_says_why() throws IOException {
        write("n/fake.png", "not a picture".getBytes(StandardCharsets.UTF_8));
        Path notes = write("n/index.md", new byte[0]);
        NotesImages images = NotesImages.onDisk();

        assertThat(find(images, notes, "https://example.org/a.png")).isEqualTo(new Remote("https://example.org/a.png"));
        assertThat(find(images, notes, "data:image/png;base64,AAAA")).isInstanceOfSatisfying(Missing.class,
                m -> assertThat(m.problem()).isEqualTo("dataAddress"));
        assertThat(find(images, notes, "fake.png")).isInstanceOfSatisfying(Missing.class,
                m -> {
                    assertThat(m.problem()).isEqualTo("notAnImage");
                    assertThat(m.details()).singleElement().asString().endsWith("n/fake.png");
                });
        assertThat(find(images, notes, "gone.png")).isInstanceOfSatisfying(Missing.class,
                m -> {
                    assertThat(m.problem()).isEqualTo("noSuchFileLookedFor");
                    assertThat(m.details()).singleElement().asString().contains("gone.png");
                });
        assertThat(find(images, notes, "my%20chart.png")).isInstanceOfSatisfying(Missing.class,
                m -> assertThat(m.details()).singleElement().asString().contains("my chart.png"));
    }

    @Test
    void a_found_image_is_shown_in_its_card_and_a_missing_one_leaves_its_alt_text_and_a_warning_with_file_and_line()
            throws Exception {
        write("n/img/flow.png", PNG);
        String rst = "T\n=\n\nWhat is drawn?\n--------------\n\nText.\n\n.. image:: img/flow.png\n   :alt: data flow\n\n"
                + "What else?\n----------\n\nMore.\n\n.. image:: img/gone.png\n   :alt: a lost chart\n";
        Path notes = write("n/x.rst", rst.getBytes(StandardCharsets.UTF_8));
        NotesImages images = NotesImages.onDisk();

        NotesImport result = new NotesReader().read("x.rst", Files.readAllBytes(notes), NotesReader.Format.AUTO, null,
                images, images.pathOf(notes));

        assertThat(card(result, "What is drawn?").answer()).isEqualTo("Text.\n\n![data flow](media/flow.png)");
        assertThat(card(result, "What else?").answer()).isEqualTo("More.\n\n(figure: a lost chart)");
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("x.rst:17: image img/gone.png not found: no such file");
        assertThat(result.imagesMissing()).isEqualTo(1);
    }
}
