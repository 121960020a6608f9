package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An answer that says a card's words the wrong way round, as a learner sees its check: the point marked as
 * contradicted with the reason in the page's language, and the suggestion held at Hard.
 */
class ContradictionBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    static final String QUESTION = "How do WHERE and HAVING differ?";

    static final String SQL_DECK = """
            # Interview::SQL

            ## How do WHERE and HAVING differ?
            <!-- id: where-having -->
            <!-- target: 60s -->

            Both filter, at different moments of the query.

            - WHERE filters the raw rows before grouping and cannot use aggregate functions.
            - HAVING filters the groups after grouping and can use aggregate functions.
            """;

    private static Page checked(Site site, String answer) {
        long deck = site.deckId("Interview::SQL");
        PracticeBrowserTest.practiceOn(site, deck);
        Page page = site.open("/study?deck=" + deck + "&card=" + site.cardId(QUESTION));
        page.press(answer);
        return page.focus("#practice-check").pressToNewPage(Keys.ENTER);
    }

    @Test
    void a_claim_told_the_wrong_way_round_is_contradicted_and_held_at_hard() {
        Page page = checked(browser.site(SQL_DECK), "WHERE filters the raw rows after grouping and cannot use "
                + "aggregate functions; HAVING filters the groups after grouping and can use aggregate functions.");

        assertThat(page.findAll(".key-points .reason")).extracting(WebElement::getText)
                .contains("Contradicted: your answer says \"after\" where the point says \"before\".");
        assertThat(page.text("#practice-suggested")).isEqualTo("Hard");
        assertThat(page.findAll("button.rate.suggested")).singleElement()
                .satisfies(b -> assertThat(b.getAttribute("id")).isEqualTo("rate-2"));
        page.capture("practice-contradiction");
    }

    @Test
    void in_chinese_the_contradiction_says_why_in_chinese() {
        browser.speak("zh-CN,zh;q=0.9");
        Page page = checked(browser.site(SQL_DECK), "WHERE 在分组之后过滤原始行，不能用聚合函数；HAVING 在分组之后过滤分组，可以用聚合函数。");

        assertThat(page.findAll(".key-points .reason")).extracting(WebElement::getText)
                .anySatisfy(reason -> assertThat(reason).startsWith("有矛盾").contains("之后").contains("before"));
        assertThat(page.findAll("button.rate.suggested")).singleElement()
                .satisfies(b -> assertThat(b.getAttribute("id")).isEqualTo("rate-2"));
        page.capture("zh-practice-contradiction");
    }
}
