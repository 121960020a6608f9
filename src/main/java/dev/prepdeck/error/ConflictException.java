package dev.prepdeck.error;

import java.util.List;

/**
 * A request that was right when it was made but no longer fits what is stored: another tab or client changed it in
 * between (a card shown in two tabs, rated in one until it became a leech and was suspended, then rated in the
 * other). The web layer answers 409; nothing was written.
 */
public final class ConflictException extends RuntimeException implements Worded {
    private final String field;
    private final String key;
    private final List<Object> arguments;

    /** {@code key} names the sentence in the message bundles; {@code message} is that sentence in English. */
    public ConflictException(String field, String message, String key, List<Object> arguments) {
        super(message);
        this.field = field;
        this.key = key;
        this.arguments = List.copyOf(arguments);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }

    /** The JSON property or form field the stored state no longer fits. */
    public String field() {
        return field;
    }
}
