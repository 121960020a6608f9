package dev.prepdeck.web;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.RawHttp;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile JSON on every route that reads a JSON body: each is refused with a 400 naming the problem, and nothing
 * is stored.
 */
class JsonBodyTest {
    @TempDir
    Path tempDir;

    TestCollection collection;
    List<String[]> writeRoutes;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        long deckId = collection.deckId("Interview::Networking");
        long cardId = collection.cardWithUid("net-dns");
        writeRoutes = List.of(
                new String[] {"POST", "/api/decks"},
                new String[] {"POST", "/api/decks/" + deckId + "/cards"},
                new String[] {"PUT", "/api/cards/" + cardId},
                new String[] {"POST", "/api/review"},
                new String[] {"POST", "/api/practice/check"});
    }

    private void assertRefusedEverywhere(TestSite s, byte[] body, String messagePart) {
        Map<String, Long> before = collection.rowCounts();
        for (String[] route : writeRoutes) {
            Response response = s.sendJson(route[0], route[1], body);
            assertThat(response.code()).as(route[0] + " " + route[1]).isEqualTo(400);
            assertThat(json(response).get("error").asText()).as(route[0] + " " + route[1]).contains(messagePart);
        }
        assertThat(collection.rowCounts()).isEqualTo(before);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void json_nested_deeper_than_the_limit_is_refused_with_its_depth_named() {
        collection.site(s -> {
            assertRefusedEverywhere(s, utf8("[".repeat(1_001) + "]".repeat(1_001)), "nested deeper than 20 levels");
            assertRefusedEverywhere(s, utf8("{\"name\":" + "[".repeat(50) + "]".repeat(50) + "}"),
                    "nested deeper than 20 levels");
        });
    }

    @Test
    void a_number_longer_than_the_limit_is_refused() {
        collection.site(s -> assertRefusedEverywhere(s,
                utf8("{\"cardId\":" + "9".repeat(1_001) + ",\"name\":\"x\"}"), "number in the JSON is longer than 40"));
    }

    @Test
    void invalid_utf8_is_refused_not_stored_as_replacement_characters() {
        collection.site(s -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(utf8("{\"name\":\"caf"));
            body.write(0xE9);
            body.writeBytes(utf8("\",\"question\":\"q\",\"answer\":\"a\",\"cardId\":1,\"rating\":3}"));
            assertRefusedEverywhere(s, body.toByteArray(), "not valid UTF-8 (bad byte at offset 12)");
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name LIKE 'caf%'", Integer.class)).isZero();
        });
    }

    @Test
    void duplicate_fields_and_trailing_text_are_malformed_json() {
        collection.site(s -> {
            assertRefusedEverywhere(s, utf8("{\"name\":\"A\",\"name\":\"B\"}"), "Duplicate field 'name'");
            assertRefusedEverywhere(s, utf8("{\"name\":\"A\"} {\"name\":\"B\"}"), "malformed JSON");
        });
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_naming_the_limit() {
        collection.site(s -> {
            byte[] body = utf8("{\"name\":\"" + "x".repeat((int) BodyLimit.MAX_BYTES) + "\"}");
            Map<String, Long> before = collection.rowCounts();
            // The server answers before reading the body and closes; RawHttp reads that answer where
            // java.net.http would fail on the broken pipe.
            RawHttp raw = new RawHttp(s.origin());
            for (String[] route : writeRoutes) {
                RawHttp.Answer answer = raw.send(route[0], route[1], List.of("Content-Type: application/json"), body);
                assertThat(answer.status()).as(route[0] + " " + route[1]).isEqualTo(413);
                assertThat(answer.body()).as(route[0] + " " + route[1]).isEqualTo("{\"error\":\"The request is larger than "
                        + BodyLimit.MAX_MB + " MB, the most prepdeck accepts at once.\"}");
            }
            assertThat(collection.rowCounts()).isEqualTo(before);
        });
    }

    @Test
    void a_byte_order_mark_before_the_json_is_accepted() {
        collection.site(s -> {
            byte[] body = utf8("\uFEFF{\"name\":\"With BOM\"}");
            assertThat(s.sendJson("POST", "/api/decks", body).code()).isEqualTo(201);
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name = 'With BOM'", Integer.class)).isOne();
        });
    }
}
