package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page can be used without a mouse: Tab reaches each of its controls, each shows a focus outline, and axe
 * finds nothing serious in either colour scheme. {deck} and {card} stand for a deck and one of its cards; a new
 * page joins with one more path below.
 */
class KeyboardBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/",
        "/decks/new",
        "/decks/{deck}",
        "/decks/{deck}/settings",
        "/decks/{deck}/practice",
        "/decks/{deck}/delete",
        "/decks/{deck}/cards/new",
        "/cards/{card}",
        "/cards/{card}/edit",
        "/cards/{card}/delete",
        "/study?deck={deck}",
        "/study?deck={empty}",
        "/mock",
        "/notes/import",
        "/optimize",
        "/decks/{deck}/optimize",
        "/decks/424242",
    })
    void every_control_is_reached_by_tab_with_a_visible_outline(String path) {
        Site site = browser.site(TestData.NETWORKING_DECK, "# Empty\n");
        Page page = site.open(path
                .replace("{deck}", String.valueOf(site.deckId("Interview::Networking")))
                .replace("{card}", String.valueOf(site.cardId("What does DNS do?")))
                .replace("{empty}", String.valueOf(site.deckId("Empty"))));
        assertThat(page.tabThroughAll()).isNotEmpty();
        page.view(View.LAPTOP, View.Scheme.DARK).checkAccessibility();
        assertThat(page.tabThroughAll()).isNotEmpty();
    }
}
