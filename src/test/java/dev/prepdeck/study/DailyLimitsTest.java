package dev.prepdeck.study;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import dev.prepdeck.account.Accounts;
import dev.prepdeck.review.ReviewRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Daily limits as Anki v3 applies them: studying a sub-deck is capped by its parents' limits, a sub-deck gives its
 * parent at most its own limit, and the dashboard, the deck page, the study page and the API show the same numbers.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DailyLimitsTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    TestCollection collection;
    long tools;
    long git;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir, "tools.md", TestData.TOOLS_DECK, "git.md", TestData.GIT_DECK);
        tools = collection.deckId("Tools");
        git = collection.deckId("Tools::Git");
    }

    private static void limitNewCards(TestSite s, long deck, int perDay) {
        assertThat(s.submit("/decks/" + deck + "/settings", "newPerDay", String.valueOf(perDay), "reviewsPerDay", "200")
                .code()).isEqualTo(303);
    }

    /** The New column of a deck's row on the dashboard. */
    private static int dashboardNew(Document dashboard, String deckName) {
        return Integer.parseInt(dashboard.select("tr:has(a[title=" + deckName + "]) td.new").text());
    }

    private static int apiNew(TestSite s, long deck) {
        for (JsonNode d : json(s.get("/api/decks"))) {
            if (d.get("id").asLong() == deck) {
                return d.get("new").asInt();
            }
        }
        throw new AssertionError("deck " + deck + " not listed");
    }

    @Test
    void a_parents_new_card_limit_caps_its_sub_deck_everywhere_and_in_study() {
        collection.site(s -> {
            limitNewCards(s, tools, 2);

            Document dashboard = Jsoup.parse(s.page("/"));
            assertThat(dashboardNew(dashboard, "Tools")).isEqualTo(2);
            assertThat(dashboardNew(dashboard, "Tools::Git")).as("capped by Tools").isEqualTo(2);
            assertThat(Jsoup.parse(s.page("/decks/" + git)).select(".summary").text()).startsWith("0 due, 2 new today");
            assertThat(Jsoup.parse(s.page("/study?deck=" + git)).select(".counts").text()).isEqualTo("0 due · 2 new");
            assertThat(apiNew(s, git)).isEqualTo(2);

            int studied = 0;
            for (String page = s.page("/study?deck=" + git); !page.contains("Done for today"); page = s.page("/study?deck=" + git)) {
                String card = Jsoup.parse(page).select(".rate-form input[name=cardId]").first().attr("value");
                s.submit("/study/rate", "cardId", card, "rating", "4", "deck", String.valueOf(git));
                studied++;
                assertThat(studied).as("no more than Tools allows").isLessThanOrEqualTo(2);
            }
            assertThat(studied).isEqualTo(2);
            assertThat(apiNew(s, git)).isZero();
            assertThat(apiNew(s, tools)).isZero();
            assertThat(s.page("/study?deck=" + tools)).contains("Done for today");

            collection.clock().advance(Duration.ofDays(1));
            assertThat(apiNew(s, git)).as("a new day").isEqualTo(2);
        });
    }

    @Test
    void a_sub_decks_own_limit_caps_what_it_gives_its_parent() {
        collection.site(s -> {
            limitNewCards(s, git, 3);

            Document dashboard = Jsoup.parse(s.page("/"));
            assertThat(dashboardNew(dashboard, "Tools::Git")).isEqualTo(3);
            assertThat(dashboardNew(dashboard, "Tools")).as("its own card and Git's 3").isEqualTo(4);
            assertThat(apiNew(s, tools)).isEqualTo(4);

            int studied = 0;
            for (String page = s.page("/study?deck=" + tools); !page.contains("Done for today"); page = s.page("/study?deck=" + tools)) {
                String card = Jsoup.parse(page).select(".rate-form input[name=cardId]").first().attr("value");
                s.submit("/study/rate", "cardId", card, "rating", "4", "deck", String.valueOf(tools));
                studied++;
                assertThat(studied).isLessThanOrEqualTo(4);
            }
            assertThat(studied).isEqualTo(4);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log r JOIN card c ON c.id = r.card_id WHERE c.deck_id = "
                    + git, Integer.class)).isEqualTo(3);
        });
    }

    private static int apiDue(TestSite s, long deck) {
        for (JsonNode d : json(s.get("/api/decks"))) {
            if (d.get("id").asLong() == deck) {
                return d.get("due").asInt();
            }
        }
        throw new AssertionError("deck " + deck + " not listed");
    }

    private static void rateNext(TestSite s, long deck) {
        long card = json(s.get("/api/review/next?deck=" + deck)).get("card").get("id").asLong();
        assertThat(s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":3}").code()).isEqualTo(200);
    }

    @Test
    void reviews_count_against_the_limit_when_the_day_starts_half_way_into_an_hour() {
        collection.site(s -> {
            // In India (UTC+5:30) a day turning over at 4:00 starts at 22:30 UTC: half-way into an hour of the
            // statistics' hourly roll-up, which the limits read for the day's whole hours.
            assertThat(s.submit("/settings", "language", "browser", "theme", "system", "timeZone", "Asia/Kolkata",
                    "rolloverHour", "4", "newCardsPerDay", "20", "reviewsPerDay", "200", "desiredRetention", "",
                    "learningSteps", "", "answerBox", "auto", "practiceTargetSeconds", "").code()).isEqualTo(303);
            assertThat(s.submit("/decks/" + git + "/settings", "newPerDay", "20", "reviewsPerDay", "2").code())
                    .isEqualTo(303);
            for (int i = 0; i < 14; i++) {
                long card = json(s.get("/api/review/next?deck=" + git)).get("card").get("id").asLong();
                s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":4}");
            }
            collection.clock().set(java.time.Instant.parse("2026-05-01T22:40:00Z"));
            assertThat(apiDue(s, git)).as("14 reviews due, 2 a day").isEqualTo(2);

            rateNext(s, git);
            assertThat(apiDue(s, git)).as("one done in the day's first half hour").isEqualTo(1);
            collection.clock().set(java.time.Instant.parse("2026-05-01T23:10:00Z"));
            assertThat(apiDue(s, git)).as("still counted in the next hour").isEqualTo(1);

            rateNext(s, git);
            assertThat(apiDue(s, git)).isZero();
            assertThat(s.get("/api/review/next?deck=" + git).code()).isEqualTo(204);
            collection.clock().set(java.time.Instant.parse("2026-05-02T22:31:00Z"));
            assertThat(apiDue(s, git)).as("a new day").isEqualTo(2);
        });
    }

    private static long rateNextNew(TestSite s, long deck) {
        JsonNode next = json(s.get("/api/review/next?deck=" + deck));
        assertThat(next.get("card").get("state").asText()).isEqualTo("New");
        long card = next.get("card").get("id").asLong();
        // Easy: out of learning at once, so the next card shown is the next new one
        assertThat(s.send("POST", "/api/review", "{\"cardId\":" + card + ",\"rating\":4}").code()).isEqualTo(200);
        return card;
    }

    @Test
    void new_cards_count_against_the_limit_through_a_day_that_starts_half_way_into_an_hour_and_undo_gives_one_back() {
        collection.site(s -> {
            // UTC+5:30 turning over at 4:00: the day runs from 22:30 UTC to 22:30 UTC, both ends half-way into an
            // hour of the roll-up the limits read.
            assertThat(s.submit("/settings", "language", "browser", "theme", "system", "timeZone", "Asia/Kolkata",
                    "rolloverHour", "4", "newCardsPerDay", "20", "reviewsPerDay", "200", "desiredRetention", "",
                    "learningSteps", "", "answerBox", "auto", "practiceTargetSeconds", "").code()).isEqualTo(303);
            limitNewCards(s, git, 3);
            collection.clock().set(Instant.parse("2026-05-01T22:20:00Z"));
            rateNextNew(s, git);
            assertThat(apiNew(s, git)).as("studied in the last half hour of the day before").isEqualTo(2);

            collection.clock().set(Instant.parse("2026-05-01T22:40:00Z"));
            assertThat(apiNew(s, git)).as("a new day at 22:30 UTC").isEqualTo(3);
            rateNextNew(s, git);
            assertThat(apiNew(s, git)).as("one in the day's first half hour").isEqualTo(2);
            collection.clock().set(Instant.parse("2026-05-01T23:10:00Z"));
            assertThat(apiNew(s, git)).as("still counted in the next whole hour").isEqualTo(2);
            rateNextNew(s, git);
            assertThat(apiNew(s, git)).isEqualTo(1);
            assertThat(s.send("POST", "/api/review/undo", "{}").code()).isEqualTo(200);
            assertThat(apiNew(s, git)).as("the undone new card gives its place back").isEqualTo(2);
            rateNextNew(s, git);
            rateNextNew(s, git);
            assertThat(apiNew(s, git)).isZero();
            assertThat(s.get("/api/review/next?deck=" + git).code()).isEqualTo(204);

            collection.clock().set(Instant.parse("2026-05-02T22:20:00Z"));
            assertThat(apiNew(s, git)).as("the day's last half hour is still the same day").isZero();
            collection.clock().set(Instant.parse("2026-05-02T22:31:00Z"));
            assertThat(apiNew(s, git)).as("the next day").isEqualTo(3);
        });
    }

    @Test
    void a_new_card_studied_today_and_moved_to_another_deck_counts_in_the_deck_it_is_in_now() {
        collection.site(s -> {
            limitNewCards(s, git, 3);
            long first = rateNextNew(s, git);
            rateNextNew(s, git);
            rateNextNew(s, git);
            assertThat(apiNew(s, git)).isZero();

            assertThat(s.send("POST", "/api/cards/bulk", "{\"cardIds\": [" + first + "], \"action\": \"move\", \"deckId\": "
                    + tools + "}").code()).isEqualTo(200);

            assertThat(apiNew(s, git)).as("two of Git's cards studied today are still in Git").isEqualTo(1);
            rateNextNew(s, git);
            assertThat(s.get("/api/review/next?deck=" + git).code()).isEqualTo(204);
        });
    }

    @Test
    void each_learner_has_a_day_of_new_cards_of_their_own() {
        new Accounts(collection.jdbi(), new ReviewRepository(), collection.clock(), 4).add("alice", "alice's password 1");
        new Accounts(collection.jdbi(), new ReviewRepository(), collection.clock(), 4).add("bob", "bob's password 1");
        collection.site(alice -> {
            alice.login("alice", "alice's password 1");
            limitNewCards(alice, git, 2);
            TestSite bob = alice.anotherBrowser();
            bob.login("bob", "bob's password 1");

            rateNextNew(alice, git);
            rateNextNew(alice, git);
            assertThat(apiNew(alice, git)).isZero();
            assertThat(apiNew(bob, git)).as("Alice's cards are not Bob's").isEqualTo(2);
            rateNextNew(bob, git);
            assertThat(apiNew(bob, git)).isEqualTo(1);
            assertThat(apiNew(alice, git)).isZero();
        });
    }
}
