package dev.prepdeck.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Copies a SQLite file's write-ahead log back into the database file on a thread of its own, so that no request
 * waits for it (issue 19). Left to SQLite, the commit that takes the log past 1,000 pages copies them all and syncs
 * both files before its COMMIT returns: the slowest 1 % of one learner's ratings.
 *
 * <p>While writes come in, a PASSIVE checkpoint runs every {@link #interval}: it copies what no reader still needs
 * and never blocks a writer or a reader, and once the whole log is copied the next write starts it again from its
 * beginning, so the log stays near what {@code interval} of writing adds. After {@link #idle} without a write, a
 * TRUNCATE checkpoint (taken between two writes of this process) empties the log file, and the thread ends until the
 * next write. SQLite's own checkpoint at a commit stays as a bound far above that ({@link #BACKSTOP_PAGES}), for
 * writes made outside {@link Transactions} and for a log this thread cannot keep up with.
 *
 * <p>A checkpoint never changes what the file holds, only where committed pages are kept: a kill at any moment
 * leaves every committed transaction in the log or in the file.
 */
final class Checkpoints {
    /** SQLite's checkpoint at a commit, when the log holds this many pages (40 MB of 4 KB pages): a bound only. */
    static final int BACKSTOP_PAGES = 10_000;

    private final ConnectionFactory connections;
    private final ReentrantLock writer;
    private final Duration interval;
    private final Duration idle;
    private final int restartPages;
    private final Object guard = new Object();
    private long writes;
    private Thread worker;
    private boolean stopping;

    Checkpoints(ConnectionFactory connections, ReentrantLock writer, Duration interval, Duration idle,
                int restartPages) {
        this.connections = connections;
        this.writer = writer;
        this.interval = interval;
        this.idle = idle;
        this.restartPages = restartPages;
    }

    /** Told after every committed write; starts the thread when none is running. */
    void written() {
        synchronized (guard) {
            writes++;
            if (worker == null && !stopping) {
                worker = new Thread(this::work, "prepdeck-checkpoints");
                worker.setDaemon(true);
                worker.start();
            }
        }
    }

    /**
     * Stops the thread and empties the log into the file, waiting for a write or a read in progress: a clean
     * shutdown leaves the database in one file. A write after this starts the thread again.
     */
    void close() throws SQLException {
        Thread running;
        synchronized (guard) {
            stopping = true;
            running = worker;
            guard.notifyAll();
        }
        try {
            if (running != null) {
                running.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (guard) {
                stopping = false;
            }
        }
        truncate(Database.WAIT);
    }

    private void work() {
        long copied = -1;
        long lastWrite = System.nanoTime();
        while (true) {
            long seen;
            synchronized (guard) {
                if (!stopping) {
                    waitFor(interval);
                }
                if (stopping) {
                    worker = null;
                    return;
                }
                seen = writes;
            }
            try {
                if (seen != copied) {
                    copied = seen;
                    lastWrite = System.nanoTime();
                    copy();
                } else if (System.nanoTime() - lastWrite >= idle.toNanos() && truncate(Duration.ZERO)) {
                    synchronized (guard) {
                        if (writes == copied) {
                            worker = null;
                            return;
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // A checkpoint that failed (the disk, another process holding the file) copies nothing; the
                // pages stay in the log, as safe there, and the next round tries again.
                System.err.println("warning: copying the write-ahead log into the database file failed: "
                        + e.getMessage());
            }
        }
    }

    private void waitFor(Duration time) {
        try {
            guard.wait(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /**
     * Empties the log file, waiting up to {@code wait} for this process's writer and for readers of the log to
     * finish; false when one kept it.
     */
    private boolean truncate(Duration wait) throws SQLException {
        Result result = checkpoint("TRUNCATE", wait, true);
        return result != null && result.whole();
    }

    /**
     * Copies the log into the file without stopping anyone; when the log has grown past {@code restartPages}, also
     * copies its tail between two writes, so the next write starts it again from its beginning. Without that,
     * writes arriving faster than a checkpoint syncs the file would keep the log from ever being copied whole, and
     * it would grow.
     */
    void copy() throws SQLException {
        if (checkpoint("PASSIVE", Duration.ZERO, false).pages() >= restartPages) {
            checkpoint("PASSIVE", Database.WAIT, true);
        }
    }

    /**
     * Runs a checkpoint of {@code mode}, SQLite waiting up to {@code wait} for readers where the mode waits for
     * them; {@code betweenWrites}: holding this process's writer lock (waiting as long for it), which keeps this
     * process's writes from meeting the checkpoint in SQLite's busy wait. Null when the writer lock was not had.
     * The connection comes first and the lock second, in the order every write takes them: the other order
     * deadlocks with writes that hold every connection of the pool while they wait for the lock.
     */
    private Result checkpoint(String mode, Duration wait, boolean betweenWrites) throws SQLException {
        Connection connection = connections.openConnection();
        try (Statement statement = connection.createStatement()) {
            if (betweenWrites && !lockWriter(wait)) {
                return null;
            }
            try {
                statement.execute("PRAGMA busy_timeout = " + wait.toMillis());
                try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                    result.next();
                    return new Result(result.getInt(1) != 0, result.getInt(2), result.getInt(3));
                } finally {
                    statement.execute("PRAGMA busy_timeout = " + Database.WAIT.toMillis());
                }
            } finally {
                if (betweenWrites) {
                    writer.unlock();
                }
            }
        } finally {
            connections.closeConnection(connection);
        }
    }

    private boolean lockWriter(Duration wait) {
        try {
            return writer.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What a checkpoint found: the pages in the log and how many of them are now copied into the file. */
    private record Result(boolean busy, int pages, int copied) {
        boolean whole() {
            return !busy && pages == copied;
        }
    }

    /** Runs a checkpoint of {@code mode}, SQLite waiting up to {@code wait} for readers where the mode waits. */
    private Result checkpoint(String mode, Duration wait) throws SQLException {
        Connection connection = connections.openConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + wait.toMillis());
            try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                result.next();
                return new Result(result.getInt(1) != 0, result.getInt(2), result.getInt(3));
            } finally {
                statement.execute("PRAGMA busy_timeout = " + Database.WAIT.toMillis());
            }
        } finally {
            connections.closeConnection(connection);
        }
    }
}
