package dev.prepdeck.error;

import java.util.List;

/**
 * Input a person or client can fix: the message names the problem and is shown as is (a JSON error for the API,
 * a form message in the browser). Thrown before anything is written.
 */
public final class InvalidInputException extends WordedException {
    private final String field;

    public InvalidInputException(String field, String message) {
        this(field, message, null, List.of());
    }

    /**
     * A problem the interface words in the learner's language: {@code key} names its sentence in the message bundles
     * and {@code message} is that sentence in English (for the API and the log).
     */
    public InvalidInputException(String field, String message, String key, List<Object> arguments) {
        super(message, key, arguments);
        this.field = field;
    }

    /** Bad input whose problem is a sentence of the bundles (a deck name a file cannot hold, a control character). */
    public static InvalidInputException of(String field, Notice problem) {
        return new InvalidInputException(field, problem.toString(), problem.key(), problem.arguments());
    }

    /** The form field or JSON property at fault, or null when the problem is not about one field. */
    public String field() {
        return field;
    }
}
