package dev.prepdeck.practice;

import dev.prepdeck.deck.Card;
import dev.prepdeck.fsrs.Rating;

/** A typed answer checked against a card: the points it covers, and the rating that suggests given the time. */
public record PracticeCheck(Card card, String answer, long seconds, int targetSeconds, AnswerMatcher.AnswerCheck result) {
    public double coverage() {
        return result.coverage();
    }

    /**
     * The rating coverage, depth (against a bar that depends on the answer's language) and time suggest; never above
     * Hard when the answer contradicts a point.
     */
    public Rating suggested() {
        return SuggestedRating.of(coverage(), result.depth(), result.contradicted(),
                SuggestedRating.acrossLanguages(card.answer(), answer), seconds, targetSeconds);
    }
}
