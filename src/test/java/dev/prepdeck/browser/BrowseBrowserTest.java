package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The card browser from the keyboard: a Chinese search from the menu, a range of rows selected with Space and
 * Shift+arrow, moved to another deck in one go; and how the page looks with results, with none and with a query
 * it cannot read.
 */
class BrowseBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static final String INTERVIEW_DECK = """
            # 面试::数据库

            ## 数据库索引是什么？

            帮助快速定位行的数据结构。

            ## 数据库事务的四个特性？

            原子性、一致性、隔离性、持久性。

            ## 什么是数据库连接池？

            复用连接，省去每次建立连接的开销。

            ## 什么是视图？

            保存的查询，用起来像一张表。
            """;

    private static final String ARCHIVE_DECK = """
            # Archive

            ## What is a cache stampede?

            Many requests miss the cache at once and all hit the database.
            """;

    private static List<String> ticked(Page page) {
        return page.findAll("input[name=card]").stream().filter(WebElement::isSelected)
                .map(b -> b.getAttribute("value")).toList();
    }

    @Test
    void a_chinese_search_selects_a_range_with_the_keyboard_and_moves_it_to_another_deck() {
        Site site = browser.site(INTERVIEW_DECK, ARCHIVE_DECK, TestData.NETWORKING_DECK);
        Page page = site.open("/");
        page.type("#menu-q", "数据库").pressToNewPage(Keys.ENTER);
        assertThat(page.path()).startsWith("/browse?q=");
        assertThat(page.text("#result-count")).startsWith("3 cards match");
        assertThat(page.findAll("table.results mark")).extracting(WebElement::getText).contains("数据库");

        page.focus("input[name=card]").press(Keys.SPACE);
        page.pressWithShift(Keys.ARROW_DOWN).pressWithShift(Keys.ARROW_DOWN);
        List<String> chosen = ticked(page);
        assertThat(chosen).hasSize(3);
        assertThat(page.text("#selected-count")).isEqualTo("3");

        page.press(Keys.SPACE);
        assertThat(ticked(page)).as("Space unticks the last one again").hasSize(2);
        page.press(Keys.ARROW_UP, Keys.ARROW_UP).pressWithShift(Keys.SPACE);
        assertThat(ticked(page)).as("Shift+Space ticks from the last box to this one").hasSize(3);

        new Select(page.find("#bulk-deck")).selectByVisibleText("Archive");
        page.focus("button[value=move]").pressToNewPage(Keys.ENTER);

        assertThat(page.text(".flash")).isEqualTo("Moved 3 cards.");
        long archive = site.deckId("Archive");
        for (String id : chosen) {
            assertThat(site.one("SELECT deck_id FROM card WHERE id = " + id, Long.class)).isEqualTo(archive);
        }
        assertThat(site.count("SELECT COUNT(*) FROM card WHERE deck_id = " + site.deckId("面试::数据库")))
                .as("the card that did not match stays").isEqualTo(1);
        assertThat(page.text("table.results")).contains("Archive");
        page.capture("browse-results");

        page.focus("#undo-bulk").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".flash")).isEqualTo("Undid the move: 3 cards restored.");
        assertThat(site.count("SELECT COUNT(*) FROM card WHERE deck_id = " + site.deckId("面试::数据库"))).isEqualTo(4);
        assertThat(page.findAll("#undo-bulk")).as("undone once").isEmpty();

        page.type("#saved-name", "数据库 cards").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".flash")).isEqualTo("Saved the search as “数据库 cards”.");
        assertThat(page.text(".saved-list")).contains("数据库 cards");
        page.capture("browse-saved");
    }

    @Test
    void the_study_page_buries_and_suspends_with_ankis_keys() {
        Site site = browser.site(ARCHIVE_DECK, TestData.NETWORKING_DECK);
        long networking = site.deckId("Interview::Networking");
        Page page = site.open("/study?deck=" + networking);
        assertThat(page.text("#marks-keys")).isEqualTo("- bury · @ suspend · Ctrl+1–4 flag");
        page.capture("study-marks");
        page.pressWithToNewPage(Keys.CONTROL, "2");
        assertThat(page.text(".flash")).isEqualTo("Flagged the card.");
        assertThat(page.find("#flag-2").getAttribute("aria-pressed")).isEqualTo("true");
        String first = page.text(".question");
        page.pressToNewPage("-");
        assertThat(page.text(".flash")).isEqualTo("Buried the card until tomorrow.");
        assertThat(page.text(".question")).isNotEqualTo(first);
        page.pressToNewPage("@");
        assertThat(page.text(".flash")).startsWith("Suspended the card");
        assertThat(site.count("SELECT COUNT(*) FROM card_state WHERE buried_until IS NOT NULL")).isEqualTo(1);
        assertThat(site.count("SELECT COUNT(*) FROM card_state WHERE suspended = 1")).isEqualTo(1);
        assertThat(site.count("SELECT COUNT(*) FROM card_state WHERE flag = 2")).isEqualTo(1);
    }

    @Test
    void cramming_a_search_shows_each_card_with_the_keyboard_and_leaves_the_schedule_alone() {
        Site site = browser.site(INTERVIEW_DECK, ARCHIVE_DECK);
        long before = site.count("SELECT SUM(due) FROM card_state");
        Page page = site.open("/browse?q=" + java.net.URLEncoder.encode("deck:面试*", java.nio.charset.StandardCharsets.UTF_8));
        page.focus("#cram").pressToNewPage(Keys.ENTER);
        assertThat(page.text("#cram-progress")).isEqualTo("Card 1 of 4");
        assertThat(page.find("#cram-reveal").getAttribute("open")).isNull();
        page.find("body").sendKeys(Keys.SPACE);
        page.waitUntil("the answer to show", () -> page.find("#cram-reveal").getAttribute("open") != null);
        page.capture("cram");
        for (int card = 2; card <= 4; card++) {
            page.pressToNewPage("n");
            assertThat(page.text("#cram-progress")).isEqualTo("Card " + card + " of 4");
        }
        page.pressToNewPage("n");
        assertThat(page.text("h1")).isEqualTo("Cram finished");
        assertThat(site.count("SELECT SUM(due) FROM card_state")).isEqualTo(before);
        assertThat(site.count("SELECT COUNT(*) FROM review_log")).isZero();
    }

    @Test
    void an_unreadable_query_says_where_and_an_empty_result_says_what_to_try() {
        Site site = browser.site(INTERVIEW_DECK, TestData.NETWORKING_DECK);
        Page page = site.open("/browse?q=" + java.net.URLEncoder.encode("deck:面试* prop:ivl>>3",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.text("#query-error")).contains("expected a number after '>'").contains("At character 19");
        assertThat(page.find("#q").getAttribute("aria-invalid")).isEqualTo("true");
        page.capture("browse-error");

        page.type("#q", "kubernetes").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".empty")).contains("No card matches kubernetes");
        page.capture("browse-empty");

        page.open("/tags");
        page.capture("tags");
    }
}
