package dev.prepdeck.notes;

/** A notes file that cannot be read; the message is "file:line: problem". */
public final class NotesFormatException extends Exception {
    public NotesFormatException(String fileName, int line, String problem) {
        super(fileName + ":" + line + ": " + problem);
    }
}
