package dev.prepdeck.error;

import java.util.List;

/**
 * A problem whose sentence is in the message bundles: a page words it in the learner's language from its key and
 * arguments, while {@link Throwable#getMessage()} stays the English sentence (for the command line, the log and
 * API clients that read English).
 */
public interface Worded {
    /** The sentence's key in the message bundles, or null when the problem is worded in English only. */
    String key();

    /** The values the sentence puts in its {0}, {1}...; file names, line numbers and what was typed, as they are. */
    List<Object> arguments();
}
