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

    static final String SLOWSTART_QUESTION = "slowstart 设成 0.9 有什么好处和代价？";

    static final String HADOOP_DECK = """
            # Interview::Hadoop

            ## slowstart 设成 0.9 有什么好处和代价？
            <!-- id: slowstart -->
            <!-- target: 60s -->

            - mapred.reduce.slowstart.completed.maps=0.9：map 完成 90% 后才启动 reduce。
            - 好处：reduce 不会过早启动、长期占着槽位空等 map，把资源让给 map 阶段。
            - 代价：shuffle 与 map 的重叠变少；数据量大时整体耗时可能略增。
            """;

    private static Page checkedSlowstart(Site site, String answer) {
        long deck = site.deckId("Interview::Hadoop");
        PracticeBrowserTest.practiceOn(site, deck);
        Page page = site.open("/study?deck=" + deck + "&card=" + site.cardId(SLOWSTART_QUESTION));
        page.press(answer);
        return page.focus("#practice-check").pressToNewPage(Keys.ENTER);
    }

    @Test
    void an_upside_told_as_the_downside_is_contradicted_in_english_and_in_chinese() {
        String answer = "Reduces only start once 90% of the maps are done. The downside is that reduces start too early "
                + "and sit on their slots waiting for maps, and the upside is that shuffle overlaps more with the map phase.";
        Page page = checkedSlowstart(browser.site(HADOOP_DECK), answer);
        assertThat(page.findAll(".key-points .reason")).extracting(WebElement::getText)
                .contains("Contradicted: your answer says \"downside\" where the point says \"好处\".",
                        "Contradicted: your answer says \"upside\" where the point says \"代价\".");
        assertThat(page.text("#practice-suggested")).isEqualTo("Hard");
        page.capture("practice-contradiction-upside");

        browser.speak("zh-CN,zh;q=0.9");
        Page chinese = checkedSlowstart(browser.site(HADOOP_DECK), "map 完成 90% 时 reduce 才启动。这样设的好处是 reduce "
                + "能更早开始 shuffle，和 map 重叠得更多，整体更快；缺点是 reduce 会长时间占着槽位干等。");
        assertThat(chinese.findAll(".key-points .reason")).extracting(WebElement::getText)
                .contains("有矛盾：你的答案说的是“缺点”，而要点说的是“好处”。");
        assertThat(chinese.findAll("button.rate.suggested")).singleElement()
                .satisfies(b -> assertThat(b.getAttribute("id")).isEqualTo("rate-2"));
        chinese.capture("zh-practice-contradiction-upside");
    }
}
