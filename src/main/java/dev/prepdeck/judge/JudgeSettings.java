package dev.prepdeck.judge;

import dev.prepdeck.web.Messages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the learner's own answer judge runs: the base URL of an OpenAI-compatible server (Ollama's
 * http://127.0.0.1:11434/v1, llama.cpp's http://127.0.0.1:8080/v1, ...), the model it should use, and how long a
 * check may wait for it.
 */
public record JudgeSettings(URI url, String model, int timeoutSeconds) {
    public static final int DEFAULT_TIMEOUT_SECONDS = 20;
    static final int MAX_TIMEOUT_SECONDS = 120;

    /** Reads the settings form's fields; each problem names its field. */
    public static JudgeSettings parse(String url, String model, String timeoutSeconds) {
        URI uri = parseUrl(url == null ? "" : url.strip());
        String modelName = model == null ? "" : model.strip();
        if (modelName.isEmpty()) {
            throw Messages.invalid("model", "judge.error.noModel");
        }
        if (modelName.length() > 200 || modelName.chars().anyMatch(Character::isISOControl)) {
            throw Messages.invalid("model", "judge.error.modelName");
        }
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        if (timeoutSeconds != null && !timeoutSeconds.isBlank()) {
            try {
                timeout = Integer.parseInt(timeoutSeconds.strip());
            } catch (NumberFormatException e) {
                timeout = -1;
            }
            if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
                throw Messages.invalid("timeoutSeconds", "judge.error.timeout", String.valueOf(MAX_TIMEOUT_SECONDS));
            }
        }
        return new JudgeSettings(uri, modelName, timeout);
    }

    private static URI parseUrl(String text) {
        if (text.isEmpty()) {
            throw Messages.invalid("url", "judge.error.noUrl");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw Messages.invalid("url", "judge.error.notUrl", text, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Messages.invalid("url", "judge.error.scheme");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw Messages.invalid("url", "judge.error.serverAndPath");
        }
        return uri;
    }

    /**
     * Whether answers sent to this judge leave the machine: true unless the host is a loopback name or address. Names
     * are not looked up, so a name that happens to point here still counts as elsewhere (the cautious answer).
     */
    public boolean leavesThisMachine() {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return !(host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
                || host.matches("127(\\.\\d{1,3}){3}"));
    }

    /** The chat completions endpoint under the base URL (a URL that already names it is taken as it is). */
    URI chatCompletions() {
        String text = url.toString();
        if (text.endsWith("/chat/completions")) {
            return url;
        }
        return URI.create(text.replaceAll("/+$", "") + "/chat/completions");
    }
}
