package dev.prepdeck.review;

import static dev.prepdeck.TestData.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.Rating;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two browser tabs (or a tab and the API) rating at once must never lose a review to SQLITE_BUSY. */
class ConcurrentReviewsTest {
    @TempDir
    Path tempDir;

    @Test
    void ratings_from_many_threads_all_land_in_the_log() throws Exception {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        Jdbi jdbi = collection.jdbi();
        ReviewService reviews = new ReviewService(jdbi, new DeckRepository(), new ReviewRepository(), collection.clock());
        List<Long> cards = TestData.list(jdbi, "SELECT id FROM card", Long.class);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    reviews.rate(Learner.DEFAULT_ID, cards.get(i % cards.size()), Rating.GOOD, 1000, null);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(150);
        assertThat(one(jdbi, "SELECT SUM(reps) FROM card_state", Integer.class)).isEqualTo(150);
    }

    /**
     * Ratings that arrive while another write is being written are committed together (db/GroupCommit); a retried
     * request in the same batch as its first try finds the review its first try wrote, and rates nothing.
     */
    @Test
    void a_retried_rating_committed_in_the_same_batch_as_its_first_try_is_stored_once() throws Exception {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        Jdbi jdbi = collection.jdbi();
        assumeTrue(Dialect.of(jdbi) == Dialect.SQLITE, "SQLite only: group commit batches ratings behind SQLite's one"
                + " writer; on PostgreSQL each rating is its own transaction (a retried rating: ReviewApiTest)");
        ReviewService reviews = new ReviewService(jdbi, new DeckRepository(), new ReviewRepository(), collection.clock());
        long card = TestData.list(jdbi, "SELECT id FROM card", Long.class).get(0);
        List<Thread> raters = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work);
            raters.add(thread);
            return thread;
        });
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> held = pool.submit(() -> Database.inSharedTransaction(jdbi, h -> {
            writing.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

        RequestId requestId = new RequestId("tab-1-card-1");
        Future<ReviewResult> first = pool.submit(() -> reviews.rate(Learner.DEFAULT_ID, card, Rating.GOOD, 1000, null,
                requestId));
        Future<ReviewResult> retry = pool.submit(() -> reviews.rate(Learner.DEFAULT_ID, card, Rating.GOOD, 1000, null,
                requestId));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (raters.stream().skip(1).filter(t -> t.getState() == Thread.State.WAITING).count() < 2) {
            assertThat(System.nanoTime()).as("both ratings queued behind the held write").isLessThan(deadline);
            Thread.onSpinWait();
        }
        release.countDown();
        held.get(30, TimeUnit.SECONDS);

        assertThat(retry.get(30, TimeUnit.SECONDS).due()).isEqualTo(first.get(30, TimeUnit.SECONDS).due());
        pool.shutdown();
        assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(1);
        assertThat(one(jdbi, "SELECT reps FROM card_state WHERE card_id = " + card, Integer.class)).isEqualTo(1);
    }
}
