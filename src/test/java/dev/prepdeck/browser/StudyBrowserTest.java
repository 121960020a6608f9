package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.review.IntervalFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;

/** Studying as a person at a keyboard does it: Space shows the answer, 1–4 rate, U takes the last rating back. */
class StudyBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static long shownCard(Page page) {
        return Long.parseLong(page.find(".rate-form input[name=cardId]").getAttribute("value"));
    }

    private static Map<String, Object> stateOf(Site site, long card) {
        return site.row("SELECT state, stability, difficulty, reps, lapses, learning_steps, scheduled_days,"
                + " elapsed_days, last_review, due FROM card_state WHERE card_id = " + card);
    }

    /** On both databases: a shared install's learners study the same way (issue 18). */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_deck_is_studied_with_the_keyboard_alone_and_u_takes_the_last_rating_back(TestDatabase database) {
        Site site = browser.site(database, TestData.NETWORKING_DECK);
        Page page = site.open("/study?deck=" + site.deckId("Interview::Networking"));

        long first = shownCard(page);
        assertThat(page.find(".answer").isDisplayed()).as("answer hidden before Space").isFalse();
        page.press(Keys.SPACE);
        assertThat(page.find(".answer").isDisplayed()).as("answer shown after Space").isTrue();
        assertThat(page.focused()).as("Space moves focus to Good").startsWith("button#rate-3");
        page.checkAccessibility();

        page.pressToNewPage("3");
        assertThat(site.count("SELECT count(*) FROM review_log")).isEqualTo(1);
        assertThat(site.one("SELECT card_id FROM review_log", Long.class)).isEqualTo(first);
        assertThat(site.one("SELECT rating FROM review_log", Integer.class)).isEqualTo(3);
        assertThat(site.one("SELECT duration_ms FROM review_log", Long.class)).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(stateOf(site, first)).containsEntry("state", 1).containsEntry("reps", 1);

        long second = shownCard(page);
        assertThat(second).as("the next card").isNotEqualTo(first);
        Map<String, Object> secondBefore = stateOf(site, second);
        page.press(Keys.SPACE).pressToNewPage("1");
        assertThat(site.list("SELECT rating FROM review_log ORDER BY id")).containsExactly(3, 1);
        assertThat(stateOf(site, second)).containsEntry("reps", 1).isNotEqualTo(secondBefore);

        page.pressToNewPage("u");
        assertThat(site.list("SELECT rating FROM review_log ORDER BY id")).containsExactly(3);
        assertThat(stateOf(site, second)).as("undo restores the card exactly").isEqualTo(secondBefore);
        assertThat(shownCard(page)).as("the undone card is shown again").isEqualTo(second);
    }

    @Test
    void u_in_another_deck_says_what_it_undid_and_shows_that_card_with_an_address_that_names_it() {
        Site site = browser.site(TestData.NETWORKING_DECK, TestData.DATABASE_DECK);
        long networking = site.deckId("Interview::Networking");
        Page page = site.open("/study?deck=" + networking);
        long rated = shownCard(page);
        page.press(Keys.SPACE).pressToNewPage("3");

        page.open("/study?deck=" + site.deckId("数据库"));
        assertThat(page.text("#undo span")).isEqualTo("Undo Good on “What does DNS do?”");
        page.pressToNewPage("u");

        assertThat(site.count("SELECT count(*) FROM review_log")).isZero();
        assertThat(page.path()).isEqualTo("/study?deck=" + networking + "&card=" + rated);
        assertThat(shownCard(page)).isEqualTo(rated);
        assertThat(page.text(".question")).isEqualTo("What does DNS do?");
        page.waitUntil("the undo message", () -> !page.text(".flash[role=status]").isEmpty());
        assertThat(page.text(".flash[role=status]")).isEqualTo("Undid Good on “What does DNS do?” in Interview::Networking.");
        page.capture("study-after-undo");
    }

    @Test
    void the_interval_on_each_button_is_the_interval_the_card_gets_when_it_is_pressed_a_while_later() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        long deck = site.deckId("Interview::Networking");
        Page page = site.open("/study?deck=" + deck);
        long card = shownCard(page);
        page.press(Keys.SPACE).pressToNewPage("3");
        site.clock().advance(Duration.ofMinutes(10));
        page.open("/study?deck=" + deck + "&card=" + card).press(Keys.SPACE).pressToNewPage("3");
        long due = site.one("SELECT due FROM card_state WHERE card_id = " + card, Long.class);
        site.clock().advance(Duration.ofMillis(due - site.clock().millis()).plusHours(2));

        for (String rating : new String[] {"2", "3", "4"}) {
            page.open("/study?deck=" + deck + "&card=" + card).press(Keys.SPACE);
            String label = page.text("#rate-" + rating + " .interval");
            assertThat(label).endsWith("d");
            site.clock().advance(Duration.ofSeconds(35));
            page.pressToNewPage(rating);
            long interval = site.one("SELECT due_after - reviewed_at FROM review_log ORDER BY id DESC LIMIT 1", Long.class);
            assertThat(IntervalFormat.shortLabel(Duration.ofMillis(interval))).as("rating %s", rating).isEqualTo(label);
            page.pressToNewPage("u");
        }
    }

    @Test
    void a_parent_decks_new_card_limit_caps_its_sub_deck_on_every_page_and_in_study() {
        Site site = browser.site(TestData.TOOLS_DECK, TestData.GIT_DECK);
        long tools = site.deckId("Tools");
        long git = site.deckId("Tools::Git");
        Page page = site.open("/decks/" + tools + "/settings");
        page.type("#newPerDay", "2").clickToNewPage("form button.primary");

        page.open("/");
        assertThat(page.text("tr:has(a[href='/decks/" + git + "']) td.new")).as("Git under Tools' limit").isEqualTo("2");
        assertThat(page.text("tr:has(a[href='/decks/" + tools + "']) td.new")).isEqualTo("2");
        page.open("/decks/" + git);
        assertThat(page.text(".summary")).startsWith("0 due, 2 new today");
        page.open("/study?deck=" + git);
        assertThat(page.text(".counts")).isEqualTo("0 due · 2 new");
        page.press(Keys.SPACE).pressToNewPage("4");
        page.press(Keys.SPACE).pressToNewPage("4");
        assertThat(page.text("h1")).startsWith("Done for today");
        assertThat(site.count("SELECT count(*) FROM review_log")).isEqualTo(2);
    }

    @Test
    void the_menu_marks_decks_while_one_deck_is_studied_and_study_all_only_while_everything_is() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/study?deck=" + site.deckId("Interview::Networking"));
        assertThat(page.findAll("header nav a[aria-current=page]")).singleElement()
                .satisfies(a -> assertThat(a.getText()).isEqualTo("Decks"));
        page.focus("#practice-toggle").pressToNewPage(Keys.ENTER);
        page.press("Names to addresses.").pressWithToNewPage(Keys.CONTROL, Keys.ENTER);
        assertThat(page.title()).startsWith("Check your answer");
        assertThat(page.text("header nav a[aria-current=page]")).isEqualTo("Decks");
        page.open("/study");
        assertThat(page.text("header nav a[aria-current=page]")).isEqualTo("Study all");
    }

    @Test
    void rating_every_card_ends_on_the_done_page_where_u_still_undoes() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/study?deck=" + site.deckId("Interview::Networking"));
        for (int card = 0; card < 3; card++) {
            page.press(Keys.SPACE).pressToNewPage("4");
        }
        assertThat(page.text("h1")).startsWith("Done for today");
        assertThat(site.count("SELECT count(*) FROM review_log WHERE rating = 4")).isEqualTo(3);
        assertThat(site.count("SELECT count(*) FROM card_state WHERE state = 2")).isEqualTo(3);

        page.pressToNewPage("u");
        assertThat(site.count("SELECT count(*) FROM review_log")).isEqualTo(2);
        assertThat(page.findAll("#reveal")).as("back on the study page").hasSize(1);
    }

    @Test
    void enter_and_space_on_a_focused_button_or_link_use_it_instead_of_showing_the_answer() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        long deck = site.deckId("Interview::Networking");
        Page page = site.open("/study?deck=" + deck);
        page.focus("#practice-toggle").pressToNewPage(Keys.ENTER);
        assertThat(site.one("SELECT practice_mode FROM deck WHERE id = " + deck, Integer.class)).isEqualTo(1);
        assertThat(page.findAll("#practice-text")).hasSize(1);

        page.focus("#practice-toggle").pressToNewPage(Keys.SPACE);
        assertThat(site.one("SELECT practice_mode FROM deck WHERE id = " + deck, Integer.class)).isZero();
        page.focus(".breadcrumb a").pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/decks/" + deck);
    }

    @Test
    void tab_reaches_every_study_control_with_a_visible_focus_outline() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/study?deck=" + site.deckId("Interview::Networking"));
        assertThat(page.tabThroughAll()).anySatisfy(c -> assertThat(c).startsWith("summary"));

        // The walk leaves the focus on some control, whose own Space would use it: show the answer from its button.
        page.focus("#reveal summary").press(Keys.SPACE);
        List<String> reached = page.tabThroughAll();
        assertThat(reached).anySatisfy(c -> assertThat(c).startsWith("button#rate-1"))
                .anySatisfy(c -> assertThat(c).startsWith("button#rate-4"));
    }
}
