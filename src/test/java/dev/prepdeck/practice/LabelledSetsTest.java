package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.deck.Card;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every labelled answer set in src/test/resources/practice keeps the README's format: a set with a mistyped card id,
 * language, kind or rating, or a swapped answer rated above Hard, would skew the checker's measured agreement
 * without anyone noticing.
 */
class LabelledSetsTest {
    private static final Path FOLDER = Path.of("src/test/resources/practice");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Set<String> ANSWER_LANGUAGES = Set.of("en", "zh", "mixed");
    private static final Set<String> KINDS =
            Set.of("full", "terse", "partial", "paraphrase", "wrong", "swapped", "offtopic", "empty");
    private static final Set<String> RATINGS = Set.of("again", "hard", "good", "easy");

    @Test
    void every_answer_names_a_shipped_card_in_its_language_with_a_known_kind_and_rating() throws IOException {
        Map<String, Card> cards = LabelledAnswers.shippedCards();
        Set<String> ids = new HashSet<>();
        List<String> sets = setNames();
        assertThat(sets).contains("dev", "heldout", "dev5");
        for (String set : sets) {
            for (LabelledAnswers.Answer answer : LabelledAnswers.set(set)) {
                String where = set + " " + answer.id();
                assertThat(ids.add(answer.id())).as(where + ": id used twice").isTrue();
                Card card = cards.get(answer.card());
                assertThat(card).as(where + ": card " + answer.card()).isNotNull();
                String cardLanguage = CHINESE.matcher(card.question()).find() ? "zh" : "en";
                assertThat(answer.cardLang()).as(where).isEqualTo(cardLanguage);
                assertThat(answer.answerLang()).as(where).isIn(ANSWER_LANGUAGES);
                assertThat(answer.kind()).as(where).isIn(KINDS);
                assertThat(answer.rating()).as(where).isIn(RATINGS);
                assertThat(answer.seconds()).as(where).isNotNegative();
                if (answer.kind().equals("swapped")) {
                    assertThat(answer.rating()).as(where + ": a contradicted answer is never above hard")
                            .isIn("again", "hard");
                }
                List<String> texts = answer.points().stream().map(LabelledAnswers.PointLabel::text).toList();
                assertThat(texts).as(where).isNotEmpty().doesNotHaveDuplicates().allMatch(t -> !t.isBlank());
            }
        }
    }

    private static List<String> setNames() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("answers-") && name.endsWith(".jsonl"))
                    .map(name -> name.substring("answers-".length(), name.length() - ".jsonl".length()))
                    .sorted().toList();
        }
    }
}
