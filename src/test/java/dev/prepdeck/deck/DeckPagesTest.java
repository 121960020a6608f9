package dev.prepdeck.deck;

import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.OnEachDatabase;
import dev.prepdeck.TestData;
import io.javalin.testtools.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The pages that change decks and cards: add, edit with preview, delete, create, rename and delete decks, settings. */
class DeckPagesTest extends OnEachDatabase {
    DeckPagesTest() {
        super("networking.md", TestData.NETWORKING_DECK, "database.md", TestData.DATABASE_DECK);
    }

    @Test
    void adding_a_card_with_preview_then_editing_and_deleting_it() {
        collection.site(s -> {
            String answer = "Use **EXPLAIN**:\n\n```sql\nEXPLAIN SELECT 1;\n```";
            Response preview = s.submit("/decks/" + deckId + "/cards", "question", "How do you read a plan?",
                    "answer", answer, "tags", "sql", "action", "preview");
            assertThat(preview.code()).isEqualTo(200);
            assertThat(preview.body().string()).contains("<strong>EXPLAIN</strong>")
                    .contains("<code class=\"language-sql\">EXPLAIN SELECT 1;");
            assertThat(collection.one("SELECT COUNT(*) FROM card WHERE question = 'How do you read a plan?'", Integer.class)).isZero();

            Response saved = s.submit("/decks/" + deckId + "/cards", "question", "How do you read a plan?",
                    "answer", answer, "tags", "sql, performance", "action", "save");
            assertThat(saved.code()).isEqualTo(303);
            assertThat(location(saved)).isEqualTo("/decks/" + deckId);
            assertThat(flash(s.page(location(saved)))).isEqualTo("Added “How do you read a plan?” to Interview::Networking.");
            long cardId = collection.cardId("How do you read a plan?");
            assertThat(collection.one("SELECT tags FROM card WHERE id = " + cardId, String.class)).isEqualTo("sql, performance");

            assertThat(s.page("/cards/" + cardId + "/edit")).contains("value=\"How do you read a plan?\"");
            Response edited = s.submit("/cards/" + cardId, "question", "How do you read a query plan?",
                    "answer", "Run EXPLAIN.", "tags", "", "action", "save");
            assertThat(edited.code()).isEqualTo(303);
            assertThat(flash(s.page(location(edited)))).isEqualTo("Saved “How do you read a query plan?”.");
            assertThat(collection.one("SELECT answer FROM card WHERE id = " + cardId, String.class)).isEqualTo("Run EXPLAIN.");

            assertThat(s.page("/cards/" + cardId + "/delete")).contains("Delete this card?").contains("0 reviews");
            Response deleted = s.submit("/cards/" + cardId + "/delete");
            assertThat(deleted.code()).isEqualTo(303);
            assertThat(flash(s.page(location(deleted)))).isEqualTo("Deleted “How do you read a query plan?” and its history.");
            assertThat(flash(s.page(location(deleted)))).as("shown once, not on a reload").isEmpty();
            assertThat(collection.one("SELECT COUNT(*) FROM card WHERE id = " + cardId, Integer.class)).isZero();
        });
    }

    /** The confirmation a page shows after a form, in the region screen readers announce. */
    private static String flash(String html) {
        return Jsoup.parse(html).select(".flash[role=status]").text();
    }

    @Test
    void an_invalid_card_form_is_shown_again_with_a_message_and_the_typed_text() {
        collection.site(s -> {
            Response bad = s.submit("/decks/" + deckId + "/cards", "question", "  ", "answer", "Keep this text",
                    "tags", "", "action", "save");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("question must not be empty").contains("Keep this text");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(5);
        });
    }

    @Test
    void creating_renaming_and_deleting_a_deck_with_a_confirmation_that_counts_what_goes() {
        collection.site(s -> {
            Response created = s.submit("/decks", "name", "Behavioural::Leadership");
            assertThat(created.code()).isEqualTo(303);
            long created_id = Long.parseLong(location(created).replace("/decks/", ""));
            assertThat(flash(s.page(location(created)))).isEqualTo("Created the deck Behavioural::Leadership.");
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name = 'Behavioural'", Integer.class)).isEqualTo(1);

            Response duplicate = s.submit("/decks", "name", "Behavioural::Leadership");
            assertThat(duplicate.code()).isEqualTo(400);
            assertThat(duplicate.body().string()).contains("already exists");

            Response renamed = s.submit("/decks/" + created_id + "/rename", "name", "Behavioural::Teamwork");
            assertThat(renamed.code()).isEqualTo(303);
            assertThat(flash(s.page(location(renamed)))).isEqualTo("Renamed the deck to Behavioural::Teamwork.");
            assertThat(collection.one("SELECT name FROM deck WHERE id = " + created_id, String.class)).isEqualTo("Behavioural::Teamwork");
            Response badRename = s.submit("/decks/" + created_id + "/rename", "name", "");
            assertThat(badRename.code()).isEqualTo(400);
            assertThat(badRename.body().string()).contains("deck name must not be empty");

            long interview = collection.one("SELECT id FROM deck WHERE name = 'Interview'", Long.class);
            long dns = collection.cardId("What does DNS do?");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3");
            String confirm = s.page("/decks/" + interview + "/delete");
            assertThat(confirm).as("one review, not '1 reviews'")
                    .contains("This deletes 2 decks (with its sub-decks), 3 cards and 1 review of history.");

            Response deletedDeck = s.submit("/decks/" + interview + "/delete");
            assertThat(deletedDeck.code()).isEqualTo(303);
            assertThat(flash(s.page(location(deletedDeck))))
                    .isEqualTo("Deleted Interview and its sub-deck, with 3 cards and 1 review of history.");
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name LIKE 'Interview%'", Integer.class)).isZero();
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(2);
        });
    }

    @Test
    void settings_are_validated_with_a_message_naming_the_problem() {
        collection.site(s -> {
            Response bad = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "desiredRetention", "0.5", "maximumInterval", "", "learningSteps", "", "relearningSteps", "", "weights", "");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("desired retention must be between 0.70 and 0.99");

            Response badSteps = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "desiredRetention", "", "maximumInterval", "", "learningSteps", "1m ten", "relearningSteps", "", "weights", "");
            assertThat(badSteps.body().string()).contains("step &#39;ten&#39; is not a duration");

            Response badWeights = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "desiredRetention", "", "maximumInterval", "", "learningSteps", "", "relearningSteps", "", "weights", "1, 2, 3");
            assertThat(badWeights.body().string()).contains("weights must be 21 numbers");

            Response good = s.submit("/decks/" + deckId + "/settings", "newPerDay", "5", "reviewsPerDay", "50",
                    "desiredRetention", "0.85", "maximumInterval", "365", "learningSteps", "10m 1h", "relearningSteps", "none", "weights", "");
            assertThat(good.code()).isEqualTo(303);
            assertThat(flash(s.page(location(good)))).isEqualTo("Saved the settings of Interview::Networking.");
            assertThat(collection.one("SELECT new_per_day || ',' || desired_retention || ',' || learning_steps || ',' || relearning_steps "
                    + "FROM deck WHERE id = " + deckId, String.class)).isEqualTo("5,0.85,10m 1h,none");
        });
    }
}
