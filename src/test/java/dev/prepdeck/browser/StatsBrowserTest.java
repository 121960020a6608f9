package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The statistics a learner reads after studying: a history is built through the study page with the keyboard over
 * several days, then /stats, the dashboard header and a card's page must tell the same story as the review log.
 */
class StatsBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static final String NETWORKING = "Interview::Networking";
    private static final String DATABASE = "数据库";
    private static final int CHARTS = 9;

    /** Shows the answer of the card on screen and rates it with a number key. */
    private static void rate(Page page, String key) {
        page.press(Keys.SPACE).pressToNewPage(key);
    }

    private static long shownCard(Page page) {
        return Long.parseLong(page.find(".rate-form input[name=cardId]").getAttribute("value"));
    }

    /** The learner's study day (UTC, rolling over at 4 am, as TestData sets it) of an instant. */
    private static LocalDate studyDay(long epochMs) {
        return Instant.ofEpochMilli(epochMs).minus(Duration.ofHours(4)).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Consecutive study days with a review, ending today (or yesterday while today has none), from the log. */
    private static int streakInLog(Site site, String deckCondition) {
        Set<LocalDate> days = new HashSet<>();
        for (Object at : site.list("SELECT r.reviewed_at FROM review_log r JOIN card c ON c.id = r.card_id"
                + " JOIN deck d ON d.id = c.deck_id WHERE " + deckCondition)) {
            days.add(studyDay(((Number) at).longValue()));
        }
        LocalDate day = studyDay(site.clock().millis());
        if (!days.contains(day)) {
            day = day.minusDays(1);
        }
        int streak = 0;
        while (days.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private static long reviewsToday(Site site) {
        long todayStart = studyDay(site.clock().millis()).atTime(4, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        return site.count("SELECT count(*) FROM review_log WHERE reviewed_at >= " + todayStart);
    }

    /** The cells of the retention table's row for a period ("today", "7 days", ...), headed by the period. */
    private static List<String> retentionRow(Page page, String period) {
        return page.findAll("table.retention tbody tr").stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(WebElement::getText).toList())
                .filter(cells -> cells.get(0).equals(period))
                .findFirst().orElseThrow();
    }

    /** Moves a select's choice with the arrow keys, as a keyboard user does, to the option with this label. */
    private static void choose(Page page, String select, String label) {
        List<String> options = page.findAll(select + " option").stream().map(WebElement::getText).toList();
        int from = options.indexOf(page.script("var s = document.querySelector(arguments[0]);"
                + " return s.options[s.selectedIndex].text;", select));
        int to = options.indexOf(label);
        assertThat(to).as("%s offers %s", select, label).isNotNegative();
        page.focus(select);
        for (int i = from; i != to; i += Integer.signum(to - from)) {
            page.press(to > from ? Keys.ARROW_DOWN : Keys.ARROW_UP);
        }
        assertThat(page.find(select).getAttribute("value")).as("%s after the arrow keys", select)
                .isEqualTo(page.find(select + " option:nth-child(" + (to + 1) + ")").getAttribute("value"));
    }

    @Test
    void stats_dashboard_and_card_page_show_the_history_studied_with_the_keyboard() {
        Site site = browser.site(TestData.NETWORKING_DECK, TestData.DATABASE_DECK);
        long networking = site.deckId(NETWORKING);
        long database = site.deckId(DATABASE);

        // Day 1: every networking card is new and rated Easy, which sends it straight to review, days ahead.
        Page page = site.open("/study?deck=" + networking);
        for (int card = 0; card < 3; card++) {
            rate(page, "4");
        }
        assertThat(site.count("SELECT count(*) FROM card_state s JOIN card c ON c.id = s.card_id"
                + " WHERE c.deck_id = " + networking + " AND s.state = 2")).isEqualTo(3);
        long allDue = site.one("SELECT max(s.due) FROM card_state s JOIN card c ON c.id = s.card_id"
                + " WHERE c.deck_id = " + networking, Long.class);
        assertThat(studyDay(allDue)).as("Easy schedules them at least two days out")
                .isAfterOrEqualTo(studyDay(site.clock().millis()).plusDays(2));

        // The day before they fall due, the two database cards; the next day, the networking cards come back.
        site.clock().set(Instant.ofEpochMilli(allDue).minus(Duration.ofDays(1)));
        page.open("/study?deck=" + database);
        rate(page, "4");
        rate(page, "4");
        site.clock().set(Instant.ofEpochMilli(allDue));
        page.open("/study?deck=" + networking);
        long forgotten = 0;
        for (String rating : List.of("3", "1", "2")) {
            if (rating.equals("1")) {
                forgotten = shownCard(page);
            }
            rate(page, rating);
        }
        assertThat(site.list("SELECT rating FROM review_log ORDER BY id")).containsExactly(4, 4, 4, 4, 4, 3, 1, 2);
        long reviewStateToday = site.count("SELECT count(*) FROM review_log WHERE state_before = 2");
        long passedToday = site.count("SELECT count(*) FROM review_log WHERE state_before = 2 AND rating >= 2");
        assertThat(reviewStateToday).isEqualTo(3);
        assertThat(passedToday).isEqualTo(2);

        page.open("/stats");
        assertThat(page.text("h1")).isEqualTo("Statistics");
        List<WebElement> charts = page.findAll(".stats-chart figure svg");
        assertThat(charts).as("every chart is drawn as SVG").hasSize(CHARTS);
        for (WebElement chart : charts) {
            String title = chart.findElement(By.cssSelector("title")).getAttribute("textContent");
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(title).as("chart title").isNotBlank();
            assertThat(chart.getAccessibleName()).as("a screen reader names the chart by its title").startsWith(title);
        }
        assertThat(page.find("#chart-reviews-section svg").getAccessibleName())
                .contains("Reviews per day by kind, last 30 days").contains("8 reviews in 30 days");
        // Passed 2 of the 3 reviews of young review-state cards today; the database cards were new, so not counted.
        assertThat(retentionRow(page, "today")).containsExactly("today", "66.7%", "3", "–", "0", "66.7%");
        assertThat(retentionRow(page, "yesterday")).containsExactly("yesterday", "–", "0", "–", "0", "–");
        assertThat(retentionRow(page, "7 days")).containsExactly("7 days", "66.7%", "3", "–", "0", "66.7%");
        assertThat(page.text(".summary")).contains("Today: 3 reviews").contains("streak 2 days.");
        assertThat(streakInLog(site, "1 = 1")).isEqualTo(2);

        page.tabThroughAll();
        page.view(View.LAPTOP, View.Scheme.DARK).tabThroughAll();
        page.view(View.PHONE, View.Scheme.LIGHT);
        Map<?, ?> retention = (Map<?, ?>) page.script("""
                var box = document.querySelector('table.retention').parentElement;
                return { scroll: box.scrollWidth, width: box.clientWidth };""");
        assertThat(((Number) retention.get("scroll")).doubleValue()).as("every retention column in view on a phone")
                .isLessThanOrEqualTo(((Number) retention.get("width")).doubleValue());
        assertThat(((Number) page.script("""
                return Math.min.apply(null, Array.from(document.querySelectorAll('.stats-chart svg text'))
                  .filter(function (t) { return t.getBoundingClientRect().height > 0; })
                  .map(function (t) { return t.getBoundingClientRect().height; }));""")).doubleValue())
                .as("the smallest chart text on a phone, in px").isGreaterThanOrEqualTo(10);
        page.view(View.LAPTOP, View.Scheme.LIGHT);
        page.capture("stats");

        // The filters by keyboard: the database deck over 90 days, sent with the Show button.
        choose(page, "#deck", DATABASE);
        page.press(Keys.TAB);
        assertThat(page.focused()).startsWith("select#days");
        choose(page, "#days", "90 days");
        page.press(Keys.TAB);
        assertThat(page.focused()).startsWith("button");
        page.pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/stats?deck=" + database + "&days=90");
        assertThat(page.text("h1")).isEqualTo("Statistics of " + DATABASE);
        assertThat(page.findAll(".stats-chart figure svg")).hasSize(CHARTS);
        assertThat(page.find("#chart-reviews-section svg").getAccessibleName())
                .contains("last 90 days").contains("2 reviews in 90 days");
        assertThat(retentionRow(page, "7 days")).as("new cards only: no retention yet")
                .containsExactly("7 days", "–", "0", "–", "0", "–");
        assertThat(page.text(".summary")).contains("Today: 0 reviews").contains("streak 1 day.");
        assertThat(streakInLog(site, "d.id = " + database)).isEqualTo(1);
        assertThat(page.find(".summary a[href*='reviews-per-day.csv']").getAttribute("href"))
                .endsWith("/stats/reviews-per-day.csv?deck=" + database + "&days=90");

        page.open("/");
        assertThat(page.text(".today-header")).contains("Reviews done today\n" + reviewsToday(site))
                .contains("Streak\n" + streakInLog(site, "1 = 1") + " days");
        assertThat(reviewsToday(site)).isEqualTo(3);

        page.open("/cards/" + forgotten);
        WebElement curve = page.find("figure.card-curve svg");
        assertThat(curve.getAttribute("role")).isEqualTo("img");
        assertThat(curve.getAccessibleName()).startsWith("Recall probability of this card over time")
                .contains("2 reviews from 2026-03-02");
        assertThat(page.findAll("figure.card-curve svg circle.review-mark")).as("each review marked on the curve")
                .hasSize((int) site.count("SELECT count(*) FROM review_log WHERE card_id = " + forgotten));
        assertThat(page.findAll("figure.card-curve svg circle.rating-1")).as("the Again marked as such").hasSize(1);
    }
}
