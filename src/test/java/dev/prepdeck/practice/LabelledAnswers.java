package dev.prepdeck.practice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.deck.file.DeckFormatException;
import dev.prepdeck.fsrs.Rating;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The labelled answer sets of src/test/resources/practice (see its README) and the shipped cards they answer. */
final class LabelledAnswers {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private LabelledAnswers() {
    }

    /** One labelled answer; {@code rating} is the interviewer's. */
    record Answer(String id, String card, String cardLang, String answerLang, String kind, String rating,
                  long seconds, String answer, List<PointLabel> points) {
        Rating interviewerRating() {
            return Rating.valueOf(rating.toUpperCase(Locale.ROOT));
        }

        String languagePair() {
            return cardLang + " card, " + answerLang + " answer";
        }
    }

    record PointLabel(String text, boolean covered) {
    }

    /** "dev" or "heldout". */
    static List<Answer> set(String name) {
        String resource = "/practice/answers-" + name + ".jsonl";
        try (InputStream in = LabelledAnswers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no labelled set " + resource);
            }
            List<Answer> answers = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    try {
                        answers.add(JSON.readValue(lines[i], Answer.class));
                    } catch (IOException e) {
                        throw new IllegalStateException(resource + ":" + (i + 1) + ": " + e.getMessage(), e);
                    }
                }
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every shipped card by its id, read from decks/ as the app imports it. */
    static Map<String, Card> shippedCards() {
        DeckFileParser parser = new DeckFileParser();
        Map<String, Card> cards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("decks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                DeckFile deck = parser.parse(file.getFileName().toString(), Files.readAllBytes(file));
                for (CardSource c : deck.cards()) {
                    String meta = c.meta().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("\n"));
                    cards.put(c.id(), new Card(cards.size() + 1, 1, c.id(), c.question(), c.answer(),
                            String.join(", ", c.tags()), meta, cards.size(), false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DeckFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return cards;
    }
}
