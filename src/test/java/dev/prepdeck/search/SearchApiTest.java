package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/search and POST /api/cards/bulk: results with the browse columns, changes counted, errors as JSON 400. */
class SearchApiTest {
    @TempDir
    Path tempDir;

    TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK,
                "database.md", TestData.DATABASE_DECK);
    }

    @Test
    void search_answers_a_page_of_cards_with_the_browse_columns() {
        collection.site(s -> {
            JsonNode json = TestSite.json(s.get("/api/search?q=deck:Interview*&sort=question&order=desc&pageSize=2"));
            assertThat(json.get("total").asInt()).isEqualTo(3);
            assertThat(json.get("pageCount").asInt()).isEqualTo(2);
            assertThat(json.get("sort").asText()).isEqualTo("question");
            JsonNode first = json.get("cards").get(0);
            assertThat(first.get("question").asText()).isEqualTo("Which HTTP method is idempotent but not safe?");
            assertThat(first.get("deck").asText()).isEqualTo("Interview::Networking");
            assertThat(first.get("state").asText()).isEqualTo("New");
            assertThat(first.get("added").asText()).isEqualTo("2026-03-02T10:00:00Z");
            assertThat(first.has("retrievability")).isTrue();
            assertThat(json.get("cards")).hasSize(2);

            JsonNode second = TestSite.json(s.get("/api/search?q=deck:Interview*&sort=question&order=desc&pageSize=2&page=2"));
            assertThat(second.get("cards").get(0).get("question").asText()).isEqualTo("Compare TCP and UDP.");
        });
    }

    @Test
    void a_query_that_cannot_be_parsed_is_a_json_400_with_the_position() {
        collection.site(s -> {
            Response response = s.get("/api/search?q=" + BrowsePageTest.enc("prop:ivl>>3"));
            assertThat(response.code()).isEqualTo(400);
            JsonNode json = TestSite.json(response);
            assertThat(json.get("error").asText()).contains("expected a number after '>'");
            assertThat(json.get("position").asInt()).isEqualTo(9);
        });
    }

    @Test
    void bulk_by_query_changes_every_match_and_counts_only_real_changes() {
        collection.site(s -> {
            Response first = s.postJson("/api/cards/bulk", "{\"query\": \"deck:数据库\", \"action\": \"flag\", \"flag\": 2}");
            assertThat(first.code()).isEqualTo(200);
            assertThat(TestSite.json(first).get("changed").asInt()).isEqualTo(2);
            Response again = s.postJson("/api/cards/bulk", "{\"query\": \"deck:数据库\", \"action\": \"flag\", \"flag\": 2}");
            assertThat(TestSite.json(again).get("changed").asInt()).as("already flagged").isZero();
            assertThat(TestSite.json(s.get("/api/search?q=flag:2")).get("total").asInt()).isEqualTo(2);
        });
    }

    @Test
    void bulk_by_ids_with_an_unknown_id_is_a_404_and_changes_nothing() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            Response response = s.postJson("/api/cards/bulk",
                    "{\"cardIds\": [" + dns + ", 987654], \"action\": \"suspend\"}");
            assertThat(response.code()).isEqualTo(404);
            assertThat(TestSite.json(response).get("error").asText()).isEqualTo("no card with id 987654");
            assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE suspended = 1", Integer.class)).isZero();
        });
    }

    @Test
    void bulk_input_errors_are_json_400s_naming_the_problem() {
        collection.site(s -> {
            assertThat(error(s.postJson("/api/cards/bulk", "{\"cardIds\": [1], \"action\": \"explode\"}")))
                    .startsWith("unknown action 'explode'; use suspend, unsuspend, flag");
            assertThat(error(s.postJson("/api/cards/bulk", "{\"cardIds\": [1], \"action\": \"flag\", \"flag\": 9}")))
                    .isEqualTo("flag must be 0 (none) or 1 to 4, not 9");
            assertThat(error(s.postJson("/api/cards/bulk", "{\"cardIds\": [], \"action\": \"suspend\"}")))
                    .isEqualTo("select at least one card");
            assertThat(error(s.postJson("/api/cards/bulk", "{\"cardIds\": [\"a\"], \"action\": \"suspend\"}")))
                    .startsWith("field 'cardIds' must be a list of whole numbers");
            assertThat(error(s.postJson("/api/cards/bulk", "{\"query\": \"is:nonsense\", \"action\": \"suspend\"}")))
                    .contains("nonsense");
            assertThat(error(s.postJson("/api/cards/bulk", "{\"cardIds\": [1], \"action\": \"move\"}")))
                    .isEqualTo("move needs the deck to move the cards to");
        });
    }

    @Test
    void tags_can_be_added_and_removed_through_the_api() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            s.postJson("/api/cards/bulk", "{\"cardIds\": [" + dns + "], \"action\": \"add-tags\", \"tags\": [\"dns\", \"Basics\"]}");
            assertThat(collection.one("SELECT tags FROM card WHERE id = " + dns, String.class)).isEqualTo("basics, dns");
            Response removed = s.postJson("/api/cards/bulk",
                    "{\"cardIds\": [" + dns + "], \"action\": \"remove-tags\", \"tags\": [\"BASICS\"]}");
            assertThat(TestSite.json(removed).get("changed").asInt()).isEqualTo(1);
            assertThat(collection.one("SELECT tags FROM card WHERE id = " + dns, String.class)).isEqualTo("dns");
        });
    }

    private static String error(Response response) {
        assertThat(response.code()).as("status").isEqualTo(400);
        return TestSite.json(response).get("error").asText();
    }

    @Test
    void set_due_and_undo_through_the_api() {
        collection.site(s -> {
            s.submit("/study/rate", "cardId", String.valueOf(collection.cardId("What does DNS do?")), "rating", "3");
            Response set = s.postJson("/api/cards/bulk", "{\"query\": \"\", \"action\": \"set-due\", \"days\": \"5\"}");
            assertThat(set.code()).isEqualTo(200);
            assertThat(TestSite.json(set).get("changed").asInt()).isEqualTo(1);
            Response bad = s.postJson("/api/cards/bulk", "{\"query\": \"\", \"action\": \"set-due\", \"days\": \"x\"}");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(TestSite.json(bad).get("error").asText()).contains("set the due date as days from today");

            Response undo = s.postJson("/api/cards/bulk/undo", "{}");
            assertThat(undo.code()).isEqualTo(200);
            assertThat(TestSite.json(undo).get("undone").asText()).isEqualTo("set-due");
            assertThat(TestSite.json(undo).get("restored").asInt()).isEqualTo(1);
            Response again = s.postJson("/api/cards/bulk/undo", "{}");
            assertThat(TestSite.json(again).get("undone").isNull()).isTrue();
            assertThat(TestSite.json(again).get("restored").asInt()).isZero();
        });
    }
}
