package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.OnTheNetworkingDeck;
import dev.prepdeck.RawHttp;
import dev.prepdeck.TestSite;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form bodies the browser would never send: refused with a readable page, before anything is written. */
class FormBodyTest extends OnTheNetworkingDeck {
    private static final String BOUNDARY = "----prepdeck-form";

    private List<String> formRoutes(TestSite s) {
        List<String> paths = s.routes().stream()
                .filter(r -> r.method().equals("POST") && !r.path().startsWith("/api/"))
                .map(r -> r.path().replace("{deckId}", Long.toString(deckId)).replace("{cardId}", Long.toString(cardId))
                        .replace("{name}", "no-such-backup.db")
                        .replaceAll("\\{[^}]+}", "1"))
                .toList();
        assertThat(paths).as("form routes found in the app").contains("/decks", "/notes/preview", "/study/rate");
        return paths;
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Test
    void a_broken_multipart_body_is_a_400_form_message_on_every_form_route() {
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            String cookie = "Cookie: " + CsrfProtection.COOKIE + "=" + s.csrfToken();
            Map<String, Long> before = collection.rowCounts();
            Map<String, List<String>> brokenBodies = Map.of(
                    "cut short", List.of("Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                            part(CsrfProtection.FIELD, s.csrfToken()) + "--" + BOUNDARY + "\r\nContent-Disposition: form"),
                    "no boundary", List.of("Content-Type: multipart/form-data", "name=value"),
                    "wrong boundary", List.of("Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                            "--other\r\n\r\n"));
            for (String path : formRoutes(s)) {
                brokenBodies.forEach((what, typeAndBody) -> {
                    RawHttp.Answer answer = raw.send("POST", path, List.of(typeAndBody.get(0), cookie), typeAndBody.get(1));
                    assertThat(answer.status()).as(what + " on " + path).isEqualTo(400);
                    assertThat(answer.body()).as(what + " on " + path).contains("This form could not be read")
                            .doesNotContain("Exception");
                });
            }
            assertThat(collection.rowCounts()).isEqualTo(before);
        });
    }

    private static byte[] upload(String token, int fileBytes) {
        String head = part(CsrfProtection.FIELD, token) + "--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.md\"\r\n\r\n# Notes\n\n";
        return (head + "x".repeat(fileBytes) + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] chunked(byte[] body) {
        String size = Integer.toHexString(body.length);
        byte[] head = (size + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + body.length + tail.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        System.arraycopy(tail, 0, out, head.length + body.length, tail.length);
        return out;
    }

    @Test
    void a_form_or_upload_over_the_size_limit_is_a_413_naming_the_limit_and_nothing_is_written() {
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            String cookie = "Cookie: " + CsrfProtection.COOKIE + "=" + s.csrfToken();
            String multipart = "Content-Type: multipart/form-data; boundary=" + BOUNDARY;
            int over = (int) BodyLimit.MAX_BYTES + 1;
            Map<String, Long> before = collection.rowCounts();

            RawHttp.Answer upload = raw.send("POST", "/notes/preview", List.of(multipart, cookie), upload(s.csrfToken(), over));
            RawHttp.Answer form = raw.send("POST", "/decks", List.of("Content-Type: application/x-www-form-urlencoded",
                    cookie), CsrfProtection.FIELD + "=" + s.csrfToken() + "&name=" + "x".repeat(over));
            for (RawHttp.Answer answer : List.of(upload, form)) {
                assertThat(answer.status()).isEqualTo(413);
                assertThat(answer.body()).contains("<h1>Content Too Large</h1>")
                        .contains("The request is larger than " + BodyLimit.MAX_MB + " MB, the most prepdeck accepts at once.");
            }
            // Without a Content-Length the size shows only while reading: Jetty stops at the limit.
            RawHttp.Answer unannounced = raw.send("POST", "/notes/preview", List.of(multipart, cookie,
                    "Transfer-Encoding: chunked"), chunked(upload(s.csrfToken(), over)));
            assertThat(unannounced.status()).isIn(400, 413);
            assertThat(unannounced.body()).contains("class=\"error\"").doesNotContain("Exception");
            assertThat(collection.rowCounts()).isEqualTo(before);
        });
    }

    @Test
    void an_upload_under_the_size_limit_reaches_the_importer_which_names_its_own_smaller_limit() {
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            RawHttp.Answer answer = raw.send("POST", "/notes/preview", List.of("Content-Type: multipart/form-data; boundary="
                    + BOUNDARY, "Cookie: " + CsrfProtection.COOKIE + "=" + s.csrfToken()), upload(s.csrfToken(), 2_000_000));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("notes files up to 512 KB can be imported");
        });
    }

    @Test
    void a_multipart_form_needs_the_csrf_token_like_any_form() {
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            String cookie = "Cookie: " + CsrfProtection.COOKIE + "=" + s.csrfToken();
            String type = "Content-Type: multipart/form-data; boundary=" + BOUNDARY;
            RawHttp.Answer forged = raw.send("POST", "/decks", List.of(type, cookie),
                    part("name", "Forged") + "--" + BOUNDARY + "--\r\n");
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.body()).contains("another site");
            RawHttp.Answer wrongToken = raw.send("POST", "/decks", List.of(type, cookie),
                    part(CsrfProtection.FIELD, "not-the-token-at-all-00") + part("name", "Forged") + "--" + BOUNDARY + "--\r\n");
            assertThat(wrongToken.status()).isEqualTo(403);
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name = 'Forged'", Integer.class)).isZero();

            RawHttp.Answer genuine = raw.send("POST", "/decks", List.of(type, cookie),
                    part(CsrfProtection.FIELD, s.csrfToken()) + part("name", "Uploaded") + "--" + BOUNDARY + "--\r\n");
            assertThat(genuine.status()).isEqualTo(303);
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name = 'Uploaded'", Integer.class)).isOne();
        });
    }
}
