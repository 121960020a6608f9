package dev.prepdeck.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionException;
import org.sqlite.SQLiteConnection;

/**
 * Group commit for SQLite's one writer: short writes that arrive while another is being written wait in a queue, and
 * the next of their threads to run takes every one waiting and writes them in ONE transaction; a write that fails is
 * left out, its caller gets its failure, and the others are written without it. Every caller returns only
 * after the COMMIT that holds its write, or with the failure that kept it from being committed.
 *
 * <p>Why: with one write transaction per request, 32 request threads hand the writer lock to each other one commit at
 * a time, each handoff a park, an unpark and a switch of threads, and each commit writes the pages every rating
 * shares (the statistics hour, the index pages) to the log again. A batch pays for those once.
 *
 * <p>No thread of its own: the thread that finds no batch being written leads (flat combining), writes the queue on
 * its own connection and wakes the callers; when it is done it wakes the first caller still waiting, which leads the
 * next batch. Callers that wait hold no connection.
 */
final class GroupCommit {
    /** Most writes in one transaction: bounds how long the leading request waits for the others' writes. */
    static final int MOST_PER_COMMIT = 64;

    private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean leading = new AtomicBoolean();

    /** Runs {@code work} in a transaction it may share with writes that arrive at the same time; see the class. */
    <R> R run(Jdbi jdbi, HandleCallback<R, RuntimeException> work) {
        Pending<R> mine = new Pending<>(work);
        waiting.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (leading.compareAndSet(false, true)) {
                try {
                    while (!mine.done) {
                        commitWaiting(jdbi);
                    }
                } finally {
                    leading.set(false);
                }
                // A write queued after the last batch was taken finds leading still set: its thread may be parked.
                Pending<?> next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                LockSupport.park(this);
                // An interrupt cannot take back a write that may be in the batch being written: wait for its outcome.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome();
    }

    /**
     * Writes what waits (up to {@link #MOST_PER_COMMIT}) in one transaction, then tells each caller. A write that fails
     * keeps its failure. When it had changed no row (most do: a card suspended since it was shown, an unknown card),
     * nothing is undone and the batch goes on; when it had, the transaction is rolled back and the others run again
     * without it in a new one. A SAVEPOINT per write would roll back only its own, but SQLite copies every page a
     * savepoint changes into a journal file of its own: 12 more {@code pwrite64} per rating (BENCHMARKS.md).
     */
    private void commitWaiting(Jdbi jdbi) {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> next; batch.size() < MOST_PER_COMMIT && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        List<Pending<?>> toWrite = new ArrayList<>(batch);
        try {
            while (!toWrite.isEmpty()) {
                try {
                    jdbi.useTransaction(h -> writeAll(h, toWrite));
                    return;
                } catch (Refused refused) {
                    toWrite.remove(refused.pending);
                }
            }
        } catch (RuntimeException | Error failure) {
            // Nothing of these writes was committed.
            toWrite.forEach(pending -> pending.failed(failure));
        } finally {
            batch.forEach(Pending::finish);
        }
    }

    /** Runs the writes in {@code h}'s transaction, leaving out those that fail before changing a row. */
    private static void writeAll(Handle h, List<Pending<?>> toWrite) {
        for (Iterator<Pending<?>> writes = toWrite.iterator(); writes.hasNext(); ) {
            Pending<?> pending = writes.next();
            // Rows changed by statements that completed, triggers' included; a statement that failed undid its own.
            long changed = rowsChanged(h);
            try {
                pending.runIn(h);
            } catch (Refused refused) {
                // A database error may have ended the transaction by itself (a full disk): then all is rolled back.
                if (rowsChanged(h) != changed || fromTheDatabase(refused.pending.failure)) {
                    throw refused;
                }
                writes.remove();
            }
        }
    }

    private static boolean fromTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** Rows changed on {@code h}'s connection since it was opened. */
    private static long rowsChanged(Handle h) {
        try {
            return h.getConnection().unwrap(SQLiteConnection.class).getDatabase().total_changes();
        } catch (SQLException e) {
            throw new TransactionException("could not count the rows a write changed: " + e.getMessage(), e);
        }
    }

    /** One write of a batch failed: the transaction is rolled back, and the write keeps its own failure. */
    private static final class Refused extends RuntimeException {
        private final transient Pending<?> pending;

        Refused(Pending<?> pending) {
            super(null, null, false, false);
            this.pending = pending;
        }
    }

    /** One caller's write, and what became of it. */
    private static final class Pending<R> {
        private final HandleCallback<R, RuntimeException> work;
        private final Thread caller = Thread.currentThread();
        private R result;
        private Throwable failure;
        private volatile boolean done;

        Pending(HandleCallback<R, RuntimeException> work) {
            this.work = work;
        }

        /** Runs the write in {@code h}'s transaction; its failure is kept and ends that transaction. */
        void runIn(Handle h) {
            try {
                result = work.withHandle(h);
                failure = null;
            } catch (RuntimeException | Error e) {
                failure = e;
                throw new Refused(this);
            }
        }

        void failed(Throwable why) {
            failure = why;
        }

        /** Publishes the outcome (the volatile write) and wakes the caller. */
        void finish() {
            done = true;
            LockSupport.unpark(caller);
        }

        R outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
