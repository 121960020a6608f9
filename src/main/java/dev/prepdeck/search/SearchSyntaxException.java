package dev.prepdeck.search;

/**
 * A search that cannot be understood: the message names the term and the problem (as in {@code prop:ivl>>3:
 * expected a number after '>'}) and {@link #position()} is where, counted in chars from 0, so a page or an API
 * client can point at it.
 */
public final class SearchSyntaxException extends RuntimeException {
    private final int position;

    public SearchSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The 0-based char offset in the query where the problem is. */
    public int position() {
        return position;
    }
}
