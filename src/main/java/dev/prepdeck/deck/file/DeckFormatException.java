package dev.prepdeck.deck.file;

/** A deck file that cannot be read, with the 1-based line a person should look at. */
public final class DeckFormatException extends Exception {
    private final String fileName;
    private final int line;
    private final String problem;

    public DeckFormatException(String fileName, int line, String problem) {
        super(fileName + ":" + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
