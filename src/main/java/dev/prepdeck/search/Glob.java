package dev.prepdeck.search;

import java.util.List;

/**
 * Text with Anki's wildcards: {@code *} matches any run of characters (none included), {@code _} exactly one.
 * {@code \*} and {@code \_} in a query are the characters themselves, which is why the pattern is kept as parts.
 */
public record Glob(List<Part> parts) {

    public Glob {
        parts = List.copyOf(parts);
    }

    /** One piece of a pattern. */
    public sealed interface Part permits Literal, AnyRun, AnyChar {
    }

    /** Characters to match as they are. */
    public record Literal(String text) implements Part {
    }

    /** {@code *}: any run of characters, possibly empty. */
    public record AnyRun() implements Part {
    }

    /** {@code _}: exactly one character. */
    public record AnyChar() implements Part {
    }

    /** A pattern without wildcards. */
    public static Glob literal(String text) {
        return new Glob(List.of(new Literal(text)));
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> !(p instanceof Literal));
    }

    /** The literal pieces between wildcards, in order. */
    public List<String> literals() {
        return parts.stream().filter(p -> p instanceof Literal).map(p -> ((Literal) p).text()).toList();
    }

    /** The pattern as it would be typed, with {@code *}, {@code _} and {@code \} escaped in literal parts. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal l) {
                s.append(l.text().replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_"));
            } else {
                s.append(part instanceof AnyRun ? '*' : '_');
            }
        }
        return s.toString();
    }
}
