package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A deck without a saved practice mode asks for typed answers when its median answer takes 45 s or more to say. The
 * decision is kept between study pages, so each of these changes to the deck's cards must show on the next one.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AutomaticPracticeModeTest {
    /** 60 words: 55 s to say. */
    private static final String LONG = "word ".repeat(60).strip();
    /** 20 s, the shortest target. */
    private static final String SHORT = "A short answer.";

    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir);
    }

    private static long newDeck(TestSite s, String name) {
        return Long.parseLong(TestSite.location(s.submit("/decks", "name", name)).replaceAll("\\D", ""));
    }

    private long newCard(TestSite s, long deck, String question, String answer) {
        assertThat(s.submit("/decks/" + deck + "/cards", "question", question, "answer", answer, "tags", "",
                "action", "save").code()).isEqualTo(303);
        return collection.cardId(question);
    }

    private static boolean practiceOn(TestSite s, long deck) {
        return s.page("/study?deck=" + deck).contains("id=\"practice-text\"");
    }

    @Test
    void the_automatic_mode_follows_cards_added_edited_and_deleted() {
        collection.site(s -> {
            long talk = newDeck(s, "Talk");
            long first = newCard(s, talk, "First?", LONG);
            long second = newCard(s, talk, "Second?", LONG);
            newCard(s, talk, "Third?", SHORT);
            assertThat(practiceOn(s, talk)).as("two long answers of three").isTrue();

            s.submit("/cards/" + first, "question", "First?", "answer", SHORT, "tags", "", "action", "save");
            assertThat(practiceOn(s, talk)).as("one long answer of three").isFalse();

            newCard(s, talk, "Fourth?", LONG);
            assertThat(practiceOn(s, talk)).as("two of four: the lower median is short").isFalse();
            newCard(s, talk, "Fifth?", LONG);
            assertThat(practiceOn(s, talk)).as("three of five").isTrue();

            assertThat(s.submit("/cards/" + second + "/delete").code()).isEqualTo(303);
            assertThat(practiceOn(s, talk)).as("two of four again").isFalse();
        });
    }

    @Test
    void the_automatic_mode_follows_a_bulk_move_its_undo_and_a_write_from_outside_this_app() {
        collection.site(s -> {
            long talk = newDeck(s, "Talk");
            long quiet = newDeck(s, "Quiet");
            long first = newCard(s, talk, "First?", LONG);
            long second = newCard(s, talk, "Second?", LONG);
            newCard(s, talk, "Third?", SHORT);
            newCard(s, quiet, "Fourth?", SHORT);
            assertThat(practiceOn(s, talk)).isTrue();
            assertThat(practiceOn(s, quiet)).isFalse();

            Response moved = s.postJson("/api/cards/bulk",
                    "{\"cardIds\": [" + first + ", " + second + "], \"action\": \"move\", \"deckId\": " + quiet + "}");
            assertThat(moved.code()).isEqualTo(200);
            assertThat(practiceOn(s, talk)).as("only the short answer is left").isFalse();
            assertThat(practiceOn(s, quiet)).as("two long answers of three moved in").isTrue();

            assertThat(s.postJson("/api/cards/bulk/undo", "{}").code()).isEqualTo(200);
            assertThat(practiceOn(s, talk)).as("moved back").isTrue();
            assertThat(practiceOn(s, quiet)).isFalse();

            // Another app instance on the same database, or a deck file, writes the cards without this instance
            collection.jdbi().useHandle(h -> h.createUpdate("UPDATE card SET answer = :answer WHERE deck_id = :deck")
                    .bind("answer", SHORT).bind("deck", talk).execute());
            assertThat(practiceOn(s, talk)).isFalse();
            collection.jdbi().useHandle(h -> h.createUpdate("UPDATE card SET answer = :answer WHERE deck_id = :deck")
                    .bind("answer", LONG).bind("deck", talk).execute());
            assertThat(practiceOn(s, talk)).isTrue();
        });
    }
}
