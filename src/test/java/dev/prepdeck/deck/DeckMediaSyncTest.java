package dev.prepdeck.deck;

import static dev.prepdeck.TestData.list;
import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.media.MediaSamples;
import dev.prepdeck.media.MediaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deck files with images and sounds beside them in media/: imported with their cards, exported back. */
class DeckMediaSyncTest {
    private static final String SQL_DECK = """
            # SQL

            ## What does an inner join return?
            <!-- id: sql-join -->

            Rows that match in both tables:

            ![An inner join of two tables](media/join.png)

            Say it: [sound: join.mp3](media/join.mp3)

            ## What does EXPLAIN show?

            The plan: ![the query plan](media/missing-plan.png)
            """;

    @TempDir
    Path tempDir;

    Path decks;
    Jdbi jdbi;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    MediaStore store;
    DeckSync sync;
    byte[] join = MediaSamples.png(30, 20, "");
    byte[] sound = MediaSamples.mp3();

    @BeforeEach
    void setUp() {
        decks = tempDir.resolve("decks");
        jdbi = TestData.database(tempDir);
        store = new MediaStore(jdbi, clock);
        sync = new DeckSync(jdbi, new DeckRepository(), store, clock);
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private byte[] stored(String name) {
        return store.bytes(name).orElseThrow(() -> new AssertionError("no media " + name));
    }

    private String answer(String uid) {
        return one(jdbi, "SELECT answer FROM card WHERE uid = '" + uid + "'", String.class);
    }

    @Test
    void referenced_media_come_in_from_the_media_folder_beside_the_deck_file_with_its_cards() {
        write(decks, "sql.md", SQL_DECK);
        writeBytes(decks.resolve("media/join.png"), join);
        writeBytes(decks.resolve("media/join.mp3"), sound);
        writeBytes(decks.resolve("media/unreferenced.png"), MediaSamples.gif());

        SyncReport report = sync.importFolder(decks);

        assertThat(report.hasErrors()).isFalse();
        assertThat(stored("join.png")).isEqualTo(join);
        assertThat(stored("join.mp3")).isEqualTo(sound);
        assertThat(list(jdbi, "SELECT name FROM media ORDER BY name", String.class))
                .as("only what a card references").containsExactly("join.mp3", "join.png");
        assertThat(answer("sql-join")).contains("![An inner join of two tables](media/join.png)");
    }

    @Test
    void a_missing_file_is_a_warning_with_file_and_line_and_the_deck_still_imports() {
        write(decks, "sql.md", SQL_DECK);
        writeBytes(decks.resolve("media/join.png"), join);
        writeBytes(decks.resolve("media/join.mp3"), sound);

        SyncReport report = sync.importFolder(decks);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).extracting(Object::toString).containsExactly("sql.md:14: media/missing-plan.png is missing: no such file in"
                + " the media folder beside the deck file; the card shows its alt text");
        assertThat(one(jdbi, "SELECT count(*) FROM card", Integer.class)).isEqualTo(2);
        assertThat(list(jdbi, "SELECT answer FROM card WHERE question = 'What does EXPLAIN show?'", String.class))
                .containsExactly("The plan: ![the query plan](media/missing-plan.png)");
    }

    @Test
    void a_deck_file_in_a_sub_folder_takes_media_from_the_media_folder_beside_it() {
        write(decks, "zh/database.md", "# 数据库\n\n## 执行计划长什么样？\n\n![执行计划](media/执行计划.png)\n");
        writeBytes(decks.resolve("zh/media/执行计划.png"), join);
        writeBytes(decks.resolve("media/执行计划.png"), MediaSamples.gif());

        SyncReport report = sync.importFolder(decks);

        assertThat(report.warnings()).isEmpty();
        assertThat(stored("执行计划.png")).isEqualTo(join);
    }

    @Test
    void a_file_that_is_no_image_or_sound_is_a_warning_naming_the_problem() {
        write(decks, "notes.md", "# Notes\n\n## Q?\n\nSee ![the page](media/page.png)\n");
        writeBytes(decks.resolve("media/page.png"), MediaSamples.ascii("<html><script>alert(1)</script></html>"));

        SyncReport report = sync.importFolder(decks);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("notes.md:5: page.png: not an image or sound prepdeck can show;")
                .endsWith("; the card shows its alt text");
        assertThat(one(jdbi, "SELECT count(*) FROM media", Integer.class)).isZero();
    }

    @Test
    void a_file_over_the_size_limit_is_a_warning_and_is_never_read_whole() {
        write(decks, "big.md", "# Big\n\n## Q?\n\n![poster](media/poster.png)\n");
        writeBytes(decks.resolve("media/poster.png"), MediaSamples.concat(join, new byte[MediaStore.MAX_BYTES]));

        SyncReport report = sync.importFolder(decks);

        assertThat(report.warnings()).extracting(Object::toString).containsExactly("big.md:5: media/poster.png: 10.1 MB is more than the 10.0 MB"
                + " a media file may have; the card shows its alt text");
    }

