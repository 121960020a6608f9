package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import dev.prepdeck.account.Accounts;
import dev.prepdeck.review.ReviewRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/** A learner makes a deck of their own private on its settings page, and reads why its sub-deck cannot be shared. */
class DeckVisibilityBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void the_owner_makes_a_deck_private_and_a_sub_deck_of_it_cannot_be_shared_alone() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Accounts accounts = new Accounts(site.jdbi(), new ReviewRepository(), site.clock(), 4);
        accounts.add("alice", "correct horse battery");
        accounts.add("bob", "bob's long passphrase");

        Page page = site.open("/login");
        page.type("#name", "alice").type("#password", "correct horse battery")
                .clickToNewPage("form[action='/login'] button[type=submit]");
        page.open("/decks/new").type("#name", "Alice Secrets::Salary").pressToNewPage(Keys.ENTER);
        long deck = site.deckId("Alice Secrets");
        long sub = site.deckId("Alice Secrets::Salary");

        page.open("/decks/" + deck + "/settings");
        assertThat(page.text("#visibility")).contains("Who sees this deck").contains("Shared").contains("Private");
        page.click("#visibility input[value=private]").clickToNewPage("#visibility button[type=submit]");
        assertThat(page.text("main")).contains("The deck Alice Secrets is private now");
        assertThat(page.find("#visibility input[value=private]").isSelected()).isTrue();
        assertThat(site.one("SELECT COUNT(*) FROM deck WHERE private = 1", Integer.class)).isEqualTo(2);
        page.capture("deck-visibility");

        page.open("/decks/" + sub + "/settings");
        page.click("#visibility input[value=shared]").clickToNewPage("#visibility button[type=submit]");
        assertThat(page.text("#visibility .error[role=alert]"))
                .isEqualTo("the deck above it, 'Alice Secrets', is private; share that deck first");
        // The form is at the foot of a long page: the refused choice takes the focus, so the message is in view.
        assertThat(page.focused()).isEqualTo("input \"private\"");
        assertThat(((Number) page.script("return window.scrollY;")).doubleValue()).isPositive();
        page.capture("deck-visibility-error");
    }
}
