package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Card text is shown, never run: scripts, event handlers, javascript: links and frames stay inert text. */
class HostileTextBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static final String HOSTILE_DECK = """
            # Hostile <b>deck</b>

            ## What does <script>window.pwned = 'question'</script> do?
            <!-- id: hostile -->

            <script>window.pwned = 'answer script'; alert('script')</script>

            <img src="/nowhere.png" onerror="window.pwned = 'img'; alert('img')">

            [a markdown link](javascript:window.pwned='markdown-link')

            <a href="javascript:window.pwned='html-link'">an html link</a>

            <iframe src="javascript:parent.pwned='iframe'"></iframe>
            """;

    private static void assertInert(Page page) {
        assertThat(page.hasDialog()).as("a dialog opened on %s", page.path()).isFalse();
        assertThat(page.script("return typeof window.pwned;")).as("payload ran on %s", page.path())
                .isEqualTo("undefined");
        assertThat(page.findAll("main script, main iframe, main img, main b")).as("markup made from card text")
                .isEmpty();
        assertThat(page.findAll("a[href^='javascript:' i]")).as("javascript: links").isEmpty();
    }

    @Test
    void hostile_card_text_is_shown_as_text_on_every_page_that_shows_it() {
        Site site = browser.site(HOSTILE_DECK);
        long deck = site.deckId("Hostile <b>deck</b>");
        long card = site.cardId("What does <script>window.pwned = 'question'</script> do?");

        Page page = site.open("/");
        assertInert(page);
        assertThat(page.text("table.decks")).contains("Hostile <b>deck</b>");

        page.open("/decks/" + deck);
        assertInert(page);
        assertThat(page.text("table.cards")).contains("<script>window.pwned = 'question'</script>");

        page.open("/cards/" + card);
        assertInert(page);
        assertThat(page.text(".answer")).contains("<img src=\"/nowhere.png\" onerror=")
                .contains("<iframe src=\"javascript:parent.pwned='iframe'\"></iframe>");

        page.open("/study?deck=" + deck).press(Keys.SPACE);
        assertThat(page.text(".question")).contains("<script>window.pwned = 'question'</script>");
        for (WebElement link : page.findAll(".answer a")) {
            link.click();
        }
        assertInert(page);

        page.open("/cards/" + card + "/edit");
        page.type("#answer", "<img src=x onerror=\"window.pwned = 'preview'\"> <script>window.pwned = 'preview'</script>");
        page.waitUntil("the live preview", () -> page.text("#answer-preview").contains("onerror"));
        assertInert(page);
    }
}
