package dev.prepdeck.anki;

/**
 * A package, collection or text file that cannot be read or written as Anki's format. The message is meant for
 * the user: it names the file part and the problem, never a stack trace.
 */
public final class AnkiFormatException extends RuntimeException {

    public AnkiFormatException(String message) {
        super(message);
    }

    public AnkiFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
