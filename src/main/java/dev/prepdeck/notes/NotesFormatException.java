package dev.prepdeck.notes;

import dev.prepdeck.error.EnglishText;
import dev.prepdeck.error.Worded;
import java.util.ArrayList;
import java.util.List;

/**
 * A notes file that cannot be read; the message is "file:line: problem" (or "file: problem" for the whole file).
 * The problem is a sentence of the message bundles ({@code notes.error.}), whose first arguments are the file name
 * and the line, so a page words it in the learner's language around the same file:line.
 */
public final class NotesFormatException extends Exception implements Worded {
    private final String key;
    private final List<Object> arguments;

    /** {@code problem} names the sentence {@code notes.error.<problem>}: "{0}:{1}: ..." with the file and line. */
    public NotesFormatException(String fileName, int line, String problem, Object... details) {
        this("notes.error." + problem, with(List.of(fileName, String.valueOf(line)), details));
    }

    /** A problem with the file as a whole (its size), at no line of it: "{0}: ..." with the file. */
    public NotesFormatException(String fileName, String problem, Object... details) {
        this("notes.error." + problem, with(List.of(fileName), details));
    }

    private NotesFormatException(String key, List<Object> arguments) {
        super(EnglishText.of(key, arguments.toArray()));
        this.key = key;
        this.arguments = arguments;
    }

    private static List<Object> with(List<Object> where, Object... details) {
        List<Object> arguments = new ArrayList<>(where);
        arguments.addAll(List.of(details));
        return List.copyOf(arguments);
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
