package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The one place that owns transactions: how writes and reads begin and end, and what a failure leaves behind. */
class TransactionsTest {
    @TempDir
    Path tempDir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /**
     * What reaches SQLite for a write: BEGIN IMMEDIATE, the statements, COMMIT, and nothing after. sqlite-jdbc's
     * Connection.commit() sends "commit;" and then "begin immediate;" for a next transaction; when another writer
     * took the lock in between, that second statement failed and a committed review was reported as failed.
     */
    @Test
    void a_write_ends_with_its_commit_and_opens_no_next_transaction() {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + tempDir.resolve("recorded.db"));
        Jdbi jdbi = Jdbi.create(() -> recording(sqlite.getConnection(), sent))
                .setTransactionHandler(new Transactions(Dialect.SQLITE, new ReentrantLock(true), Duration.ofSeconds(5), () -> { }));
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (x INTEGER)"));
        sent.clear();

        jdbi.useTransaction(h -> h.execute("INSERT INTO t VALUES (1)"));
        Integer read = Database.read(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());

        assertThat(read).isEqualTo(1);
        assertThat(sent).containsExactly("BEGIN IMMEDIATE", "INSERT INTO t VALUES (1)", "COMMIT",
                "BEGIN DEFERRED", "SELECT COUNT(*) FROM t", "COMMIT");
    }

    /** A connection that notes each SQL statement and each JDBC transaction call made on it. */
    private static Connection recording(Connection connection, List<String> sent) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit", "rollback" -> sent.add("Connection." + method.getName() + "()");
                        case "setAutoCommit" -> sent.add("Connection.setAutoCommit(" + args[0] + ")");
                        case "prepareStatement" -> sent.add((String) args[0]);
                        default -> {
                        }
                    }
                    Object result = invoke(method, connection, args);
                    if (method.getName().equals("createStatement")) {
                        Statement statement = (Statement) result;
                        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                                (p, m, a) -> {
                                    if (m.getName().startsWith("execute")) {
                                        sent.add((String) a[0]);
                                    }
                                    return invoke(m, statement, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void a_failed_write_leaves_nothing_and_the_next_write_goes_ahead() {
        Jdbi jdbi = Database.open(tempDir.resolve("failed.db"));
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            h.execute("INSERT INTO deck (name, created_at, updated_at) VALUES ('Half-written', 0, 0)");
            h.execute("INSERT INTO deck (name, created_at, updated_at) VALUES ('Half-written', 0, 0)");
        })).hasMessageContaining("UNIQUE constraint failed");

        jdbi.useTransaction(h -> h.execute("INSERT INTO deck (name, created_at, updated_at) VALUES ('Whole', 0, 0)"));

        List<String> decks = jdbi.withHandle(h -> h.createQuery("SELECT name FROM deck").mapTo(String.class).list());
        assertThat(decks).containsExactly("Whole");
    }

    @Test
    void a_second_write_opened_inside_a_write_fails_at_once_instead_of_waiting_for_itself() {
        Jdbi jdbi = Database.open(tempDir.resolve("nested.db"));
        // (jdbi.useTransaction inside a transaction joins it; a handle opened by hand is a second connection.)
        CompletableFuture<Void> nested = CompletableFuture.runAsync(() -> jdbi.useTransaction(outer -> {
            try (Handle second = jdbi.open()) {
                second.useTransaction(inner -> inner.execute("DELETE FROM deck"));
            }
        }), threads);

        assertThatThrownBy(() -> nested.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TransactionException.class)
                .hasMessageContaining("pass that Handle down");
        // The outer write was rolled back and let go of the lock: the next write goes ahead.
        jdbi.useTransaction(h -> h.execute("INSERT INTO deck (name, created_at, updated_at) VALUES ('After', 0, 0)"));
    }

    @Test
    void a_read_does_not_wait_for_an_open_write_and_sees_the_last_commit() throws Exception {
        Jdbi jdbi = Database.open(tempDir.resolve("reads.db"));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> jdbi.useTransaction(h -> {
            h.execute("INSERT INTO deck (name, created_at, updated_at) VALUES ('Uncommitted', 0, 0)");
            writing.countDown();
            await(finish);
        }), threads);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        Integer decks = CompletableFuture.supplyAsync(() -> Database.read(jdbi,
                        h -> h.createQuery("SELECT COUNT(*) FROM deck").mapTo(Integer.class).one()), threads)
                .get(10, TimeUnit.SECONDS);

        assertThat(decks).as("read while the write is open").isZero();
        finish.countDown();
        write.get(10, TimeUnit.SECONDS);
        Integer after = Database.read(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM deck").mapTo(Integer.class).one());
        assertThat(after).isEqualTo(1);
    }

    @Test
    void a_thread_that_holds_a_connection_gets_a_second_one_even_when_all_are_lent() throws Exception {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + tempDir.resolve("pool.db"));
        ConnectionPool pool = new ConnectionPool(sqlite::getConnection, 1, Duration.ofSeconds(30));

        Connection first = pool.openConnection();
        Connection nested = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.openConnection();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, Runnable::run).get(10, TimeUnit.SECONDS);

        assertThat(nested).isNotSameAs(first);
        pool.closeConnection(nested);
        assertThat(nested.isClosed()).as("a connection beyond the limit is not kept").isTrue();
        pool.closeConnection(first);
        Connection reused = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.openConnection();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, threads).get(10, TimeUnit.SECONDS);
        assertThat(reused).as("the connection is reused, not opened again").isSameAs(first);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
