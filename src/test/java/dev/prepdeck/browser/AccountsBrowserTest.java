package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import dev.prepdeck.account.Accounts;
import dev.prepdeck.review.ReviewRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/** Studying from a phone on a site with accounts: sign in (after a typo), study a card, manage the account. */
class AccountsBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void on_a_phone_a_learner_signs_in_after_a_typo_studies_a_card_and_sees_the_account_and_admin_pages() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Accounts accounts = new Accounts(site.jdbi(), new ReviewRepository(), site.clock(), 4);
        long alice = accounts.add("alice", "correct horse battery").learnerId();
        accounts.add("bob", "bob's long passphrase");
        long deck = site.deckId("Interview::Networking");

        Page page = site.open("/study?deck=" + deck).view(View.PHONE, View.Scheme.LIGHT);
        assertThat(page.path()).isEqualTo("/login?next=%2Fstudy%3Fdeck%3D" + deck);
        page.capture("login");

        page.view(View.PHONE, View.Scheme.LIGHT).type("#name", "alice").type("#password", "correct horse batery")
                .clickToNewPage("form[action='/login'] button[type=submit]");
        assertThat(page.text(".error[role=alert]")).isEqualTo("Wrong name or password.");
        assertThat(page.find("#name").getAttribute("value")).isEqualTo("alice");
        page.capture("login-error");

        page.view(View.PHONE, View.Scheme.LIGHT).type("#password", "correct horse battery")
                .clickToNewPage("form[action='/login'] button[type=submit]");
        assertThat(page.path()).isEqualTo("/study?deck=" + deck);
        page.press(Keys.SPACE);
        assertThat(page.find(".answer").isDisplayed()).isTrue();
        page.clickToNewPage("#rate-3");
        assertThat(site.one("SELECT learner_id FROM review_log", Long.class)).isEqualTo(alice);
        assertThat(page.text("footer.site")).contains("Signed in as alice");

        page.open("/account").view(View.PHONE, View.Scheme.LIGHT).type("#token-name", "laptop script")
                .clickToNewPage("form[action='/account/tokens'] button[type=submit]");
        assertThat(page.text("code.token")).startsWith("pdk_");
        page.capture("account");

        page.open("/admin");
        assertThat(page.text("ul.accounts")).contains("alice").contains("bob");
        page.capture("admin");
    }
}
