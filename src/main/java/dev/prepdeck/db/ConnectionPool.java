package dev.prepdeck.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Keeps SQLite connections open between requests. Opening one reads and parses the whole schema (the statistics
 * triggers included), and closing the last one checkpoints the WAL: together more than most requests' queries cost.
 *
 * <p>At most {@code size} connections are lent at once; a request beyond that waits its turn, which bounds memory
 * and the threads working the two cores. A thread that already holds a connection (a read on a second handle while
 * the first is open) never waits: it gets a connection of its own, closed when returned, so nesting cannot deadlock
 * the pool. Idle connections are reused newest first, whose page cache is warmest.
 *
 * <p>Written here rather than taken from HikariCP: SQLite needs none of a network pool's keep-alive, validation or
 * background threads, and a pool that opens connections only when asked costs nothing in the hundreds of test
 * collections a test run opens.
 */
final class ConnectionPool implements ConnectionFactory {
    private final ConnectionFactory source;
    private final int size;
    private final Duration wait;
    private final Semaphore lent;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> extra = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<int[]> heldByThisThread = ThreadLocal.withInitial(() -> new int[1]);

    ConnectionPool(ConnectionFactory source, int size, Duration wait) {
        this.source = source;
        this.size = size;
        this.wait = wait;
        this.lent = new Semaphore(size, true);
    }

    @Override
    public Connection openConnection() throws SQLException {
        int[] held = heldByThisThread.get();
        Connection connection;
        if (held[0] > 0 && !lent.tryAcquire()) {
            connection = source.openConnection();
            extra.add(connection);
        } else {
            if (held[0] == 0) {
                acquire();
            }
            Connection reused = idle.pollFirst();
            try {
                connection = reused != null ? reused : source.openConnection();
            } catch (SQLException | RuntimeException e) {
                lent.release();
                throw e;
            }
        }
        held[0]++;
        return connection;
    }

    private void acquire() throws SQLException {
        try {
            if (!lent.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLException("all " + size + " database connections have been in use for "
                        + wait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        heldByThisThread.get()[0]--;
        if (extra.remove(connection)) {
            connection.close();
            return;
        }
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                // Code that drove JDBC transactions itself left one open: never lend it to the next request.
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (!connection.isClosed()) {
                idle.offerFirst(connection);
            }
        } finally {
            lent.release();
        }
    }

    /** Closes the idle connections; the last one to close checkpoints the WAL into the database file. */
    void closeIdle() throws SQLException {
        for (Connection c = idle.pollLast(); c != null; c = idle.pollLast()) {
            c.close();
        }
    }

    int size() {
        return size;
    }
}
