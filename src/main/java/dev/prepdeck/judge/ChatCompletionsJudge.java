package dev.prepdeck.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Asks an OpenAI-compatible chat server (POST …/chat/completions, the API Ollama, llama.cpp's server, vLLM and
 * LM Studio all speak) which key points an answer covers. The reply is read defensively: models wrap JSON in prose
 * or code fences, number points their own way, or skip some; whatever cannot be read becomes a {@link
 * SecondOpinion.Problem}, never an exception, because the built-in check must stand on its own.
 */
public final class ChatCompletionsJudge {
    /** Long enough for a sentence; a rambling reason is cut rather than flooding the page. */
    static final int MAX_REASON_CHARS = 300;
    /** A reply larger than this is not an answer to our question. */
    private static final int MAX_REPLY_BYTES = 1 << 20;
    static final String INSTRUCTIONS = """
            You judge a candidate's spoken or typed answer in a technical interview. For each numbered key point of \
            the model answer, decide whether the candidate's answer covers it correctly. A point the answer states \
            with roles swapped, reversed or contradicted is NOT covered; so is a point only hinted at by a keyword. \
            Judge meaning, not wording: the answer may be in another language than the key points. \
            Reply with JSON only, no prose: {"points":[{"point":1,"covered":true,"reason":"..."}]} with one entry \
            per key point and a reason of at most 20 words, in the language of the candidate's answer.""";

    /** Jackson's mapper, built when a judge is first asked rather than when the app is wired. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Supplier<HttpClient> http;
    private final String apiKey;

    /** {@code apiKey} is sent as a bearer token when not null (remote services need one, local servers do not). */
    public ChatCompletionsJudge(HttpClient http, String apiKey) {
        this(() -> http, apiKey);
    }

    /**
     * A judge whose HTTP client is made on the first question. Most learners never configure a judge, and making a
     * client sets up TLS (about a second of CPU), which would otherwise be paid at every start of the site.
     */
    public static ChatCompletionsJudge connectingWhenAsked(Duration connectTimeout, String apiKey) {
        return new ChatCompletionsJudge(memoized(() -> HttpClient.newBuilder().connectTimeout(connectTimeout).build()),
                apiKey);
    }

    private ChatCompletionsJudge(Supplier<HttpClient> http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    /** Makes one client, once: a client owns a selector thread, so two made in a race would leave one running. */
    private static Supplier<HttpClient> memoized(Supplier<HttpClient> make) {
        return new Supplier<>() {
            private HttpClient made;

            @Override
            public synchronized HttpClient get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /** The question put to the judge: the card, its key points in order and the learner's answer. */
    public record Question(String question, String modelAnswer, List<String> keyPoints, String answer) {
    }

    public SecondOpinion judge(JudgeSettings settings, Question question) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(settings.model(), question), StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.get().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return SecondOpinion.failed(settings.model(), SecondOpinion.Problem.TIMED_OUT,
                    String.valueOf(settings.timeoutSeconds()));
        } catch (IOException e) {
            return SecondOpinion.failed(settings.model(), SecondOpinion.Problem.UNREACHABLE, settings.url().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SecondOpinion.failed(settings.model(), SecondOpinion.Problem.TIMED_OUT,
                    String.valueOf(settings.timeoutSeconds()));
        }
        if (response.statusCode() / 100 != 2) {
            return SecondOpinion.failed(settings.model(), SecondOpinion.Problem.HTTP_STATUS,
                    String.valueOf(response.statusCode()));
        }
        if (response.body().length > MAX_REPLY_BYTES) {
            return SecondOpinion.failed(settings.model(), SecondOpinion.Problem.UNREADABLE, "");
        }
        return read(settings.model(), new String(response.body(), StandardCharsets.UTF_8), question.keyPoints().size());
    }

    static String requestBody(String model, Question question) {
        StringBuilder prompt = new StringBuilder();
        prompt.append("Question:\n").append(question.question().strip()).append("\n\n");
        prompt.append("Model answer:\n").append(question.modelAnswer().strip()).append("\n\n");
        prompt.append("Key points:\n");
        for (int i = 0; i < question.keyPoints().size(); i++) {
            prompt.append(i + 1).append(". ").append(question.keyPoints().get(i).strip()).append('\n');
        }
        String answer = question.answer().strip();
        prompt.append("\nCandidate's answer:\n").append(answer.isEmpty() ? "(nothing)" : answer).append('\n');
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        body.put("stream", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS);
        messages.addObject().put("role", "user").put("content", prompt.toString());
        return body.toString();
    }

    /** Reads a chat completion reply into verdicts for points 0..pointCount-1 (the judge numbers them from 1). */
    static SecondOpinion read(String model, String reply, int pointCount) {
        Optional<JsonNode> verdictJson = content(reply).flatMap(ChatCompletionsJudge::firstJsonObject);
        if (verdictJson.isEmpty() || !verdictJson.get().path("points").isArray()) {
            return SecondOpinion.failed(model, SecondOpinion.Problem.UNREADABLE, "");
        }
        TreeMap<Integer, SecondOpinion.Verdict> byIndex = new TreeMap<>();
        for (JsonNode entry : verdictJson.get().path("points")) {
            int number = entry.path("point").asInt(0);
            Optional<Boolean> covered = bool(entry.path("covered"));
            if (number < 1 || number > pointCount || covered.isEmpty() || byIndex.containsKey(number - 1)) {
                continue;
            }
            String reason = entry.path("reason").asText("").strip().replaceAll("\\s+", " ");
            if (reason.length() > MAX_REASON_CHARS) {
                reason = reason.substring(0, MAX_REASON_CHARS - 1) + "…";
            }
            byIndex.put(number - 1, new SecondOpinion.Verdict(number - 1, covered.get(), reason));
        }
        if (byIndex.isEmpty()) {
            return SecondOpinion.failed(model, SecondOpinion.Problem.NO_POINTS, "");
        }
        return SecondOpinion.of(model, new ArrayList<>(byIndex.values()));
    }

    /** The assistant message's text of a chat completion reply. */
    private static Optional<String> content(String reply) {
        try {
            JsonNode content = Json.MAPPER.readTree(reply).path("choices").path(0).path("message").path("content");
            return content.isTextual() ? Optional.of(content.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The JSON object in a model's message, which may come inside a code fence or after a sentence of prose. */
    private static Optional<JsonNode> firstJsonObject(String message) {
        int start = message.indexOf('{');
        int end = message.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(message.substring(start, end + 1));
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(JsonNode node) {
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual()) {
            String text = node.asText().strip().toLowerCase(java.util.Locale.ROOT);
            if (text.equals("true") || text.equals("yes")) {
                return Optional.of(true);
            }
            if (text.equals("false") || text.equals("no")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }
}
