package dev.prepdeck.practice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.deck.Card;
import java.util.List;
import java.util.Map;

/**
 * A blank line of a labelled set for each card named (every card when none is): its id, question and key points
 * as {@code KeyPoints} cuts them today, each with {@code "covered": null} for the author to fill in before the
 * checker ever sees the answer. Run it as a program: {@code LabellingSheet sql-where-vs-having git-merge-vs-rebase}.
 */
final class LabellingSheet {
    private LabellingSheet() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Card> cards = LabelledAnswers.shippedCards();
        ObjectMapper json = new ObjectMapper();
        List<String> wanted = args.length == 0 ? List.copyOf(cards.keySet()) : List.of(args);
        for (String id : wanted) {
            Card card = cards.get(id);
            if (card == null) {
                throw new IllegalArgumentException("no shipped card " + id);
            }
            ObjectNode line = json.createObjectNode();
            line.put("card", id);
            line.put("question", card.question());
            ArrayNode points = line.putArray("points");
            for (String point : KeyPoints.of(card.answer())) {
                points.addObject().put("text", point).putNull("covered");
            }
            System.out.println(json.writeValueAsString(line));
        }
    }
}
