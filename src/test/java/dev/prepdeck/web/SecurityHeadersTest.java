package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.RawHttp;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer carries the security headers: pages, JSON, static files, and every kind of error. */
class SecurityHeadersTest {
    @TempDir
    Path tempDir;

    static void assertSecurityHeaders(String what, RawHttp.Answer answer) {
        assertThat(answer.header("Content-Security-Policy")).as(what + " CSP")
                .contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("data:");
        assertThat(answer.header("X-Content-Type-Options")).as(what + " nosniff").isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).as(what + " X-Frame-Options").isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).as(what + " Referrer-Policy").isEqualTo("same-origin");
    }

    @Test
    void successes_and_errors_alike_carry_the_security_headers() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        long deckId = collection.deckId("Interview::Networking");
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            String json = "Content-Type: application/json";
            String form = "Content-Type: application/x-www-form-urlencoded";
            String cookie = "Cookie: " + CsrfProtection.COOKIE + "=" + s.csrfToken();
            Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
            answers.put("page 200", raw.send("GET", "/", List.of(), (byte[]) null));
            answers.put("json 200", raw.send("GET", "/api/decks", List.of(), (byte[]) null));
            answers.put("static 200", raw.send("GET", "/static/app.css", List.of(), (byte[]) null));
            answers.put("csv 200", raw.send("GET", "/stats/review-log.csv", List.of(), (byte[]) null));
            answers.put("json 400", raw.send("POST", "/api/decks", List.of(json), "{"));
            answers.put("form 400", raw.send("POST", "/decks", List.of(form, cookie),
                    CsrfProtection.FIELD + "=" + s.csrfToken() + "&name="));
            answers.put("csrf 403", raw.send("POST", "/decks", List.of(form), "name=x"));
            answers.put("origin 403", raw.send("POST", "/api/decks", List.of(json, "Origin: http://evil.example"), "{}"));
            answers.put("page 404", raw.send("GET", "/decks/424242", List.of(), (byte[]) null));
            answers.put("path 404", raw.send("GET", "/no/such/page", List.of(), (byte[]) null));
            answers.put("api 404", raw.send("GET", "/api/nothing", List.of(), (byte[]) null));
            answers.put("static 404", raw.send("GET", "/static/none.css", List.of(), (byte[]) null));
            answers.put("method", raw.send("DELETE", "/decks/" + deckId, List.of(), (byte[]) null));
            answers.put("type 415", raw.send("POST", "/api/decks", List.of("Content-Type: text/plain"), "name"));
            answers.put("host 421", raw.send("GET", "/", List.of("Host: evil.example"), (byte[]) null));
            answers.put("jetty bad path 400", raw.send("GET", "/%C0%AE%C0%AE/", List.of(), (byte[]) null));
            answers.put("jetty header 431", raw.send("GET", "/", List.of("X-Big: " + "a".repeat(20_000)), (byte[]) null));

            assertThat(answers.get("jetty bad path 400").status()).isEqualTo(400);
            assertThat(answers.get("jetty header 431").status()).isEqualTo(431);
            answers.forEach((what, answer) -> {
                assertSecurityHeaders(what + " (" + answer.status() + ")", answer);
                assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
            });
        });
    }
}
