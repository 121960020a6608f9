package dev.prepdeck.optimize;

import dev.prepdeck.fsrs.optimizer.CardHistory;
import dev.prepdeck.fsrs.optimizer.DayCut;
import dev.prepdeck.review.ReviewedCard;
import java.util.List;

/** The learner's reviews in a scope of decks: every reviewed card with its reviews, and where study days are cut. */
public record ReviewHistory(DeckScope scope, DayCut dayCut, List<ReviewedCard> cards) {
    public ReviewHistory {
        cards = List.copyOf(cards);
    }

    public List<CardHistory> histories() {
        return cards.stream().map(ReviewedCard::history).toList();
    }

    public int reviewCount() {
        return cards.stream().mapToInt(card -> card.history().reviews().size()).sum();
    }
}
