package dev.prepdeck.error;

/** A deck or card id that does not exist; the web layer answers 404. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what, long id) {
        super("no " + what + " with id " + id);
    }
}
