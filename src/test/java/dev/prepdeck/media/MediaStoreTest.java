package dev.prepdeck.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.error.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {
    @TempDir
    Path tempDir;

    Jdbi jdbi;
    MediaStore store;

    @BeforeEach
    void setUp() {
        jdbi = TestData.database(tempDir);
        store = new MediaStore(jdbi, TestClock.at("2026-03-02T10:00:00Z"));
    }

    private StoredMedia put(String name, byte[] bytes) {
        return jdbi.inTransaction(h -> store.put(h, name, bytes));
    }

    @Test
    void a_file_is_stored_under_its_name_with_its_sniffed_type_digest_and_size_and_read_back_byte_for_byte() {
        byte[] png = MediaSamples.png();

        StoredMedia stored = put("sql-join.png", png);

        assertThat(stored.name()).isEqualTo("sql-join.png");
        assertThat(stored.type()).isEqualTo(MediaType.PNG);
        assertThat(stored.size()).isEqualTo(png.length);
        assertThat(stored.sha256()).isEqualTo(MediaStore.sha256(png)).hasSize(64);
        assertThat(store.find("sql-join.png")).contains(stored);
        assertThat(store.bytes("sql-join.png")).hasValueSatisfying(b -> assertThat(b).isEqualTo(png));
        assertThat(exists("sql-join.png")).isTrue();
        assertThat(exists("other.png")).isFalse();
        assertThat(TestData.one(jdbi, "SELECT created_at FROM media", Long.class)).isEqualTo(1772445600000L);
    }

    @Test
    void the_type_comes_from_the_bytes_so_a_png_named_jpg_is_served_as_png() {
        StoredMedia stored = put("photo.jpg", MediaSamples.png());

        assertThat(stored.name()).isEqualTo("photo.jpg");
        assertThat(stored.type().contentType()).isEqualTo("image/png");
    }

    @Test
    void a_name_without_a_media_extension_gets_the_types_own() {
        assertThat(put("diagram", MediaSamples.png()).name()).isEqualTo("diagram.png");
        assertThat(put("word", MediaSamples.mp3()).name()).isEqualTo("word.mp3");
        assertThat(put("page.html", MediaSamples.gif()).name()).as("never served as HTML").isEqualTo("page.html.gif");
    }

    @Test
    void a_name_of_another_kind_is_refused_so_no_sound_poses_as_an_image_or_a_drawing_as_a_photo() {
        assertThatThrownBy(() -> put("x.png", MediaSamples.mp3())).isInstanceOf(InvalidInputException.class)
                .hasMessage("x.png: the name ends in .png but the file is audio/mpeg; name it .mp3");
        assertThatThrownBy(() -> put("x.png", MediaSamples.svg()))
                .hasMessage("x.png: the name ends in .png but the file is image/svg+xml; name it .svg");
        assertThatThrownBy(() -> put("x.svg", MediaSamples.png())).hasMessageContaining("name it .png");
        assertThat(count()).isZero();
    }

    @Test
    void every_allowed_kind_of_file_is_taken() {
        put("a.png", MediaSamples.png());
        put("b.jpeg", MediaSamples.jpeg());
        put("c.gif", MediaSamples.gif());
        put("d.webp", MediaSamples.webp());
        put("e.svg", MediaSamples.svg());
        put("f.mp3", MediaSamples.mp3());
        put("g.opus", MediaSamples.oggOpus());
        put("h.wav", MediaSamples.wav());
        put("i.m4a", MediaSamples.m4a());
        put("j.aac", MediaSamples.aac());
        put("k.webm", MediaSamples.webm());
        assertThat(TestData.list(jdbi, "SELECT content_type FROM media ORDER BY name", String.class)).containsExactly(
                "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "audio/mpeg", "audio/ogg",
                "audio/wav", "audio/mp4", "audio/aac", "audio/webm");
    }

    @Test
    void anything_else_is_refused_with_what_is_allowed() {
        assertThatThrownBy(() -> put("notes.png", MediaSamples.ascii("<html><script>alert(1)</script>")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("notes.png: not an image or sound prepdeck can show; it takes PNG, JPEG");
        assertThatThrownBy(() -> put("clip.mp4", MediaSamples.mp4Video())).hasMessageContaining("not an image or sound");
        assertThatThrownBy(() -> put("empty.png", new byte[0])).hasMessage("empty.png: the file is empty");
        assertThat(count()).isZero();
    }

    @Test
    void a_file_over_the_size_limit_is_refused_with_both_sizes() {
        byte[] big = MediaSamples.concat(MediaSamples.png(), new byte[MediaStore.MAX_BYTES]);

        assertThatThrownBy(() -> put("huge.png", big)).isInstanceOf(InvalidInputException.class)
                .hasMessage("huge.png: 10.1 MB is more than the 10.0 MB a media file may have");
        byte[] atLimit = MediaSamples.concat(MediaSamples.png(), new byte[MediaStore.MAX_BYTES - MediaSamples.png().length]);
        assertThat(put("fits.png", atLimit).size()).isEqualTo(MediaStore.MAX_BYTES);
    }

    @Test
    void names_that_walk_a_path_are_refused_and_untidy_names_are_tidied() {
        assertThatThrownBy(() -> put("../../prepdeck.db", MediaSamples.png())).hasMessageContaining("is a path");
        assertThatThrownBy(() -> put("..", MediaSamples.png())).hasMessageContaining("not a file name");
        assertThatThrownBy(() -> put("a\u0007.png", MediaSamples.png())).hasMessageContaining("control character");
        assertThat(count()).isZero();

        assertThat(put("my diagram.png", MediaSamples.png()).name()).isEqualTo("my-diagram.png");
    }

    @Test
    void the_same_bytes_under_the_same_name_again_change_nothing() {
        StoredMedia first = put("x.png", MediaSamples.png());

        assertThat(put("x.png", MediaSamples.png())).isEqualTo(first);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void other_bytes_under_a_taken_name_get_a_suffix_from_their_digest_and_the_first_file_stays() {
        byte[] first = MediaSamples.png(4, 3, "");
        byte[] second = MediaSamples.png(5, 3, "");
        put("x.png", first);

        StoredMedia other = put("x.png", second);

        assertThat(other.name()).isEqualTo("x-" + MediaStore.sha256(second).substring(0, 8) + ".png");
        assertThat(store.bytes("x.png")).hasValueSatisfying(b -> assertThat(b).isEqualTo(first));
        assertThat(store.bytes(other.name())).hasValueSatisfying(b -> assertThat(b).isEqualTo(second));
        assertThat(put("x.png", second).name()).as("the same again finds its suffixed name").isEqualTo(other.name());
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void the_same_bytes_under_two_names_are_two_files() {
        put("a.png", MediaSamples.png());
        put("b.png", MediaSamples.png());

        assertThat(count()).isEqualTo(2);
    }

    @Test
    void deleting_unused_files_drops_their_bytes_but_a_name_never_comes_back_meaning_other_bytes() {
        byte[] old = MediaSamples.png(4, 3, "");
        byte[] replacement = MediaSamples.png(6, 3, "");
        put("kept.png", MediaSamples.gif());
        put("x.png", old);

        List<String> deleted = jdbi.inTransaction(h -> store.deleteUnused(h, Set.of("kept.png")));

        assertThat(deleted).containsExactly("x.png");

        assertThat(store.find("x.png")).isEmpty();
        assertThat(store.bytes("x.png")).isEmpty();
        assertThat(store.find("kept.png")).isPresent();
        assertThat(put("x.png", replacement).name()).as("a browser may still cache the old x.png")
                .isEqualTo("x-" + MediaStore.sha256(replacement).substring(0, 8) + ".png");
        assertThat(put("x.png", old).name()).as("the same bytes take their name back").isEqualTo("x.png");
        assertThat(store.bytes("x.png")).hasValueSatisfying(b -> assertThat(b).isEqualTo(old));
    }

    @Test
    void a_put_joins_the_callers_transaction_and_leaves_nothing_when_it_rolls_back() {
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            store.put(h, "x.png", MediaSamples.png());
            throw new IllegalStateException("the cards failed");
        })).hasMessage("the cards failed");

        assertThat(count()).isZero();
    }

    private boolean exists(String name) {
        return jdbi.withHandle(h -> store.exists(h, name));
    }

    private int count() {
        return TestData.one(jdbi, "SELECT count(*) FROM media", Integer.class);
    }
}
