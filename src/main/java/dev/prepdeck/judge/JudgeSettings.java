package dev.prepdeck.judge;

import dev.prepdeck.error.InvalidInputException;
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
            throw new InvalidInputException("model", "name the model the server should use, e.g. qwen2.5:7b");
        }
        if (modelName.length() > 200 || modelName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("model", "the model name must be one line of at most 200 characters");
        }
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        if (timeoutSeconds != null && !timeoutSeconds.isBlank()) {
            try {
                timeout = Integer.parseInt(timeoutSeconds.strip());
            } catch (NumberFormatException e) {
                timeout = -1;
            }
            if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
                throw new InvalidInputException("timeoutSeconds",
                        "the time-out must be a whole number of seconds from 1 to " + MAX_TIMEOUT_SECONDS);
            }
        }
        return new JudgeSettings(uri, modelName, timeout);
    }

    private static URI parseUrl(String text) {
        if (text.isEmpty()) {
            throw new InvalidInputException("url", "give the server's address, e.g. http://127.0.0.1:11434/v1");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "'" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("url", "the address must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidInputException("url", "the address must be a server and path only, like http://127.0.0.1:11434/v1");
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
