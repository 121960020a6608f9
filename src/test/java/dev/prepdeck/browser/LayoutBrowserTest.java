package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What the main pages look like on a phone (390×844) and a laptop (1280×800), light and dark: screenshots in
 * target/screenshots to look at, no sideways scrolling on the phone, axe in both colour schemes. A new page
 * gets its screenshots with {@code site.open(path).capture("name")}.
 */
class LayoutBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    /** A review card with a long unbroken line and a table, the things that push a phone sideways. */
    private static final String WIDE_DECK = """
            # Layout

            ## How do you read a query plan before shipping a migration?
            <!-- id: wide -->

            Run it first: `EXPLAIN ANALYZE SELECT user_id, count(*) FROM orders_with_a_rather_long_table_name GROUP BY user_id;`

            | Step | What to look for | Why it matters |
            |---|---|---|
            | Seq Scan | on a large table | a missing index |
            | Sort | spilling to disk | work_mem is too small |

            ```sql
            SELECT user_id, count(*) AS orders, sum(total) AS spent FROM orders WHERE created_at > now() - interval '30 days' GROUP BY user_id;
            ```
            """;

    @Test
    void the_dashboard_fits_a_phone_and_a_laptop_in_light_and_dark() {
        Site site = browser.site(TestData.NETWORKING_DECK, TestData.DATABASE_DECK, WIDE_DECK);
        site.open("/").capture("dashboard");
    }

    @Test
    void the_review_page_fits_with_the_question_and_with_the_answer_and_its_buttons_are_big_enough_to_tap() {
        Site site = browser.site(WIDE_DECK);
        Page page = site.open("/study?deck=" + site.deckId("Layout"));
        // Its long answer turns practice mode on by default; this is the plain review page.
        page.focus("#practice-toggle").pressToNewPage(Keys.ENTER);
        assertThat(page.findAll("#reveal")).hasSize(1);
        page.capture("review-question");

        page.press(Keys.SPACE);
        page.capture("review-answer");
        for (View size : View.values()) {
            page.view(size, View.Scheme.LIGHT);
            assertThat(page.sizes(".ratings button.rate")).hasSize(4).allSatisfy(wh -> {
                assertThat(wh[0]).as("rating button width at %s", size).isGreaterThanOrEqualTo(44);
                assertThat(wh[1]).as("rating button height at %s", size).isGreaterThanOrEqualTo(44);
            });
        }
    }

    /** A practice card in mixed Chinese and English whose key points hold a long path and a long word. */
    private static final String PRACTICE_DECK = """
            # 面试::Spark

            ## 如何排查 Spark 作业的数据倾斜（data skew）？
            <!-- id: skew -->
            <!-- target: 2m -->

            先看 Spark UI 里各个 task 的耗时，再找出热点 key。

            ### 要点

            - 在 Spark UI 的 stage 页面比较 task 的耗时和 shuffle read 大小。
            - 用 `df.groupBy("key").count().orderBy(desc("count"))` 找出热点 key。
            - 对热点 key 加盐（salting）后两阶段聚合，或者用 broadcast join 避开 shuffle。
            - Enable adaptive query execution: spark.sql.adaptive.skewJoin.enabled=true
            """;

    @Test
    void the_practice_question_and_its_check_fit_a_phone_and_a_laptop_and_can_be_used_by_keyboard() {
        Site site = browser.site(PRACTICE_DECK);
        Page page = site.open("/study?deck=" + site.deckId("面试::Spark"));
        assertThat(page.findAll("#practice-text")).as("practice mode on: the answer takes long to say").hasSize(1);
        page.capture("practice-question");
        page.tabThroughAll();
        page.view(View.LAPTOP, View.Scheme.DARK).tabThroughAll();
        page.view(View.LAPTOP, View.Scheme.LIGHT);

        page.focus("#practice-text").press("先打开 Spark UI，看 stage 里 task 的耗时和 shuffle read，"
                + "再用 groupBy count 找热点 key，然后加盐。See https://spark.apache.org/docs/latest/sql-performance-tuning.html#optimizing-skew-join");
        page.focus("#practice-check").pressToNewPage(Keys.ENTER);
        assertThat(page.findAll("mark")).as("matched words highlighted").isNotEmpty();
        page.capture("practice-check");
        page.tabThroughAll();
        page.view(View.LAPTOP, View.Scheme.DARK).tabThroughAll();
        for (View size : View.values()) {
            page.view(size, View.Scheme.LIGHT);
            assertThat(page.sizes(".ratings button.rate")).hasSize(4).allSatisfy(wh -> {
                assertThat(wh[0]).as("rating button width at %s", size).isGreaterThanOrEqualTo(44);
                assertThat(wh[1]).as("rating button height at %s", size).isGreaterThanOrEqualTo(44);
            });
            assertThat(page.sizes(".key-points label")).hasSize(4).allSatisfy(wh ->
                    assertThat(wh[1]).as("key point label height at %s", size).isGreaterThanOrEqualTo(24));
        }
    }

    /** A question with Markdown in it, as a deck written from notes often has. */
    private static final String SQL_LIKE_DECK = """
            # 数据库::LIKE

            ## `sid like '%30864_6%'` 能匹配到哪些 sid？
            <!-- tags: sql, 数据库::通配符 -->

            `_` 匹配任意一个字符，`%` 匹配任意多个字符。
            """;

    @Test
    void a_chinese_card_and_its_deck_page_fit_a_phone_and_questions_show_their_markdown_rendered() {
        Site site = browser.site(TestData.DATABASE_DECK, SQL_LIKE_DECK);
        long deck = site.deckId("数据库::LIKE");
        Page list = site.open("/decks/" + deck);
        assertThat(list.text("td.question a")).isEqualTo("sid like '%30864_6%' 能匹配到哪些 sid？");
        assertThat(list.text("td.question a code")).isEqualTo("sid like '%30864_6%'");
        assertThat(list.findAll("td.question a.tag")).extracting(WebElement::getText).containsExactly("sql", "数据库::通配符");
        list.capture("deck");
        list.clickToNewPage("td.question a");
        assertThat(list.findAll("#card-tags a.tag")).extracting(WebElement::getText).containsExactly("sql", "数据库::通配符");
        assertThat(list.text("h1.question")).isEqualTo("sid like '%30864_6%' 能匹配到哪些 sid？");
        assertThat(list.title()).isEqualTo("sid like '%30864_6%' 能匹配到哪些 sid？ · prepdeck");
        list.capture("card");

        deck = site.deckId("数据库");
        Page page = site.open("/study?deck=" + deck);
        page.press(Keys.SPACE).capture("review-chinese");
    }

    @Test
    void the_menu_is_one_row_on_a_phone_with_every_link_big_enough_to_tap_and_full_names_on_a_laptop() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/").view(View.PHONE, View.Scheme.LIGHT);
        List<List<?>> links = ((List<?>) page.script("""
                return Array.from(document.querySelectorAll('header.site nav a'))
                  .filter(function (a) { return a.getBoundingClientRect().width > 0; })
                  .map(function (a) { var r = a.getBoundingClientRect(); return [a.innerText, r.top, r.height]; });
                """)).stream().<List<?>>map(l -> (List<?>) l).toList();
        assertThat(links.stream().map(l -> (String) l.get(0)))
                .containsExactly("Decks", "Study", "Mock", "Stats", "Import", "Browse");
        assertThat(links.stream().map(l -> ((Number) l.get(1)).doubleValue()).distinct()).as("one row").hasSize(1);
        assertThat(links.stream().map(l -> ((Number) l.get(2)).doubleValue()))
                .as("link heights to tap").allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(44));
        assertThat(page.sizes("header.site").get(0)[1]).as("menu height on a phone").isLessThanOrEqualTo(50);

        page.view(View.LAPTOP, View.Scheme.LIGHT);
        assertThat(page.findAll("header.site nav a")).filteredOn(WebElement::isDisplayed).extracting(WebElement::getText)
                .containsExactly("prepdeck", "Decks", "Study all", "Mock interview", "Stats", "Import notes", "Anki");
        assertThat(page.findAll("#menu-q")).as("the search box, which leads to Browse").hasSize(1);
    }

    /** A card whose answer is far taller than a laptop's window. */
    private static final String LONG_ANSWER_DECK = """
            # Long

            ## Walk me through a production incident you led.
            <!-- id: incident -->

            """ + IntStream.rangeClosed(1, 30).mapToObj(i -> "Step " + i + ": what happened, what we checked, and "
            + "what we decided next, with the numbers we watched.").collect(Collectors.joining("\n\n"))
            + "\n\nThe last line of the answer.\n";

    @Test
    void a_long_answer_keeps_the_rating_bar_in_reach_without_hiding_the_end_of_the_answer() {
        Site site = browser.site(LONG_ANSWER_DECK);
        Page page = site.open("/study?deck=" + site.deckId("Long"));
        // Its long answer turns practice mode on by default; this is the plain review page.
        page.focus("#practice-toggle").pressToNewPage(Keys.ENTER);
        assertThat(page.findAll("#reveal")).hasSize(1);
        page.press(Keys.SPACE);
        for (View size : View.values()) {
            page.view(size, View.Scheme.LIGHT);
            page.script("window.scrollTo(0, 0);");
            Map<?, ?> top = bar(page);
            assertThat(((Number) top.get("answerBottom")).doubleValue()).as("the answer is longer than the window")
                    .isGreaterThan(((Number) top.get("window")).doubleValue());
            assertThat(((Number) top.get("barBottom")).doubleValue()).as("the rating bar in the window at %s", size)
                    .isLessThanOrEqualTo(((Number) top.get("window")).doubleValue() + 0.5);

            page.script("window.scrollTo(0, document.documentElement.scrollHeight);");
            Map<?, ?> end = bar(page);
            assertThat(((Number) end.get("lastLineBottom")).doubleValue()).as("the answer's last line above the bar")
                    .isLessThanOrEqualTo(((Number) end.get("barTop")).doubleValue());
        }
        page.script("window.scrollTo(0, 0);");
        page.capture("review-long-answer");
    }

    private static Map<?, ?> bar(Page page) {
        return (Map<?, ?>) page.script("""
                var bar = document.querySelector('.ratings').getBoundingClientRect();
                var answer = document.querySelector('#reveal .answer');
                return { window: window.innerHeight, barTop: bar.top, barBottom: bar.bottom,
                         answerBottom: answer.getBoundingClientRect().bottom,
                         lastLineBottom: answer.lastElementChild.getBoundingClientRect().bottom };
                """);
    }
}
