package dev.prepdeck.optimize;

import static dev.prepdeck.optimize.OptimizePagesTest.hidden;
import static dev.prepdeck.optimize.OptimizePagesTest.numbers;
import static dev.prepdeck.optimize.OptimizePagesTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestSite;
import dev.prepdeck.fsrs.FsrsParameters;
import io.javalin.testtools.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** POST /api/decks/{id}/optimize computes and stores nothing; POST /api/decks/{id}/fsrs applies; bad input is 400. */
class OptimizeApiTest extends OnAMonthOfStudy {
    private static String json(double[] weights) {
        return Arrays.stream(weights).mapToObj(Double::toString).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void optimize_answers_the_fit_and_its_figures_as_the_page_shows_them_and_stores_nothing() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        c.site(s -> {
            Response response = s.postJson("/api/decks/" + deck + "/optimize", "");
            assertThat(response.code()).isEqualTo(200);
            JsonNode json = TestSite.json(response);
            assertThat(json.get("deck").get("name").asText()).isEqualTo("Interview");
            assertThat(json.get("reviews").asInt()).isEqualTo(c.one("SELECT count(*) FROM review_log r JOIN card c"
                    + " ON c.id = r.card_id JOIN deck d ON d.id = c.deck_id WHERE d.name LIKE 'Interview%'", Integer.class));
            assertThat(json.get("outcome").asText()).isEqualTo("OPTIMIZED");
            double[] parameters = new double[21];
            assertThat(json.get("parameters")).hasSize(21);
            for (int i = 0; i < 21; i++) {
                parameters[i] = json.get("parameters").get(i).asDouble();
            }
            String page = s.submit("/decks/" + deck + "/optimize").body().string();
            assertThat(parameters).containsExactly(numbers(hidden(page, "weights")));
            assertThat(json.get("currentParameters")).hasSize(21);
            assertThat(json.get("currentParameters").get(0).asDouble()).isEqualTo(FsrsParameters.defaultWeights()[0]);
            assertThat(json.get("after").get("logLoss").asDouble()).isLessThan(json.get("before").get("logLoss").asDouble());
            assertThat(json.get("before").get("items").asInt()).isEqualTo(json.get("items").asInt());
            JsonNode split = json.get("timeSeriesSplit");
            assertThat(split.get("fitted").get("logLoss").asDouble()).isPositive();
            assertThat(split.get("current").get("items").asInt()).isEqualTo(split.get("fitted").get("items").asInt())
                    .isLessThan(json.get("items").asInt());
            assertThat(json.get("recommendedRetention").asDouble()).isBetween(0.70, 0.97);
        });
        assertThat(snapshot(c.jdbi())).isEqualTo(before);
    }

    @Test
    void too_little_history_keeps_the_defaults_and_says_so() {
        TestCollection c = TestCollection.at(folder, SimulatedLearner.FIRST_DAY.toString(),
                "tiny.md", SimulatedLearner.deck("Tiny", 2));
        SimulatedLearner.study(c, 2, 1.0, 3);
        c.site(s -> {
            JsonNode json = TestSite.json(s.postJson("/api/decks/" + c.deckId("Tiny") + "/optimize", ""));
            assertThat(json.get("outcome").asText()).isEqualTo("DEFAULTS");
            assertThat(json.get("note").asText()).contains("too little review history");
            assertThat(json.get("timeSeriesSplit").isNull()).isTrue();
            assertThat(json.get("recommendedRetention").isNull()).isTrue();
            assertThat(json.get("parameters").get(20).asDouble()).isEqualTo(FsrsParameters.defaultWeights()[20]);
        });
    }

    @Test
    void fsrs_saves_the_weights_for_the_deck_and_its_sub_decks_and_reschedules_on_request() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        List<Map<String, Object>> logBefore = snapshot(c.jdbi()).get("review_log");
        int reviewed = c.one("SELECT count(DISTINCT r.card_id) FROM review_log r JOIN card c ON c.id = r.card_id"
                + " JOIN deck d ON d.id = c.deck_id WHERE d.name LIKE 'Interview%'", Integer.class);
        c.site(s -> {
            JsonNode fit = TestSite.json(s.postJson("/api/decks/" + deck + "/optimize", ""));
            String weights = fit.get("parameters").toString();
            Response response = s.postJson("/api/decks/" + deck + "/fsrs", "{\"weights\":" + weights + ",\"reschedule\":true}");
            assertThat(response.code()).isEqualTo(200);
            JsonNode json = TestSite.json(response);
            assertThat(json.get("decks").asInt()).isEqualTo(2);
            assertThat(json.get("rescheduled").asInt()).isEqualTo(reviewed);
            assertThat(json.get("moved").asInt()).isPositive();
            for (String name : List.of("Interview", "Interview::SQL")) {
                assertThat(numbers(c.one("SELECT weights FROM deck WHERE name = '" + name + "'", String.class)))
                        .containsExactly(numbers(weights.replaceAll("[\\[\\]]", "")));
            }
            JsonNode without = TestSite.json(s.postJson("/api/decks/" + deck + "/fsrs", "{\"weights\":" + weights + "}"));
            assertThat(without.get("rescheduled").asInt()).isZero();
        });
        assertThat(snapshot(c.jdbi()).get("review_log")).isEqualTo(logBefore);
    }

    @Test
    void bad_requests_get_a_json_error_naming_the_problem_and_write_nothing() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        String defaults = json(FsrsParameters.defaultWeights());
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        c.site(s -> {
            String path = "/api/decks/" + deck + "/fsrs";
            assertError(s.postJson(path, "{\"weights\":"), 400, "malformed JSON");
            assertError(s.postJson(path, "{}"), 400, "missing field 'weights'");
            assertError(s.postJson(path, "{\"weights\":\"0.2, 1.3\"}"), 400, "field 'weights' must be a list of numbers");
            assertError(s.postJson(path, "{\"weights\":[0.2, \"x\"]}"), 400, "item 1 is \"x\"");
            assertError(s.postJson(path, "{\"weights\":[0.2, 1.3]}"), 400, "weights must be 21 numbers, got 2");
            assertError(s.postJson(path, "{\"weights\":" + defaults + ",\"reschedule\":\"yes\"}"), 400,
                    "field 'reschedule' must be true or false");
            String tooLarge = defaults.replaceFirst("\\[0\\.212", "[1e400");
            assertError(s.postJson(path, "{\"weights\":" + tooLarge + "}"), 400, "weight w0 must be a finite number");
            assertError(s.postJson("/api/decks/999999/fsrs", "{\"weights\":" + defaults + "}"), 404, "deck");
            assertError(s.postJson("/api/decks/999999/optimize", ""), 404, "deck");
            assertError(s.postJson("/api/decks/abc/optimize", ""), 404, "deck");
            assertError(s.postJsonFrom("http://evil.example", path, "{\"weights\":" + defaults + "}"), 403, "cross-site");
        });
        assertThat(snapshot(c.jdbi())).isEqualTo(before);
    }

    private static void assertError(Response response, int status, String message) {
        assertThat(response.code()).isEqualTo(status);
        assertThat(TestSite.json(response).get("error").asText()).contains(message);
    }
}
