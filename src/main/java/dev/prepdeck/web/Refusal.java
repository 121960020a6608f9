package dev.prepdeck.web;

import dev.prepdeck.error.EnglishText;
import dev.prepdeck.error.Worded;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * A request the filters turn away before any handler runs (a form from another site, a Host this server does not
 * answer to, an unreadable upload), with its status and its sentence's key, so the error page speaks the learner's
 * language like every other page.
 */
final class Refusal extends RuntimeException implements Worded {
    private final HttpStatus status;
    private final String key;
    private final List<Object> arguments;

    Refusal(HttpStatus status, String key, Object... arguments) {
        super(EnglishText.of(key, arguments));
        this.status = status;
        this.key = key;
        this.arguments = List.of(arguments);
    }

    HttpStatus status() {
        return status;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }
}
