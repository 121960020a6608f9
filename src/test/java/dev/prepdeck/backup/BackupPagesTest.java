package dev.prepdeck.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Backups page, and the automatic backups before risky requests, through the whole app. */
class BackupPagesTest {
    @TempDir
    Path tempDir;

    private TestCollection collection;

    @BeforeEach
    void collection() {
        // SQLite: these are prepdeck's own backups of its file (PostgreSQL's page has its own test below)
        collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md", TestData.NETWORKING_DECK);
    }

    private List<String> backupNames() throws Exception {
        Path folder = tempDir.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void the_page_says_there_are_none_yet_then_lists_a_backup_made_by_hand() {
        collection.site(s -> {
            String empty = s.page("/backups");
            assertThat(empty).contains("<h1>Backups</h1>").contains("No backups yet.")
                    .contains(tempDir.resolve("backups").toAbsolutePath().toString());

            Response done = s.submit("/backups");
            assertThat(done.code()).isEqualTo(303);
            assertThat(TestSite.location(done)).isEqualTo("/backups");

            String listed = s.page("/backups");
            assertThat(listed).contains("Backed up to test-20260302-100000-000-manual.db.")
                    .contains("2026-03-02 10:00:00").contains("By hand").contains(" KB")
                    .contains("href=\"/backups/test-20260302-100000-000-manual.db\"")
                    .doesNotContain("No backups yet.");
        });
    }

    @Test
    void on_postgresql_the_page_says_whose_backups_they_are_and_where_to_export_ones_own_data() {
        TestCollection shared = TestCollection.of(TestDatabase.POSTGRESQL, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        shared.site(s -> {
            String page = s.page("/backups");
            assertThat(page).contains("kept in PostgreSQL, whose backups are its operator")
                    .contains("<a href=\"/anki\">").contains("href=\"/check\"")
                    .doesNotContain("Back up now").doesNotContain("No backups yet.").doesNotContain("backups are in");

            Response forged = s.submit("/backups");
            assertThat(forged.code()).as("a backup asked for anyway").isEqualTo(409);
        });
    }

    @Test
    void the_page_speaks_chinese_to_a_chinese_browser() {
        collection.site(s -> {
            s.submit("/backups");
            String page = new String(s.getBytes("/backups", "Accept-Language", "zh-CN").body(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("<h1>备份</h1>").contains("立即备份").contains("手动");
        });
    }

    @Test
    void a_download_is_the_backup_file_itself() {
        collection.site(s -> {
            s.submit("/backups");
            Path file = tempDir.resolve("backups/test-20260302-100000-000-manual.db");

            HttpResponse<byte[]> download = s.getBytes("/backups/test-20260302-100000-000-manual.db");

            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(Files.readAllBytes(file));
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"test-20260302-100000-000-manual.db\"");
        });
    }

    @Test
    void only_backups_the_folder_lists_can_be_fetched_or_restored() {
        collection.site(s -> {
            s.submit("/backups");
            assertThat(s.get("/backups/test.db").code()).isEqualTo(404);
            assertThat(s.get("/backups/..%2Ftest.db").code()).isEqualTo(404);
            assertThat(s.get("/backups/nothing-here.db/restore").code()).isEqualTo(404);
            assertThat(s.submit("/backups/test.db/restore").code()).isEqualTo(404);
        });
    }

    @Test
    void restoring_asks_first_then_brings_the_collection_back_and_keeps_what_it_replaced() {
        collection.site(s -> {
            s.submit("/backups");
            String name = "test-20260302-100000-000-manual.db";
            collection.clock().advance(Duration.ofMinutes(5));
            collection.jdbi().useHandle(h -> h.execute("DELETE FROM card"));

            String confirm = s.page("/backups/" + name + "/restore");
            assertThat(confirm).contains("Restore the backup of 2026-03-02 10:00:00?")
                    .contains("action=\"/backups/" + name + "/restore\"").contains("name=\"_csrf\"");
            assertThat(TestData.one(collection.jdbi(), "SELECT COUNT(*) FROM card", Integer.class)).isZero();

            Response restored = s.submit("/backups/" + name + "/restore");

            assertThat(restored.code()).isEqualTo(303);
            assertThat(TestData.one(collection.jdbi(), "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(3);
            assertThat(s.page("/api/decks")).contains("Interview::Networking");
            assertThat(s.page("/backups")).contains("Restored the backup of 2026-03-02 10:00:00. The data it replaced"
                    + " is kept as test-20260302-100500-000-before-restore.db.").contains("Before a restore");
        });
    }

    @Test
    void a_restore_without_the_form_token_is_refused_and_changes_nothing() throws Exception {
        collection.site(s -> {
            s.submit("/backups");
            collection.jdbi().useHandle(h -> h.execute("DELETE FROM card"));

            Response forged = s.submitWithoutToken("/backups/test-20260302-100000-000-manual.db/restore");

            assertThat(forged.code()).isEqualTo(403);
            assertThat(TestData.one(collection.jdbi(), "SELECT COUNT(*) FROM card", Integer.class)).isZero();
        });
        assertThat(backupNames()).containsExactly("test-20260302-100000-000-manual.db");
    }

    @Test
    void a_folder_that_cannot_hold_backups_is_a_message_on_the_page_not_an_error_trace() throws Exception {
        Files.writeString(tempDir.resolve("backups"), "in the way");
        collection.site(s -> {
            Response failed = s.submit("/backups");

            assertThat(failed.code()).isEqualTo(500);
            assertThat(failed.body().string()).contains("role=\"alert\"")
                    .contains("The backup was not written: " + tempDir.resolve("backups").toAbsolutePath()
                            + ": cannot hold backups: a file of that name is in the way")
                    .doesNotContain("Exception").doesNotContain("at dev.prepdeck");
        });
    }

    @Test
    void a_bulk_delete_backs_up_first_and_other_bulk_actions_do_not() throws Exception {
        long dns = collection.cardWithUid("net-dns");
        collection.site(s -> {
            assertThat(s.postJson("/api/cards/bulk", "{\"cardIds\":[" + dns + "],\"action\":\"suspend\"}").code())
                    .isEqualTo(200);
            assertThat(backupNames()).isEmpty();
            assertThat(s.submit("/browse/bulk", "card", String.valueOf(dns), "action", "delete").code())
                    .as("the confirmation step").isEqualTo(200);
            assertThat(backupNames()).isEmpty();

            assertThat(s.postJson("/api/cards/bulk", "{\"cardIds\":[" + dns + "],\"action\":\"delete\"}").code())
                    .isEqualTo(200);
            collection.clock().advance(Duration.ofSeconds(1));
            long tcp = collection.cardWithUid("net-tcp-udp");
            assertThat(s.submit("/browse/bulk", "card", String.valueOf(tcp), "action", "delete", "confirmed", "yes")
                    .code()).isEqualTo(303);
        });
        assertThat(backupNames()).containsExactly("test-20260302-100000-000-delete.db",
                "test-20260302-100001-000-delete.db");
        Path first = tempDir.resolve("backups/test-20260302-100000-000-delete.db");
        org.jdbi.v3.core.Jdbi before = org.jdbi.v3.core.Jdbi.create("jdbc:sqlite:" + first);
        assertThat(TestData.one(before, "SELECT COUNT(*) FROM card", Integer.class)).as("taken before the delete")
                .isEqualTo(3);
    }

    @Test
    void when_the_backup_before_a_delete_fails_nothing_is_deleted_and_the_reason_is_given() throws Exception {
        Files.writeString(tempDir.resolve("backups"), "in the way");
        long dns = collection.cardWithUid("net-dns");
        collection.site(s -> {
            Response api = s.postJson("/api/cards/bulk", "{\"cardIds\":[" + dns + "],\"action\":\"delete\"}");
            assertThat(api.code()).isEqualTo(503);
            assertThat(TestSite.json(api).get("error").asText()).startsWith("Nothing was changed: prepdeck backs up before"
                    + " this and the backup failed: ").contains("a file of that name is in the way");

            Response page = s.submit("/browse/bulk", "card", String.valueOf(dns), "action", "delete", "confirmed", "yes");
            assertThat(page.code()).isEqualTo(503);
            assertThat(page.body().string()).contains("Nothing was changed").doesNotContain("Exception");
        });
        assertThat(TestData.one(collection.jdbi(), "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(3);
    }

    @Test
    void importing_notes_and_rescheduling_back_up_first_and_saving_weights_alone_does_not() throws Exception {
        collection.site(s -> {
            String weights = java.util.Arrays.stream(dev.prepdeck.fsrs.FsrsParameters.defaultWeights())
                    .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            assertThat(s.submit("/optimize/apply", "weights", weights).code()).isEqualTo(200);
            assertThat(backupNames()).isEmpty();
            assertThat(s.submit("/optimize/apply", "weights", weights, "reschedule", "on").code()).isEqualTo(200);
            assertThat(backupNames()).containsExactly("test-20260302-100000-000-reschedule.db");
            collection.clock().advance(Duration.ofSeconds(1));
            s.submit("/notes/save", "text", "# Notes\n\n## Q?\n\nA.\n");
            assertThat(backupNames()).contains("test-20260302-100001-000-import.db");
        });
    }
}
