package dev.prepdeck.ankisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.anki.text.AnkiTextReader;
import dev.prepdeck.anki.text.TextFile;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anki's text format through HTTP: a deck downloaded as CSV or TSV, a file previewed and imported with its columns. */
class AnkiTextWebTest {
    @TempDir
    Path dir;

    /** Columns in an order the defaults would get wrong without their labels: tags first, then answer, question. */
    private static final String LABELLED = """
            #separator:comma
            #columns:Tags,Back,Front,Deck
            sql basics,Groups rows by the listed columns.,What does GROUP BY do?,Interview::SQL
            git,"Moves commits onto another base, one by one.",What does rebase do?,Interview::Git
            """;

    @Test
    void a_deck_downloads_as_csv_and_tsv_with_anki_headers_and_reads_back_to_its_cards() throws Exception {
        TestCollection collection = TestCollection.of(Files.createDirectories(dir.resolve("db")), "db.md",
                TestData.DATABASE_DECK);
        long deck = collection.one("SELECT id FROM deck WHERE source_path = 'db.md'", Long.class);
        collection.site(site -> {
            HttpResponse<byte[]> csv = site.getBytes("/decks/" + deck + "/anki.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(".csv\"");
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("#separator:comma\n#html:true\n").contains("#columns:GUID,Deck,Front,Back,Tags");
            TextFile read = new AnkiTextReader().read("db.csv", new ByteArrayInputStream(csv.body()));
            assertThat(read.separator()).isEqualTo(',');
            assertThat(read.rows()).hasSize(2);
            assertThat(read.rows().get(0).get(2)).contains("什么是索引");
            assertThat(read.rows().get(1).get(3)).contains("EXPLAIN SELECT");

            HttpResponse<byte[]> tsv = site.getBytes("/decks/" + deck + "/anki.tsv");
            assertThat(tsv.statusCode()).isEqualTo(200);
            assertThat(new String(tsv.body(), StandardCharsets.UTF_8)).startsWith("#separator:tab\n")
                    .contains("#columns:GUID\tDeck\tFront\tBack\tTags");
            TextFile tabs = new AnkiTextReader().read("db.tsv", new ByteArrayInputStream(tsv.body()));
            assertThat(tabs.rows()).hasSize(2);

            assertThat(site.page("/anki")).contains("/decks/" + deck + "/anki.csv")
                    .contains("/decks/" + deck + "/anki.tsv");
            assertThat(site.getBytes("/decks/999999/anki.csv").statusCode()).isEqualTo(404);
        });
    }

    @Test
    void the_preview_suggests_columns_from_the_headers_and_the_chosen_mapping_is_imported() throws Exception {
        TestCollection collection = TestCollection.of(Files.createDirectories(dir.resolve("db")));
        collection.site(site -> {
            Response preview = site.upload("/anki/import", "file", "labelled.csv", LABELLED.getBytes());
            String html = preview.body().string();
            assertThat(preview.code()).isEqualTo(200);
            assertThat(html).contains("2 rows, 4 columns").contains("What does rebase do?");
            // the defaults come from the #columns labels: Front is column 3, Back 2, Tags 1, Deck 4
            assertThat(html).containsPattern("<select id=\"question\"[\\s\\S]*?<option value=\"3\" selected")
                    .containsPattern("<select id=\"answer\"[\\s\\S]*?<option value=\"2\" selected")
                    .containsPattern("<select id=\"tags\"[\\s\\S]*?<option value=\"1\" selected")
                    .containsPattern("<select id=\"deck\"[\\s\\S]*?<option value=\"4\" selected");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isZero();

            // the learner swaps question and answer and leaves the tags out
            Response imported = site.submit("/anki/import-text", "name", "labelled.csv", "content", LABELLED,
                    "prefix", "Text", "question", "2", "answer", "3", "tags", "", "deck", "4");
            assertThat(imported.code()).isEqualTo(200);
            assertThat(imported.body().string()).contains("labelled.csv: 2 cards added");
        });
        assertThat(collection.list("SELECT question FROM card ORDER BY question", String.class))
                .containsExactly("Groups rows by the listed columns.", "Moves commits onto another base, one by one.");
        assertThat(collection.list("SELECT answer FROM card ORDER BY question", String.class))
                .containsExactly("What does GROUP BY do?", "What does rebase do?");
        assertThat(collection.list("SELECT tags FROM card", String.class)).allMatch(String::isEmpty);
        assertThat(collection.list("SELECT d.name FROM card c JOIN deck d ON d.id = c.deck_id ORDER BY d.name",
                String.class)).containsExactly("Text::Interview::Git", "Text::Interview::SQL");
    }

    @Test
    void a_bad_mapping_is_shown_on_the_preview_and_nothing_is_imported() throws Exception {
        TestCollection collection = TestCollection.of(Files.createDirectories(dir.resolve("db")));
        collection.site(site -> {
            Response twice = site.submit("/anki/import-text", "name", "labelled.csv", "content", LABELLED,
                    "prefix", "", "question", "3", "answer", "3", "tags", "", "deck", "");
            assertThat(twice.code()).isEqualTo(400);
            assertThat(twice.body().string()).contains("role=\"alert\"")
                    .contains("The column &quot;Front&quot; is chosen for both the question and the answer")
                    .contains("Import labelled.csv");

            Response missing = site.submit("/anki/import-text", "name", "labelled.csv", "content", LABELLED,
                    "prefix", "", "question", "9", "answer", "", "tags", "", "deck", "");
            assertThat(missing.code()).isEqualTo(400);
            assertThat(missing.body().string()).contains("The question column 9 is not in labelled.csv, which has 4 columns");

            Response none = site.submit("/anki/import-text", "name", "labelled.csv", "content", LABELLED,
                    "prefix", "", "question", "", "answer", "2", "tags", "", "deck", "");
            assertThat(none.code()).isEqualTo(400);
            assertThat(none.body().string()).contains("Choose the column that holds the question");

            Response words = site.submit("/anki/import-text", "name", "labelled.csv", "content", LABELLED,
                    "prefix", "", "question", "two", "answer", "", "tags", "", "deck", "");
            assertThat(words.code()).isEqualTo(400);
            assertThat(words.body().string()).contains("The question column must be a whole number");

            Response broken = site.submit("/anki/import-text", "name", "broken.csv",
                    "content", "#separator:comma\na,\"b\nc,d\n", "prefix", "", "question", "1", "answer", "2",
                    "tags", "", "deck", "");
            assertThat(broken.code()).isEqualTo(400);
            assertThat(broken.body().string()).contains("broken.csv:2").contains("quoting");

            Response empty = site.submit("/anki/import-text", "name", "x.csv", "content", "", "prefix", "",
                    "question", "1");
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).contains("choose the text file again");
        });
        assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isZero();
        assertThat(collection.list("SELECT name FROM deck", String.class)).isEqualTo(List.of());
    }
}
