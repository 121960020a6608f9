package dev.prepdeck.study;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.OnEachDatabase;
import dev.prepdeck.RawHttp;
import dev.prepdeck.TestData;
import io.javalin.testtools.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study loop's JSON: the next card with its four intervals, rating it, and bad input. */
class ReviewApiTest extends OnEachDatabase {
    ReviewApiTest() {
        super("networking.md", TestData.NETWORKING_DECK);
    }

    private int reviewCount() {
        return collection.one("SELECT COUNT(*) FROM review_log", Integer.class);
    }

    private static void assertError(Response response, int status, String messagePart) {
        assertThat(response.code()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(messagePart);
    }

    @Test
    void next_card_comes_with_the_interval_of_each_rating() {
        collection.site(s -> {
            JsonNode next = json(s.get("/api/review/next?deck=" + collection.deckId("Interview")));
            assertThat(next.get("card").get("question").asText()).isEqualTo("What does DNS do?");
            assertThat(next.get("card").get("deckId").asLong()).isEqualTo(collection.deckId("Interview::Networking"));
            JsonNode intervals = next.get("intervals");
            assertThat(intervals.get("again").asText()).isEqualTo("1m");
            assertThat(intervals.get("hard").asText()).isEqualTo("6m");
            assertThat(intervals.get("good").asText()).isEqualTo("10m");
            assertThat(intervals.get("easy").asText()).endsWith("d");
        });
    }

    @Test
    void next_card_answer_keeps_its_field_names_and_number_types() {
        collection.site(s -> {
            JsonNode next = json(s.get("/api/review/next?deck=" + collection.deckId("Interview")));
            assertThat(next.fieldNames()).toIterable().containsExactlyInAnyOrder("card", "intervals", "shownAt");
            assertThat(next.get("shownAt").isIntegralNumber()).isTrue();
            JsonNode card = next.get("card");
            assertThat(card.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("id", "question", "answer", "deckId", "state");
            assertThat(card.get("id").isIntegralNumber()).isTrue();
            assertThat(card.get("deckId").isIntegralNumber()).isTrue();
            assertThat(card.get("answer").isTextual()).isTrue();
            assertThat(card.get("state").asText()).isEqualTo("New");
            assertThat(next.get("intervals").fieldNames()).toIterable().containsExactly("again", "hard", "good", "easy");
        });
    }

    @Test
    void next_card_rejects_a_bad_deck_and_answers_204_when_nothing_is_due() {
        collection.site(s -> {
            assertError(s.get("/api/review/next?deck=abc"), 400, "deck must be a deck id");
            assertError(s.get("/api/review/next?deck=9999"), 404, "no deck with id 9999");
            long empty = json(s.postJson("/api/decks", "{\"name\":\"Empty\"}")).get("id").asLong();
            assertThat(s.get("/api/review/next?deck=" + empty).code()).isEqualTo(204);
        });
    }

    @Test
    void rating_a_card_schedules_it_with_fsrs_and_logs_the_review() {
        collection.site(s -> {
            long cardId = json(s.get("/api/review/next")).get("card").get("id").asLong();
            Response rated = s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":3,\"durationMs\":5200}");

            assertThat(rated.code()).isEqualTo(200);
            JsonNode result = json(rated);
            assertThat(result.get("state").asText()).isEqualTo("Learning");
            assertThat(result.get("stability").asDouble()).isEqualTo(2.3065);
            assertThat(result.get("difficulty").asDouble()).isCloseTo(2.11810397, org.assertj.core.data.Offset.offset(1e-8));
            assertThat(result.get("due").asText()).isEqualTo("2026-03-02T10:10:00Z");
            assertThat(result.get("scheduledDays").asInt()).isZero();
            assertThat(collection.one("SELECT duration_ms FROM review_log", Long.class)).isEqualTo(5200);
            assertThat(collection.one("SELECT rating || ',' || state_before || ',' || state_after FROM review_log", String.class))
                    .isEqualTo("3,0,1");
        });
    }

    @Test
    void bad_review_input_gets_a_json_error_and_nothing_is_logged() {
        collection.site(s -> {
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
            assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE state <> 0", Integer.class)).isZero();
        });
    }

    @Test
    void undo_takes_no_body_or_an_empty_object_and_refuses_anything_else() {
        collection.site(s -> {
            long card = collection.cardWithUid("net-dns");
            String rate = "{\"cardId\":" + card + ",\"rating\":3}";
            RawHttp raw = new RawHttp(s.origin());
            assertThat(s.postJson("/api/review", rate).code()).isEqualTo(200);
            assertThat(s.postJson("/api/review", rate).code()).isEqualTo(200);

            for (String body : new String[] {"{\"count\":5}", "[]", "null", "undo please", "{}{}"}) {
                Response refused = s.postJson("/api/review/undo", body);
                assertThat(refused.code()).as(body).isEqualTo(400);
                assertThat(json(refused).get("error").asText()).as(body).containsAnyOf("takes no fields", "malformed JSON");
            }
            assertThat(reviewCount()).as("a refused undo undoes nothing").isEqualTo(2);

            RawHttp.Answer empty = raw.send("POST", "/api/review/undo", List.of(), "");
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.body()).startsWith("{\"undone\":true,");
            assertThat(json(s.postJson("/api/review/undo", " { } ")).get("undone").asBoolean()).isTrue();
            assertThat(reviewCount()).isZero();
            assertThat(json(s.postJson("/api/review/undo", "{}")).get("undone").asBoolean()).isFalse();
        });
    }

