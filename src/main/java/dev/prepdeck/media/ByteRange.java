package dev.prepdeck.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range a Range header asks for ({@code bytes=0-}, {@code bytes=100-199}, {@code bytes=-500}), which
 * Safari needs before it plays a sound. Several ranges or a malformed header are ignored and the whole file is
 * sent, as RFC 9110 allows.
 *
 * @param first the first byte to send, {@code last} the last, both within the file; -1 when the range lies
 *              wholly past the end of the file (answered 416)
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
    private static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    boolean satisfiable() {
        return first >= 0;
    }

    long length() {
        return last - first + 1;
    }

    /** The range {@code header} asks of a file of {@code size} (more than 0) bytes; empty: send it whole. */
    static Optional<ByteRange> parse(String header, long size) {
        Matcher m = header == null ? null : SINGLE.matcher(header.strip());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return Optional.of(suffix == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return Optional.empty();
        }
        return Optional.of(first >= size ? UNSATISFIABLE : new ByteRange(first, Math.min(last, size - 1)));
    }
}
