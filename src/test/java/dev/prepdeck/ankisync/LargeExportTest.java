package dev.prepdeck.ankisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.PackageReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export larger than the heap it runs in: `prepdeck anki export` in a JVM of its own with a small heap, of a deck
 * whose cards and history would not fit in it at once. Before the export streamed, it ended in an OutOfMemoryError.
 */
class LargeExportTest {
    /** Far less than the deck's text and history in memory (about 60 MB as Java objects), more than the JVM needs. */
    private static final String HEAP = "-Xmx40m";
    private static final int CARDS = 3_000;
    private static final int REVIEWS_PER_CARD = 12;

    @TempDir
    Path dir;

    @Test
    void a_deck_larger_than_the_heap_exports_whole_with_its_history() throws Exception {
        // a SQLite file, which the export's own process opens by its path
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, dir, "big.md", bigDeck());
        // each card reviewed REVIEWS_PER_CARD times a day apart, and now in review
        collection.jdbi().useHandle(h -> {
            h.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                        state_before, stability_before, difficulty_before, reps_before, lapses_before,
                        learning_steps_before, scheduled_days_before, elapsed_days_before, last_review_before,
                        due_before, state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                    SELECT c.id, 1, 1700000000000 + n.i * 86400000 + c.id, 3, 1, 4000, 2, 3.0, 5.0, n.i, 0, 0, 1, 1,
                        1700000000000, 1700000000000, 2, 4.0, 5.0, 2, 1700000000000 + (n.i + 2) * 86400000
                    FROM card c CROSS JOIN n""", REVIEWS_PER_CARD);
            h.execute("""
                    UPDATE card_state SET state = 2, stability = 4.0, difficulty = 5.0, reps = ?, scheduled_days = 2,
                        last_review = 1700000000000, due = 1800000000000""", REVIEWS_PER_CARD);
        });
        Path out = dir.resolve("big.apkg");
        Path log = dir.resolve("export.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process export = new ProcessBuilder(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.prepdeck.Main", "anki", "export", "Big", "--out", out.toString(),
                "--db", dir.resolve("test.db").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(export.waitFor(5, TimeUnit.MINUTES)).as("the export finishes").isTrue();
        assertThat(export.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("written to " + out);

        try (AnkiPackage read = new PackageReader().open(out)) {
            assertThat(read.collection().notes()).hasSize(CARDS);
            assertThat(read.collection().cards()).hasSize(CARDS).allMatch(card -> card.reps() == REVIEWS_PER_CARD);
            assertThat(read.collection().revlog()).hasSize(CARDS * REVIEWS_PER_CARD);
            assertThat(read.collection().notes()).filteredOn(note -> note.fields().get(0).contains("question 2999?"))
                    .singleElement().satisfies(note -> assertThat(note.fields().get(1)).contains("Answer 2999: "));
        }
    }

    /** A deck of CARDS cards, each with about 4 KB of text. */
    private static String bigDeck() {
        StringBuilder deck = new StringBuilder("# Big\n\n");
        String filler = "A sentence long enough to make the card's text weigh something in memory. ".repeat(25);
        for (int i = 1; i <= CARDS; i++) {
            deck.append("## What is question ").append(i).append("?\n<!-- id: q").append(i).append(" -->\n\n")
                    .append(filler).append("\n\nAnswer ").append(i).append(": ").append(filler).append("\n\n");
        }
        return deck.toString();
    }
}
