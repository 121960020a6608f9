package dev.prepdeck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import io.javalin.testtools.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Check database page through the whole app. */
class CheckPageTest {
    @TempDir
    Path tempDir;

    @Test
    void the_page_explains_the_check_and_a_clean_collection_reports_no_problems_without_a_backup() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        collection.site(s -> {
            String page = s.page("/check");
            assertThat(page).contains("<h1>Check database</h1>").contains("Check and repair").doesNotContain("Result");

            String result = s.submit("/check").body().string();

            assertThat(result).contains("Result").contains("No problems found.");
        });
        assertThat(tempDir.resolve("backups")).doesNotExist();
    }

    @Test
    void what_was_found_is_listed_repaired_and_backed_up_before() throws Exception {
        // SQLite: prepdeck's own backup file before the repair is what this looks for
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        long dns = collection.cardWithUid("net-dns");
        collection.jdbi().useHandle(h -> {
            h.execute("DELETE FROM card_text WHERE card_id = " + dns);
            h.execute("UPDATE card_recall SET due = 0");
        });
        collection.site(s -> {
            Response done = s.submit("/check");

            assertThat(done.code()).isEqualTo(200);
            assertThat(done.body().string()).contains("<li>1 card was missing from the search index.</li>")
                    .contains("<li>3 cards were missing from the due queue or out of step with it.</li>")
                    .contains("Everything listed was repaired");
            assertThat(s.submit("/check").body().string()).contains("No problems found.");
        });
        assertThat(tempDir.resolve("backups/test-20260302-100000-000-check.db")).exists();
    }

    @Test
    void when_the_backup_before_a_repair_fails_nothing_is_repaired_and_the_page_says_why() throws Exception {
        // SQLite: a backups folder that cannot be written; on PostgreSQL the backups are the operator's
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        collection.jdbi().useHandle(h -> h.execute("UPDATE card_recall SET due = 0"));
        Files.writeString(tempDir.resolve("backups"), "in the way");
        collection.site(s -> {
            Response failed = s.submit("/check");

            assertThat(failed.code()).isEqualTo(500);
            assertThat(failed.body().string()).contains("Nothing was repaired, because the backup before the repair"
                    + " failed: ").contains("<li>3 cards were missing from the due queue or out of step with it.</li>")
                    .contains("Nothing was repaired.");
        });
        assertThat(TestData.one(collection.jdbi(), "SELECT COUNT(*) FROM card_recall WHERE due = 0", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void on_postgresql_what_was_found_is_repaired_without_a_backup_of_prepdecks() {
        TestCollection collection = TestCollection.of(TestDatabase.POSTGRESQL, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        long dns = collection.cardWithUid("net-dns");
        collection.jdbi().useHandle(h -> {
            h.execute("DELETE FROM card_tag WHERE card_id = " + dns);
            h.execute("DELETE FROM card_text WHERE card_id = " + dns);
            h.execute("UPDATE card_recall SET due = 0");
        });
        collection.site(s -> {
            Response done = s.submit("/check");

            assertThat(done.code()).isEqualTo(200);
            assertThat(done.body().string()).contains("<li>1 card was missing from the search index.</li>")
                    .contains("<li>3 cards were missing from the due queue or out of step with it.</li>")
                    .contains("Everything listed was repaired");
            assertThat(s.submit("/check").body().string()).contains("No problems found.");
            assertThat(s.page("/browse?q=tag:basics")).contains("What does DNS do?");
        });
        assertThat(tempDir.resolve("backups")).doesNotExist();
    }
}
