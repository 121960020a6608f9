package dev.prepdeck.ankisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.anki.TestPackages;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.PackageReader;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from the web: a search's matches as a package, every deck's Markdown files as a .zip. */
class AnkiExportsWebTest {
    @TempDir
    Path dir;

    @Test
    void the_cards_a_search_matches_download_as_a_package_with_only_those_notes() throws Exception {
        TestCollection collection = TestCollection.of(Files.createDirectories(dir.resolve("db")),
                "tools.md", TestData.TOOLS_DECK, "git.md", TestData.GIT_DECK, "db.md", TestData.DATABASE_DECK);
        collection.site(site -> {
            assertThat(site.page("/browse?q=deck:Tools::Git")).contains("Export matches to Anki")
                    .contains("/anki/search.apkg?q=deck:Tools::Git");
            assertThat(site.page("/browse?q=")).doesNotContain("Export matches to Anki");

            HttpResponse<byte[]> download = site.getBytes("/anki/search.apkg?q=deck%3ATools%3A%3AGit");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .isEqualTo("attachment; filename=\"search-deck-Tools-Git.apkg\"");
            Path file = Files.write(dir.resolve("search.apkg"), download.body());
            try (AnkiPackage read = new PackageReader().open(file)) {
                assertThat(read.collection().notes()).hasSize(14)
                        .allMatch(note -> note.fields().get(0).contains("git command number"));
            }
        });
    }

    @Test
    void a_search_that_cannot_run_or_matches_nothing_is_a_form_message() throws Exception {
        TestCollection collection = TestCollection.of(Files.createDirectories(dir.resolve("db")),
                "db.md", TestData.DATABASE_DECK);
        collection.site(site -> {
            Response nothing = site.get("/anki/search.apkg?q=no-card-says-this");
            assertThat(nothing.code()).isEqualTo(400);
            assertThat(nothing.body().string()).contains("role=\"alert\"")
                    .contains("No card matches &quot;no-card-says-this&quot;, so there is nothing to export.")
                    .contains("value=\"no-card-says-this\"");

            Response broken = site.get("/anki/search.apkg?q=%28unclosed");
            assertThat(broken.code()).isEqualTo(400);
            assertThat(broken.body().string()).contains("role=\"alert\"").contains("value=\"(unclosed\"");

            Response empty = site.get("/anki/search.apkg?q=");
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).contains("Type a search to export the cards it matches.");
        });
    }

    @Test
    void every_deck_downloads_as_a_zip_of_deck_files_with_their_media() throws Exception {
        byte[] pkg = Files.readAllBytes(TestPackages.schema11(TestPackages.sample(), TestPackages.sampleMedia(),
                Files.createDirectories(dir.resolve("pkg"))));
        TestCollection collection = TestCollection.of(Files.createDirectories(dir.resolve("db")),
                "db.md", TestData.DATABASE_DECK);
        collection.site(site -> {
            assertThat(site.upload("/anki/import", "file", "french.apkg", pkg, "prefix", "Anki").code()).isEqualTo(200);
            assertThat(site.page("/anki")).contains("href=\"/anki/decks.zip\"");

            HttpResponse<byte[]> download = site.getBytes("/anki/decks.zip");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
            assertThat(entries).containsKey("decks/db.md");
            assertThat(new String(entries.get("decks/db.md"), StandardCharsets.UTF_8)).contains("## 什么是索引？");
            assertThat(entries.keySet()).anyMatch(name -> name.endsWith("media/cat.png"));
            assertThat(entries.entrySet()).anyMatch(e -> e.getKey().endsWith(".md")
                    && new String(e.getValue(), StandardCharsets.UTF_8).contains("media/cat.png"));
            assertThat(entries.keySet()).allMatch(name -> name.startsWith("decks/") && !name.contains(".."));
        });
    }
}
