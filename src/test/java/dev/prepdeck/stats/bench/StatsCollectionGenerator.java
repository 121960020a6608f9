package dev.prepdeck.stats.bench;

import dev.prepdeck.bench.BenchCollection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a large collection for the statistics benchmark: {@code cards} cards in 20 decks (two levels) and
 * {@code reviews} reviews spread over the two years before now, in one transaction with batched inserts. The
 * learner's zone is Europe/Berlin so the day grid crosses DST changes. Seeded: the same arguments give the same file.
 *
 * <p>Usage: {@code java -cp target/prepdeck.jar:target/test-classes dev.prepdeck.stats.bench.StatsCollectionGenerator
 * FILE [cards] [reviews]}
 */
public final class StatsCollectionGenerator {
    private static final int DECKS = 20;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int reviews = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        long started = System.nanoTime();
        BenchCollection.create(file, (c, now) -> generate(c, cards, reviews, now)).useHandle(h -> h.execute("ANALYZE"));
        System.out.printf("%s: %,d cards, %,d reviews in %.1f s%n", file, cards, reviews,
                (System.nanoTime() - started) / 1e9);
    }

    static void generate(Connection c, int cardCount, int reviewCount, long now) throws Exception {
        SplittableRandom random = new SplittableRandom(20261129);
        List<String> decks = new ArrayList<>();
        for (int d = 1; d <= DECKS; d++) {
            // decks 1-4 are roots; the others are their sub-decks
            decks.add(d <= 4 ? "Bench " + d : "Bench " + (1 + d % 4) + "::Topic " + d);
        }
        BenchCollection.learnerAndDecks(c, decks, now);
        try (BenchCollection collection = new BenchCollection(c, random, now, cardCount, reviewCount);
             PreparedStatement card = c.prepareStatement("""
                INSERT INTO card (id, deck_id, uid, question, answer, position, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int id = 1; id <= cardCount; id++) {
                card.setInt(1, id);
                card.setInt(2, 1 + id % DECKS);
                card.setString(3, "bench-" + id);
                card.setString(4, "Bench question " + id + "?");
                card.setString(5, "Answer " + id);
                card.setInt(6, id);
                card.setLong(7, now);
                card.setLong(8, now);
                card.addBatch();

                int n = collection.reviewsOf(id);
                BenchCollection.History history =
                        collection.reviews(id, n, collection.start(), () -> -random.nextLong(3_600_000));
                collection.state(id, history, n == 0 ? now : collection.dueNearToday(), random.nextInt(100) == 0, 0, null);
                if (id % 1000 == 0) {
                    card.executeBatch();
                    collection.flush();
                }
            }
            card.executeBatch();
            collection.flush();
        }
    }
}
