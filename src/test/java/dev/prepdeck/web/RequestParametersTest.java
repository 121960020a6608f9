package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule per kind of request parameter: the same status and the same words on every route that reads it. */
class RequestParametersTest {
    private static final List<String> DECK_FILTERED = List.of("/study", "/stats", "/api/review/next", "/api/stats");

    @TempDir
    Path tempDir;

    TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
    }

    @Test
    void a_deck_filter_that_is_not_a_number_is_a_400_naming_the_parameter_on_every_route() {
        collection.site(s -> {
            for (String path : DECK_FILTERED) {
                Response response = s.get(path + "?deck=abc");
                assertThat(response.code()).as(path).isEqualTo(400);
                assertThat(response.body().string()).as(path)
                        .containsAnyOf("deck must be a deck id (a whole number), not 'abc'",
                                "deck must be a deck id (a whole number), not &#39;abc&#39;");
            }
        });
    }

    @Test
    void a_deck_filter_naming_no_deck_is_a_404_on_every_route() {
        collection.site(s -> {
            for (String path : DECK_FILTERED) {
                Response response = s.get(path + "?deck=9999");
                assertThat(response.code()).as(path).isEqualTo(404);
                assertThat(response.body().string()).as(path).contains("no deck with id 9999");
            }
        });
    }

    @Test
    void an_id_in_the_path_that_is_not_a_number_is_a_page_that_does_not_exist() {
        collection.site(s -> {
            for (String path : List.of("/decks/abc", "/decks/abc/settings", "/decks/abc/practice", "/api/decks/abc/cards")) {
                Response response = s.get(path);
                assertThat(response.code()).as(path).isEqualTo(404);
                assertThat(response.body().string()).as(path).contains("no deck with id abc");
            }
            Response card = s.get("/cards/abc");
            assertThat(card.code()).isEqualTo(404);
            assertThat(card.body().string()).contains("no card with id abc");
        });
    }

    @Test
    void a_rating_out_of_range_gets_the_same_words_from_a_form_and_from_the_api() {
        collection.site(s -> {
            long card = collection.cardWithUid("net-dns");
            Response form = s.submit("/study/rate", "cardId", String.valueOf(card), "rating", "5");
            Response api = s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":5}");
            String words = "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not 5";
            assertThat(form.code()).isEqualTo(400);
            assertThat(form.body().string()).contains(words);
            assertThat(api.code()).isEqualTo(400);
            assertThat(TestSite.json(api).get("error").asText()).isEqualTo(words);
            Response huge = s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":4294967297}");
            assertThat(huge.code()).as("a number that wraps to 1 as an int").isEqualTo(400);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
        });
    }

    @Test
    void a_bad_deck_field_on_a_rating_form_writes_nothing() {
        collection.site(s -> {
            long card = collection.cardWithUid("net-dns");
            Response response = s.submit("/study/rate", "cardId", String.valueOf(card), "rating", "3", "deck", "x");
            assertThat(response.code()).isEqualTo(400);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
        });
    }
}
