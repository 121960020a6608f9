package dev.prepdeck.study;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.media.MediaStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * New cards come by deck name, then in the order of their deck file, with buried and suspended cards left out: the
 * order a learner works through a deck in, whichever decks are studied together and however files are reordered.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class NewCardOrderTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    TestCollection collection;

    /** File names in the opposite order of the deck names, so file or id order would show up as a failure. */
    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir,
                "1.md", deck("Zoology", "z1", "z2"),
                "2.md", deck("Botany::Trees", "t3", "t1", "t2"),
                "3.md", deck("Botany", "b2", "b1"));
    }

    /** A deck file whose cards are asked "uid?" in the order given. */
    private static String deck(String name, String... uids) {
        StringBuilder text = new StringBuilder("# " + name + "\n\n");
        for (String uid : uids) {
            text.append("## ").append(uid).append("?\n<!-- id: ").append(uid).append(" -->\n\nAnswer ")
                    .append(uid).append(".\n\n");
        }
        return text.toString();
    }

    /** The questions of the new cards shown one after the other in {@code query}'s scope, each rated Good. */
    private static List<String> newCardsInOrder(TestSite s, String query) {
        List<String> shown = new ArrayList<>();
        while (true) {
            var next = s.get("/api/review/next" + query);
            if (next.code() == 204) {
                return shown;
            }
            JsonNode card = json(next).get("card");
            if (!card.get("state").asText().equals("New")) {
                return shown;
            }
            shown.add(card.get("question").asText());
            s.postJson("/api/review", "{\"cardId\":" + card.get("id").asLong() + ",\"rating\":3}");
        }
    }

    @Test
    void every_deck_gives_its_new_cards_by_deck_name_then_file_position() {
        collection.site(s -> assertThat(newCardsInOrder(s, "")).containsExactly(
                "b2?", "b1?", "t3?", "t1?", "t2?", "z1?", "z2?"));
    }

    @Test
    void a_parent_deck_gives_its_own_cards_then_its_sub_deck_s() {
        collection.site(s -> assertThat(newCardsInOrder(s, "?deck=" + collection.deckId("Botany")))
                .containsExactly("b2?", "b1?", "t3?", "t1?", "t2?"));
    }

    @Test
    void buried_and_suspended_new_cards_are_passed_over() {
        collection.site(s -> {
            assertThat(s.submit("/cards/" + collection.cardWithUid("b2") + "/bury").code()).isLessThan(400);
            assertThat(s.submit("/cards/" + collection.cardWithUid("t1") + "/suspend").code()).isLessThan(400);

            assertThat(newCardsInOrder(s, "?deck=" + collection.deckId("Botany")))
                    .containsExactly("b1?", "t3?", "t2?");
        });
    }

    @Test
    void reordering_a_deck_file_reorders_its_new_cards() {
        TestData.write(tempDir.resolve("decks"), "2.md", deck("Botany::Trees", "t1", "t2", "t3"));
        new DeckSync(collection.jdbi(), new DeckRepository(), new MediaStore(collection.jdbi(), collection.clock()),
                collection.clock()).importFolder(tempDir.resolve("decks"));

        collection.site(s -> assertThat(newCardsInOrder(s, "?deck=" + collection.deckId("Botany::Trees")))
                .containsExactly("t1?", "t2?", "t3?"));
    }
}
