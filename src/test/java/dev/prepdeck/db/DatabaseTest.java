package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every handle of an opened database can map without registering anything itself. */
class DatabaseTest {
    @TempDir
    Path tempDir;

    record Row(long cardId, State stateBefore, Rating rating, Rating maybeRating) {
    }

    @Test
    void records_map_from_snake_case_columns_and_states_and_ratings_are_stored_as_ts_fsrs_numbers() {
        Jdbi jdbi = Database.open(tempDir.resolve("mapping.db"));

        Row row = jdbi.withHandle(h -> h.createQuery("""
                        SELECT 7 AS card_id, :state AS state_before, :rating AS rating, NULL AS maybe_rating""")
                .bind("state", State.RELEARNING).bind("rating", Rating.HARD)
                .mapTo(Row.class).one());
        int[] numbers = jdbi.withHandle(h -> h.createQuery("SELECT :state AS s, :rating AS r")
                .bind("state", State.RELEARNING).bind("rating", Rating.HARD)
                .map((rs, ctx) -> new int[] {rs.getInt("s"), rs.getInt("r")}).one());

        assertThat(row).isEqualTo(new Row(7, State.RELEARNING, Rating.HARD, null));
        assertThat(numbers).containsExactly(3, 2);
    }

    @Test
    void a_read_sees_one_snapshot_and_does_not_hold_back_a_writer() {
        Jdbi jdbi = Database.open(tempDir.resolve("snapshot.db"));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            int[] seen = Database.read(jdbi, h -> {
                int before = h.createQuery("SELECT COUNT(*) FROM deck").mapTo(Integer.class).one();
                // A write transaction commits while this read is still open: it must not wait for the read to end.
                CompletableFuture.runAsync(() -> jdbi.useTransaction(w -> w.execute(
                                "INSERT INTO deck (name, created_at, updated_at) VALUES ('Written meanwhile', 0, 0)")), writer)
                        .orTimeout(5, TimeUnit.SECONDS).join();
                int after = h.createQuery("SELECT COUNT(*) FROM deck").mapTo(Integer.class).one();
                return new int[] {before, after};
            });
            assertThat(seen[1]).as("the read's snapshot does not change").isEqualTo(seen[0]);
            int now = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deck").mapTo(Integer.class).one());
            assertThat(now).isEqualTo(seen[0] + 1);
        } finally {
            writer.shutdown();
        }
    }
}
