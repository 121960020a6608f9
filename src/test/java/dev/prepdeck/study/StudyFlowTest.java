package dev.prepdeck.study;

import static dev.prepdeck.TestSite.json;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.db.Database;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study loop as a person does it in the browser: question, reveal, rate, undo, done for today. */
class StudyFlowTest {
    private static final Pattern CARD_ID = Pattern.compile("name=\"cardId\" value=\"(\\d+)\"");

    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        deckId = collection.deckId("Interview::Networking");
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
            assertThat(collection.one("SELECT state || ',' || reps || ',' || due || ',' || COALESCE(last_review, 'none') "
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
        Jdbi reopened = Database.open(tempDir.resolve("test.db"));

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
}
