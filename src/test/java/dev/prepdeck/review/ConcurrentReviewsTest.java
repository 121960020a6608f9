package dev.prepdeck.review;

import static dev.prepdeck.TestData.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.Rating;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
}
