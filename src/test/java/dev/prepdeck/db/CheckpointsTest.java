package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The write-ahead log is copied into a SQLite file off the request path: a commit never checkpoints below SQLite's
 * far bound, the log starts again once copied whole, it is emptied when writes stop and at close, and nothing
 * written is lost by it.
 */
class CheckpointsTest {
    @TempDir
    Path tempDir;

    /** 64 KB: sixteen 4 KB pages of log per row written. */
    private static final int BLOB = 64 * 1024;

    @Test
    void the_apps_connections_leave_checkpoints_to_their_own_thread_but_for_a_far_bound() {
        Jdbi jdbi = Database.open(tempDir.resolve("pragma.db"));

        int pages = jdbi.withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());

        assertThat(pages).isEqualTo(Checkpoints.BACKSTOP_PAGES).isGreaterThan(1_000);
    }

    @Test
    void once_writes_stop_the_log_is_emptied_into_the_file_and_keeps_every_row() {
        Path file = tempDir.resolve("idle.db");
        Jdbi jdbi = Database.open(file);
        jdbi.useHandle(h -> h.execute("CREATE TABLE payload (id INTEGER PRIMARY KEY, body BLOB)"));

        for (int i = 0; i < 50; i++) {
            jdbi.useTransaction(h -> insertBlob(h));
        }

        Path log = Path.of(file + "-wal");
        waitUntil("the log file is emptied", () -> sizeOf(log) == 0);
        assertThat(rows(jdbi)).isEqualTo(50);
    }

    @Test
    void a_log_copied_whole_starts_again_from_its_beginning_at_the_next_write() throws Exception {
        Path file = tempDir.resolve("restart.db");
        ReentrantLock writer = new ReentrantLock(true);
        ConnectionPool pool = new ConnectionPool(() -> connectionsWithoutCheckpoints(file).getConnection(), 4,
                Duration.ofSeconds(5));
        // An interval and an idle time no test waits for: only copy() below checkpoints.
        Checkpoints checkpoints = new Checkpoints(pool, writer, Duration.ofHours(1), Duration.ofHours(1), 100);
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.setTransactionHandler(new Transactions(Dialect.SQLITE, writer, Duration.ofSeconds(5), () -> { }));
        jdbi.useHandle(h -> h.execute("CREATE TABLE payload (id INTEGER PRIMARY KEY, body BLOB)"));
        for (int i = 0; i < 20; i++) {
            jdbi.useTransaction(h -> insertBlob(h));
        }
        int before = logPages(jdbi);

        checkpoints.copy();
        jdbi.useTransaction(h -> insertBlob(h));

        assertThat(before).as("twenty rows of sixteen pages").isGreaterThan(300);
        assertThat(logPages(jdbi)).as("one row's pages, written from the log's beginning").isLessThan(30);
        assertThat(rows(jdbi)).isEqualTo(21);
        pool.closeIdle();
    }

    @Test
    void closing_the_database_leaves_it_in_one_file() {
        Path file = tempDir.resolve("closed.db");
        Jdbi jdbi = Database.open(file);
        jdbi.useHandle(h -> h.execute("CREATE TABLE payload (id INTEGER PRIMARY KEY, body BLOB)"));
        for (int i = 0; i < 30; i++) {
            jdbi.useTransaction(h -> insertBlob(h));
        }
        // A reader holding a connection open: the last connection to close would otherwise empty the log itself.
        Jdbi other = Database.open(file);
        other.useHandle(h -> {
            Database.close(jdbi);

            assertThat(sizeOf(Path.of(file + "-wal"))).isZero();
            assertThat(h.createQuery("SELECT COUNT(*) FROM payload").mapTo(Integer.class).one()).isEqualTo(30);
        });
        Database.close(other);
    }

    private static void insertBlob(Handle h) {
        h.createUpdate("INSERT INTO payload (body) VALUES (randomblob(:size))").bind("size", BLOB).execute();
    }

    private static int rows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payload").mapTo(Integer.class).one());
    }

    /** The pages in the log now: what a checkpoint that copies nothing new reports. */
    private static int logPages(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                .map((rs, ctx) -> rs.getInt(2)).one());
    }

    private static SQLiteDataSource connectionsWithoutCheckpoints(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0");
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for {@code condition}, checking every few milliseconds, for at most a minute (a loaded machine). */
    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
