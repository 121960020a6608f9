package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.deck.Card;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every shipped card's own model answer, typed in as the answer, covers all of its key points. */
class ModelAnswersTest {
    @Test
    void each_shipped_cards_model_answer_covers_every_one_of_its_points() {
        AnswerMatcher matcher = new AnswerMatcher(TermAnalyzer.shipped());
        Map<String, Card> cards = LabelledAnswers.shippedCards();
        assertThat(cards).hasSize(102);
        cards.forEach((id, card) -> {
            AnswerMatcher.AnswerCheck check = matcher.check(KeyPoints.of(card.answer()), card.answer());
            assertThat(check.points()).as(id).isNotEmpty();
            assertThat(check.coverage()).as(id).isEqualTo(1.0);
        });
    }
}
