package dev.prepdeck.search;

import dev.prepdeck.error.EnglishText;
import dev.prepdeck.error.WordedException;
import java.util.List;

/**
 * A search that cannot be understood: {@link #key()} names the problem's sentence in the message bundles (under
 * {@code search.error.}), its arguments carry the term as typed (as in {@code prop:ivl>>3: expected a number after
 * '>'}), and {@link #position()} is where, counted in chars from 0, so a page or an API client can point at it. The
 * message is the English sentence.
 */
public final class SearchSyntaxException extends WordedException {
    private final int position;

    /** {@code problem} is the key's last part: "unclosedQuote" for {@code search.error.unclosedQuote}. */
    SearchSyntaxException(int position, String problem, Object... arguments) {
        super(EnglishText.of("search.error." + problem, arguments), "search.error." + problem, List.of(arguments));
        this.position = position;
    }

    /** The 0-based char offset in the query where the problem is. */
    public int position() {
        return position;
    }

    /** The problem without its bundle prefix ("unclosedQuote"), a stable code for API clients. */
    public String code() {
        return key().substring("search.error.".length());
    }
}
