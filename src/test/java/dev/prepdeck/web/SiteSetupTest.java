package dev.prepdeck.web;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every route shares, through the whole site: errors as pages or JSON, the CSRF check on forms, JSON-only
 * same-origin API writes, security headers, escaping of card text, static files.
 */
class SiteSetupTest {
    private static final Pattern CARD_ID = Pattern.compile("name=\"cardId\" value=\"(\\d+)\"");

    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        deckId = collection.deckId("Interview::Networking");
    }

    private static long shownCard(String page) {
        Matcher matcher = CARD_ID.matcher(page);
        assertThat(matcher.find()).as("a card is shown").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static void assertError(Response response, int status, String messagePart) {
        assertThat(response.code()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(messagePart);
    }

    @Test
    void health_answers_ok() {
        collection.site(s -> assertThat(json(s.get("/api/health")).get("status").asText()).isEqualTo("ok"));
    }

    /**
     * A client may send a request's headers and its body in two packets. A route that takes no body (undo) must not
     * answer before the body has come, or the server closes the connection and the client's next request on it fails.
     */
    @Test
    void a_json_body_sent_after_its_headers_is_read_and_the_connection_serves_the_next_request() throws IOException {
        collection.site(s -> {
            URI origin = URI.create(s.origin());
            try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                String head = "POST /api/cards/bulk/undo HTTP/1.1\r\nHost: " + origin.getAuthority()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoTimeout(300);
                boolean answeredBeforeBody;
                try {
                    answeredBeforeBody = in.read() != -1;
                } catch (SocketTimeoutException stillWaitingForTheBody) {
                    answeredBeforeBody = false;
                }
                assertThat(answeredBeforeBody).as("answered before the body was sent").isFalse();

                socket.setSoTimeout(10_000);
                out.write("{}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(responseHead(in)).startsWith("HTTP/1.1 200");
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write("{}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(responseHead(in)).as("the next request on the same connection").startsWith("HTTP/1.1 200");
            }
        });
    }

    /** The status line and headers of one response, its body (Content-Length bytes) read past. */
    private static String responseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                return "connection closed after " + head.size() + " bytes";
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
        assertThat(length.find()).as("a Content-Length in " + text).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return text;
    }

    @Test
    void writes_must_be_json_and_same_origin() {
        collection.site(s -> {
            Response form = s.submitWithoutToken("/api/decks", "name", "Sneaky");
            assertError(form, 415, "application/json");
            assertError(s.postJsonFrom("http://evil.example", "/api/decks", "{\"name\":\"Sneaky\"}"), 403, "cross-site");
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name = 'Sneaky'", Integer.class)).isZero();
            String self = s.origin();
            assertThat(s.postJsonFrom(self, "/api/decks", "{\"name\":\"Mine\"}").code()).isEqualTo(201);
        });
    }

    @Test
    void unknown_api_paths_and_methods_answer_json() {
        collection.site(s -> {
            assertError(s.get("/api/nothing-here"), 404, "/api/nothing-here");
            assertThat(s.delete("/api/decks").code()).isIn(404, 405);
            assertThat(json(s.delete("/api/decks")).has("error")).isTrue();
        });
    }

    @Test
    void unknown_pages_get_a_readable_404_page() {
        collection.site(s -> {
            Response missing = s.get("/decks/424242");
            assertThat(missing.code()).isEqualTo(404);
            assertThat(missing.body().string()).contains("no deck with id 424242").contains("Back to your decks")
                    .as("the status names the page and its heading").contains("<title>Not Found · prepdeck</title>")
                    .contains("<h1>Not Found</h1>");
            assertThat(s.get("/no/such/page").code()).isEqualTo(404);
            assertThat(s.get("/cards/abc/edit").code()).isEqualTo(404);
        });
    }

    @Test
    void static_assets_are_served() {
        collection.site(s -> {
            assertThat(s.get("/static/app.css").body().string()).contains("light-dark(");
            assertThat(s.get("/static/keys.js").body().string()).contains("rate-");
        });
    }

    @Test
    void hostile_card_text_is_escaped_and_never_executed() {
        collection.site(s -> {
            String hostile = "<script>alert('q')</script><img src=x onerror=alert(1)>";
            s.submit("/decks/" + deckId + "/cards", "question", "Is this safe? " + hostile,
                    "answer", hostile + "\n\n[click](javascript:alert(2))\n\n<iframe src=\"https://evil.example\"></iframe>",
                    "tags", "", "action", "save");
            long cardId = collection.cardId("Is this safe? " + hostile);

            for (String path : new String[] {"/decks/" + deckId, "/cards/" + cardId + "/edit", "/study?deck=" + deckId + "&card=" + cardId}) {
                String page = s.page(path);
                assertThat(page).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
                        .doesNotContain("<iframe").doesNotContain("href=\"javascript:");
                assertThat(page).as(path).contains("&lt;script&gt;");
            }
            Response study = s.get("/study?deck=" + deckId + "&card=" + cardId);
            assertThat(study.headers().get("Content-Security-Policy").get(0)).contains("script-src 'self'");
        });
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused_and_changes_nothing() {
        collection.site(s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            Response forged = s.submitWithoutToken("/study/rate", "cardId", String.valueOf(first), "rating", "1");
            assertThat(forged.code()).isEqualTo(403);
            assertThat(forged.body().string()).contains("another site");
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(s.submitWithoutToken("/decks", "name", "Forged").code()).isEqualTo(403);
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name = 'Forged'", Integer.class)).isZero();
        });
    }
}
