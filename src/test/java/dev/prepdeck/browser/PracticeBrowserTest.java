package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Answer practice as a person does it: type the answer while the timer runs, check it, correct the matcher's
 * ticks, take the suggested rating; and a mock interview from the first question to the applied report.
 */
class PracticeBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    static final String CACHE_QUESTION = "How would you put a cache in front of a slow service?";
    static final String STAMPEDE_QUESTION = "What is a cache stampede and how do you prevent it?";

    /** Two cards with explicit key points, so what the matcher should find is known. */
    static final String CACHING_DECK = """
            # Interview::Caching

            ## How would you put a cache in front of a slow service?
            <!-- id: cache-front -->
            <!-- target: 60s -->

            Read through the cache and decide up front how entries go stale.

            ### Key points

            - Store the responses in Redis keyed by the request.
            - Give every entry an expiry so stale values disappear.
            - Delete the entry whenever the underlying record changes.
            - Watch the hit ratio on a dashboard.

            ## What is a cache stampede and how do you prevent it?
            <!-- id: stampede -->

            Many requests miss the same expired key together and all hammer the database.

            - Let a single request rebuild the value while the others wait on a lock.
            - Add random jitter to expiry times.
            """;

    /** Covers the first, second and fourth point of the cache card in the matcher's eyes; says nothing of deleting. */
    static final String CACHE_ANSWER = "I would store responses in Redis, keyed by the request, give each entry an "
            + "expiry, and watch the hit ratio.";

    private static List<String> texts(Page page, String css) {
        return page.findAll(css).stream().map(WebElement::getText).toList();
    }

    /** Turns practice mode on for the deck from its practice settings page, with the keyboard. */
    static void practiceOn(Site site, long deck) {
        Page settings = site.open("/decks/" + deck + "/practice");
        settings.focus("input[name=mode][value=on]").press(Keys.SPACE);
        settings.focus("#targetSeconds").pressToNewPage(Keys.ENTER);
        assertThat(site.one("SELECT practice_mode FROM deck WHERE id = " + deck, Integer.class)).isEqualTo(1);
    }

    @Test
    void a_typed_answer_is_timed_checked_corrected_and_rated_with_the_suggestion_and_undo_removes_it() {
        Site site = browser.site(CACHING_DECK);
        long deck = site.deckId("Interview::Caching");
        long card = site.cardId(CACHE_QUESTION);
        practiceOn(site, deck);

        Page page = site.open("/study?deck=" + deck + "&card=" + card);
        assertThat(page.text(".question")).isEqualTo(CACHE_QUESTION);
        assertThat(page.focused()).as("the answer box has the focus").startsWith("textarea#practice-text");
        assertThat(page.text("#practice-timer")).endsWith(" / target 1:00");
        page.press(CACHE_ANSWER);
        page.waitUntil("the timer to count", () -> !page.text("#practice-timer .elapsed").equals("0:00"));

        page.focus("#practice-check").pressToNewPage(Keys.ENTER);
        assertThat(page.title()).startsWith("Check your answer");
        assertThat(page.findAll("h1")).as("a heading to find the page by").hasSize(1);
        long seconds = Long.parseLong(page.find("#practice-rate").getAttribute("data-seconds"));
        assertThat(seconds).as("the timer's seconds reach the check").isPositive();
        assertThat(page.text(".typed-answer .typed")).isEqualTo(CACHE_ANSWER);
        assertThat(texts(page, ".typed-answer mark")).contains("Redis", "keyed", "request", "expiry", "hit", "ratio");
        assertThat(texts(page, ".model-answer mark")).contains("Redis", "keyed", "request", "expiry", "hit", "ratio");
        assertThat(texts(page, ".key-points .verdict"))
                .containsExactly("covered", "covered", "not covered", "covered");
        assertThat(page.findAll(".key-points li.missed")).hasSize(1);
        assertThat(texts(page, ".key-points .reason")).as("each point says why").hasSize(4)
                .allSatisfy(r -> assertThat(r).matches("(Covered|Not covered|Contradicted): your answer .+"));
        assertThat(page.findAll(".key-points .reason.overruled")).isEmpty();
        assertThat(page.text("#practice-coverage")).isEqualTo("75 %");
        assertThat(page.text("#practice-suggested")).isEqualTo("Good");
        assertThat(page.focused()).as("the suggested button is focused").startsWith("button#rate-3");
        assertThat(texts(page, "button.rate.suggested")).singleElement().asString()
                .startsWith("Good").containsIgnoringCase("suggested");

        // The matcher was generous about the dashboard: untick it, and the suggestion drops to Hard.
        page.focus(".key-points input[value='3']").press(Keys.SPACE);
        assertThat(texts(page, ".key-points .verdict")).containsExactly("covered", "covered", "not covered", "not covered");
        assertThat(page.text("#practice-coverage")).isEqualTo("50 %");
        assertThat(page.findAll(".key-points .reason.overruled")).as("the checker's reason for it is overruled").hasSize(1);
        assertThat(page.text("#practice-covered")).isEqualTo("2");
        assertThat(page.text("#practice-suggested")).isEqualTo("Hard");
        assertThat(page.findAll("button.rate.suggested")).singleElement()
                .satisfies(b -> assertThat(b.getAttribute("id")).isEqualTo("rate-2"));
        assertThat(page.findAll(".suggested-mark")).hasSize(1);

        // ...and it missed that deleting on change was meant: tick it, and Good is back.
        page.focus(".key-points input[value='2']").press(Keys.SPACE);
        assertThat(page.text("#practice-coverage")).isEqualTo("75 %");
        assertThat(page.text("#practice-suggested")).isEqualTo("Good");
        assertThat(page.find("#rate-3").getAttribute("class")).contains("suggested");

        // Enter right after ticking, with the focus still on the box, takes the suggestion (not the first button).
        assertThat(page.focused()).startsWith("input");
        page.pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/study?deck=" + deck);
        Map<String, Object> review = site.row("SELECT id, card_id, rating, duration_ms FROM review_log");
        assertThat(review).containsEntry("card_id", (int) card).containsEntry("rating", 3)
                .containsEntry("duration_ms", (int) (seconds * 1000));
        Map<String, Object> attempt = site.row(
                "SELECT card_id, review_id, answer, seconds, coverage, key_points FROM practice_attempt");
        assertThat(attempt).containsEntry("card_id", (int) card).containsEntry("review_id", review.get("id"))
                .containsEntry("answer", CACHE_ANSWER).containsEntry("seconds", (int) seconds)
                .containsEntry("coverage", 0.75);
        assertThat((String) attempt.get("key_points"))
                .contains("\"text\":\"Delete the entry whenever the underlying record changes.\",\"covered\":true")
                .contains("\"text\":\"Watch the hit ratio on a dashboard.\",\"covered\":false");

        page.focus("#undo").pressToNewPage(Keys.ENTER);
        assertThat(site.count("SELECT count(*) FROM review_log")).isZero();
        assertThat(site.count("SELECT count(*) FROM practice_attempt")).isZero();
        assertThat(site.count("SELECT count(*) FROM card_state WHERE state = 0 AND reps = 0")).isEqualTo(2);
        assertThat(page.text(".question")).as("the undone card is asked again").isEqualTo(CACHE_QUESTION);
    }

    /** The key help's visible text: only the keys that work right now. */
    private static String keyHelp(Page page) {
        return page.text("#practice-keys");
    }

    @Test
    void while_typing_u_and_space_are_text_ctrl_enter_checks_and_esc_leaves_the_box_for_the_other_keys() {
        Site site = browser.site(CACHING_DECK);
        long deck = site.deckId("Interview::Caching");
        practiceOn(site, deck);
        Page page = site.open("/study?deck=" + deck + "&card=" + site.cardId(STAMPEDE_QUESTION));
        page.press("No idea.").focus("#practice-check").pressToNewPage(Keys.ENTER);
        page.pressToNewPage("1");
        assertThat(site.count("SELECT count(*) FROM review_log")).isEqualTo(1);

        assertThat(page.focused()).startsWith("textarea#practice-text");
        assertThat(keyHelp(page)).isEqualTo("Keys while typing: Ctrl+Enter check your answer · Esc leave the answer box");
        assertThat(page.find("#undo kbd").isDisplayed()).as("U only types a letter while typing").isFalse();
        page.press("Use u and a space");
        assertThat(page.find("#practice-text").getAttribute("value")).isEqualTo("Use u and a space");
        assertThat(site.count("SELECT count(*) FROM review_log")).as("U typed, nothing undone").isEqualTo(1);

        page.press(Keys.ESCAPE);
        assertThat(page.focused()).doesNotStartWith("textarea");
        assertThat(keyHelp(page)).isEqualTo("Keys: Enter back to the answer box · Ctrl+Enter check your answer · U undo");
        assertThat(page.find("#undo kbd").isDisplayed()).isTrue();
        page.capture("practice-keys");
        page.press(Keys.ENTER);
        assertThat(page.focused()).as("Enter goes back into the box").startsWith("textarea#practice-text");
        page.press(Keys.ESCAPE).pressToNewPage("u");
        assertThat(site.count("SELECT count(*) FROM review_log")).as("U undoes outside the box").isZero();

        assertThat(page.focused()).startsWith("textarea#practice-text");
        page.press("Jitter on expiry.").pressWithToNewPage(Keys.CONTROL, Keys.ENTER);
        assertThat(page.title()).as("Ctrl+Enter checks the answer from inside the box").startsWith("Check your answer");
        assertThat(page.text(".typed-answer .typed")).isEqualTo("Jitter on expiry.");
    }

    @Test
    void a_number_key_on_the_check_rates_with_that_rating_whatever_is_suggested() {
        Site site = browser.site(CACHING_DECK);
        long deck = site.deckId("Interview::Caching");
        practiceOn(site, deck);
        Page page = site.open("/study?deck=" + deck + "&card=" + site.cardId(STAMPEDE_QUESTION));
        page.press("No idea.").focus("#practice-check").pressToNewPage(Keys.ENTER);
        assertThat(page.text("#practice-suggested")).isEqualTo("Again");
        assertThat(page.findAll(".typed-answer mark")).isEmpty();

        page.pressToNewPage("2");
        assertThat(site.list("SELECT rating FROM review_log")).containsExactly(2);
        assertThat(site.row("SELECT answer, coverage FROM practice_attempt"))
                .containsEntry("answer", "No idea.").containsEntry("coverage", 0.0);
    }

    @Test
    void in_a_custom_study_session_a_checked_answer_is_rated_back_into_the_session() {
        Site site = browser.site(CACHING_DECK);
        long deck = site.deckId("Interview::Caching");
        practiceOn(site, deck);
        // Both cards forgotten today: checked and rated Again with its key.
        for (String question : List.of(CACHE_QUESTION, STAMPEDE_QUESTION)) {
            Page study = site.open("/study?deck=" + deck + "&card=" + site.cardId(question));
            study.press("No idea.").focus("#practice-check").pressToNewPage(Keys.ENTER);
            study.pressToNewPage("1");
        }

        Page page = site.open("/custom-study?deck=" + deck);
        page.focus("#start-forgotten").pressToNewPage(Keys.ENTER);
        assertThat(page.text("#custom-progress")).isEqualTo("card 1 of 2");
        page.press("A cache in front, keyed by request.").focus("#practice-check").pressToNewPage(Keys.ENTER);
        assertThat(page.title()).startsWith("Check your answer");
        assertThat(page.text("#custom-progress")).as("the session stays in view on the check").isEqualTo("card 1 of 2");
        page.capture("custom-study-practice-check");
        page.pressToNewPage("3");

        assertThat(page.text("#custom-progress")).as("the rating went back to the session").isEqualTo("card 2 of 2");
        page.press("No idea.").focus("#practice-check").pressToNewPage(Keys.ENTER);
        page.pressToNewPage("3");
        assertThat(page.text("h1")).isEqualTo("Custom study finished");
        assertThat(site.list("SELECT rating FROM review_log ORDER BY id")).containsExactly(1, 1, 3, 3);
        assertThat(site.count("SELECT COUNT(*) FROM practice_attempt")).isEqualTo(4);
    }

    @Test
    void a_mock_interview_with_fewer_cards_than_asked_says_so_before_the_first_question() {
        Site site = browser.site(CACHING_DECK);
        Page page = site.open("/mock");
        page.focus("input[name=deck][value='" + site.deckId("Interview::Caching") + "']").press(Keys.SPACE);
        page.type("#count", "5").pressToNewPage(Keys.ENTER);

        assertThat(page.text(".breadcrumb")).isEqualTo("Mock interview · question 1 of 2");
        page.waitUntil("the note", () -> !page.text(".flash[role=status]").isEmpty());
        assertThat(page.text(".flash[role=status]")).isEqualTo(
                "You asked for 5 questions, but the chosen decks have only 2 cards to ask, so this interview has 2 questions.");
        page.capture("mock-question-fewer");
    }

    @Test
    void a_mock_interview_is_answered_reported_corrected_and_applied() {
        Site site = browser.site(CACHING_DECK);
        long deck = site.deckId("Interview::Caching");
        Page page = site.open("/");
        page.focus("nav a[href='/mock']").pressToNewPage(Keys.ENTER);
        page.focus("input[name=deck][value='" + deck + "']").press(Keys.SPACE);
        page.type("#count", "2").pressToNewPage(Keys.ENTER);

        for (int question = 1; question <= 2; question++) {
            assertThat(page.text(".breadcrumb")).isEqualTo("Mock interview · question " + question + " of 2");
            assertThat(page.findAll(".answer, .model-answer")).as("no answer shown during the interview").isEmpty();
            assertThat(page.findAll("h1")).as("a heading to find the page by").hasSize(1);
            boolean cacheCard = page.text(".question").equals(CACHE_QUESTION);
            page.press(cacheCard ? CACHE_ANSWER : "Jitter on the expiry times.");
            page.waitUntil("the timer to count", () -> !page.text("#practice-timer .elapsed").equals("0:00"));
            if (question == 1) {
                page.focus("#practice-answer button[type=submit]").pressToNewPage(Keys.ENTER);
            } else {
                assertThat(page.text("#practice-keys")).startsWith("Keys while typing: Ctrl+Enter finish");
                page.pressWithToNewPage(Keys.CONTROL, Keys.ENTER);
            }
        }

        assertThat(page.text("h1")).isEqualTo("Mock interview report");
        assertThat(page.findAll(".mock-answer")).hasSize(2);
        assertThat(site.count("SELECT count(*) FROM practice_attempt WHERE review_id IS NULL"))
                .as("answers are kept before the report is applied").isEqualTo(2);
        assertThat(site.count("SELECT count(*) FROM review_log")).isZero();
        long cacheAttempt = site.one("SELECT a.id FROM practice_attempt a JOIN card c ON c.id = a.card_id"
                + " WHERE c.uid = 'cache-front'", Long.class);
        long stampedeAttempt = site.one("SELECT a.id FROM practice_attempt a JOIN card c ON c.id = a.card_id"
                + " WHERE c.uid = 'stampede'", Long.class);
        String cacheRow = ".mock-answer:has(#rating-" + cacheAttempt + ") ";
        assertThat(page.text(cacheRow + ".model-answer")).as("the model answer, to learn from")
                .contains("Read through the cache and decide up front how entries go stale.");
        assertThat(page.text(cacheRow + ".mock-points h3")).isEqualTo("Key points: 3 of 4 covered");
        assertThat(texts(page, cacheRow + ".mock-points li.missed"))
                .containsExactly("Missed Delete the entry whenever the underlying record changes.");
        assertThat(page.text(cacheRow + ".mock-time")).matches("\\d:\\d\\d of a 1:00 target");
        assertThat(page.find("#rating-" + cacheAttempt).getAttribute("value")).as("suggested for 75 %").isEqualTo("3");
        assertThat(page.find("#rating-" + stampedeAttempt).getAttribute("value")).as("suggested for 50 %").isEqualTo("2");

        // Too kind to myself on the stampede: make it Again, with the keyboard.
        page.focus("#rating-" + stampedeAttempt).press(Keys.HOME);
        assertThat(page.find("#rating-" + stampedeAttempt).getAttribute("value")).isEqualTo("1");
        page.capture("mock-report");
        page.tabThroughAll();
        page.view(View.LAPTOP, View.Scheme.DARK).tabThroughAll();
        page.view(View.PHONE, View.Scheme.LIGHT);
        assertThat(page.sizes(".mock-answer select, #mock-confirm")).hasSize(3)
                .allSatisfy(wh -> assertThat(wh[1]).as("height of a control to tap on a phone").isGreaterThanOrEqualTo(44));
        page.view(View.LAPTOP, View.Scheme.LIGHT);
        page.focus("#mock-confirm").pressToNewPage(Keys.ENTER);

        assertThat(page.text(".notice")).contains("applied");
        assertThat(page.findAll("select")).as("an applied report cannot be applied again").isEmpty();
        assertThat(site.list("SELECT r.rating FROM practice_attempt a JOIN review_log r ON r.id = a.review_id"
                + " JOIN card c ON c.id = a.card_id ORDER BY c.uid")).as("cache-front, stampede").containsExactly(3, 1);
        assertThat(site.row("SELECT a.answer, a.coverage, r.card_id = a.card_id AS same_card,"
                + " r.duration_ms = a.seconds * 1000 AS timed FROM practice_attempt a JOIN review_log r"
                + " ON r.id = a.review_id WHERE a.id = " + cacheAttempt))
                .containsEntry("answer", CACHE_ANSWER).containsEntry("coverage", 0.75)
                .containsEntry("same_card", 1).containsEntry("timed", 1);
        assertThat(site.count("SELECT count(*) FROM card_state WHERE reps = 1")).isEqualTo(2);
    }
}
