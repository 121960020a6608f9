package dev.prepdeck.error;

import java.util.List;

/**
 * A request that was right when it was made but no longer fits what is stored: another tab or client changed it in
 * between (a card shown in two tabs, rated in one until it became a leech and was suspended, then rated in the
 * other). The web layer answers 409; nothing was written.
 */
public final class ConflictException extends WordedException {
    private final String field;

    /** {@code key} names the sentence in the message bundles; {@code message} is that sentence in English. */
    public ConflictException(String field, String message, String key, List<Object> arguments) {
        super(message, key, arguments);
        this.field = field;
    }

    /** The JSON property or form field the stored state no longer fits. */
    public String field() {
        return field;
    }
}