    @Test
    void a_name_the_store_tidies_is_referenced_by_its_tidy_name_in_the_card() {
        write(decks, "plan.md", "# Plan\n\n## Q?\n<!-- id: q -->\n\n![my plan](<media/my plan.png>) again [here](media/my%20plan.png)\n");
        writeBytes(decks.resolve("media/my plan.png"), join);

        sync.importFolder(decks);

        assertThat(answer("q")).isEqualTo("![my plan](<media/my-plan.png>) again [here](media/my-plan.png)");
        assertThat(stored("my-plan.png")).isEqualTo(join);
    }

    @Test
    void a_changed_image_imports_the_file_again_and_its_cards_show_the_new_image_under_a_new_name() throws Exception {
        write(decks, "sql.md", SQL_DECK);
        writeBytes(decks.resolve("media/join.png"), join);
        writeBytes(decks.resolve("media/join.mp3"), sound);
        sync.importFolder(decks);
        byte[] redrawn = MediaSamples.png(31, 20, "");
        writeBytes(decks.resolve("media/join.png"), redrawn);

        SyncReport report = sync.importFolder(decks);

        String renamed = "join-" + sha256(redrawn).substring(0, 8) + ".png";
        assertThat(report.lines()).contains("sql.md: SQL, no new cards, 1 updated");
        assertThat(answer("sql-join")).contains("![An inner join of two tables](media/" + renamed + ")");
        assertThat(stored(renamed)).isEqualTo(redrawn);
        assertThat(store.bytes("join.png")).as("no card shows the old drawing").isEmpty();
        assertThat(report.lines()).contains("media: 1 file no card uses any more deleted");
        assertThat(sync.importFolder(decks).lines()).as("then unchanged").containsExactly("sql.md: SQL, unchanged");
    }

    @Test
    void a_name_already_stored_needs_no_file_beside_a_second_deck() {
        write(decks, "a/sql.md", SQL_DECK);
        writeBytes(decks.resolve("a/media/join.png"), join);
        writeBytes(decks.resolve("a/media/join.mp3"), sound);
        write(decks, "b/more.md", "# More\n\n## Q?\n\n![the same join](media/join.png)\n");

        SyncReport report = sync.importFolder(decks);

        assertThat(report.warnings()).noneMatch(w -> w.toString().startsWith("b/more.md"));
    }

    @Test
    void a_rejected_file_leaves_none_of_its_media_behind() {
        write(decks, "a.md", "# Shared\n\n## A?\n\n![a](media/a.png)\n");
        write(decks, "b.md", "# Shared\n\n## B?\n\n![b](media/b.png)\n");
        writeBytes(decks.resolve("media/a.png"), join);
        writeBytes(decks.resolve("media/b.png"), MediaSamples.gif());

        SyncReport report = sync.importFolder(decks);

        assertThat(report.errors()).singleElement().asString().startsWith("b.md: deck name 'Shared' is already used");
        assertThat(list(jdbi, "SELECT name FROM media", String.class)).containsExactly("a.png");
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void export_writes_the_media_beside_each_deck_file_and_importing_the_export_gives_back_every_byte() throws Exception {
        write(decks, "sql.md", SQL_DECK);
        writeBytes(decks.resolve("media/join.png"), join);
        writeBytes(decks.resolve("media/join.mp3"), sound);
        write(decks, "zh/database.md", "# 数据库\n\n## 执行计划长什么样？\n\n![执行计划](media/执行计划.gif)\n");
        writeBytes(decks.resolve("zh/media/执行计划.gif"), MediaSamples.gif());
        sync.importFolder(decks);

        Path out = tempDir.resolve("out");
        DeckExport.Exported exported = new DeckExport(jdbi, new DeckRepository(), store).exportTo(DeckRepository.EVERY_DECK, out);

        assertThat(exported.mediaFiles()).containsExactlyInAnyOrder(out.resolve("media/join.png"),
                out.resolve("media/join.mp3"), out.resolve("zh/media/执行计划.gif"));
        assertThat(exported.missingMedia()).containsExactly("sql.md: media/missing-plan.png");
        assertThat(Files.readAllBytes(out.resolve("media/join.png"))).isEqualTo(join);
        assertThat(Files.readAllBytes(out.resolve("media/join.mp3"))).isEqualTo(sound);
        assertThat(Files.readAllBytes(out.resolve("zh/media/执行计划.gif"))).isEqualTo(MediaSamples.gif());

        Path elsewhere = tempDir.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Jdbi fresh = TestData.database(elsewhere);
        MediaStore freshStore = new MediaStore(fresh, clock);
        new DeckSync(fresh, new DeckRepository(), freshStore, clock).importFolder(out);
        for (String name : new String[] {"join.png", "join.mp3", "执行计划.gif"}) {
            assertThat(freshStore.bytes(name)).as(name).hasValueSatisfying(b -> assertThat(b).isEqualTo(stored(name)));
            assertThat(freshStore.find(name).orElseThrow()).isEqualTo(store.find(name).orElseThrow());
        }
        assertThat(list(fresh, "SELECT answer FROM card ORDER BY uid", String.class))
                .isEqualTo(list(jdbi, "SELECT answer FROM card ORDER BY uid", String.class));
        assertThat(sync.importFolder(out).summary()).as("the export imports into its source unchanged")
                .contains("0 new cards, 0 updated, 0 set aside");
    }
}
