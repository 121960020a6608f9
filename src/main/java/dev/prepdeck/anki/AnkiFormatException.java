package dev.prepdeck.anki;

import dev.prepdeck.error.EnglishText;
import dev.prepdeck.error.Worded;
import java.util.List;

/**
 * A package, collection or text file that cannot be read or written as Anki's format. The message is meant for
 * the user: it names the file part and the problem, never a stack trace. Every problem is {@linkplain #worded worded}
 * by the message bundles, so a page says it in the learner's language (an export's consistency checks too).
 */
public final class AnkiFormatException extends RuntimeException implements Worded {
    private final String key;
    private final List<Object> arguments;

    private AnkiFormatException(String key, List<Object> arguments) {
        super(EnglishText.of(key, arguments.toArray()));
        this.key = key;
        this.arguments = arguments;
    }

    /** The problem whose sentence is {@code anki.error.<problem>}; the file name and line go in as arguments. */
    public static AnkiFormatException worded(String problem, Object... arguments) {
        return new AnkiFormatException("anki.error." + problem, List.of(arguments));
    }

    /** The low-level failure behind this problem, kept for the log. */
    public AnkiFormatException causedBy(Throwable cause) {
        initCause(cause);
        return this;
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
