package dev.prepdeck.study;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.LeechSettings;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Leeches: a card forgotten the deck's number of times is tagged leech, suspended or not, and the learner is told. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class LeechTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;
    long dns;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir, "networking.md", TestData.NETWORKING_DECK);
        deckId = collection.deckId("Interview::Networking");
        dns = collection.cardId("What does DNS do?");
    }

    /** Rates the card Easy (a review card, due in days), then forgets it once when it is due: one lapse. */
    private JsonNode lapse(TestSite s) {
        rate(s, 4);
        collection.clock().advance(Duration.ofDays(60));
        return rate(s, 1);
    }

    private JsonNode rate(TestSite s, int rating) {
        Response response = s.postJson("/api/review", "{\"cardId\":" + dns + ",\"rating\":" + rating + "}");
        assertThat(response.code()).isEqualTo(200);
        return json(response);
    }

    private String tags() {
        return collection.one("SELECT tags FROM card WHERE id = " + dns, String.class);
    }

    private boolean suspended() {
        return collection.one("SELECT suspended FROM card_state WHERE card_id = " + dns, Integer.class) == 1;
    }

    @Test
    void the_rule_is_ankis_the_threshold_then_every_half_as_many_lapses() {
        LeechSettings eight = new LeechSettings(8, true);
        assertThat(java.util.stream.IntStream.rangeClosed(0, 20).filter(eight::leechAt).boxed().toList())
                .containsExactly(8, 12, 16, 20);
        assertThat(java.util.stream.IntStream.rangeClosed(0, 4).filter(new LeechSettings(1, true)::leechAt).boxed()
                .toList()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void by_default_the_eighth_lapse_tags_and_suspends_and_the_api_says_so() {
        collection.site(s -> {
            for (int i = 1; i < 8; i++) {
                assertThat(lapse(s).get("leech").asBoolean()).as("lapse %d", i).isFalse();
                rate(s, 3);
            }
            assertThat(tags()).isEqualTo("basics");
            JsonNode eighth = lapse(s);
            assertThat(eighth.get("leech").asBoolean()).isTrue();
            assertThat(eighth.get("suspended").asBoolean()).isTrue();
            assertThat(tags()).isEqualTo("basics, leech");
            assertThat(suspended()).isTrue();
            assertThat(json(s.get("/api/search?q=tag:leech%20is:suspended")).get("total").asInt()).isEqualTo(1);
        });
    }

    @Test
    void a_deck_that_only_tags_leeches_keeps_them_in_study_and_the_study_page_tells_the_learner() {
        collection.site(s -> {
            Response saved = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "leechThreshold", "2", "leechAction", "tag", "interviewDate", "");
            assertThat(saved.code()).isEqualTo(303);
            assertThat(s.page("/decks/" + deckId + "/settings")).contains("value=\"2\"")
                    .contains("<option value=\"tag\" selected=\"selected\">only tag it</option>");
            lapse(s);
            rate(s, 3);
            rate(s, 4);
            collection.clock().advance(Duration.ofDays(90));
            Response rated = s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "1", "deck",
                    String.valueOf(deckId));
            assertThat(rated.code()).isEqualTo(303);
            assertThat(s.page(TestSite.location(rated))).contains("That card is a leech")
                    .contains("It is tagged leech; consider rewriting or splitting it.");
            assertThat(tags()).isEqualTo("basics, leech");
            assertThat(suspended()).isFalse();
        });
    }

    @Test
    void undoing_the_rating_that_made_a_leech_takes_the_tag_and_the_suspension_back() {
        collection.jdbi().useHandle(h -> h.execute("UPDATE deck SET leech_threshold = 1 WHERE id = ?", deckId));
        collection.site(s -> {
            assertThat(lapse(s).get("leech").asBoolean()).isTrue();
            assertThat(suspended()).isTrue();
            s.postJson("/api/review/undo", "{}");
            assertThat(tags()).isEqualTo("basics");
            assertThat(suspended()).isFalse();
        });
    }

    @Test
    void a_card_shown_in_two_tabs_and_suspended_by_the_first_rating_is_not_rated_by_the_second() {
        collection.jdbi().useHandle(h -> h.execute("UPDATE deck SET leech_threshold = 1 WHERE id = ?", deckId));
        collection.site(s -> {
            rate(s, 4);
            collection.clock().advance(Duration.ofDays(60));
            // Both tabs show the card now; the first one's Again makes it a leech and suspends it.
            assertThat(rate(s, 1).get("suspended").asBoolean()).isTrue();
            int reviews = collection.one("SELECT COUNT(*) FROM review_log", Integer.class);

            Response api = s.postJson("/api/review", "{\"cardId\":" + dns + ",\"rating\":3}");
            assertThat(api.code()).isEqualTo(409);
            assertThat(json(api).get("error").asText())
                    .isEqualTo("card " + dns + " was suspended after it was shown, so it was not rated");
            assertThat(json(api).get("field").asText()).isEqualTo("cardId");

            Response page = s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3", "deck",
                    String.valueOf(deckId));
            assertThat(page.code()).isEqualTo(303);
            assertThat(s.page(TestSite.location(page))).contains("That card was suspended after it was shown")
                    .contains("so this rating was not saved.");
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(reviews);
            assertThat(suspended()).isTrue();
        });
    }

    @Test
    void a_leech_threshold_out_of_range_is_a_form_message() {
        collection.site(s -> {
            Response bad = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "leechThreshold", "0", "leechAction", "tag", "interviewDate", "");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("the leech threshold must be from 1 to 99 lapses");
        });
    }
}