    @Test
    void a_retried_rating_with_the_same_request_id_is_stored_once_and_answered_as_the_first_time() {
        collection.site(s -> {
            long cardId = json(s.get("/api/review/next")).get("card").get("id").asLong();
            String body = "{\"cardId\":" + cardId + ",\"rating\":3,\"durationMs\":4000,\"requestId\":\"a1b2-c3\"}";
            Response first = s.postJson("/api/review", body);
            collection.clock().advance(java.time.Duration.ofMinutes(11));
            Response retry = s.postJson("/api/review", body);
            Response retryOtherRating = s.postJson("/api/review", body.replace("\"rating\":3", "\"rating\":1"));

            assertThat(first.code()).isEqualTo(200);
            assertThat(retry.code()).isEqualTo(200);
            assertThat(json(retry)).isEqualTo(json(first));
            assertThat(json(retryOtherRating)).as("the stored rating stands").isEqualTo(json(first));
            assertThat(reviewCount()).isEqualTo(1);
            assertThat(collection.one("SELECT reps FROM card_state WHERE card_id = " + cardId, Integer.class)).isEqualTo(1);
            assertThat(collection.one("SELECT request_id FROM review_log", String.class)).isEqualTo("a1b2-c3");

            // A new request id is a new rating.
            s.postJson("/api/review", body.replace("a1b2-c3", "d4e5"));
            assertThat(reviewCount()).isEqualTo(2);
        });
    }

    @Test
    void a_request_id_is_checked_and_never_rates_a_second_card() {
        collection.site(s -> {
            long cardId = json(s.get("/api/review/next")).get("card").get("id").asLong();
            s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":3,\"requestId\":\"r-1\"}");
            long other = collection.one("SELECT MIN(id) FROM card WHERE id <> " + cardId, Long.class);

            assertError(s.postJson("/api/review", "{\"cardId\":" + other + ",\"rating\":3,\"requestId\":\"r-1\"}"),
                    400, "requestId r-1 already rated card " + cardId);
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":3,\"requestId\":\"a b\"}"),
                    400, "requestId must be 1 to 100 printable ASCII characters");
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":3,\"requestId\":\""
                    + "x".repeat(101) + "\"}"), 400, "requestId must be 1 to 100");
            assertError(s.postJson("/api/review", "{\"cardId\":" + cardId + ",\"rating\":3,\"requestId\":7}"),
                    400, "'requestId' must be a string");
            assertThat(reviewCount()).isEqualTo(1);
        });
    }

    @Test
    void a_retried_rating_with_a_typed_answer_stores_one_review_and_one_attempt() {
        collection.site(s -> {
            long cardId = json(s.get("/api/review/next")).get("card").get("id").asLong();
            String body = "{\"cardId\":" + cardId + ",\"rating\":2,\"answer\":\"it resolves names\",\"seconds\":20,"
                    + "\"requestId\":\"typed-1\"}";
            assertThat(s.postJson("/api/review", body).code()).isEqualTo(200);
            assertThat(s.postJson("/api/review", body).code()).isEqualTo(200);
            assertThat(reviewCount()).isEqualTo(1);
            assertThat(collection.one("SELECT COUNT(*) FROM practice_attempt", Integer.class)).isEqualTo(1);
        });
    }
}
