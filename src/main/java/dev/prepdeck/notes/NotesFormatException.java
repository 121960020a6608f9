package dev.prepdeck.notes;

/** A notes file that cannot be read; the message is "file:line: problem" (or "file: problem" for the whole file). */
public final class NotesFormatException extends Exception {
    public NotesFormatException(String fileName, int line, String problem) {
        super(fileName + ":" + line + ": " + problem);
    }

    /** A problem with the file as a whole (its size), at no line of it. */
    public NotesFormatException(String fileName, String problem) {
        super(fileName + ": " + problem);
    }
}
