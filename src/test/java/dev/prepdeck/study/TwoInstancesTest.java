package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared install (issue 18): two app instances, each with its own connection pool, on one PostgreSQL database,
 * rating the same cards for the same learner at the same moment through the JSON API. Every rating is kept once,
 * and each review starts from the state the one before it left: none was computed from a state another had
 * already replaced.
 */
class TwoInstancesTest {
    private static final int WORKERS = 4;
    private static final int RATINGS_EACH = 15;

    @TempDir
    Path tempDir;

    @Test
    void two_instances_rating_the_same_cards_at_once_keep_every_review_and_lose_no_update() throws Exception {
        TestCollection collection = TestCollection.of(TestDatabase.POSTGRESQL, tempDir,
                "networking.md", TestData.NETWORKING_DECK);
        Jdbi secondInstance = TestDatabase.anotherInstance(collection.jdbi());
        List<Long> cards = collection.list("SELECT id FROM card ORDER BY id", Long.class);
        List<Integer> statuses = new ArrayList<>();

        TestSite.run(collection.jdbi(), collection.clock(), first ->
                TestSite.run(secondInstance, collection.clock(), second -> {
                    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
                    List<Future<List<Integer>>> done = new ArrayList<>();
                    for (int w = 0; w < WORKERS; w++) {
                        TestSite site = w % 2 == 0 ? first : second;
                        done.add(workers.submit(() -> {
                            List<Integer> codes = new ArrayList<>();
                            for (int i = 0; i < RATINGS_EACH; i++) {
                                long card = cards.get(i % cards.size());
                                codes.add(site.postJson("/api/review",
                                        "{\"cardId\":" + card + ",\"rating\":3,\"durationMs\":1000}").code());
                            }
                            return codes;
                        }));
                    }
                    for (Future<List<Integer>> f : done) {
                        statuses.addAll(f.get());
                    }
                    workers.shutdown();
                }));

        int total = WORKERS * RATINGS_EACH;
        assertThat(statuses).hasSize(total).containsOnly(200);
        assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(total);
        assertThat(collection.one("SELECT SUM(reps) FROM card_state", Integer.class)).isEqualTo(total);
        // Per card, the reviews in the order they were saved started from 0, 1, 2... repetitions: no two read the
        // same state.
        for (long card : cards) {
            List<Integer> repsBefore = collection.list(
                    "SELECT reps_before FROM review_log WHERE card_id = " + card + " ORDER BY id", Integer.class);
            for (int i = 0; i < repsBefore.size(); i++) {
                assertThat(repsBefore.get(i)).as("review %d of card %d", i, card).isEqualTo(i);
            }
        }
        // The statistics roll-up and the per-deck copy of the schedule, kept by triggers, agree with the log.
        assertThat(collection.one("SELECT SUM(reviews) FROM review_hour WHERE deck_id = 0", Integer.class))
                .isEqualTo(total);
        assertThat(collection.one("""
                SELECT COUNT(*) FROM card_state s JOIN card_recall r
                  ON r.card_id = s.card_id AND r.learner_id = s.learner_id
                WHERE r.due = s.due AND r.state = s.state AND r.stability = s.stability""", Integer.class))
                .isEqualTo(cards.size());
    }
}
