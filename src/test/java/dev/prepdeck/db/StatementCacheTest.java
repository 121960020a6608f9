package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prepared statements kept between requests on a pooled SQLite connection: they run the same as fresh ones, a kept
 * query stopped after its first row holds no snapshot (the next read sees later writes, a checkpoint is not held
 * back), and closing the database still empties the log.
 */
class StatementCacheTest {
    @TempDir
    Path tempDir;

    @Test
    void a_query_run_again_binds_its_new_values_and_sees_what_was_written_since() {
        Jdbi jdbi = numbers(tempDir.resolve("again.db"), 5);

        for (int round = 0; round < 3; round++) {
            int n = round;
            jdbi.useTransaction(h -> h.execute("INSERT INTO number (value) VALUES (?)", 100 + n));
            for (int i = 1; i <= 5; i++) {
                int value = i;
                Integer tenfold = jdbi.withHandle(h -> h.createQuery("SELECT value * 10 FROM number WHERE value = :v")
                        .bind("v", value).mapTo(Integer.class).one());
                assertThat(tenfold).isEqualTo(value * 10);
            }
            assertThat(one(jdbi, "SELECT COUNT(*) FROM number")).isEqualTo(6 + round);
        }
    }

    @Test
    void a_kept_query_read_only_to_its_first_row_holds_no_snapshot_of_the_file() {
        Jdbi jdbi = numbers(tempDir.resolve("snapshot.db"), 200);
        String firstRow = "SELECT value FROM number ORDER BY value";
        assertThat(first(jdbi, firstRow)).contains(1);

        jdbi.useTransaction(h -> h.execute("DELETE FROM number WHERE value = 1"));

        assertThat(first(jdbi, firstRow)).contains(2);
        // A statement left mid-result would pin the log: a TRUNCATE checkpoint then reports itself blocked (1).
        List<Integer> checkpoint = jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
                .map((rs, ctx) -> rs.getInt(1)).list());
        assertThat(checkpoint).containsExactly(0);
    }

    @Test
    void a_copy_of_the_file_is_written_after_kept_statements_ran_on_its_connection() {
        Jdbi jdbi = numbers(tempDir.resolve("copied.db"), 50);
        for (int i = 0; i < 3; i++) {
            first(jdbi, "SELECT value FROM number ORDER BY value");
            one(jdbi, "SELECT COUNT(*) FROM number");
            jdbi.useTransaction(h -> h.execute("UPDATE number SET value = value + 1 WHERE id = 1"));
            DatabaseFiles.copy(jdbi, tempDir.resolve("copy" + i + ".db"));
        }

        assertThat(tempDir.resolve("copy2.db")).exists();
    }

    @Test
    void generated_keys_come_back_for_each_insert_of_a_kept_statement() {
        Jdbi jdbi = numbers(tempDir.resolve("keys.db"), 0);

        List<Long> ids = jdbi.inTransaction(h -> List.of(1, 2, 3).stream()
                .map(v -> h.createUpdate("INSERT INTO number (value) VALUES (:v)").bind("v", v)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one())
                .toList());

        assertThat(ids).containsExactly(1L, 2L, 3L);
    }

    @Test
    void closing_the_database_still_empties_the_log_into_the_file() throws Exception {
        Path file = tempDir.resolve("close.db");
        Jdbi jdbi = numbers(file, 50);
        for (int i = 0; i < 20; i++) {
            first(jdbi, "SELECT value FROM number ORDER BY value");
        }

        Database.close(jdbi);

        Path log = Path.of(file + "-wal");
        assertThat(Files.exists(log) ? Files.size(log) : 0).isZero();
    }

    @Test
    void statements_past_a_connections_bound_are_closed_and_prepared_again_when_asked() {
        Jdbi jdbi = numbers(tempDir.resolve("bounded.db"), 3);

        for (int i = 0; i < StatementCache.PER_CONNECTION * 3; i++) {
            // Each text differs, as a list's placeholders do; every one still answers right.
            assertThat(one(jdbi, "SELECT COUNT(*) + " + i + " FROM number")).isEqualTo(3 + i);
        }

        assertThat(one(jdbi, "SELECT COUNT(*) + 0 FROM number")).isEqualTo(3);
    }

    private static int one(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static Optional<Integer> first(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).findFirst());
    }

    private static Jdbi numbers(Path file, int rows) {
        Jdbi jdbi = Database.open(file);
        jdbi.useTransaction(h -> {
            h.execute("CREATE TABLE number (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)");
            for (int i = 1; i <= rows; i++) {
                h.execute("INSERT INTO number (value) VALUES (?)", i);
            }
        });
        return jdbi;
    }
}
