package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.prepdeck.TestSite.json;
import static dev.prepdeck.TestSite.location;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.judge.JudgeStandIn;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A learner points practice checks at their own model; its verdicts show beside the built-in ones, never instead: on
 * the practice page, in POST /api/practice/check's {@code secondOpinion} and in the mock interview report.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SecondOpinionTest {
    @Parameter
    TestDatabase database;

    private static final String ANSWER = "Send a canary to a small share of traffic and keep the old version for a rollback.";

    @TempDir
    Path tempDir;
    private PracticeSite site;
    private JudgeStandIn judge;

    @BeforeEach
    void setUp() {
        // the stand-in first: a PostgreSQL run without a server is skipped while the site is made, and stop() runs
        judge = new JudgeStandIn();
        site = new PracticeSite(database, tempDir);
    }

    @AfterEach
    void stop() {
        judge.close();
    }

    @Test
    void the_judges_verdicts_and_reasons_appear_beside_the_built_in_check_which_still_ticks_the_boxes() {
        judge.repliesWithMessage("""
                {"points":[{"point":1,"covered":true,"reason":"names a canary on a small share"},
                           {"point":2,"covered":false,"reason":"no comparison of metrics"},
                           {"point":3,"covered":true,"reason":"keeps the old version"}]}""");
        site.run(s -> {
            Response saved = s.submit("/practice/judge", "url", judge.baseUrl().toString(), "model", "qwen2.5:7b",
                    "timeoutSeconds", "5");
            assertThat(saved.code()).isEqualTo(303);
            assertThat(s.page("/practice/judge")).contains("Saved: practice checks now ask qwen2.5:7b for a second opinion.")
                    .contains("value=\"" + judge.baseUrl() + "\"");

            Document reveal = Jsoup.parse(s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard),
                    "deck", String.valueOf(site.deploymentDeck), "answer", ANSWER, "seconds", "40").body().string());
            assertThat(reveal.select("#second-opinion").text()).isEqualTo("qwen2.5:7b says 2 of 4 key points are covered.");
            assertThat(reveal.select(".key-points li").get(0).select(".second-opinion").text())
                    .isEqualTo("qwen2.5:7b: covered names a canary on a small share");
            assertThat(reveal.select(".key-points li").get(1).select(".opinion-verdict").text())
                    .isEqualTo("qwen2.5:7b: not covered");
            assertThat(reveal.select(".key-points li").get(3).select(".opinion-verdict").text())
                    .isEqualTo("qwen2.5:7b gave no verdict on this point.");
            assertThat(reveal.select("input[name=covered][checked]")).as("the built-in verdicts tick the boxes")
                    .isNotEmpty();
            assertThat(judge.requests()).hasSize(1);
            assertThat(judge.requests().get(0)).contains("Keep the previous version ready");
        });
    }

    @Test
    void a_judge_that_fails_leaves_the_built_in_check_with_a_sentence_saying_why_and_a_blank_answer_asks_nobody() {
        judge.replies(500, "{\"error\":\"model not loaded\"}");
        site.run(s -> {
            s.submit("/practice/judge", "url", judge.baseUrl().toString(), "model", "llama3", "timeoutSeconds", "5");
            Response check = s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard), "answer", ANSWER);
            assertThat(check.code()).isEqualTo(200);
            Document reveal = Jsoup.parse(check.body().string());
            assertThat(reveal.select("#second-opinion").text())
                    .isEqualTo("llama3 answered with HTTP status 500; the built-in check stands.");
            assertThat(reveal.select(".key-points li .reason")).hasSize(4);
            assertThat(reveal.select(".second-opinion")).isEmpty();

            s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard), "answer", "  ");
            assertThat(judge.requests()).hasSize(1);
        });
    }

    @Test
    void bad_settings_get_a_form_message_naming_the_field_and_keep_what_was_saved() {
        site.run(s -> {
            s.submit("/practice/judge", "url", "http://127.0.0.1:11434/v1", "model", "qwen2.5:7b", "timeoutSeconds", "20");
            Response bad = s.submit("/practice/judge", "url", "localhost:11434", "model", "other", "timeoutSeconds", "20");
            assertThat(bad.code()).isEqualTo(400);
            Document form = Jsoup.parse(bad.body().string());
            assertThat(form.select("p.error").text()).startsWith("Give the server's address");
            assertThat(form.select("#judge-url").attr("aria-invalid")).isEqualTo("true");
            assertThat(form.select("#judge-url").val()).isEqualTo("localhost:11434");
            Response badTimeout = s.submit("/practice/judge", "url", "http://127.0.0.1:1/v1", "model", "m", "timeoutSeconds", "0");
            assertThat(Jsoup.parse(badTimeout.body().string()).select("p.error").text())
                    .isEqualTo("The time-out must be a whole number of seconds from 1 to 120.");
            assertThat(Jsoup.parse(s.page("/practice/judge")).select("#judge-model").val()).isEqualTo("qwen2.5:7b");
        });
    }

    @Test
    void a_remote_address_is_called_out_and_turning_it_off_stops_asking() {
        site.run(s -> {
            s.submit("/practice/judge", "url", "https://llm.example.com/v1", "model", "big", "timeoutSeconds", "20");
            String page = s.page("/practice/judge");
            assertThat(Jsoup.parse(page).select("p.notice").text()).contains("llm.example.com").contains("not this machine");
            assertThat(s.submit("/practice/judge/off").code()).isEqualTo(303);
            Document off = Jsoup.parse(s.page("/practice/judge"));
            assertThat(off.select("#judge-url").val()).isEmpty();
            assertThat(off.text()).contains("The second opinion is off");
            Document reveal = Jsoup.parse(s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard),
                    "answer", ANSWER).body().string());
            assertThat(reveal.select("#second-opinion")).isEmpty();
        });
    }

    @Test
    void the_check_api_carries_the_judges_verdict_per_key_point_beside_the_built_in_ones() {
        judge.repliesWithMessage("""
                {"points":[{"point":1,"covered":true,"reason":"names a canary on a small share"},
                           {"point":3,"covered":false,"reason":"no rollback plan"}]}""");
        site.run(s -> {
            String check = "{\"cardId\":" + site.rolloutCard + ",\"answer\":\"" + ANSWER + "\",\"seconds\":30}";
            JsonNode off = json(s.postJson("/api/practice/check", check));
            assertThat(off.get("secondOpinion").get("state").asText()).as("no judge set up").isEqualTo("off");
            assertThat(judge.requests()).isEmpty();

            s.submit("/practice/judge", "url", judge.baseUrl().toString(), "model", "qwen2.5:7b", "timeoutSeconds", "5");
            JsonNode body = json(s.postJson("/api/practice/check", check));
            assertThat(body.get("coverage").asDouble()).as("the built-in check is unchanged").isEqualTo(off.get("coverage").asDouble());
            assertThat(body.get("keyPoints").get(2).get("covered").asBoolean()).isTrue();
            JsonNode opinion = body.get("secondOpinion");
            assertThat(opinion.get("state").asText()).isEqualTo("answered");
            assertThat(opinion.get("model").asText()).isEqualTo("qwen2.5:7b");
            assertThat(opinion.get("summary").asText()).isEqualTo("qwen2.5:7b says 1 of 4 key points are covered.");
            assertThat(opinion.get("keyPoints")).hasSize(4);
            assertThat(opinion.get("keyPoints").get(0).get("covered").asBoolean()).isTrue();
            assertThat(opinion.get("keyPoints").get(0).get("reason").asText()).isEqualTo("names a canary on a small share");
            assertThat(opinion.get("keyPoints").get(1).get("covered").isNull()).as("no verdict on point 2").isTrue();
            assertThat(opinion.get("keyPoints").get(2).get("covered").asBoolean()).isFalse();
            assertThat(opinion.get("keyPoints").get(2).get("index").asInt()).isEqualTo(2);

            JsonNode blank = json(s.postJson("/api/practice/check", "{\"cardId\":" + site.rolloutCard + ",\"answer\":\" \"}"));
            assertThat(blank.get("secondOpinion").get("state").asText()).isEqualTo("notAsked");
            assertThat(judge.requests()).hasSize(1);
        });
    }

    @Test
    void a_judge_that_fails_through_the_api_is_a_failed_state_naming_the_problem_and_the_check_still_answers() {
        judge.repliesWithMessage("I think the answer is mostly fine.");
        site.run(s -> {
            s.submit("/practice/judge", "url", judge.baseUrl().toString(), "model", "llama3", "timeoutSeconds", "5");
            var response = s.postJson("/api/practice/check",
                    "{\"cardId\":" + site.rolloutCard + ",\"answer\":\"" + ANSWER + "\"}");
            assertThat(response.code()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("keyPoints")).hasSize(4);
            JsonNode opinion = body.get("secondOpinion");
            assertThat(opinion.get("state").asText()).isEqualTo("failed");
            assertThat(opinion.get("problem").asText()).isEqualTo("UNREADABLE");
            assertThat(opinion.get("summary").asText())
                    .isEqualTo("llama3's reply could not be read as verdicts; the built-in check stands.");
            assertThat(opinion.has("keyPoints")).isFalse();
        });
    }

    @Test
    void the_mock_interview_report_shows_the_judges_opinion_on_each_answer() {
        judge.repliesWithMessage("""
                {"points":[{"point":1,"covered":true,"reason":"a canary on a small share"}]}""");
        site.run(s -> {
            s.submit("/practice/judge", "url", judge.baseUrl().toString(), "model", "qwen2.5:7b", "timeoutSeconds", "5");
            // The rollout card's four points, so that the judge names one and is silent on the others.
            String cards = String.valueOf(site.rolloutCard);
            assertThat(s.page("/mock/run?cards=" + cards)).contains("name=\"cardId\" value=\"" + cards + "\"");
            String next = location(s.submit("/mock/answer", "cards", cards, "answers", "", "cardId", cards,
                    "answer", ANSWER, "seconds", "40"));
            String reportUrl = location(s.get(next));
            Document report = Jsoup.parse(s.page(reportUrl));
            assertThat(report.select(".mock-opinion .second-opinion-summary").text())
                    .isEqualTo("qwen2.5:7b says 1 of 4 key points are covered.");
            assertThat(report.select(".mock-opinion li").first().text())
                    .startsWith("qwen2.5:7b: covered").endsWith("a canary on a small share");
            assertThat(report.select(".mock-opinion li.silent")).isNotEmpty();
            assertThat(judge.requests()).hasSize(1);
            assertThat(judge.requests().get(0)).contains("small share of traffic");
        });
    }
}
