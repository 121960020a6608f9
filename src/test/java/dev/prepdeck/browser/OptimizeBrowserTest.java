package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.optimize.SimulatedLearner;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Fitting FSRS from a deck's settings with the keyboard: Optimize, read the result, tick "Reschedule existing
 * cards" and accept; and the page a learner sees with too little history. Screenshots of each page.
 */
class OptimizeBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void a_month_of_study_is_fitted_accepted_and_the_cards_rescheduled_from_the_settings_page() {
        Site site = browser.site(SimulatedLearner.deck("Interview", 30), SimulatedLearner.deck("Interview::SQL", 30));
        SimulatedLearner.study(site.jdbi(), site.clock(), 30, 3.0, 7);
        long deck = site.deckId("Interview");
        long reviewsBefore = site.count("SELECT count(*) FROM review_log");
        long reviewed = site.count("SELECT count(DISTINCT card_id) FROM review_log");

        Page page = site.open("/decks/" + deck + "/settings");
        page.capture("optimize-settings");
        page.focus(".optimize-section button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.title()).startsWith("Optimizing Interview and its 1 sub-deck");
        assertThat(page.text(".optimize-run")).contains("Reading your reviews", "Fitting the weights to",
                "Testing the fit on later reviews", "Simulating a year");
        assertThat(page.text(".optimize-result")).contains("All 21 weights were fitted", "Recommended for you:");
        assertThat(page.findAll(".optimize-weights tbody tr")).hasSize(21);
        assertThat(page.findAll(".optimize-retention tbody tr")).hasSize(28);
        assertThat(page.findAll(".optimize-retention tr.recommended")).hasSize(1);
        page.tabThroughAll();
        page.capture("optimize-result");

        String shown = page.find("input[name=weights]").getAttribute("value");
        page.focus("input[name=reschedule]").press(Keys.SPACE);
        assertThat(page.find("input[name=reschedule]").isSelected()).isTrue();
        page.focus(".optimize-accept button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.text("main")).contains("New FSRS weights saved", reviewed + " cards were rescheduled");
        page.capture("optimize-applied");

        for (String name : new String[] {"Interview", "Interview::SQL"}) {
            String stored = site.one("SELECT weights FROM deck WHERE name = '" + name + "'", String.class);
            assertThat(numbers(stored)).containsExactly(numbers(shown));
        }
        assertThat(site.count("SELECT count(*) FROM review_log")).isEqualTo(reviewsBefore);
    }

    @Test
    void with_too_little_history_the_page_says_how_many_more_reviews_are_needed() {
        Site site = browser.site(SimulatedLearner.deck("Tiny", 3));
        SimulatedLearner.study(site.jdbi(), site.clock(), 3, 1.0, 1);
        Page page = site.open("/optimize");
        page.capture("optimize-start");
        page.focus("main button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".optimize-result")).contains("Not enough reviews to fit yet", "Fitting needs at least 8");
        assertThat(page.findAll("input[name=weights]")).isEmpty();
        page.capture("optimize-too-little");
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split("[\\s,]+")).mapToDouble(Double::parseDouble).toArray();
    }
}
