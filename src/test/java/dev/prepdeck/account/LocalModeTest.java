package dev.prepdeck.account;

import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site on this machine without accounts: no login anywhere, and the first account keeps what was studied. */
class LocalModeTest {
    @TempDir
    Path tempDir;

    @Test
    void without_accounts_every_page_opens_and_the_account_pages_say_how_to_add_one() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        collection.site(site -> {
            assertThat(site.get("/").code()).isEqualTo(200);
            assertThat(location(site.get("/login"))).isEqualTo("/");
            String account = site.page("/account");
            assertThat(account).contains("This site has no accounts").contains("prepdeck user add NAME");
            assertThat(account).doesNotContain("Signed in as");
            assertThat(site.submit("/account/tokens", "name", "x").code()).isEqualTo(400);
        });
    }

    @Test
    void the_first_account_takes_over_the_local_progress_and_later_ones_start_afresh() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        long dns = collection.cardId("What does DNS do?");
        collection.site(site -> site.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3"));
        Accounts accounts = new Accounts(collection.jdbi(), new ReviewRepository(), collection.clock(), 4);

        assertThat(accounts.add("alice", "correct horse battery").learnerId()).isEqualTo(Learner.DEFAULT_ID);
        long bob = accounts.add("bob", "bob's long passphrase").learnerId();

        assertThat(collection.one("SELECT COUNT(*) FROM review_log WHERE learner_id = 1", Integer.class)).isEqualTo(1);
        assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE learner_id = " + bob, Integer.class))
                .as("a state for every card").isEqualTo(3);
        assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE learner_id = " + bob + " AND state <> 0",
                Integer.class)).isZero();
    }
}
