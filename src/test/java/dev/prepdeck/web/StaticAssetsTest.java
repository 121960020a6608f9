package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.RawHttp;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files: pages link fingerprinted URLs cached for a year; plain URLs revalidate; a change is a new URL. */
class StaticAssetsTest {
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script src=\"(/static/keys[^\"]+)\"");
    private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/static/[^\"]*)\"");

    @TempDir
    Path tempDir;

    private static StaticAssets over(Path root) throws Exception {
        return new StaticAssets(new URLClassLoader(new URL[] {root.toUri().toURL()}, null), "static");
    }

    @Test
    void a_changed_file_gets_a_new_url_and_an_unchanged_one_keeps_its_url() throws Exception {
        Path v1 = tempDir.resolve("v1");
        Path v2 = tempDir.resolve("v2");
        TestData.write(v1, "static/app.css", "body { color: black; }");
        TestData.write(v1, "static/keys.js", "var k = 1;");
        TestData.write(v2, "static/app.css", "body { color: navy; }");
        TestData.write(v2, "static/keys.js", "var k = 1;");

        String before = over(v1).url("app.css");
        String after = over(v2).url("app.css");

        assertThat(before).matches("/static/app\\.[0-9a-f]{10}\\.css");
        assertThat(after).matches("/static/app\\.[0-9a-f]{10}\\.css").isNotEqualTo(before);
        assertThat(over(v2).url("keys.js")).isEqualTo(over(v1).url("keys.js"));
        assertThatThrownBy(() -> over(v1).url("missing.css")).hasMessageContaining("no static file 'missing.css'");
    }

    @Test
    void pages_link_fingerprinted_urls_that_are_cached_for_a_year() {
        TestCollection.of(tempDir).site(s -> {
            String page = s.page("/");
            Matcher css = STYLESHEET.matcher(page);
            Matcher js = SCRIPT.matcher(page);
            assertThat(css.find()).as("the layout links the stylesheet").isTrue();
            assertThat(js.find()).as("the layout links keys.js").isTrue();
            assertThat(css.group(1)).matches("/static/app\\.[0-9a-f]{10}\\.css");
            assertThat(js.group(1)).matches("/static/keys\\.[0-9a-f]{10}\\.js");

            RawHttp raw = new RawHttp(s.origin());
            RawHttp.Answer fingerprinted = raw.send("GET", css.group(1), List.of(), (byte[]) null);
            assertThat(fingerprinted.status()).isEqualTo(200);
            assertThat(fingerprinted.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
            assertThat(fingerprinted.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
            assertThat(fingerprinted.body()).contains("light-dark(");
            assertThat(raw.send("GET", js.group(1), List.of(), (byte[]) null).header("Content-Type"))
                    .isEqualTo("text/javascript; charset=utf-8");

            RawHttp.Answer plain = raw.send("GET", "/static/app.css", List.of(), (byte[]) null);
            assertThat(plain.status()).isEqualTo(200);
            assertThat(plain.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(plain.body()).isEqualTo(fingerprinted.body());
            RawHttp.Answer unchanged = raw.send("GET", "/static/app.css", List.of("If-None-Match: " + plain.header("ETag")),
                    (byte[]) null);
            assertThat(unchanged.status()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
        });
    }

    @Test
    void every_static_file_a_page_links_is_fingerprinted() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        long cardId = collection.list("SELECT id FROM card ORDER BY id LIMIT 1", Long.class).get(0);
        collection.site(s -> {
            String pages = s.page("/") + s.page("/mock/run?cards=" + cardId);
            List<String> linked = STATIC_LINK.matcher(pages).results().map(m -> m.group(1)).distinct().toList();

            assertThat(linked).as("the mock question page runs practice.js").anyMatch(url -> url.contains("/practice."));
            assertThat(linked).allMatch(url -> url.matches("/static/[a-z]+\\.[0-9a-f]{10}\\.(css|js)"), "fingerprinted");
        });
    }

    @Test
    void an_old_fingerprint_gets_todays_file_revalidated_and_unknown_or_unsafe_names_are_404() {
        TestCollection.of(tempDir).site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            RawHttp.Answer old = raw.send("GET", "/static/app.0123456789.css", List.of(), (byte[]) null);
            assertThat(old.status()).isEqualTo(200);
            assertThat(old.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(old.body()).contains("light-dark(");

            for (String path : List.of("/static/nothing.css", "/static/app", "/static/.hidden.css",
                    "/static/..%2Fpom.xml", "/static/dev/prepdeck/App.class", "/static/%2e%2e/templates/layout.html")) {
                RawHttp.Answer answer = raw.send("GET", path, List.of(), (byte[]) null);
                assertThat(answer.status()).as(path).isIn(400, 404);
                assertThat(answer.body()).as(path).doesNotContain("<!DOCTYPE html>\n<html lang=\"en\" xmlns:th");
            }
        });
    }
}
