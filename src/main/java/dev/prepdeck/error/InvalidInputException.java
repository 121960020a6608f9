package dev.prepdeck.error;

/**
 * Input a person or client can fix: the message names the problem and is shown as is (a JSON error for the API,
 * a form message in the browser). Thrown before anything is written.
 */
public final class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field or JSON property at fault, or null when the problem is not about one field. */
    public String field() {
        return field;
    }
}
