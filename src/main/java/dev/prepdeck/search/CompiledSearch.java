package dev.prepdeck.search;

import dev.prepdeck.deck.DeckRepository;
import java.util.Map;

/**
 * A search as SQL pieces, and the one place that decides in which order the query reads its tables.
 *
 * <p>Three facts shape it. Without ANALYZE (users never run it) SQLite takes an index lookup on
 * {@code card_state.learner_id} for about ten rows when it is every card. Reading a table's rows through an index
 * costs a lookup each, ten times a plain scan of the small {@code card_state} table. And a card's own row is large
 * (question and answer), so reading cards by id costs a page each. So conditions test card ids against id lists
 * ({@code +s.card_id IN (SELECT id FROM card WHERE deck_id ...)} reads only the deck index; the unary {@code +}
 * keeps SQLite from starting there) and the order is fixed: a search with a text term that must match starts from
 * that term's index hits ({@code driver}) and looks up their states by key; one sorted by a card column reads cards
 * in that order through their index (so the first page stops early); any other search scans the learner's
 * {@code card_state} rows. Card rows are read by id only for the page, a {@code re:} pattern, or a card
 * column after a text driver.
 *
 * @param driver          the index query whose hits the search starts from ({@code card_id} column), or null
 * @param where           the condition over {@code s} (the learner's card_state), {@code c} (card, for
 *                        {@code re:}) and {@code t} (card_text); card ids are referred to as {@code s.card_id}
 * @param parameters      every bound value by name, {@code learner} and {@code viewer} (the same learner, whose
 *                        view leaves out other learners' private decks) included
 * @param readsCard       whether {@code where} refers to {@code c}
 * @param readsFoldedText whether {@code where} refers to {@code t}
 * @param usesRegex       whether {@code where} needs the REGEXP function
 * @param recall          retrievability now over {@code s}, with its parameters in {@code parameters}
 */
record CompiledSearch(String driver, String where, Map<String, Object> parameters, boolean readsCard,
                      boolean readsFoldedText, boolean usesRegex, String recall) {

    /**
     * FROM and WHERE for the search's rows.
     *
     * @param sortedByCard whether the rows are to be sorted by a column of {@code c}
     */
    String fromWhere(boolean sortedByCard) {
        String from;
        if (driver != null) {
            from = "(" + driver + ") AS hit CROSS JOIN card_state s ON s.card_id = hit.card_id"
                    + (readsCard || sortedByCard ? " CROSS JOIN card c ON c.id = s.card_id" : "");
        } else if (sortedByCard) {
            from = "card c CROSS JOIN card_state s ON s.card_id = c.id";
        } else {
            from = "card_state s" + (readsCard ? " CROSS JOIN card c ON c.id = s.card_id" : "");
        }
        if (readsFoldedText) {
            from += " CROSS JOIN card_text t ON t.card_id = s.card_id";
        }
        boolean scan = driver == null && !sortedByCard;
        return "FROM " + from + " WHERE " + (scan ? "+" : "") + "s.learner_id = :learner"
                + " AND +s.card_id NOT IN (SELECT id FROM card WHERE deck_id IN (" + DeckRepository.HIDDEN_DECKS + "))"
                + (where.equals("1") || where.equals("TRUE") ? "" : " AND " + where);
    }

    /** The card id column to break sort ties with: c.id when rows come in card order, so an index can give it. */
    String tieBreaker(boolean sortedByCard) {
        return driver == null && sortedByCard ? "c.id" : "s.card_id";
    }
}
