package dev.prepdeck.study;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.OnEachDatabase;
import dev.prepdeck.TestData;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;

/** The JSON API for decks and cards: list with counts and states, create, edit, delete, and bad input. */
class DeckApiTest extends OnEachDatabase {
    DeckApiTest() {
        super("networking.md", TestData.NETWORKING_DECK);
    }

    private static void assertError(Response response, int status, String messagePart) {
        assertThat(response.code()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(messagePart);
    }

    @Test
    void decks_list_counts_cards_due_and_new_including_sub_decks() {
        collection.site(s -> {
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
        collection.site(s -> {
            JsonNode cards = json(s.get("/api/decks/" + collection.deckId("Interview::Networking") + "/cards"));
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
        collection.site(s -> {
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
            assertThat(collection.one("SELECT COUNT(*) FROM card WHERE deck_id = " + deckId, Integer.class)).isZero();
        });
    }

    @Test
    void bad_deck_and_card_input_gets_a_json_error_and_writes_nothing() {
        collection.site(s -> {
            long deckId = collection.deckId("Interview::Networking");
            int cards = collection.one("SELECT COUNT(*) FROM card", Integer.class);
            assertError(s.postJson("/api/decks", "{}"), 400, "missing field 'name'");
            assertError(s.postJson("/api/decks", "{\"name\":\"  \"}"), 400, "deck name must not be empty");
            assertError(s.postJson("/api/decks", "{\"name\":\"A::::B\"}"), 400, "has an empty part");
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
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(cards);
            assertThat(collection.one("SELECT COUNT(*) FROM deck", Integer.class)).isEqualTo(2);
        });
    }
}
