package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work that two app instances on one PostgreSQL database must not do at the same time (the start-up import). */
class OneInstanceAtATimeTest {
    @TempDir
    Path tempDir;

    @Test
    void the_second_instance_waits_until_the_first_has_finished() throws Exception {
        Jdbi first = TestDatabase.POSTGRESQL.open(tempDir);
        Jdbi second = TestDatabase.anotherInstance(first);
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> Database.oneInstanceAtATime(first, "job", () -> {
            events.add("first starts");
            firstInside.countDown();
            await(letFirstFinish);
            events.add("first ends");
        }));
        assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> Database.oneInstanceAtATime(second, "job",
                () -> events.add("second runs")));
        // The second is waiting for the lock: PostgreSQL shows its advisory lock as not granted.
        waitUntil(() -> first.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").mapTo(Integer.class).one()) == 1);
        assertThat(events).containsExactly("first starts");
        letFirstFinish.countDown();
        one.get(30, TimeUnit.SECONDS);
        two.get(30, TimeUnit.SECONDS);

        assertThat(events).containsExactly("first starts", "first ends", "second runs");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            never.await(20, TimeUnit.MILLISECONDS);
        }
    }
}
