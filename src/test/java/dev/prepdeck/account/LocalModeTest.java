package dev.prepdeck.account;

import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site on this machine without accounts: no login anywhere, and the first account keeps what was studied. */
class LocalModeTest {
    private static final Pattern ACCOUNT_TABLES = Pattern.compile("\\b(account|account_session|api_token)\\b");
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
    void each_request_asks_once_whether_accounts_exist_so_an_account_added_by_another_process_counts_at_once() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        List<String> accountReads = new CopyOnWriteArrayList<>();
        collection.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (ACCOUNT_TABLES.matcher(context.getRenderedSql()).find()) {
                    accountReads.add(context.getRenderedSql());
                }
            }
        });
        collection.site(site -> {
            assertThat(site.get("/").code()).isEqualTo(200);
            assertThat(accountReads).as("the local site's one question per request").hasSize(1);

            // `prepdeck user add` in another process: its own connections to the same file, none of the app's state.
            Jdbi otherProcess = TestDatabase.DEFAULT.reopen(collection.jdbi(), tempDir);
            new Accounts(otherProcess, new ReviewRepository(), collection.clock(), 4).add("alice", "correct horse battery");
            assertThat(location(site.get("/"))).startsWith("/login");

            site.login("alice", "correct horse battery");
            accountReads.clear();
            assertThat(site.get("/").code()).isEqualTo(200);
            assertThat(accountReads).as("with accounts, the session lookup answers both").hasSize(1);
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
