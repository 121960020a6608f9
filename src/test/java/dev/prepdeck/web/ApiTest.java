package dev.prepdeck.web;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestData.write;
import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTest {
    @TempDir
    Path tempDir;

    Jdbi jdbi;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");

    @BeforeEach
    void setUp() {
        jdbi = TestData.database(tempDir);
        write(tempDir.resolve("decks"), "networking.md", TestData.NETWORKING_DECK);
        new DeckSync(jdbi, new DeckRepository(), clock).importFolder(tempDir.resolve("decks"));
    }

    private void site(TestSite.SiteTest test) {
        TestSite.run(jdbi, clock, test);
    }

    private long deckId(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM deck WHERE name = :n").bind("n", name)
                .mapTo(Long.class).one());
    }

    private int reviewCount() {
        return one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class);
    }

    private static void assertError(Response response, int status, String messagePart) {
        assertThat(response.code()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(messagePart);
    }

    @Test
    void health_answers_ok() {
        site(s -> assertThat(json(s.get("/api/health")).get("status").asText()).isEqualTo("ok"));
    }

    @Test
    void decks_list_counts_cards_due_and_new_including_sub_decks() {
        site(s -> {
            JsonNode decks = json(s.get("/api/decks"));
            assertThat(decks).hasSize(2);
            JsonNode parent = decks.get(0);
            assertThat(parent.get("name").asText()).isEqualTo("Interview");
            assertThat(parent.get("cards").asInt()).isEqualTo(3);
            assertThat(parent.get("new").asInt()).isEqualTo(3);
            assertThat(parent.get("due").asInt()).isZero();
            assertThat(decks.get(1).get("name").asText()).isEqualTo("Interview::Networking");
        });
    }

    @Test
    void cards_of_a_deck_come_with_state_and_due() {
        site(s -> {
            JsonNode cards = json(s.get("/api/decks/" + deckId("Interview::Networking") + "/cards"));
            assertThat(cards).hasSize(3);
            assertThat(cards.get(0).get("question").asText()).isEqualTo("What does DNS do?");
            assertThat(cards.get(0).get("answer").asText()).contains("example.org");
            assertThat(cards.get(0).get("state").asText()).isEqualTo("New");
            assertThat(cards.get(0).get("due").asText()).isEqualTo("2026-03-02T10:00:00Z");
            assertError(s.get("/api/decks/9999/cards"), 404, "no deck with id 9999");
            assertThat(s.get("/api/decks/abc/cards").code()).isEqualTo(404);
        });
    }

    @Test
    void creating_a_deck_and_a_card_then_editing_and_deleting_it() {
        site(s -> {
            Response created = s.postJson("/api/decks", "{\"name\":\"Behavioural\"}");
            assertThat(created.code()).isEqualTo(201);
            long deckId = json(created).get("id").asLong();

            Response card = s.postJson("/api/decks/" + deckId + "/cards",
                    "{\"question\":\"Tell me about a failure.\",\"answer\":\"- what happened\\n- what I learned\",\"tags\":[\"star\"]}");
            assertThat(card.code()).isEqualTo(201);
            long cardId = json(card).get("id").asLong();
            assertThat(json(card).get("state").asText()).isEqualTo("New");
            assertThat(json(card).get("tags").get(0).asText()).isEqualTo("star");

            Response edited = s.putJson("/api/cards/" + cardId, "{\"question\":\"Tell me about a setback.\",\"answer\":\"It taught me to test early.\"}");
            assertThat(edited.code()).isEqualTo(200);
            assertThat(json(edited).get("question").asText()).isEqualTo("Tell me about a setback.");

            assertThat(s.delete("/api/cards/" + cardId).code()).isEqualTo(204);
            assertError(s.delete("/api/cards/" + cardId), 404, "no card with id " + cardId);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card WHERE deck_id = " + deckId, Integer.class)).isZero();
        });
    }

    @Test
    void bad_deck_and_card_input_gets_a_json_error_and_writes_nothing() {
        site(s -> {
            long deckId = deckId("Interview::Networking");
            int cards = one(jdbi, "SELECT COUNT(*) FROM card", Integer.class);
            assertError(s.postJson("/api/decks", "{}"), 400, "missing field 'name'");
            assertError(s.postJson("/api/decks", "{\"name\":\"  \"}"), 400, "deck name must not be empty");
            assertError(s.postJson("/api/decks", "{\"name\":\"A::::B\"}"), 400, "non-empty");
            assertError(s.postJson("/api/decks", "{\"name\":\"Interview::Networking\"}"), 400, "already exists");
            assertError(s.postJson("/api/decks", "{\"name\": "), 400, "malformed JSON");
            assertError(s.postJson("/api/decks", "[1,2]"), 400, "JSON object");
            assertError(s.postJson("/api/decks/" + deckId + "/cards", "{\"question\":\"Q?\"}"), 400, "missing field 'answer'");
            assertError(s.postJson("/api/decks/" + deckId + "/cards", "{\"question\":\"\",\"answer\":\"A\"}"), 400, "question must not be empty");
            assertError(s.postJson("/api/decks/" + deckId + "/cards", "{\"question\":\"two\\nlines\",\"answer\":\"A\"}"), 400, "one line");
            assertError(s.postJson("/api/decks/" + deckId + "/cards", "{\"question\":\"Q?\",\"answer\":\"x\\n\\n## y\"}"), 400, "###");
            assertError(s.postJson("/api/decks/" + deckId + "/cards", "{\"question\":\"What does DNS do?\",\"answer\":\"dup\"}"), 400, "already has a card");
            assertError(s.postJson("/api/decks/" + deckId + "/cards", "{\"question\":42,\"answer\":\"A\"}"), 400, "must be a string");
            assertError(s.postJson("/api/decks/9999/cards", "{\"question\":\"Q?\",\"answer\":\"A\"}"), 404, "no deck");
            assertError(s.putJson("/api/cards/9999", "{\"question\":\"Q?\",\"answer\":\"A\"}"), 404, "no card");
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(cards);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM deck", Integer.class)).isEqualTo(2);
        });
    }

    @Test
    void writes_must_be_json_and_same_origin() {
        site(s -> {
            Response form = s.submitWithoutToken("/api/decks", "name", "Sneaky");
            assertError(form, 415, "application/json");
            assertError(s.postJsonFrom("http://evil.example", "/api/decks", "{\"name\":\"Sneaky\"}"), 403, "cross-site");
            assertThat(one(jdbi, "SELECT COUNT(*) FROM deck WHERE name = 'Sneaky'", Integer.class)).isZero();
            String self = s.origin();
            assertThat(s.postJsonFrom(self, "/api/decks", "{\"name\":\"Mine\"}").code()).isEqualTo(201);
        });
    }

    @Test
    void next_card_comes_with_the_interval_of_each_rating() {
        site(s -> {
            JsonNode next = json(s.get("/api/review/next?deck=" + deckId("Interview")));
            assertThat(next.get("card").get("question").asText()).isEqualTo("What does DNS do?");
            assertThat(next.get("card").get("deckId").asLong()).isEqualTo(deckId("Interview::Networking"));
            JsonNode intervals = next.get("intervals");
            assertThat(intervals.get("again").asText()).isEqualTo("1m");
            assertThat(intervals.get("hard").asText()).isEqualTo("6m");
            assertThat(intervals.get("good").asText()).isEqualTo("10m");
            assertThat(intervals.get("easy").asText()).endsWith("d");
        });
    }

    @Test
    void next_card_rejects_a_bad_deck_and_answers_204_when_nothing_is_due() {
        site(s -> {
            assertError(s.get("/api/review/next?deck=abc"), 400, "deck must be a deck id");
            assertError(s.get("/api/review/next?deck=9999"), 404, "no deck with id 9999");
            long empty = json(s.postJson("/api/decks", "{\"name\":\"Empty\"}")).get("id").asLong();
            assertThat(s.get("/api/review/next?deck=" + empty).code()).isEqualTo(204);
        });
    }

    @Test
    void rating_a_card_schedules_it_with_fsrs_and_logs_the_review() {
        site(s -> {
            long cardId = json(s.get("/api/review/next")).get("card").get("id").asLong();
            Response rated = s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":3,\"durationMs\":5200}");

            assertThat(rated.code()).isEqualTo(200);
            JsonNode result = json(rated);
            assertThat(result.get("state").asText()).isEqualTo("Learning");
            assertThat(result.get("stability").asDouble()).isEqualTo(2.3065);
            assertThat(result.get("difficulty").asDouble()).isCloseTo(2.11810397, org.assertj.core.data.Offset.offset(1e-8));
            assertThat(result.get("due").asText()).isEqualTo("2026-03-02T10:10:00Z");
            assertThat(result.get("scheduledDays").asInt()).isZero();
            assertThat(one(jdbi, "SELECT duration_ms FROM review_log", Long.class)).isEqualTo(5200);
            assertThat(one(jdbi, "SELECT rating || ',' || state_before || ',' || state_after FROM review_log", String.class))
                    .isEqualTo("3,0,1");
        });
    }

    @Test
    void bad_review_input_gets_a_json_error_and_nothing_is_logged() {
        site(s -> {
            long cardId = json(s.get("/api/review/next")).get("card").get("id").asLong();
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":7}"), 400, "rating must be 1");
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":0}"), 400, "rating must be 1");
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":\"good\"}"), 400, "'rating' must be a whole number");
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + "}"), 400, "missing field 'rating'");
            assertError(s.postJson("/api/review", "{\"rating\":3}"), 400, "missing field 'cardId'");
            assertError(s.postJson("/api/review", "{\"cardId\":9999,\"rating\":3}"), 404, "no card with id 9999");
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":3,\"durationMs\":-5}"), 400, "durationMs");
            assertError(s.postJson("/api/review", "{cardId:1}"), 400, "malformed JSON");
            assertError(s.postJson("/api/review", ""), 400, "JSON object");
            assertThat(reviewCount()).isZero();
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card_state WHERE state <> 0", Integer.class)).isZero();
        });
    }

    @Test
    void unknown_api_paths_and_methods_answer_json() {
        site(s -> {
            assertError(s.get("/api/nothing-here"), 404, "/api/nothing-here");
            assertThat(s.delete("/api/decks").code()).isIn(404, 405);
            assertThat(json(s.delete("/api/decks")).has("error")).isTrue();
        });
    }
}
