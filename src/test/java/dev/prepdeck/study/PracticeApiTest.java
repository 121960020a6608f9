package dev.prepdeck.study;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestDatabase;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /api/practice/check and the answer fields of POST /api/review. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PracticeApiTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    PracticeSite site;

    @BeforeEach
    void setUp() {
        site = new PracticeSite(database, tempDir);
    }

    @Test
    void check_answers_coverage_each_key_point_with_its_matched_words_and_a_suggested_rating() {
        site.run(s -> {
            Response response = s.postJson("/api/practice/check", "{\"cardId\":" + site.rolloutCard
                    + ",\"answer\":\"A canary on a small share of traffic, and keep the old version ready for a rollback.\",\"seconds\":30}");

            assertThat(response.code()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("coverage").asDouble()).isEqualTo(0.5);
            assertThat(body.get("suggestedRating").asInt()).isEqualTo(2);
            assertThat(body.get("keyPoints")).hasSize(4);
            JsonNode first = body.get("keyPoints").get(0);
            assertThat(first.get("text").asText()).isEqualTo("Ship the new model as a canary to a small share of traffic first.");
            assertThat(first.get("covered").asBoolean()).isTrue();
            assertThat(first.get("matched").toString()).isEqualTo("[\"canary\",\"small\",\"share\",\"traffic\"]");
            assertThat(first.get("reason").asText()).startsWith("Covered: your answer says").contains("\u201ccanary\u201d");
            assertThat(first.get("contradicted").asBoolean()).isFalse();
            JsonNode second = body.get("keyPoints").get(1);
            assertThat(second.get("covered").asBoolean()).isFalse();
            assertThat(second.get("reason").asText()).startsWith("Not covered: your answer says nothing of it")
                    .contains("\u201clatency\u201d");
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM practice_attempt", Integer.class))
                    .as("checking stores nothing").isZero();
        });
    }

    @Test
    void the_model_answer_checked_through_the_api_in_time_suggests_easy() {
        site.run(s -> {
            String answer = PracticeSite.ROLLOUT_DECK.substring(PracticeSite.ROLLOUT_DECK.indexOf("- Ship"),
                    PracticeSite.ROLLOUT_DECK.indexOf("## What does")).replace("\n", " ");
            JsonNode body = json(s.postJson("/api/practice/check",
                    "{\"cardId\":" + site.rolloutCard + ",\"answer\":\"" + answer + "\",\"seconds\":80}"));
            assertThat(body.get("coverage").asDouble()).isEqualTo(1.0);
            assertThat(body.get("suggestedRating").asInt()).isEqualTo(4);
        });
    }

    @Test
    void bad_check_requests_get_json_errors_naming_the_problem() {
        site.run(s -> {
            Response unknown = s.postJson("/api/practice/check", "{\"cardId\":999,\"answer\":\"x\"}");
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(json(unknown).get("error").asText()).contains("card").contains("999");

            Response missing = s.postJson("/api/practice/check", "{\"cardId\":" + site.rolloutCard + "}");
            assertThat(missing.code()).isEqualTo(400);
            assertThat(json(missing).get("error").asText()).isEqualTo("missing field 'answer'");

            Response notText = s.postJson("/api/practice/check", "{\"cardId\":" + site.rolloutCard + ",\"answer\":5}");
            assertThat(json(notText).get("error").asText()).isEqualTo("field 'answer' must be a string");

            Response negative = s.postJson("/api/practice/check",
                    "{\"cardId\":" + site.rolloutCard + ",\"answer\":\"x\",\"seconds\":-4}");
            assertThat(negative.code()).isEqualTo(400);
            assertThat(json(negative).get("error").asText()).contains("seconds");

            Response noCard = s.postJson("/api/practice/check", "{\"answer\":\"x\"}");
            assertThat(json(noCard).get("error").asText()).isEqualTo("missing field 'cardId'");

            Response broken = s.postJson("/api/practice/check", "{\"cardId\":");
            assertThat(broken.code()).isEqualTo(400);
            assertThat(json(broken).get("error").asText()).startsWith("malformed JSON");
        });
    }

    @Test
    void a_review_with_an_answer_stores_the_attempt_with_it_and_undo_removes_both() {
        site.run(s -> {
            Response rated = s.postJson("/api/review", "{\"cardId\":" + site.rolloutCard
                    + ",\"rating\":3,\"durationMs\":61000,\"answer\":\"canary on a small share of traffic\",\"seconds\":55}");

            assertThat(rated.code()).isEqualTo(200);
            assertThat(json(rated).get("cardId").asLong()).isEqualTo(site.rolloutCard);
            assertThat(one(site.jdbi, """
                    SELECT a.seconds || ',' || a.coverage || ',' || r.rating || ',' || r.duration_ms
                    FROM practice_attempt a JOIN review_log r ON r.id = a.review_id""", String.class))
                    .isEqualTo("55,0.25,3,61000");

            assertThat(json(s.postJson("/api/review/undo", "{}")).get("undone").asBoolean()).isTrue();
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM practice_attempt", Integer.class)).isZero();
        });
    }

    @Test
    void a_review_without_an_answer_stores_no_attempt_and_seconds_alone_is_refused() {
        site.run(s -> {
            assertThat(s.postJson("/api/review", "{\"cardId\":" + site.healthCard + ",\"rating\":3}").code()).isEqualTo(200);
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM practice_attempt", Integer.class)).isZero();

            Response secondsOnly = s.postJson("/api/review", "{\"cardId\":" + site.rolloutCard + ",\"rating\":3,\"seconds\":9}");
            assertThat(secondsOnly.code()).isEqualTo(400);
            assertThat(json(secondsOnly).get("error").asText()).contains("answer");
            Response badAnswer = s.postJson("/api/review", "{\"cardId\":" + site.rolloutCard + ",\"rating\":3,\"answer\":[1]}");
            assertThat(badAnswer.code()).isEqualTo(400);
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(1);
        });
    }
}
