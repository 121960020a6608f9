package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Error pages as a person sees them: the tab title and the heading say what happened in words. Every page the
 * browser tests open is also scanned for template code (see {@link Page}).
 */
class ErrorPagesBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void a_missing_card_a_missing_page_and_a_bad_deck_id_show_a_plain_not_found_page() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/cards/99999");
        assertThat(page.title()).isEqualTo("Not Found · prepdeck");
        assertThat(page.text("h1")).isEqualTo("Not Found");
        assertThat(page.text("[role=alert]")).isEqualTo("no card with id 99999");
        page.capture("error-404");

        page.open("/nope");
        assertThat(page.title()).isEqualTo("Not Found · prepdeck");
        assertThat(page.text("[role=alert]")).isEqualTo("no page at /nope");
        page.open("/decks/abc");
        assertThat(page.text("h1")).isEqualTo("Not Found");
    }

    @Test
    void a_bad_query_value_shows_a_plain_bad_request_page() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/study?deck=abc");
        assertThat(page.title()).isEqualTo("Bad Request · prepdeck");
        assertThat(page.text("h1")).isEqualTo("Bad Request");
        assertThat(page.text("[role=alert]")).contains("'abc'");
    }

    @Test
    void a_form_with_a_bad_value_is_shown_again_with_a_plain_message() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/decks/" + site.deckId("Interview::Networking") + "/settings");
        page.script("document.getElementById('newPerDay').type = 'text';");
        page.type("#newPerDay", "many").clickToNewPage("form button.primary");
        assertThat(page.title()).isEqualTo("Settings of Interview::Networking · prepdeck");
        assertThat(page.text("[role=alert]")).isEqualTo("new cards per day must be a whole number");
    }
}
