package dev.prepdeck.backup;

import dev.prepdeck.review.Learner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.check.DatabaseCheck;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseFiles;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore from the page while other requests rate cards and read pages: the app's connections carry on. */
class ConcurrentRestoreTest {
    @TempDir
    Path tempDir;

    @Test
    void ratings_and_reads_during_a_restore_all_succeed_and_leave_a_consistent_collection() throws Exception {
        // SQLite: restoring replaces the database file; PostgreSQL's restores are its operator's
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "networking.md",
                TestData.NETWORKING_DECK);
        Jdbi jdbi = collection.jdbi();
        ReviewService reviews = new ReviewService(jdbi, new DeckRepository(), new ReviewRepository(), collection.clock());
        List<Long> cards = TestData.list(jdbi, "SELECT id FROM card", Long.class);
        Backups backups = Backups.of(jdbi, collection.clock(), ZoneOffset.UTC);
        Backup empty = backups.write(Reason.MANUAL);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean restored = new AtomicBoolean();
        AtomicInteger ratedAfter = new AtomicInteger();
        AtomicInteger rated = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(4);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 2; thread++) {
            done.add(pool.submit(() -> {
                started.countDown();
                for (int i = 0; i < 40 || !restored.get(); i++) {
                    boolean after = restored.get();
                    reviews.rate(Learner.DEFAULT_ID, cards.get(i % cards.size()), Rating.GOOD, 1000, null);
                    rated.incrementAndGet();
                    if (after) {
                        ratedAfter.incrementAndGet();
                    }
                }
            }));
            done.add(pool.submit(() -> {
                started.countDown();
                for (int i = 0; i < 200 || !restored.get(); i++) {
                    Database.read(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM card c JOIN card_state s"
                            + " ON s.card_id = c.id").mapTo(Integer.class).one());
                }
            }));
        }
        started.await();
        while (rated.get() < 10) {
            Thread.onSpinWait();
        }
        backups.restore(empty.file());
        restored.set(true);
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(DatabaseFiles.integrityProblems(Database.file(jdbi))).isEmpty();
        // the backup had no reviews: those rated before the restore are gone, those after it are on the restored data
        // (a rating still waiting for the writer when the restore returned counts among those before, yet stays)
        assertThat(TestData.one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class))
                .isGreaterThanOrEqualTo(ratedAfter.get()).isLessThanOrEqualTo(rated.get() - 10);
        assertThat(TestData.one(jdbi, "SELECT SUM(reps) FROM card_state", Integer.class))
                .isEqualTo(TestData.one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class));
        MediaStore media = new MediaStore(jdbi, collection.clock());
        assertThat(new DatabaseCheck(jdbi, new DeckRepository(), new ReviewRepository(),
                new DeckSync(jdbi, new DeckRepository(), media, collection.clock()), media).report().clean()).isTrue();
    }
}
