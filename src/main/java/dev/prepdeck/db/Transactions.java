package dev.prepdeck.db;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.transaction.TransactionException;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The one place that owns transactions: every {@code jdbi.inTransaction} / {@code useTransaction} and every
 * {@link Database#read} begins, commits and rolls back here.
 *
 * <ul>
 * <li>A write takes this process's fair writer lock, then {@code BEGIN IMMEDIATE}: writes run one at a time in
 * arrival order, and SQLite's own busy wait is left for other processes (a {@code prepdeck import} beside the
 * server).</li>
 * <li>A read ({@link Database#read}) begins DEFERRED and takes no lock: under WAL it reads one snapshot and never
 * waits for a writer.</li>
 * <li>BEGIN, COMMIT and ROLLBACK are sent as SQL on a connection left in auto-commit mode. sqlite-jdbc's own
 * {@code Connection.commit()} runs {@code commit;} and at once {@code begin immediate;} for a next transaction; that
 * second statement can fail with SQLITE_BUSY after the commit succeeded, so a saved review was reported as failed
 * (issue 19). Here a transaction is reported failed only when its COMMIT did not happen.</li>
 * </ul>
 *
 * On PostgreSQL several app instances write at once, so no process lock can order them. A read
 * ({@link Database#read}) is REPEATABLE READ READ ONLY: one snapshot, never waiting. A write is READ COMMITTED:
 * each statement sees what others committed before it, and a row another transaction is changing is waited for
 * (one learner's statistics hour, rated from two instances, is added to by both in turn). Where a write reads
 * before it writes, it locks what it reads: a review and an undo take their learner's row lock first
 * (ReviewRepository.lockLearner), so two instances rating the same card, or undoing, run one after the other on
 * the state the first left. A deadlock or serialization failure runs the whole transaction again from the start
 * (up to {@link #ATTEMPTS} times); transactions' work is database work only, so running it again is safe.
 *
 * <p>{@link Database#inSharedTransaction} (the study loop's ratings) runs through here too: {@link GroupCommit} puts
 * the SQLite writes that arrive together into one such write transaction.
 *
 * <p>A nested {@code inTransaction} on the same handle joins the outer transaction. Jdbi gives each handle its own
 * instance ({@link #specialize}), which keeps that handle's state; the lock is shared.
 */
final class Transactions implements TransactionHandler {
    /** How many times a PostgreSQL transaction is tried when it keeps meeting others in a deadlock. */
    static final int ATTEMPTS = 20;
    /** PostgreSQL's SQLSTATEs for "run the transaction again": serialization failure and deadlock. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private final Dialect dialect;
    private final ReentrantLock writer;
    private final Duration writerWait;
    private final Runnable afterWrite;
    private Kind open;

    private enum Kind { READ, WRITE }

    /** {@code afterWrite} is told after each committed write (Checkpoints). */
    Transactions(Dialect dialect, ReentrantLock writer, Duration writerWait, Runnable afterWrite) {
        this.dialect = dialect;
        this.writer = writer;
        this.writerWait = writerWait;
        this.afterWrite = afterWrite;
    }

    /**
     * Runs {@code work} holding this process's writer lock, outside any transaction: for work SQLite does as a
     * whole-file operation (a restore) that no writer of this process may interleave with.
     */
    static void exclusively(Jdbi jdbi, Runnable work) {
        Transactions transactions = (Transactions) jdbi.getTransactionHandler();
        transactions.lockWriter();
        try {
            work.run();
        } finally {
            transactions.writer.unlock();
        }
    }

    @Override
    public TransactionHandler specialize(Handle handle) {
        return new Transactions(dialect, writer, writerWait, afterWrite);
    }

    @Override
    public void begin(Handle handle) {
        if (open != null) {
            throw new TransactionException("a transaction is already open on this handle");
        }
        if (dialect == Dialect.POSTGRESQL) {
            boolean readOnly = handle.getConfig(Intent.class).readOnly;
            execute(handle, readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    : "BEGIN ISOLATION LEVEL READ COMMITTED");
            open = readOnly ? Kind.READ : Kind.WRITE;
            return;
        }
        if (handle.getConfig(Intent.class).readOnly) {
            execute(handle, "BEGIN DEFERRED");
            open = Kind.READ;
            return;
        }
        if (writer.isHeldByCurrentThread()) {
            // Its BEGIN IMMEDIATE would wait on this thread's own open write until the busy timeout.
            throw new TransactionException("a write transaction is already open in this thread on another handle: "
                    + "pass that Handle down instead of opening a second one");
        }
        lockWriter();
        try {
            execute(handle, "BEGIN IMMEDIATE");
        } catch (RuntimeException e) {
            writer.unlock();
            throw e;
        }
        open = Kind.WRITE;
    }

    private void lockWriter() {
        try {
            if (!writer.tryLock(writerWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TransactionException("another write has held the database for " + writerWait.toSeconds()
                        + " s; nothing was written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionException("interrupted while waiting to write; nothing was written", e);
        }
    }

    @Override
    public void commit(Handle handle) {
        requireOpen();
        try {
            execute(handle, "COMMIT");
        } catch (RuntimeException e) {
            // A COMMIT that failed left the transaction open (SQLite keeps it on SQLITE_BUSY): end it, unsaved.
            rollbackQuietly(handle, e);
            throw e;
        }
        boolean wrote = open == Kind.WRITE;
        end();
        if (wrote) {
            afterWrite.run();
        }
    }

    @Override
    public void rollback(Handle handle) {
        requireOpen();
        try {
            execute(handle, "ROLLBACK");
        } finally {
            end();
        }
    }

    /** Ends the transaction unsaved after a failure, keeping the failure as the thing reported. */
    private void rollbackQuietly(Handle handle, Throwable cause) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite ends a transaction by itself on some errors (a full disk, an I/O error): nothing is left to undo.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")
                    && !String.valueOf(e.getMessage()).contains("no transaction in progress")) {
                cause.addSuppressed(e);
            }
        } finally {
            end();
        }
    }

    private void end() {
        Kind was = open;
        open = null;
        if (was == Kind.WRITE && dialect == Dialect.SQLITE) {
            writer.unlock();
        }
    }

    private void requireOpen() {
        if (open == null) {
            throw new TransactionException("no transaction is open on this handle");
        }
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        return open != null;
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        if (open != null) {
            return callback.withHandle(handle);
        }
        for (int attempt = 1; ; attempt++) {
            begin(handle);
            R result;
            try {
                result = callback.withHandle(handle);
            } catch (Throwable failure) {
                rollbackQuietly(handle, failure);
                if (attempt < ATTEMPTS && mayRunAgain(failure)) {
                    pauseBeforeAttempt(attempt + 1);
                    continue;
                }
                throw failure;
            }
            try {
                commit(handle);
            } catch (RuntimeException failure) {
                if (attempt < ATTEMPTS && mayRunAgain(failure)) {
                    pauseBeforeAttempt(attempt + 1);
                    continue;
                }
                throw failure;
            }
            return result;
        }
    }

    /**
     * Waits a random while, longer after each failed attempt (up to about 0.1 s): transactions that deadlocked then
     * run again at different moments instead of meeting again.
     */
    private static void pauseBeforeAttempt(int attempt) {
        long most = TimeUnit.MILLISECONDS.toNanos(Math.min(100, 1L << Math.min(attempt, 7)));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(most));
    }

    /** Whether PostgreSQL refused the transaction only because another one changed the same rows first. */
    private boolean mayRunAgain(Throwable failure) {
        if (dialect != Dialect.POSTGRESQL) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLite transactions are serializable whatever the level asked for, and PostgreSQL's levels are chosen above
     * for reads and writes, so the level changes nothing.
     */
    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        return inTransaction(handle, callback);
    }

    @Override
    public void savepoint(Handle handle, String name) {
        requireOpen();
        execute(handle, "SAVEPOINT \"" + name.replace("\"", "\"\"") + "\"");
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        requireOpen();
        execute(handle, "ROLLBACK TO \"" + name.replace("\"", "\"\"") + "\"");
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        requireOpen();
        execute(handle, "RELEASE \"" + name.replace("\"", "\"\"") + "\"");
    }

    private static void execute(Handle handle, String sql) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TransactionException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Per handle: whether its transactions only read. {@link Database#read} sets it on the handle it opens. */
    public static final class Intent implements JdbiConfig<Intent> {
        private boolean readOnly;

        public Intent() {
        }

        private Intent(Intent other) {
            this.readOnly = other.readOnly;
        }

        void readOnly(boolean only) {
            readOnly = only;
        }

        boolean readOnly() {
            return readOnly;
        }

        @Override
        public Intent createCopy() {
            return new Intent(this);
        }
    }
}
