package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.judge.JudgeStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Setting up a second opinion from one's own model with the keyboard, then checking a practice answer: the model's
 * verdicts sit under the built-in ones, on the check and in a mock interview's report. Screenshots of the settings
 * form (with its error), the check and the report.
 */
class SecondOpinionBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void a_learner_points_checks_at_a_local_model_and_sees_its_verdicts_beside_the_built_in_ones() {
        try (JudgeStandIn judge = new JudgeStandIn()) {
            judge.repliesWithMessage("""
                    {"points":[{"point":1,"covered":true,"reason":"Redis keyed by request is there"},
                               {"point":2,"covered":true,"reason":"mentions an expiry"},
                               {"point":3,"covered":false,"reason":"never says when entries are deleted"},
                               {"point":4,"covered":false,"reason":"a hit ratio is named but not watched"}]}""");
            Site site = browser.site(PracticeBrowserTest.CACHING_DECK);
            long deck = site.deckId("Interview::Caching");
            long card = site.cardId(PracticeBrowserTest.CACHE_QUESTION);

            Page form = site.open("/practice/judge");
            form.focus("#judge-url").press("127.0.0.1:11434");
            form.focus("#judge-model").press("qwen2.5:7b").pressToNewPage(Keys.ENTER);
            assertThat(form.text("p.error")).startsWith("Give the server's address");
            form.capture("second-opinion-error");
            form.type("#judge-url", judge.baseUrl().toString());
            form.focus("#judge-model").pressToNewPage(Keys.ENTER);
            assertThat(form.text(".flash")).isEqualTo("Saved: practice checks now ask qwen2.5:7b for a second opinion.");
            form.capture("second-opinion-settings");

            PracticeBrowserTest.practiceOn(site, deck);
            Page page = site.open("/study?deck=" + deck + "&card=" + card);
            page.focus("#practice-text").press(PracticeBrowserTest.CACHE_ANSWER);
            page.focus("#practice-check").pressToNewPage(Keys.ENTER);
            assertThat(page.text("#second-opinion")).isEqualTo("qwen2.5:7b says 2 of 4 key points are covered.");
            assertThat(page.findAll(".key-points .opinion-verdict")).extracting(e -> e.getText())
                    .containsExactly("qwen2.5:7b: covered", "qwen2.5:7b: covered", "qwen2.5:7b: not covered",
                            "qwen2.5:7b: not covered");
            assertThat(page.text("#practice-suggested")).as("the built-in check still suggests").isEqualTo("Good");
            page.capture("second-opinion-check");

            Page mock = site.open("/mock/run?cards=" + card);
            mock.focus("#practice-text").press(PracticeBrowserTest.CACHE_ANSWER);
            mock.waitUntil("the timer to count", () -> !mock.text("#practice-timer .elapsed").equals("0:00"));
            mock.focus("#practice-answer button[type=submit]").pressToNewPage(Keys.ENTER);
            assertThat(mock.text("h1")).isEqualTo("Mock interview report");
            assertThat(mock.text(".mock-opinion .second-opinion-summary"))
                    .isEqualTo("qwen2.5:7b says 2 of 4 key points are covered.");
            assertThat(mock.findAll(".mock-opinion li .opinion-verdict")).extracting(e -> e.getText())
                    .containsExactly("qwen2.5:7b: covered", "qwen2.5:7b: covered", "qwen2.5:7b: not covered",
                            "qwen2.5:7b: not covered");
            mock.capture("second-opinion-mock-report");
        }
    }
}
