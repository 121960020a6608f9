package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Mapped pages of the database file count in the server's resident memory; with a map as large as the file, a
     * 500 MB collection brought the server past 512 MB. Every pooled connection maps only the first part.
     */
    @Test
    void connections_map_only_a_bounded_part_of_the_database_file() {
        Jdbi jdbi = Database.open(tempDir.resolve("mapped.db"));

        List<Long> mapped = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mapped.add(jdbi.withHandle(h -> h.createQuery("PRAGMA mmap_size").mapTo(Long.class).one()));
        }

        assertThat(mapped).allSatisfy(bytes -> assertThat(bytes).isPositive().isLessThanOrEqualTo(128L << 20));
    }

    /**
     * FTS5 deletes merged segments of its index with {@code DELETE FROM x_data WHERE id >= ? AND id <= ?}. With
     * statistics taken while the index was new (2 rows), SQLite read the whole table for it at every merge, and
     * filling the index took time quadratic in its size. A collection opened again, as at every start, must still
     * seek those rows by id.
     */
    @Test
    void the_full_text_indexes_delete_merged_segments_by_seeking_ids_after_the_collection_is_opened_again() {
        Path file = tempDir.resolve("reopened.db");
        Database.close(Database.open(file));
        Jdbi jdbi = Database.open(file);

        for (String table : List.of("card_text_index_data", "card_text_cjk_data")) {
            assertThat(plan(jdbi, "DELETE FROM " + table + " WHERE id >= 10 AND id <= 20")).as(table)
                    .containsExactly("SEARCH " + table + " USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)");
        }
        int statistics = jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE 'sqlite_stat%'").mapTo(Integer.class).one());
        assertThat(statistics).as("no planner statistics").isZero();
    }

    private static List<String> plan(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> {
            List<String> steps = new ArrayList<>();
            try (Statement statement = h.getConnection().createStatement();
                 ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
            } catch (SQLException e) {
                throw new AssertionError("cannot explain " + sql, e);
            }
            return steps;
        });
    }
}
