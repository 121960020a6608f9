package dev.prepdeck.deck.file;

import dev.prepdeck.error.Notice;
import dev.prepdeck.error.Worded;
import java.util.List;

/**
 * Text a deck cannot hold or a deck file cannot carry (a control character, a card without an answer), as a
 * sentence of the message bundles: the message is English for the command line, a page words it in the learner's
 * language.
 */
public final class DeckTextException extends IllegalArgumentException implements Worded {
    private final Notice problem;

    DeckTextException(String key, Object... arguments) {
        this(Notice.of(key, arguments));
    }

    DeckTextException(Notice problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Notice problem() {
        return problem;
    }

    @Override
    public String key() {
        return problem.key();
    }

    @Override
    public List<Object> arguments() {
        return problem.arguments();
    }
}
