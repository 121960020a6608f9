package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.RawHttp;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages hand a browser without a token its CSRF cookie; the JSON API, whose writes need no token, hands none. */
class CsrfCookieTest {
    @TempDir
    Path tempDir;

    @Test
    void a_page_sets_the_csrf_cookie_and_the_json_api_does_not() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            RawHttp.Answer page = raw.send("GET", "/", List.of(), (byte[]) null);
            RawHttp.Answer api = raw.send("GET", "/api/decks", List.of(), (byte[]) null);
            RawHttp.Answer next = raw.send("GET", "/api/review/next", List.of(), (byte[]) null);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Set-Cookie")).startsWith(CsrfProtection.COOKIE + "=");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.header("Set-Cookie")).as("GET /api/decks").isNull();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.header("Set-Cookie")).as("GET /api/review/next").isNull();
        });
    }
}
