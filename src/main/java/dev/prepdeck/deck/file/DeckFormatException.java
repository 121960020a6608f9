package dev.prepdeck.deck.file;

import dev.prepdeck.error.Notice;

/**
 * A deck file that cannot be read, with the 1-based line a person should look at; the problem is a sentence of the
 * message bundles, so a page words it in the learner's language while the message stays "file:line: problem".
 */
public final class DeckFormatException extends Exception {
    private final String fileName;
    private final int line;
    private final Notice problem;

    public DeckFormatException(String fileName, int line, Notice problem) {
        super(fileName + ":" + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    DeckFormatException(String fileName, int line, String key, Object... arguments) {
        this(fileName, line, Notice.of(key, arguments));
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }

    public Notice problem() {
        return problem;
    }
}
