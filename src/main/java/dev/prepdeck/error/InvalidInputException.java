package dev.prepdeck.error;

import java.util.List;

/**
 * Input a person or client can fix: the message names the problem and is shown as is (a JSON error for the API,
 * a form message in the browser). Thrown before anything is written.
 */
public final class InvalidInputException extends RuntimeException implements Worded {
    private final String field;
    private final String key;
    private final List<Object> arguments;

    public InvalidInputException(String field, String message) {
        this(field, message, null, List.of());
    }

    /**
     * A problem the interface words in the learner's language: {@code key} names its sentence in the message bundles
     * and {@code message} is that sentence in English (for the API and the log).
     */
    public InvalidInputException(String field, String message, String key, List<Object> arguments) {
        super(message);
        this.field = field;
        this.key = key;
        this.arguments = List.copyOf(arguments);
    }

    /** Bad input whose problem is a sentence of the bundles (a deck name a file cannot hold, a control character). */
    public static InvalidInputException of(String field, Notice problem) {
        return new InvalidInputException(field, problem.toString(), problem.key(), problem.arguments());
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }

    /** The form field or JSON property at fault, or null when the problem is not about one field. */
    public String field() {
        return field;
    }
}
