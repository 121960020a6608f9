package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Backing up by hand, restoring after a confirmation and a folder that cannot hold backups, then Check database on
 * a collection with rows out of step, with the keyboard; screenshots of each page.
 */
class BackupsBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void on_postgresql_the_page_says_whose_backups_they_are_and_the_export_link_is_reached_by_keyboard() {
        Site site = browser.site(TestDatabase.POSTGRESQL, TestData.NETWORKING_DECK);
        Page page = site.open("/backups");
        assertThat(page.text("main")).contains("kept in PostgreSQL, whose backups are its operator's")
                .doesNotContain("Back up now");
        page.capture("backups-postgresql");

        page.focus("main a[href='/anki']").pressToNewPage(Keys.ENTER);
        assertThat(page.path()).isEqualTo("/anki");
    }

    @Test
    void a_backup_by_hand_is_listed_and_restored_after_a_confirmation() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/backups");
        assertThat(page.text("main")).contains("No backups yet.");
        page.capture("backups-empty");

        page.focus("main form button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".flash")).startsWith("Backed up to ");
        assertThat(page.findAll("main tbody tr")).hasSize(1);
        page.capture("backups-list");

        site.clock().advance(Duration.ofMinutes(3));
        site.jdbi().useHandle(h -> h.execute("DELETE FROM card"));
        page.focus("main tbody a[href$='/restore']").pressToNewPage(Keys.ENTER);
        assertThat(page.title()).startsWith("Restore a backup?");
        page.capture("backups-restore-confirm");
        page.focus("main form button[type=submit]").pressToNewPage(Keys.ENTER);

        assertThat(page.text(".flash")).contains("Restored the backup of", "The data it replaced is kept as");
        assertThat(page.findAll("main tbody tr")).hasSize(2);
        assertThat(site.count("SELECT count(*) FROM card")).isEqualTo(3);
        page.capture("backups-restored");
    }

    @Test
    void a_folder_that_cannot_hold_backups_is_told_on_the_page() throws Exception {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Path folder = Database.file(site.jdbi()).resolveSibling("backups");
        Files.writeString(folder, "in the way");
        Page page = site.open("/backups");

        page.focus("main form button[type=submit]").pressToNewPage(Keys.ENTER);

        assertThat(page.text("main [role=alert]")).startsWith("The backup was not written: ")
                .endsWith("cannot hold backups: a file of that name is in the way");
        page.capture("backups-error");
    }

    @Test
    void check_database_lists_what_it_found_and_repaired() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        site.jdbi().useHandle(h -> {
            h.execute("UPDATE card_recall SET due = 0");
            h.execute("INSERT INTO card_tag (card_id, tag) VALUES (9999, 'ghost')");
        });
        Page page = site.open("/check");
        page.capture("check-start");

        page.focus("main form button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.text("main")).contains("1 card that is gone was still in the search index.",
                "3 cards were missing from the due queue or out of step with it.", "Everything listed was repaired");
        page.capture("check-repaired");

        page.focus("main form button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.text("main")).contains("No problems found.");
        page.capture("check-clean");
    }
}
