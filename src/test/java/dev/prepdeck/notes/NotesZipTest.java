package dev.prepdeck.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** An uploaded notes folder: read whole when it is sound, refused whole, naming the problem, when it is not. */
public class NotesZipTest {
    private static final byte[] NOTES = "# SQL\n\n## What is a JOIN?\n\nRows of two tables matched.\n\n![venn](img/venn.png)\n"
            .getBytes(StandardCharsets.UTF_8);

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return zip(entries, StandardCharsets.UTF_8);
    }

    static byte[] zip(Map<String, byte[]> entries, Charset names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static NotesZip read(String name, byte[] zip) {
        return NotesZip.read(name, new ByteArrayInputStream(zip), zip.length);
    }

    @Test
    void a_zipped_notes_folder_gives_its_notes_files_and_their_images() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("notes/sql.md", NOTES);
        entries.put("notes/img/venn.png", NotesImagesTest.PNG);
        entries.put("notes/_build/html/_sources/sql.md.txt", NOTES);
        entries.put("notes/.obsidian/workspace.md", NOTES);
        entries.put("__MACOSX/notes/._sql.md", new byte[] {0, 1});
        NotesBatch batch = new NotesBatch(null);

        batch.addZip(read("notes.zip", zip(entries)));

        assertThat(batch.imports()).containsOnlyKeys("sql.md");
        assertThat(NotesFixtures.card(batch.imports().get("sql.md"), "What is a JOIN?").answer())
                .isEqualTo("Rows of two tables matched.\n\n![venn](media/venn.png)");
        assertThat(batch.media()).containsOnlyKeys("venn.png");
    }

    @Test
    void an_entry_that_climbs_out_of_the_folder_or_is_absolute_refuses_the_zip() throws Exception {
        assertThatThrownBy(() -> read("evil.zip", zip(Map.of("notes/../../../etc/x.md", NOTES))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("evil.zip holds notes/../../../etc/x.md, which points outside the notes folder ('..'); "
                        + "nothing was imported.");
        assertThatThrownBy(() -> read("evil.zip", zip(Map.of("/etc/x.md", NOTES))))
                .hasMessageContaining("evil.zip holds /etc/x.md, an absolute path");
        assertThatThrownBy(() -> read("evil.zip", zip(Map.of("C:\\Users\\x.md", NOTES))))
                .hasMessageContaining("an absolute path");
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_expanded() throws Exception {
        byte[] bomb = zip(Map.of("notes/zeros.png", new byte[9 * 1024 * 1024]));

        assertThat(bomb.length).isLessThan(100 * 1024);
        assertThatThrownBy(() -> read("bomb.zip", bomb)).isInstanceOf(InvalidInputException.class)
                .hasMessage("bomb.zip: notes/zeros.png expands more than 100 times its compressed size, which notes "
                        + "and images never do; refused as a likely zip bomb.");
    }

    @Test
    void an_entry_past_the_size_limit_a_zip_past_its_limit_and_too_many_files_are_refused() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        assertThatThrownBy(() -> read("big.zip", zip(Map.of("notes/photo.png", big))))
                .hasMessage("big.zip: notes/photo.png is 11.0 MB; one file in a zip of notes may have up to 10.0 MB.");
        assertThatThrownBy(() -> NotesZip.read("huge.zip", new ByteArrayInputStream(new byte[0]), 60L << 20))
                .hasMessageStartingWith("huge.zip is 60.0 MB; a zip of notes may have up to 50.0 MB.");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= NotesZip.MAX_ENTRIES; i++) {
            many.put("notes/n" + i + ".md", new byte[] {'x'});
        }
        assertThatThrownBy(() -> read("many.zip", zip(many)))
                .hasMessage("many.zip holds 2001 files and folders; a zip of notes may hold up to 2000.");
    }

    @Test
    void names_in_another_encoding_than_utf8_and_a_damaged_zip_are_refused_saying_what_to_do() throws Exception {
        byte[] latin1 = zip(Map.of("notes/caf\u00e9.md", NOTES), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read("old.zip", latin1))
                .hasMessageStartingWith("old.zip names its files in an encoding other than UTF-8");

        byte[] whole = zip(Map.of("notes/sql.md", NOTES));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> read("cut.zip", truncated))
                .hasMessageStartingWith("cut.zip is not a zip archive prepdeck can read");
        assertThatThrownBy(() -> read("notes.zip", NOTES))
                .hasMessageStartingWith("notes.zip is not a zip archive prepdeck can read");
    }

    @Test
    void a_notes_file_in_the_zip_that_is_not_utf8_is_named_with_its_line() throws Exception {
        byte[] latin1Notes = "# Caf\u00e9\n\n## Qu'est-ce qu'un caf\u00e9 ?\n".getBytes(StandardCharsets.ISO_8859_1);
        NotesBatch batch = new NotesBatch(null);
        NotesZip zip = read("notes.zip", zip(Map.of("notes/fr/cafe.md", latin1Notes, "notes/sql.md", NOTES)));

        assertThatThrownBy(() -> batch.addZip(zip)).isInstanceOf(NotesFormatException.class)
                .hasMessage("fr/cafe.md:1: not valid UTF-8; save the notes as UTF-8");
    }

    @Test
    void a_zip_without_notes_files_says_so() throws Exception {
        NotesZip zip = read("pics.zip", zip(Map.of("pics/venn.png", NotesImagesTest.PNG)));

        assertThatThrownBy(() -> new NotesBatch(null).addZip(zip)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("pics.zip holds no notes files");
    }
}
