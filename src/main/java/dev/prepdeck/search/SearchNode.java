package dev.prepdeck.search;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A parsed search. {@link #toString()} prints it back in the search syntax, normalised (one space between terms,
 * parentheses only where needed), so the printed form parses to an equal tree.
 */
public sealed interface SearchNode {

    /** The empty search: every card. */
    record All() implements SearchNode {
        @Override
        public String toString() {
            return "";
        }
    }

    /** Every term matches; AND binds tighter than OR, as in Anki. */
    record And(List<SearchNode> terms) implements SearchNode {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return terms.stream().map(t -> t instanceof Or ? "(" + t + ")" : t.toString()).collect(Collectors.joining(" "));
        }
    }

    /** At least one term matches. */
    record Or(List<SearchNode> terms) implements SearchNode {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return terms.stream().map(SearchNode::toString).collect(Collectors.joining(" or "));
        }
    }

    /** {@code -term}: the term does not match. */
    record Not(SearchNode term) implements SearchNode {
        @Override
        public String toString() {
            return "-" + (term instanceof And || term instanceof Or ? "(" + term + ")" : term.toString());
        }
    }

    /** Text anywhere in the question or answer (or only one of them), ignoring case and accents. */
    record Text(TextField field, Glob text) implements SearchNode {
        @Override
        public String toString() {
            return field.prefix() + SearchPrinter.quoteIfNeeded(text.toString(), field == TextField.ANY);
        }
    }

    /** {@code re:}: a regular expression on the question or answer as written, case-insensitive unless it says. */
    record Regex(TextField field, String pattern) implements SearchNode {
        @Override
        public String toString() {
            return field.prefix() + "re:" + SearchPrinter.quoteIfNeeded(pattern, false);
        }
    }

    /** {@code deck:}: cards in a deck whose name matches, or in its sub-decks. */
    record InDeck(Glob name) implements SearchNode {
        @Override
        public String toString() {
            return "deck:" + SearchPrinter.quoteIfNeeded(name.toString(), false);
        }
    }

    /** {@code tag:}: cards with a matching tag, or a tag below it ({@code tag:a} finds {@code a::b}). */
    record Tagged(Glob tag) implements SearchNode {
        @Override
        public String toString() {
            return "tag:" + SearchPrinter.quoteIfNeeded(tag.toString(), false);
        }
    }

    /** {@code tag:none}: cards without tags. */
    record Untagged() implements SearchNode {
        @Override
        public String toString() {
            return "tag:none";
        }
    }

    /** {@code is:}. */
    record InState(StateFilter state) implements SearchNode {
        @Override
        public String toString() {
            return "is:" + state.keyword();
        }
    }

    /** {@code flag:0} (no flag) to {@code flag:4}. */
    record Flagged(int flag) implements SearchNode {
        @Override
        public String toString() {
            return "flag:" + flag;
        }
    }

    /** {@code prop:}: a scheduling figure compared with a number. */
    record PropertyIs(Property property, Comparison comparison, double value) implements SearchNode {
        @Override
        public String toString() {
            return "prop:" + property.keyword() + comparison.symbol() + SearchPrinter.number(value);
        }
    }

    /** {@code added:}, {@code edited:}, {@code introduced:} and {@code practiced:}: within the last n study days. */
    record Within(DatedEvent event, int days) implements SearchNode {
        @Override
        public String toString() {
            return event.keyword() + ":" + days;
        }
    }

    /** {@code rated:n} or {@code rated:n:rating}: reviewed in the last n study days (with that rating, 1-4). */
    record Rated(int days, Integer rating) implements SearchNode {
        @Override
        public String toString() {
            return "rated:" + days + (rating == null ? "" : ":" + rating);
        }
    }

    /** {@code coverage<0.5}: how much of the answer the last practice attempt covered, from 0 to 1. */
    record Coverage(Comparison comparison, double value) implements SearchNode {
        @Override
        public String toString() {
            return "coverage" + comparison.symbol() + SearchPrinter.number(value);
        }
    }

    /** Where text is looked for. */
    enum TextField {
        ANY(""), QUESTION("q:"), ANSWER("a:");

        private final String prefix;

        TextField(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** The {@code is:} states. */
    enum StateFilter {
        DUE, NEW, LEARN, REVIEW, SUSPENDED, BURIED;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The {@code prop:} figures, by the names Anki uses. */
    enum Property {
        INTERVAL("ivl", true), DUE("due", true), REPS("reps", true), LAPSES("lapses", true),
        STABILITY("s", false), DIFFICULTY("d", false), RETRIEVABILITY("r", false);

        private final String keyword;
        private final boolean whole;

        Property(String keyword, boolean whole) {
            this.keyword = keyword;
            this.whole = whole;
        }

        public String keyword() {
            return keyword;
        }

        /** Counted in whole days or times, so a fraction is a mistake. */
        public boolean whole() {
            return whole;
        }
    }

    /** The events {@link Within} counts days back to. */
    enum DatedEvent {
        ADDED, EDITED, INTRODUCED, PRACTICED;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A comparison operator of {@code prop:} and {@code coverage}. */
    enum Comparison {
        LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">="), NOT_EQUAL("!="), LESS("<"), GREATER(">"), EQUAL("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The comparison with its sides swapped: a &lt; b is b &gt; a. */
        public Comparison reversed() {
            return switch (this) {
                case LESS -> GREATER;
                case GREATER -> LESS;
                case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
                case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
                default -> this;
            };
        }

        /** The SQL operator; the same as the symbol except {@code !=}, written {@code <>}. */
        public String sql() {
            return this == NOT_EQUAL ? "<>" : symbol;
        }
    }
}
