package dev.prepdeck.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a local stand-in server: what it sends, and how every kind of reply is read. */
class ChatCompletionsJudgeTest {
    private static final ChatCompletionsJudge.Question QUESTION = new ChatCompletionsJudge.Question(
            "How do WHERE and HAVING differ?", "WHERE filters rows before grouping; HAVING filters groups after it.",
            List.of("WHERE filters rows before GROUP BY", "HAVING filters groups after aggregation",
                    "Only HAVING can use aggregate functions"),
            "where 先过滤行，having 在分组后过滤");

    private final JudgeStandIn server = new JudgeStandIn();
    private final ChatCompletionsJudge judge = new ChatCompletionsJudge(HttpClient.newHttpClient(), null);

    @AfterEach
    void stop() {
        server.close();
    }

    private JudgeSettings settings(int timeoutSeconds) {
        return new JudgeSettings(server.baseUrl(), "qwen2.5:7b", timeoutSeconds);
    }

    @Test
    void sends_the_model_the_question_numbered_key_points_and_answer_and_reads_verdicts_wrapped_in_prose() throws Exception {
        server.repliesWithMessage("""
                Here is my judgement:
                ```json
                {"points":[{"point":1,"covered":true,"reason":"says WHERE filters first"},
                           {"point":2,"covered":"yes","reason":"having after grouping"},
                           {"point":3,"covered":false,"reason":"aggregates not mentioned"}]}
                ```""");
        SecondOpinion opinion = judge.judge(settings(5), QUESTION);

        assertThat(opinion.answered()).isTrue();
        assertThat(opinion.verdicts()).extracting(SecondOpinion.Verdict::covered).containsExactly(true, true, false);
        assertThat(opinion.verdict(2).orElseThrow().reason()).isEqualTo("aggregates not mentioned");
        JsonNode sent = new ObjectMapper().readTree(server.requests().get(0));
        assertThat(sent.path("model").asText()).isEqualTo("qwen2.5:7b");
        assertThat(sent.path("stream").asBoolean(true)).isFalse();
        String prompt = sent.path("messages").path(1).path("content").asText();
        assertThat(prompt).contains("1. WHERE filters rows before GROUP BY", "3. Only HAVING can use aggregate functions",
                "where 先过滤行，having 在分组后过滤");
        assertThat(server.authorizations()).containsExactly("");
    }

    @Test
    void points_the_judge_skipped_numbered_wrongly_or_twice_are_left_without_a_verdict() {
        server.repliesWithMessage("""
                {"points":[{"point":2,"covered":true,"reason":"first"},{"point":2,"covered":false,"reason":"again"},
                           {"point":7,"covered":true},{"point":1,"covered":"maybe"}]}""");
        SecondOpinion opinion = judge.judge(settings(5), QUESTION);
        assertThat(opinion.answered()).isTrue();
        assertThat(opinion.verdicts()).extracting(SecondOpinion.Verdict::index).containsExactly(1);
        assertThat(opinion.verdict(1).orElseThrow().reason()).isEqualTo("first");
        assertThat(opinion.verdict(0)).isEmpty();
    }

    @Test
    void every_failure_becomes_a_named_problem_never_an_exception() {
        server.repliesWithMessage("I think the candidate did well.");
        assertThat(judge.judge(settings(5), QUESTION).problem()).isEqualTo(SecondOpinion.Problem.UNREADABLE);
        server.repliesWithMessage("{\"points\":[{\"point\":9,\"covered\":true}]}");
        assertThat(judge.judge(settings(5), QUESTION).problem()).isEqualTo(SecondOpinion.Problem.NO_POINTS);
        server.replies(200, "<html>not json</html>");
        assertThat(judge.judge(settings(5), QUESTION).problem()).isEqualTo(SecondOpinion.Problem.UNREADABLE);
        server.replies(500, "{\"error\":\"model not found\"}");
        SecondOpinion failed = judge.judge(settings(5), QUESTION);
        assertThat(failed.problem()).isEqualTo(SecondOpinion.Problem.HTTP_STATUS);
        assertThat(failed.detail()).isEqualTo("500");
    }

    @Test
    void a_judge_that_does_not_answer_in_time_is_given_up_on() {
        server.holdsReplies();
        SecondOpinion opinion = judge.judge(settings(1), QUESTION);
        assertThat(opinion.problem()).isEqualTo(SecondOpinion.Problem.TIMED_OUT);
        assertThat(opinion.detail()).isEqualTo("1");
    }

    @Test
    void a_server_that_is_not_running_is_unreachable() {
        JudgeSettings nowhere = new JudgeSettings(server.baseUrl(), "m", 5);
        server.close();
        assertThat(judge.judge(nowhere, QUESTION).problem()).isEqualTo(SecondOpinion.Problem.UNREACHABLE);
    }

    @Test
    void a_configured_key_goes_out_as_a_bearer_token() {
        server.repliesWithMessage("{\"points\":[{\"point\":1,\"covered\":true,\"reason\":\"ok\"}]}");
        new ChatCompletionsJudge(HttpClient.newHttpClient(), " sk-test ").judge(settings(5), QUESTION);
        assertThat(server.authorizations()).containsExactly("Bearer sk-test");
    }
}
