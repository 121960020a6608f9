package dev.prepdeck.error;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence of the message bundles with the values it quotes: a warning or a note about an import (an image the
 * package lacks, a card left out) that a page words in the learner's language and the command line prints in
 * English ({@link #toString()}). An argument may itself be a notice (the card a warning is about, then the warning),
 * worded in the same language.
 */
public record Notice(String key, List<Object> arguments) implements Worded {

    public Notice {
        arguments = List.copyOf(arguments);
    }

    public static Notice of(String key, Object... arguments) {
        return new Notice(key, Arrays.asList(arguments));
    }

    /** The sentence a worded problem says, kept as a notice (a refused file reported as a warning). */
    public static Notice of(Worded problem) {
        return new Notice(problem.key(), problem.arguments());
    }

    @Override
    public String toString() {
        return EnglishText.of(key, arguments.toArray());
    }
}
