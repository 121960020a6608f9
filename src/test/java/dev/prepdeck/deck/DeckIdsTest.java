package dev.prepdeck.deck;

import dev.prepdeck.TestDatabase;
import dev.prepdeck.review.Learner;
import static dev.prepdeck.TestData.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.media.MediaStore;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deck's or card's id names it for good: links and bookmarks to a deleted deck or card never open another one,
 * even when a deck is deleted, the app restarted and the deck file imported again.
 */
class DeckIdsTest {
    @TempDir
    Path tempDir;

    @Test
    void a_deleted_deck_and_its_cards_keep_their_ids_to_themselves_after_a_restart_and_a_re_import() {
        TestCollection collection = TestCollection.of(tempDir, "a.md", TestData.DATABASE_DECK, "b.md",
                TestData.NETWORKING_DECK);
        Jdbi jdbi = collection.jdbi();
        long networking = collection.deckId("Interview::Networking");
        long newestDeck = one(jdbi, "SELECT MAX(id) FROM deck", Long.class);
        long newestCard = one(jdbi, "SELECT MAX(id) FROM card", Long.class);
        assertThat(networking).as("the file imported last holds the newest ids").isEqualTo(newestDeck);
        new DeckService(jdbi, new DeckRepository(), collection.clock()).deleteDeck(Learner.DEFAULT_ID, collection.deckId("Interview"));

        Jdbi restarted = TestDatabase.DEFAULT.reopen(jdbi, tempDir);
        new DeckSync(restarted, new DeckRepository(), new MediaStore(restarted, collection.clock()), collection.clock()).importFolder(tempDir.resolve("decks"));

        long again = one(restarted, "SELECT id FROM deck WHERE name = 'Interview::Networking'", Long.class);
        assertThat(again).isGreaterThan(newestDeck);
        assertThat(one(restarted, "SELECT MIN(id) FROM deck WHERE name LIKE 'Interview%'", Long.class))
                .isGreaterThan(newestDeck);
        assertThat(one(restarted, "SELECT MIN(c.id) FROM card c JOIN deck d ON d.id = c.deck_id"
                + " WHERE d.name LIKE 'Interview%'", Long.class)).isGreaterThan(newestCard);
        TestSite.run(restarted, collection.clock(), s -> {
            assertThat(s.get("/decks/" + networking).code()).as("the old link").isEqualTo(404);
            assertThat(s.get("/cards/" + newestCard).code()).isEqualTo(404);
        });
    }
}
