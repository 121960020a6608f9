package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prepdeck.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/** Editing cards and decks from the keyboard: links followed with Enter, forms sent with Enter. */
class EditingBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void a_card_is_added_after_a_live_and_a_server_preview() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        long deck = site.deckId("Interview::Networking");
        Page page = site.open("/decks/" + deck);
        page.focus("a[href$='/cards/new']").pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/decks/" + deck + "/cards/new");

        page.type("#question", "What is a CDN for?");
        page.type("#answer", "Serving **static files** close to users.\n\n- caches at the edge");
        page.type("#tags", "web, caching");
        page.waitUntil("the live preview to render the Markdown",
                () -> !page.findAll("#answer-preview strong").isEmpty());
        assertThat(page.text("#answer-preview strong")).isEqualTo("static files");

        page.focus("button[value=preview]").pressToNewPage(Keys.ENTER);
        assertThat(site.count("SELECT count(*) FROM card WHERE question = 'What is a CDN for?'"))
                .as("preview saves nothing").isZero();
        assertThat(page.text("#answer-preview li")).isEqualTo("caches at the edge");
        assertThat(page.find("#question").getAttribute("value")).isEqualTo("What is a CDN for?");

        page.focus("#question").pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/decks/" + deck);
        assertThat(site.row("SELECT deck_id, answer, tags FROM card WHERE question = 'What is a CDN for?'"))
                .containsEntry("deck_id", (int) deck)
                .containsEntry("answer", "Serving **static files** close to users.\n\n- caches at the edge")
                .containsEntry("tags", "web, caching");
        assertThat(site.count("SELECT count(*) FROM card_state JOIN card ON card.id = card_id"
                + " WHERE question = 'What is a CDN for?' AND state = 0")).as("a new card to study").isEqualTo(1);
        assertThat(page.text("table.cards")).contains("What is a CDN for?");
    }

    @Test
    void a_card_is_edited_from_its_page_and_keeps_its_id() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        long card = site.cardId("What does DNS do?");
        Page page = site.open("/cards/" + card);
        page.focus("a[href$='/edit']").pressToNewPage(Keys.ENTER);

        page.type("#answer", "It resolves names to *addresses*.");
        page.waitUntil("the live preview", () -> !page.findAll("#answer-preview em").isEmpty());
        page.type("#question", "What does DNS resolve?").pressToNewPage(Keys.ENTER);

        assertThat(site.row("SELECT uid, question, answer FROM card WHERE id = " + card))
                .containsEntry("uid", "net-dns")
                .containsEntry("question", "What does DNS resolve?")
                .containsEntry("answer", "It resolves names to *addresses*.");
        assertThat(page.text("table.cards")).contains("What does DNS resolve?").doesNotContain("What does DNS do?");
        assertThat(page.findAll("[role=status]")).as("the confirmation sits in a region screen readers announce").hasSize(1);
        page.waitUntil("the confirmation, put back once the page has loaded so it is announced",
                () -> !page.text(".flash[role=status]").isEmpty());
        assertThat(page.text(".flash[role=status]")).isEqualTo("Saved “What does DNS resolve?”.");
        page.capture("flash-card-saved");
        page.open("/decks/" + site.deckId("Interview::Networking"));
        assertThat(page.findAll(".flash")).as("a confirmation is shown once").isEmpty();
    }

    @Test
    void a_card_is_deleted_after_its_confirmation_page() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        long card = site.cardId("Compare TCP and UDP.");
        Page page = site.open("/cards/" + card);
        page.focus(".toolbar a.danger").pressToNewPage(Keys.ENTER);
        assertThat(page.text("h1")).isEqualTo("Delete this card?");
        assertThat(page.text(".question-quote")).isEqualTo("Compare TCP and UDP.");
        assertThat(site.count("SELECT count(*) FROM card WHERE id = " + card)).as("asking deletes nothing").isEqualTo(1);

        page.focus("button.danger").pressToNewPage(Keys.ENTER);
        assertThat(site.count("SELECT count(*) FROM card WHERE id = " + card)).isZero();
        assertThat(site.count("SELECT count(*) FROM card_state WHERE card_id = " + card)).isZero();
        assertThat(site.count("SELECT count(*) FROM card")).as("the other cards stay").isEqualTo(2);
        assertThat(page.text("table.cards")).doesNotContain("Compare TCP and UDP.");
    }

    @Test
    void a_deck_is_created_renamed_and_deleted_with_its_cards() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        long decks = site.count("SELECT count(*) FROM deck");
        Page page = site.open("/");
        page.focus(".collection-actions a[href='/decks/new']").pressToNewPage(Keys.ENTER);
        page.type("#name", "Interview::Networking").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".error")).as("a taken name is refused with a message").isNotBlank();
        assertThat(site.count("SELECT count(*) FROM deck")).isEqualTo(decks);

        page.type("#name", "Behavioural").pressToNewPage(Keys.ENTER);
        long created = site.deckId("Behavioural");
        assertThat(page.path()).isEqualTo("/decks/" + created);

        page.focus("details.rename summary").press(Keys.ENTER);
        page.type("#name", "Career::Stories").pressToNewPage(Keys.ENTER);
        assertThat(site.one("SELECT name FROM deck WHERE id = " + created, String.class))
                .isEqualTo("Career::Stories");
        assertThat(page.text("h1")).isEqualTo("Career::Stories");

        long networking = site.deckId("Interview::Networking");
        page.open("/decks/" + networking).focus(".toolbar a.danger").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".warning")).contains("1 deck").contains("3 cards").contains("0 reviews");
        assertThat(site.count("SELECT count(*) FROM deck WHERE id = " + networking)).isEqualTo(1);
        page.focus("button.danger").pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/");
        assertThat(site.count("SELECT count(*) FROM deck WHERE id = " + networking)).isZero();
        assertThat(site.count("SELECT count(*) FROM card")).isZero();
        assertThat(page.text("table.decks")).doesNotContain("Networking");
        page.waitUntil("the confirmation", () -> !page.text(".flash[role=status]").isEmpty());
        assertThat(page.text(".flash[role=status]"))
                .isEqualTo("Deleted Interview::Networking, with 3 cards and no reviews of history.");
    }

    @Test
    void deck_settings_are_saved_and_a_bad_value_is_explained_on_the_form() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        long deck = site.deckId("Interview::Networking");
        Page page = site.open("/decks/" + deck);
        page.focus("a[href$='/settings']").pressToNewPage(Keys.ENTER);
        for (View size : View.values()) {
            page.view(size, View.Scheme.LIGHT);
            List<double[]> shortFields = page.sizes("#newPerDay, #reviewsPerDay, #interviewDate, #desiredRetention, #maximumInterval");
            assertThat(shortFields).hasSize(5).allSatisfy(wh -> {
                assertThat(wh[0]).as("a short field's width at %s, like the others", size)
                        .isCloseTo(shortFields.get(0)[0], within(1.0)).isLessThanOrEqualTo(200);
                assertThat(wh[1]).as("a field's height at %s, like the others", size)
                        .isCloseTo(shortFields.get(0)[1], within(1.0)).isGreaterThanOrEqualTo(44);
            });
            assertThat(page.sizes("#weights").get(0)[0]).as("the weights take the form's width")
                    .isGreaterThan(shortFields.get(0)[0]);
        }
        page.capture("deck-settings");

        page.type("#desiredRetention", "1.5").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".error")).containsIgnoringCase("retention");
        assertThat(site.one("SELECT desired_retention FROM deck WHERE id = " + deck, Double.class)).isNull();

        page.type("#desiredRetention", "0.85");
        page.type("#newPerDay", "5").pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/decks/" + deck);
        assertThat(site.row("SELECT new_per_day, desired_retention FROM deck WHERE id = " + deck))
                .containsEntry("new_per_day", 5).containsEntry("desired_retention", 0.85);
    }

    @Test
    void an_unknown_deck_shows_the_error_page_with_a_way_back() {
        Site site = browser.site();
        Page page = site.open("/decks/424242");
        assertThat(page.text(".error")).contains("424242");
        page.focus("section a[href='/']").pressToNewPage(Keys.ENTER);
        assertThat(page.text("h1")).isEqualTo("Your decks");
    }
}
