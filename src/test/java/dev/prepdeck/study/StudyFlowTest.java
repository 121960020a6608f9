package dev.prepdeck.study;

import static dev.prepdeck.TestSite.json;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import dev.prepdeck.review.IntervalFormat;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The study loop as a person does it in the browser: question, reveal, rate, undo, done for today. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StudyFlowTest {
    @Parameter
    TestDatabase database;

    private static final Pattern CARD_ID = Pattern.compile("name=\"cardId\" value=\"(\\d+)\"");

    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir, "networking.md", TestData.NETWORKING_DECK);
        deckId = collection.deckId("Interview::Networking");
    }

    /** Networking and a second, unrelated deck, in a folder of their own. */
    private TestCollection twoDecks() throws IOException {
        return TestCollection.of(Files.createDirectories(tempDir.resolve("two")), "networking.md",
                TestData.NETWORKING_DECK, "database.md", TestData.DATABASE_DECK);
    }

    private static long shownCard(String page) {
        Matcher matcher = CARD_ID.matcher(page);
        assertThat(matcher.find()).as("a card is shown").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void the_review_page_shows_the_question_the_hidden_answer_and_four_rating_buttons_with_intervals() {
        collection.site(s -> {
            String page = s.page("/study?deck=" + deckId);
            assertThat(page).contains("What does DNS do?");
            assertThat(page).contains("<details id=\"reveal\"").contains("Show answer");
            assertThat(page).contains("example.org");
            for (String label : new String[] {"Again", "Hard", "Good", "Easy"}) {
                assertThat(page).contains("<span class=\"label\">" + label + "</span>");
            }
            assertThat(page).contains("<span class=\"interval\">1m</span>")
                    .contains("<span class=\"interval\">6m</span>")
                    .contains("<span class=\"interval\">10m</span>");
        });
    }

    @Test
    void rating_moves_to_the_next_card_and_undo_brings_the_card_back_exactly() {
        collection.site(s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            Response rated = s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "3",
                    "deck", String.valueOf(deckId), "durationMs", "4200");
            assertThat(rated.code()).isEqualTo(303);
            assertThat(location(rated)).isEqualTo("/study?deck=" + deckId);
            assertThat(collection.one("SELECT state FROM card_state WHERE card_id = " + first, Integer.class)).isEqualTo(1);
            long second = shownCard(s.page(location(rated)));
            assertThat(second).isNotEqualTo(first);

            Response undone = s.submit("/study/undo", "deck", String.valueOf(deckId));

            assertThat(location(undone)).isEqualTo("/study?deck=" + deckId + "&card=" + first);
            assertThat(shownCard(s.page(location(undone)))).isEqualTo(first);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(collection.one("SELECT state || ',' || reps || ',' || due || ',' || COALESCE(CAST(last_review AS TEXT), 'none') "
                    + "FROM card_state WHERE card_id = " + first, String.class))
                    .isEqualTo("0,0," + collection.clock().millis() + ",none");
        });
    }

    @Test
    void submitting_a_shown_card_s_rating_twice_rates_it_once() {
        collection.site(s -> {
            String page = s.page("/study?deck=" + deckId);
            Matcher requestId = Pattern.compile("name=\"requestId\" value=\"([^\"]+)\"").matcher(page);
            assertThat(requestId.find()).as("the rating forms carry a request id").isTrue();
            long first = shownCard(page);
            String[] form = {"cardId", String.valueOf(first), "rating", "3", "deck", String.valueOf(deckId),
                    "requestId", requestId.group(1)};

            assertThat(s.submit("/study/rate", form).code()).isEqualTo(303);
            // The back button and a second click, or a retry after a timeout: the same form again.
            assertThat(s.submit("/study/rate", form).code()).isEqualTo(303);

            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(1);
            String next = s.page("/study?deck=" + deckId);
            Matcher nextId = Pattern.compile("name=\"requestId\" value=\"([^\"]+)\"").matcher(next);
            assertThat(nextId.find() && !nextId.group(1).equals(requestId.group(1)))
                    .as("the next card shown gets its own id").isTrue();
        });
    }

    @Test
    void a_full_day_of_study_ends_with_done_for_today_and_the_next_due_time() {
        collection.site(s -> {
            for (int i = 0; i < 20; i++) {
                String page = s.page("/study?deck=" + deckId);
                if (page.contains("Done for today")) {
                    break;
                }
                Response rated = s.submit("/study/rate", "cardId", String.valueOf(shownCard(page)), "rating", "3",
                        "deck", String.valueOf(deckId));
                assertThat(rated.code()).isEqualTo(303);
                collection.clock().advance(Duration.ofMinutes(1));
            }
            String done = s.page("/study?deck=" + deckId);

            assertThat(done).contains("Done for today").contains("The next card is due");
            assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE state = 2", Integer.class)).isEqualTo(3);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(6);
            assertThat(json(s.get("/api/review/next?deck=" + deckId)).isMissingNode()).isTrue();
        });
    }

    @Test
    void the_new_cards_per_day_limit_holds_back_new_cards_until_the_next_day() {
        collection.site(s -> {
            Response saved = s.submit("/decks/" + deckId + "/settings", "newPerDay", "1", "reviewsPerDay", "200",
                    "desiredRetention", "", "maximumInterval", "", "learningSteps", "", "relearningSteps", "", "weights", "");
            assertThat(saved.code()).isEqualTo(303);
            long first = shownCard(s.page("/study?deck=" + deckId));
            s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "4", "deck", String.valueOf(deckId));

            assertThat(s.page("/study?deck=" + deckId)).contains("Done for today");
            assertThat(json(s.get("/api/decks")).get(1).get("new").asInt()).isZero();

            collection.clock().advance(Duration.ofDays(1));
            String tomorrow = s.page("/study?deck=" + deckId);
            assertThat(tomorrow).doesNotContain("Done for today");
            assertThat(shownCard(tomorrow)).isNotEqualTo(first);
        });
    }

    @Test
    void progress_survives_a_restart_on_the_same_database_file() {
        collection.site(s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "4", "deck", String.valueOf(deckId));
        });
        Jdbi reopened = database.reopen(collection.jdbi(), tempDir);

        TestSite.run(reopened, collection.clock(), s -> {
            String deckPage = s.page("/decks/" + deckId);
            assertThat(deckPage).contains("Review").contains("What does DNS do?");
            assertThat(TestData.one(reopened, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(1);
            assertThat(TestData.one(reopened, "SELECT state FROM card_state WHERE reps = 1", Integer.class)).isEqualTo(2);
        });
    }

    @Test
    void a_bad_rating_from_a_form_gets_a_clear_page_not_a_crash() {
        collection.site(s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            Response bad = s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "7");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("rating must be 1 (Again)");
            assertThat(s.submit("/study/rate", "cardId", "99999", "rating", "3").code()).isEqualTo(404);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
        });
    }

    @Test
    void undo_takes_back_the_last_rating_of_another_deck_by_name_and_shows_that_card_in_its_deck() throws IOException {
        TestCollection two = twoDecks();
        long networking = two.deckId("Interview::Networking");
        long database = two.deckId("数据库");
        long dns = two.cardId("What does DNS do?");
        two.site(s -> {
            assertThat(s.postJson("/api/review", "{\"cardId\":" + dns + ",\"rating\":3}").code()).isEqualTo(200);
            String other = s.page("/study?deck=" + database);
            assertThat(Jsoup.parse(other).select("#undo").text()).isEqualTo("Undo Good on “What does DNS do?” U");

            Response undone = s.submit("/study/undo", "deck", String.valueOf(database));

            assertThat(two.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(location(undone)).as("the card's own deck, since it is not in the one being studied")
                    .isEqualTo("/study?deck=" + networking + "&card=" + dns);
            Document page = Jsoup.parse(s.page(location(undone)));
            assertThat(shownCard(page.html())).isEqualTo(dns);
            assertThat(page.select(".flash[role=status]").text())
                    .isEqualTo("Undid Good on “What does DNS do?” in Interview::Networking.");
            assertThat(Jsoup.parse(s.page(location(undone))).select(".flash")).as("shown once").isEmpty();
        });
    }

    @Test
    void undo_within_a_parent_deck_keeps_studying_the_parent_and_with_nothing_left_says_so() {
        collection.site(s -> {
            long parent = collection.deckId("Interview");
            long first = shownCard(s.page("/study?deck=" + parent));
            s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "1", "deck", String.valueOf(parent));

            Response undone = s.submit("/study/undo", "deck", String.valueOf(parent));
            assertThat(location(undone)).isEqualTo("/study?deck=" + parent + "&card=" + first);
            assertThat(Jsoup.parse(s.page(location(undone))).select(".flash").text())
                    .isEqualTo("Undid Again on “What does DNS do?” in Interview::Networking.");

            Response nothing = s.submit("/study/undo", "deck", String.valueOf(parent));
            assertThat(location(nothing)).isEqualTo("/study?deck=" + parent);
            assertThat(Jsoup.parse(s.page(location(nothing))).select(".flash").text())
                    .isEqualTo("There was no rating to undo.");
        });
    }

    @Test
    void an_address_naming_a_card_outside_the_deck_is_corrected_to_the_card_shown() throws IOException {
        TestCollection two = twoDecks();
        long database = two.deckId("数据库");
        two.site(s -> {
            Response response = s.get("/study?deck=" + database + "&card=" + two.cardId("What does DNS do?"));
            assertThat(response.code()).isEqualTo(302);
            assertThat(location(response)).isEqualTo("/study?deck=" + database);
        });
    }

    @Test
    void the_api_says_which_rating_it_undid() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            s.postJson("/api/review", "{\"cardId\":" + dns + ",\"rating\":4}");

            JsonNode undone = json(s.postJson("/api/review/undo", ""));
            assertThat(undone.get("undone").asBoolean()).isTrue();
            assertThat(undone.get("cardId").asLong()).isEqualTo(dns);
            assertThat(undone.get("question").asText()).isEqualTo("What does DNS do?");
            assertThat(undone.get("deckId").asLong()).isEqualTo(deckId);
            assertThat(undone.get("deck").asText()).isEqualTo("Interview::Networking");
            assertThat(undone.get("rating").asInt()).isEqualTo(4);
            assertThat(json(s.postJson("/api/review/undo", "")).toString()).isEqualTo("{\"undone\":false}");
        });
    }

    /** Good on a new card, Good again ten minutes later: a review card, due in a few days; the clock then moves there. */
    private void graduate(TestSite s, long card) {
        s.submit("/study/rate", "cardId", String.valueOf(card), "rating", "3");
        collection.clock().advance(Duration.ofMinutes(10));
        s.submit("/study/rate", "cardId", String.valueOf(card), "rating", "3");
        long due = collection.one("SELECT due FROM card_state WHERE card_id = " + card, Long.class);
        collection.clock().advance(Duration.ofMillis(due - collection.clock().millis()).plusHours(1));
    }

    /** The rating buttons of a study page: interval label by rating value. */
    private static java.util.Map<String, String> intervals(Document page) {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        page.select("button.rate").forEach(b -> labels.put(b.attr("value"), b.select(".interval").text()));
        return labels;
    }

    @Test
    void each_button_shows_the_interval_the_card_gets_though_the_rating_comes_later() {
        collection.site(s -> {
            long dns = shownCard(s.page("/study?deck=" + deckId));
            graduate(s, dns);

            Document page = Jsoup.parse(s.page("/study?deck=" + deckId + "&card=" + dns));
            String shownAt = page.select(".rate-form input[name=shownAt]").first().attr("value");
            java.util.Map<String, String> labels = intervals(page);
            assertThat(labels.values()).as("days for Hard, Good and Easy: fuzzed").filteredOn(l -> l.endsWith("d"))
                    .hasSize(3);

            // The person reads the answer for a while; a reload meanwhile would draw other intervals.
            collection.clock().advance(Duration.ofSeconds(47));

            for (String rating : labels.keySet()) {
                s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", rating, "deck", String.valueOf(deckId),
                        "shownAt", shownAt);
                long interval = collection.one("SELECT due_after - reviewed_at FROM review_log ORDER BY id DESC LIMIT 1",
                        Long.class);
                assertThat(IntervalFormat.shortLabel(Duration.ofMillis(interval))).as("rating %s", rating)
                        .isEqualTo(labels.get(rating));
                s.submit("/study/undo", "deck", String.valueOf(deckId));
            }
        });
    }

    @Test
    void a_shown_at_in_the_future_or_over_a_day_old_is_not_trusted_and_the_card_is_rated_as_of_now() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "4", "deck", String.valueOf(deckId));
            long due = collection.one("SELECT due FROM card_state WHERE card_id = " + dns, Long.class);
            collection.clock().advance(Duration.ofMillis(due - collection.clock().millis()).plusDays(3));
            long now = collection.clock().millis();
            java.util.List<Long> intervals = new java.util.ArrayList<>();
            for (long shownAt : new long[] {now, now + 60_000, now - Duration.ofDays(2).toMillis()}) {
                s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3", "shownAt", String.valueOf(shownAt));
                intervals.add(collection.one("SELECT due_after - reviewed_at FROM review_log ORDER BY id DESC LIMIT 1",
                        Long.class));
                s.submit("/study/undo");
            }
            assertThat(intervals).as("each as if shown now").containsOnly(intervals.get(0));
        });
    }

    @Test
    void the_api_gives_the_time_it_showed_the_card_and_a_rating_sent_with_it_gets_the_listed_interval() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            graduate(s, dns);

            JsonNode next = json(s.get("/api/review/next?deck=" + deckId));
            assertThat(next.get("card").get("id").asLong()).isEqualTo(dns);
            long shownAt = next.get("shownAt").asLong();
            assertThat(shownAt).isEqualTo(collection.clock().millis());
            collection.clock().advance(Duration.ofSeconds(30));
            JsonNode rated = json(s.postJson("/api/review",
                    "{\"cardId\":" + dns + ",\"rating\":3,\"shownAt\":" + shownAt + "}"));
            assertThat(IntervalFormat.shortLabel(Duration.ofDays(rated.get("scheduledDays").asInt())))
                    .isEqualTo(next.get("intervals").get("good").asText());
        });
    }
}
