package dev.prepdeck.search;

/**
 * Text a regular expression may read only so many chars of. Java's regular expressions backtrack, so a pattern
 * like {@code (a+)+b} can take exponential time on some text; reading through this stops it with {@link Exhausted}.
 */
final class BoundedText implements CharSequence {
    private final CharSequence text;
    private final long[] readsLeft; // shared with sub-sequences the matcher takes

    private BoundedText(CharSequence text, long[] readsLeft) {
        this.text = text;
        this.readsLeft = readsLeft;
    }

    static BoundedText of(CharSequence text, long reads) {
        return new BoundedText(text, new long[] {reads});
    }

    /** A budget for matching on a text of {@code length} chars: a thousand reads per char, plus a margin. */
    static long allowanceFor(int length) {
        return 1_000L * length + 100_000L;
    }

    long readsLeft() {
        return readsLeft[0];
    }

    @Override
    public char charAt(int index) {
        if (--readsLeft[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.subSequence(start, end), readsLeft);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The matcher read more than it was allowed to. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("regular expression stopped: too much work", null, false, false);
        }
    }
}
