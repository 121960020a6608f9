package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short writes arriving together share one commit; each is acknowledged, or refused, on its own. */
class GroupCommitTest {
    @TempDir
    Path tempDir;

    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final ThreadFactory threads = work -> {
        Thread thread = new Thread(work);
        started.add(thread);
        return thread;
    };
    private final ExecutorService callers = Executors.newCachedThreadPool(threads);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void writes_that_arrive_during_a_write_are_committed_together_and_a_refused_one_is_rolled_back_alone()
            throws Exception {
        Jdbi jdbi = Database.open(tempDir.resolve("group.db"));
        jdbi.useHandle(h -> h.execute("CREATE TABLE written (x INTEGER NOT NULL)"));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Handle> first = CompletableFuture.supplyAsync(() -> Database.inSharedTransaction(jdbi, h -> {
            insert(h, 1);
            writing.countDown();
            await(release);
            return h;
        }), callers);
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Handle> second = write(jdbi, 2, false);
        CompletableFuture<Handle> refused = write(jdbi, 3, true);
        CompletableFuture<Handle> fourth = write(jdbi, 4, false);
        CompletableFuture<Handle> refusedBeforeWriting = CompletableFuture.supplyAsync(
                () -> Database.inSharedTransaction(jdbi, h -> {
                    throw new IllegalArgumentException("refused before writing");
                }), callers);
        waitUntilParked(4);
        release.countDown();

        Handle secondRanOn = second.get(30, TimeUnit.SECONDS);
        assertThat(fourth.get(30, TimeUnit.SECONDS)).as("one batch, one handle, one transaction")
                .isSameAs(secondRanOn).isNotSameAs(first.get(30, TimeUnit.SECONDS));
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("refused 3");
        assertThatThrownBy(() -> refusedBeforeWriting.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalArgumentException.class).cause().hasMessage("refused before writing");
        assertThat(written(jdbi)).containsExactly(1, 2, 4);
    }

    @Test
    void a_lone_write_that_fails_leaves_nothing_and_the_next_one_is_written() {
        Jdbi jdbi = Database.open(tempDir.resolve("alone.db"));
        jdbi.useHandle(h -> h.execute("CREATE TABLE written (x INTEGER NOT NULL)"));

        assertThatThrownBy(() -> Database.inSharedTransaction(jdbi, h -> {
            insert(h, 1);
            throw new IllegalStateException("refused 1");
        })).hasMessage("refused 1");
        Database.inSharedTransaction(jdbi, h -> insert(h, 2));

        assertThat(written(jdbi)).containsExactly(2);
    }

    private CompletableFuture<Handle> write(Jdbi jdbi, int x, boolean refuse) {
        return CompletableFuture.supplyAsync(() -> Database.inSharedTransaction(jdbi, h -> {
            insert(h, x);
            if (refuse) {
                throw new IllegalStateException("refused " + x);
            }
            return h;
        }), callers);
    }

    private static List<Integer> written(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT x FROM written ORDER BY x").mapTo(Integer.class).list());
    }

    private static int insert(Handle h, int x) {
        return h.createUpdate("INSERT INTO written (x) VALUES (:x)").bind("x", x).execute();
    }

    /** Waits until {@code count} callers besides the first are parked, queued behind the write being written. */
    private void waitUntilParked(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (started.stream().skip(1).filter(t -> t.getState() == Thread.State.WAITING).count() < count) {
            assertThat(System.nanoTime()).as("callers queued").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
