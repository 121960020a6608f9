package dev.prepdeck.study;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestData.write;
import static dev.prepdeck.TestSite.json;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.db.Database;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
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

    Jdbi jdbi;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    long deckId;

    @BeforeEach
    void setUp() {
        jdbi = TestData.database(tempDir);
        write(tempDir.resolve("decks"), "networking.md", TestData.NETWORKING_DECK);
        new DeckSync(jdbi, new DeckRepository(), clock).importFolder(tempDir.resolve("decks"));
        deckId = one(jdbi, "SELECT id FROM deck WHERE name = 'Interview::Networking'", Long.class);
    }

    private void site(Jdbi database, TestSite.SiteTest test) {
        TestSite.run(database, clock, test);
    }

    private static long shownCard(String page) {
        Matcher matcher = CARD_ID.matcher(page);
        assertThat(matcher.find()).as("a card is shown").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void the_review_page_shows_the_question_the_hidden_answer_and_four_rating_buttons_with_intervals() {
        site(jdbi, s -> {
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
        site(jdbi, s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            Response rated = s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "3",
                    "deck", String.valueOf(deckId), "durationMs", "4200");
            assertThat(rated.code()).isEqualTo(303);
            assertThat(location(rated)).isEqualTo("/study?deck=" + deckId);
            assertThat(one(jdbi, "SELECT state FROM card_state WHERE card_id = " + first, Integer.class)).isEqualTo(1);
            long second = shownCard(s.page(location(rated)));
            assertThat(second).isNotEqualTo(first);

            Response undone = s.submit("/study/undo", "deck", String.valueOf(deckId));

            assertThat(location(undone)).isEqualTo("/study?deck=" + deckId + "&card=" + first);
            assertThat(shownCard(s.page(location(undone)))).isEqualTo(first);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(one(jdbi, "SELECT state || ',' || reps || ',' || due || ',' || COALESCE(last_review, 'none') "
                    + "FROM card_state WHERE card_id = " + first, String.class))
                    .isEqualTo("0,0," + clock.millis() + ",none");
        });
    }

    @Test
    void a_full_day_of_study_ends_with_done_for_today_and_the_next_due_time() {
        site(jdbi, s -> {
            for (int i = 0; i < 20; i++) {
                String page = s.page("/study?deck=" + deckId);
                if (page.contains("Done for today")) {
                    break;
                }
                Response rated = s.submit("/study/rate", "cardId", String.valueOf(shownCard(page)), "rating", "3",
                        "deck", String.valueOf(deckId));
                assertThat(rated.code()).isEqualTo(303);
                clock.advance(Duration.ofMinutes(1));
            }
            String done = s.page("/study?deck=" + deckId);

            assertThat(done).contains("Done for today").contains("The next card is due");
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card_state WHERE state = 2", Integer.class)).isEqualTo(3);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(6);
            assertThat(json(s.get("/api/review/next?deck=" + deckId)).isMissingNode()).isTrue();
        });
    }

    @Test
    void the_new_cards_per_day_limit_holds_back_new_cards_until_the_next_day() {
        site(jdbi, s -> {
            Response saved = s.submit("/decks/" + deckId + "/settings", "newPerDay", "1", "reviewsPerDay", "200",
                    "desiredRetention", "", "maximumInterval", "", "learningSteps", "", "relearningSteps", "", "weights", "");
            assertThat(saved.code()).isEqualTo(303);
            long first = shownCard(s.page("/study?deck=" + deckId));
            s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "4", "deck", String.valueOf(deckId));

            assertThat(s.page("/study?deck=" + deckId)).contains("Done for today");
            assertThat(json(s.get("/api/decks")).get(1).get("new").asInt()).isZero();

            clock.advance(Duration.ofDays(1));
            String tomorrow = s.page("/study?deck=" + deckId);
            assertThat(tomorrow).doesNotContain("Done for today");
            assertThat(shownCard(tomorrow)).isNotEqualTo(first);
        });
    }

    @Test
    void progress_survives_a_restart_on_the_same_database_file() {
        site(jdbi, s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "4", "deck", String.valueOf(deckId));
        });
        Jdbi reopened = Database.open(tempDir.resolve("test.db"));

        site(reopened, s -> {
            String deckPage = s.page("/decks/" + deckId);
            assertThat(deckPage).contains("Review").contains("What does DNS do?");
            assertThat(one(reopened, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(1);
            assertThat(one(reopened, "SELECT state FROM card_state WHERE reps = 1", Integer.class)).isEqualTo(2);
        });
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused_and_changes_nothing() {
        site(jdbi, s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            Response forged = s.submitWithoutToken("/study/rate", "cardId", String.valueOf(first), "rating", "1");
            assertThat(forged.code()).isEqualTo(403);
            assertThat(forged.body().string()).contains("another site");
            assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(s.submitWithoutToken("/decks", "name", "Forged").code()).isEqualTo(403);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM deck WHERE name = 'Forged'", Integer.class)).isZero();
        });
    }

    @Test
    void a_bad_rating_from_a_form_gets_a_clear_page_not_a_crash() {
        site(jdbi, s -> {
            long first = shownCard(s.page("/study?deck=" + deckId));
            Response bad = s.submit("/study/rate", "cardId", String.valueOf(first), "rating", "7");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("rating must be 1 (Again)");
            assertThat(s.submit("/study/rate", "cardId", "99999", "rating", "3").code()).isEqualTo(404);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
        });
    }
}
