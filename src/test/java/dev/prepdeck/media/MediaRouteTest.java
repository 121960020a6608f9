package dev.prepdeck.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaRouteTest {
    @TempDir
    Path tempDir;

    TestCollection collection;
    MediaStore store;
    byte[] png = MediaSamples.png(40, 30, "");
    byte[] mp3 = MediaSamples.mp3();

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir);
        store = new MediaStore(collection.jdbi(), collection.clock());
        collection.jdbi().useTransaction(h -> {
            store.put(h, "join.png", png);
            store.put(h, "word.mp3", mp3);
            store.put(h, "drawing.svg", MediaSamples.svg());
            store.put(h, "执行计划.png", MediaSamples.gif());
        });
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void an_image_comes_back_byte_for_byte_with_its_sniffed_type_and_safe_headers() {
        collection.site(site -> {
            HttpResponse<byte[]> response = site.getBytes("/media/join.png");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(png);
            assertThat(header(response, "Content-Type")).isEqualTo("image/png");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(response, "Content-Disposition"))
                    .isEqualTo("inline; filename=\"join.png\"; filename*=UTF-8''join.png");
            assertThat(header(response, "Content-Security-Policy")).contains("sandbox").contains("default-src 'none'")
                    .doesNotContain("script-src");
            assertThat(header(response, "Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
            assertThat(header(response, "ETag")).isEqualTo("\"" + MediaStore.sha256(png) + "\"");
            assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
        });
    }

    @Test
    void a_sound_plays_inline_and_a_drawing_is_downloaded_when_opened_on_its_own() {
        collection.site(site -> {
            HttpResponse<byte[]> sound = site.getBytes("/media/word.mp3");
            assertThat(header(sound, "Content-Type")).isEqualTo("audio/mpeg");
            assertThat(header(sound, "Content-Disposition")).startsWith("inline;");
            assertThat(sound.body()).isEqualTo(mp3);

            HttpResponse<byte[]> drawing = site.getBytes("/media/drawing.svg");
            assertThat(header(drawing, "Content-Type")).isEqualTo("image/svg+xml");
            assertThat(header(drawing, "Content-Disposition")).startsWith("attachment;");
            assertThat(header(drawing, "Content-Security-Policy")).contains("sandbox");
        });
    }

    @Test
    void a_name_in_another_script_is_found_through_its_percent_escapes_and_named_for_download() {
        collection.site(site -> {
            HttpResponse<byte[]> response = site.getBytes("/media/%E6%89%A7%E8%A1%8C%E8%AE%A1%E5%88%92.png");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "Content-Type")).isEqualTo("image/gif");
            assertThat(header(response, "Content-Disposition")).isEqualTo(
                    "inline; filename=\"____.png\"; filename*=UTF-8''%E6%89%A7%E8%A1%8C%E8%AE%A1%E5%88%92.png");
        });
    }

    @Test
    void a_matching_if_none_match_is_answered_304_without_a_body_and_another_tag_gets_the_file() {
        String etag = "\"" + MediaStore.sha256(png) + "\"";
        collection.site(site -> {
            HttpResponse<byte[]> same = site.getBytes("/media/join.png", "If-None-Match", etag);
            assertThat(same.statusCode()).isEqualTo(304);
            assertThat(same.body()).isEmpty();
            assertThat(header(same, "ETag")).isEqualTo(etag);

            assertThat(site.getBytes("/media/join.png", "If-None-Match", "\"other\", W/" + etag).statusCode())
                    .as("a weak tag in a list").isEqualTo(304);
            HttpResponse<byte[]> other = site.getBytes("/media/join.png", "If-None-Match", "\"other\"");
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.body()).isEqualTo(png);
        });
    }

    @Test
    void a_range_gets_just_those_bytes_as_safari_asks_before_playing_a_sound() {
        collection.site(site -> {
            HttpResponse<byte[]> part = site.getBytes("/media/word.mp3", "Range", "bytes=4-13");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(mp3, 4, 14));
            assertThat(header(part, "Content-Range")).isEqualTo("bytes 4-13/" + mp3.length);
            assertThat(header(part, "Accept-Ranges")).isEqualTo("bytes");

            HttpResponse<byte[]> tail = site.getBytes("/media/word.mp3", "Range", "bytes=-10");
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp3, mp3.length - 10, mp3.length));

            HttpResponse<byte[]> open = site.getBytes("/media/word.mp3", "Range", "bytes=0-");
            assertThat(open.statusCode()).isEqualTo(206);
            assertThat(open.body()).isEqualTo(mp3);

            HttpResponse<byte[]> past = site.getBytes("/media/word.mp3", "Range", "bytes=99999-");
            assertThat(past.statusCode()).isEqualTo(416);
            assertThat(header(past, "Content-Range")).isEqualTo("bytes */" + mp3.length);

            for (String malformed : new String[] {"bytes=abc", "bytes=5-2", "bytes=0-1,4-5", "items=0-4", "bytes=-"}) {
                HttpResponse<byte[]> whole = site.getBytes("/media/word.mp3", "Range", malformed);
                assertThat(whole.statusCode()).as(malformed).isEqualTo(200);
                assertThat(whole.body()).as(malformed).isEqualTo(mp3);
            }
        });
    }

    @Test
    void media_are_never_compressed_on_the_way_so_ranges_and_lengths_stay_true() {
        byte[] silence = MediaSamples.concat(MediaSamples.mp3(), new byte[200_000]);
        collection.jdbi().useTransaction(h -> store.put(h, "silence.mp3", silence));
        collection.site(site -> {
            HttpResponse<byte[]> whole = site.getBytes("/media/silence.mp3", "Accept-Encoding", "gzip, br");
            assertThat(header(whole, "Content-Encoding")).isNull();
            assertThat(whole.body()).isEqualTo(silence);

            HttpResponse<byte[]> part = site.getBytes("/media/silence.mp3", "Accept-Encoding", "gzip",
                    "Range", "bytes=100000-100099");
            assertThat(header(part, "Content-Encoding")).isNull();
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(silence, 100_000, 100_100));
        });
    }

    @Test
    void an_unknown_name_is_404_and_a_file_whose_bytes_were_deleted_is_gone_too() {
        collection.jdbi().useTransaction(h -> store.deleteUnused(h, java.util.Set.of("join.png")));
        collection.site(site -> {
            assertThat(site.getBytes("/media/nothing.png").statusCode()).isEqualTo(404);
            assertThat(site.getBytes("/media/word.mp3").statusCode()).isEqualTo(404);
            assertThat(site.getBytes("/media/JOIN.PNG").statusCode()).as("names are exact").isEqualTo(404);
            assertThat(site.get("/media/nothing.png").body().string()).contains("no media file named nothing.png");
        });
    }

    @Test
    void hostile_names_never_reach_a_file_and_never_fail_with_500() {
        collection.site(site -> {
            for (String path : new String[] {"/media/..%2Ftest.db", "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "/media/..%5Ctest.db", "/media/join.png%00.html", "/media/%00", "/media/join.png%2F",
                    "/media/%2e%2e", "/media/join.png;.html", "/media/" + "a".repeat(3000) + ".png"}) {
                HttpResponse<byte[]> response = site.getBytes(path);
                assertThat(response.statusCode()).as(path).isIn(400, 404);
                assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).as(path)
                        .doesNotContain("SQLite format").doesNotContain("root:");
            }
        });
    }
}
