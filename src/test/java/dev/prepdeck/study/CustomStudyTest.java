package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.OnEachDatabase;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Custom study over HTTP: review ahead and forgotten today as sessions of real ratings, and more new cards today. */
class CustomStudyTest extends OnEachDatabase {
    CustomStudyTest() {
        super("networking.md", TestData.NETWORKING_DECK, "database.md", TestData.DATABASE_DECK);
    }

    /** Follows the session's redirect to the study page of its next card and rates it; returns the next address. */
    private String rateNext(TestSite s, String rating, String expectedProgress) {
        Response next = s.get("/custom-study/next");
        assertThat(next.code()).isEqualTo(303);
        String study = TestSite.location(next);
        assertThat(study).startsWith("/study?card=").endsWith("&custom=1");
        String page = s.page(study);
        assertThat(page).contains(expectedProgress).contains("name=\"custom\" value=\"1\"");
        String card = study.substring("/study?card=".length(), study.indexOf('&'));
        Response rated = s.submit("/study/rate", "cardId", card, "rating", rating, "custom", "1");
        assertThat(TestSite.location(rated)).isEqualTo("/custom-study/next");
        return card;
    }

    @Test
    void review_ahead_rates_cards_due_in_the_next_days_as_early_reviews_and_ends_with_a_summary() {
        collection.site(s -> {
            for (String q : new String[] {"What does DNS do?", "Compare TCP and UDP.", "什么是索引？"}) {
                s.submit("/study/rate", "cardId", String.valueOf(collection.cardId(q)), "rating", "4");
            }
            // Two networking cards due in two days, the Chinese one in ten.
            collection.jdbi().useHandle(h -> {
                long in2 = collection.clock().millis() + Duration.ofDays(2).toMillis();
                h.execute("UPDATE card_state SET due = ? WHERE card_id IN (?, ?)", in2,
                        collection.cardId("What does DNS do?"), collection.cardId("Compare TCP and UDP."));
                h.execute("UPDATE card_state SET due = ? WHERE card_id = ?",
                        collection.clock().millis() + Duration.ofDays(10).toMillis(), collection.cardId("什么是索引？"));
            });
            collection.clock().advance(Duration.ofDays(1));
            assertThat(s.page("/custom-study?deck=" + deckId)).contains("Review ahead").contains("More new cards today");

            Response started = s.submit("/custom-study", "deck", String.valueOf(deckId), "q", "deck:\"Interview::Networking\"",
                    "mode", "ahead", "days", "3");
            assertThat(TestSite.location(started)).isEqualTo("/custom-study/next");
            String first = rateNext(s, "3", "card 1 of 2");
            String second = rateNext(s, "3", "card 2 of 2");
            assertThat(first).isNotEqualTo(second);
            assertThat(s.page("/custom-study/next")).contains("Custom study finished")
                    .contains("You studied all 2 cards of the session.");
            assertThat(collection.one("""
                    SELECT COUNT(*) FROM review_log
                    WHERE state_before = 2 AND elapsed_days < scheduled_days_before AND card_id IN (%s, %s)"""
                    .formatted(first, second), Integer.class)).as("both rated as early reviews").isEqualTo(2);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log WHERE card_id = "
                    + collection.cardId("什么是索引？"), Integer.class)).as("other deck, due later: untouched").isEqualTo(1);
            assertThat(s.page("/study?card=" + first + "&custom=1")).doesNotContain("id=\"custom-banner\"");
        });
    }

    /** The hidden fields of the form with this id, as the browser sends them (the CSRF token the site adds). */
    private static List<String> hiddenFields(String page, String formId) {
        int start = page.indexOf("id=\"" + formId + "\"");
        assertThat(start).as("form " + formId).isPositive();
        String form = page.substring(start, page.indexOf("</form>", start));
        List<String> fields = new ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
        while (hidden.find()) {
            if (!hidden.group(1).equals("_csrf")) {
                fields.add(hidden.group(1));
                fields.add(hidden.group(2).replace("&amp;", "&"));
            }
        }
        return fields;
    }

    /** Forgets two cards today (rated Again), then starts a custom session of the cards forgotten today. */
    private void forgetTwoAndStudyThemAgain(TestSite s) {
        for (String question : List.of("What does DNS do?", "Compare TCP and UDP.")) {
            s.submit("/study/rate", "cardId", String.valueOf(collection.cardId(question)), "rating", "1");
        }
        s.submit("/custom-study", "q", "", "mode", "forgotten");
    }

    @Test
    void in_practice_mode_checking_and_rating_a_typed_answer_stays_in_the_session() {
        collection.jdbi().useHandle(h -> h.execute("UPDATE deck SET practice_mode = 1 WHERE id = ?", deckId));
        collection.site(s -> {
            forgetTwoAndStudyThemAgain(s);

            String study = s.page(TestSite.location(s.get("/custom-study/next")));
            assertThat(study).contains("card 1 of 2").contains("id=\"practice-text\"");
            List<String> check = hiddenFields(study, "practice-answer");
            assertThat(check).containsSubsequence("custom", "1");
            check.addAll(List.of("answer", "It turns names into addresses."));
            String reveal = s.submit("/study/check", check.toArray(new String[0])).body().string();
            assertThat(reveal).as("the session's progress stays in view").contains("id=\"custom-banner\"")
                    .contains("card 1 of 2");
            List<String> rate = hiddenFields(reveal, "practice-rate");
            rate.addAll(List.of("rating", "3"));
            Response rated = s.submit("/study/practice-rate", rate.toArray(new String[0]));

            assertThat(TestSite.location(rated)).as("back to the session, not the normal queue")
                    .isEqualTo("/custom-study/next");
            assertThat(collection.one("SELECT COUNT(*) FROM practice_attempt", Integer.class)).isEqualTo(1);
            String second = s.page(TestSite.location(s.get("/custom-study/next")));
            assertThat(second).contains("card 2 of 2");

            // Practice mode turned off on the session's card: the same card, still in the session.
            Response off = s.submit("/study/practice-mode", hiddenFields(second, "practice-mode-form").toArray(new String[0]));
            String same = s.page(TestSite.location(off));
            assertThat(same).contains("card 2 of 2").doesNotContain("id=\"practice-text\"");
            String card = TestSite.location(off).replaceAll(".*card=(\\d+).*", "$1");
            assertThat(TestSite.location(s.submit("/study/rate", "cardId", card, "rating", "3", "custom", "1")))
                    .isEqualTo("/custom-study/next");
            assertThat(s.page("/custom-study/next")).contains("You studied all 2 cards of the session.");
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(4);
        });
    }

    @Test
    void undoing_a_rating_in_a_session_asks_that_card_again_in_the_session() {
        collection.site(s -> {
            forgetTwoAndStudyThemAgain(s);
            String first = rateNext(s, "3", "card 1 of 2");

            String second = s.page(TestSite.location(s.get("/custom-study/next")));
            assertThat(second).as("the undo button of a session page says so").contains("card 2 of 2")
                    .containsPattern("action=\"/study/undo\"[\\s\\S]*name=\"custom\" value=\"1\"");
            Response undone = s.submit("/study/undo", "custom", "1");
            assertThat(TestSite.location(undone)).isEqualTo("/custom-study/next");
            assertThat(TestSite.location(s.get("/custom-study/next")))
                    .isEqualTo("/study?card=" + first + "&custom=1");
            assertThat(rateNext(s, "3", "card 1 of 2")).isEqualTo(first);
        });
    }

    @Test
    void forgotten_today_goes_through_each_again_card_once_even_though_it_stays_rated_again_today() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "1");
            s.submit("/study/rate", "cardId", String.valueOf(collection.cardId("Compare TCP and UDP.")), "rating", "3");
            s.submit("/custom-study", "q", "", "mode", "forgotten");
            assertThat(rateNext(s, "3", "card 1 of 1")).isEqualTo(String.valueOf(dns));
            assertThat(s.page("/custom-study/next")).contains("You studied the 1 card of the session.");
        });
    }

    @Test
    void more_new_cards_today_raises_the_decks_limit_for_today_only() {
        collection.jdbi().useHandle(h -> h.execute("UPDATE deck SET new_per_day = 1 WHERE id = ?", deckId));
        collection.site(s -> {
            s.submit("/study/rate", "cardId", String.valueOf(collection.cardId("What does DNS do?")), "rating", "3");
            assertThat(s.page("/study?deck=" + deckId)).contains("· 0 new");
            Response raised = s.submit("/custom-study", "deck", String.valueOf(deckId), "mode", "new", "extra", "1");
            assertThat(TestSite.location(raised)).isEqualTo("/study?deck=" + deckId);
            String page = s.page(TestSite.location(raised));
            assertThat(page).contains("This deck offers 1 more new card today.").contains("· 1 new");
            collection.clock().advance(Duration.ofDays(1));
            assertThat(s.page("/study?deck=" + deckId)).as("tomorrow the limit is the deck's own")
                    .contains("· 1 new");
        });
    }

    @Test
    void a_session_without_cards_or_with_bad_input_is_a_form_message() {
        collection.site(s -> {
            Response none = s.submit("/custom-study", "q", "", "mode", "forgotten");
            assertThat(none.code()).isEqualTo(400);
            assertThat(none.body().string()).contains("No card of this search was rated Again today.");
            Response days = s.submit("/custom-study", "q", "", "mode", "ahead", "days", "0");
            assertThat(days.code()).isEqualTo(400);
            Response query = s.submit("/custom-study", "q", "prop:ivl>>3", "mode", "forgotten");
            assertThat(query.code()).isEqualTo(400);
            assertThat(query.body().string()).contains("expected a number");
            Response mode = s.submit("/custom-study", "q", "", "mode", "everything");
            assertThat(mode.body().string()).contains("choose a custom study");
            Response noDeck = s.submit("/custom-study", "q", "", "mode", "new", "extra", "5");
            assertThat(noDeck.code()).isEqualTo(400);
        });
    }
}
