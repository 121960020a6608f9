package dev.prepdeck.error;

import java.util.List;

/**
 * An exception that is a {@link Worded} problem: its message is the English sentence, and it keeps the sentence's
 * key and arguments so a page can word it again in the learner's language.
 */
public abstract class WordedException extends RuntimeException implements Worded {
    private final String key;
    private final List<Object> arguments;

    /** {@code key} may be null for a problem worded in English only; {@code message} is then all there is. */
    protected WordedException(String message, String key, List<Object> arguments) {
        super(message);
        this.key = key;
        this.arguments = List.copyOf(arguments);
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final List<Object> arguments() {
        return arguments;
    }
}
