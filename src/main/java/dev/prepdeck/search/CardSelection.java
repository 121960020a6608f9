package dev.prepdeck.search;

import dev.prepdeck.error.InvalidInputException;
import java.util.List;

/**
 * The cards a bulk edit acts on: the ones ticked by id, or every card a search matches (found again inside the
 * edit's transaction, so nothing that stops matching in between is touched).
 */
public record CardSelection(List<Long> cardIds, String query) {

    public CardSelection {
        cardIds = cardIds == null ? List.of() : List.copyOf(cardIds);
        if (query != null && !cardIds.isEmpty()) {
            throw new InvalidInputException("query", "send either card ids or a query, not both");
        }
    }

    public static CardSelection of(List<Long> cardIds) {
        if (cardIds.isEmpty()) {
            throw new InvalidInputException("cardIds", "select at least one card");
        }
        return new CardSelection(cardIds, null);
    }

    /** Every card the search matches; an empty query matches every card. */
    public static CardSelection matching(String query) {
        return new CardSelection(List.of(), query == null ? "" : query);
    }
}
