package dev.prepdeck.ankisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.anki.TestPackages;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.PackageReader;
import io.javalin.testtools.Response;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Anki pages through HTTP: upload a package and read the report, download a deck as a package. */
class AnkiWebTest {
    @TempDir
    Path dir;

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void an_uploaded_package_is_imported_and_the_report_names_what_came_in() throws Exception {
        byte[] pkg = Files.readAllBytes(TestPackages.schema11(TestPackages.sample(), TestPackages.sampleMedia(),
                Files.createDirectories(dir.resolve("pkg"))));
        TestCollection collection = TestCollection.of(folder("db"));
        collection.site(site -> {
            assertThat(site.page("/anki")).contains("Import a package").contains("name=\"prefix\"");

            Response imported = site.upload("/anki/import", "file", "french.apkg", pkg, "prefix", "From Anki");
            String html = imported.body().string();
            assertThat(imported.code()).isEqualTo(200);
            assertThat(html).contains("french.apkg: 7 cards added, 0 updated, 0 unchanged, 0 skipped")
                    .contains("From Anki::Languages::French::Verbs").contains("collection.anki2 (schema 11)");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(7);

            long deck = collection.deckId("From Anki::Languages::French");
            assertThat(site.page("/decks/" + deck)).contains("/decks/" + deck + "/anki.apkg");
            assertThat(site.page("/cards/" + collection.cardId("chat"))).contains("src=\"/media/cat.png\"");
        });
    }

    @Test
    void a_file_that_is_not_a_package_is_refused_with_its_name_and_a_csv_file_imports() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"));
        collection.site(site -> {
            Response refused = site.upload("/anki/import", "file", "slides.pdf", "%PDF-1.4 not a package".getBytes());
            assertThat(refused.code()).isEqualTo(400);
            assertThat(refused.body().string()).contains("slides.pdf").contains("role=\"alert\"");

            String words = "#deck:Words\nhola,hello\n";
            Response preview = site.upload("/anki/import", "file", "words.csv", words.getBytes());
            assertThat(preview.code()).isEqualTo(200);
            assertThat(preview.body().string()).contains("Import words.csv").contains("action=\"/anki/import-text\"");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isZero();

            Response csv = site.submit("/anki/import-text", "name", "words.csv", "content", words, "prefix", "",
                    "question", "1", "answer", "2", "tags", "", "deck", "");
            assertThat(csv.code()).isEqualTo(200);
            assertThat(csv.body().string()).contains("words.csv: 1 card added").contains("Words");

            Response empty = site.upload("/anki/import", "file", "", new byte[0]);
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).contains("Choose an Anki package");
        });
        assertThat(collection.list("SELECT question FROM card", String.class)).containsExactly("hola");
    }

    @Test
    void a_deck_downloads_as_a_package_anki_can_read() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"), "db.md", TestData.DATABASE_DECK);
        long deck = collection.one("SELECT id FROM deck WHERE source_path = 'db.md'", Long.class);
        int cards = collection.one("SELECT COUNT(*) FROM card WHERE deck_id = " + deck, Integer.class);
        collection.site(site -> {
            HttpResponse<byte[]> download = site.getBytes("/decks/" + deck + "/anki.apkg");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment; filename=\"").endsWith(".apkg\"");
            Path file = Files.write(dir.resolve("download.apkg"), download.body());
            try (AnkiPackage read = new PackageReader().open(file)) {
                assertThat(read.collection().notes()).hasSize(cards);
            }
            assertThat(site.getBytes("/decks/999999/anki.apkg").statusCode()).isEqualTo(404);
        });
    }
}
