package dev.prepdeck.practice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.deck.Card;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A blank line of a labelled set for each card named (every card when none is): its id, question and key points
 * as {@code KeyPoints} cuts them today, each with {@code "covered": null} for the author to fill in before the
 * checker ever sees the answer. Run it as a program: {@code LabellingSheet sql-where-vs-having git-merge-vs-rebase}.
 * With {@code --check dev6 heldout7} it instead lists every answer of those sets whose points are not exactly
 * today's cut of its card, and exits with status 1 if there is one: a new batch's check before it is committed.
 */
final class LabellingSheet {
    private LabellingSheet() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Card> cards = LabelledAnswers.shippedCards();
        if (args.length > 0 && args[0].equals("--check")) {
            List<String> problems = check(cards, List.of(args).subList(1, args.length));
            problems.forEach(System.out::println);
            System.out.println(problems.isEmpty()
                    ? "every answer lists today's points" : problems.size() + " answers differ");
            System.exit(problems.isEmpty() ? 0 : 1);
        }
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

    /** One line per answer of the named sets that names no shipped card or whose point texts are not today's cut. */
    static List<String> check(Map<String, Card> cards, List<String> sets) {
        List<String> problems = new ArrayList<>();
        for (String set : sets) {
            for (LabelledAnswers.Answer answer : LabelledAnswers.set(set)) {
                Card card = cards.get(answer.card());
                if (card == null) {
                    problems.add(set + " " + answer.id() + ": no shipped card " + answer.card());
                    continue;
                }
                List<String> labelled = answer.points().stream().map(LabelledAnswers.PointLabel::text).toList();
                List<String> today = KeyPoints.of(card.answer());
                if (!labelled.equals(today)) {
                    problems.add(set + " " + answer.id() + ": " + answer.card() + " has " + labelled.size()
                            + " points, today's cut " + today.size()
                            + (labelled.size() == today.size() ? " (texts differ)" : ""));
                }
            }
        }
        return problems;
    }
}
