package dev.prepdeck.search.bench;

import dev.prepdeck.review.Learner;
import dev.prepdeck.db.Database;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.search.BulkAction;
import dev.prepdeck.search.BulkEdit;
import dev.prepdeck.search.CardSelection;
import dev.prepdeck.search.SearchService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Times bulk edits of every match of a search on a collection made by {@link SearchCollectionGenerator}: each
 * action is followed by the one that undoes it, so every run changes the same cards, and each is one whole
 * {@link BulkEdit#apply} (finding the matches again inside its transaction, then the writes and the commit). Also
 * the deck counts every page with study figures reads, which subtract buried cards. Prints the median and max wall
 * clock and the median thread CPU time, in ms. It changes the file: run it on a copy.
 *
 * <p>Usage: {@code java -cp ... dev.prepdeck.search.bench.BulkEditBenchmark FILE [runs]}
 */
public final class BulkEditBenchmark {

    /** An action on every match of a query, and the action that undoes it. */
    record Pair(String name, String undoName, String query, BulkAction action, BulkAction undo) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("suspend", "unsuspend", "is:review deck:ML", new BulkAction.Suspend(true),
                    new BulkAction.Suspend(false)),
            new Pair("flag 3", "flag off", "deck:Tools tag:sql", new BulkAction.Flag(3), new BulkAction.Flag(0)),
            new Pair("bury", "unbury", "is:due", new BulkAction.Bury(true), new BulkAction.Bury(false)),
            new Pair("add tag", "remove tag", "kubernetes", new BulkAction.AddTags(List.of("bench::k8s")),
                    new BulkAction.RemoveTags(List.of("bench::k8s"))));

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist: make it with SearchCollectionGenerator");
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Jdbi jdbi = Database.open(file);
        DeckRepository decks = new DeckRepository();
        SearchService search = new SearchService(jdbi, decks, Clock.systemUTC());
        BulkEdit bulk = new BulkEdit(jdbi, search, decks, Clock.systemUTC());
        ReviewService reviews = new ReviewService(jdbi, decks, new ReviewRepository(), Clock.systemUTC());
        System.out.printf("%-12s %-22s %8s | %8s %8s | %8s%n", "action", "query", "changed", "median", "max", "cpu med");
        for (Pair pair : PAIRS) {
            Timings action = new Timings(runs);
            Timings undo = new Timings(runs);
            for (int i = 0; i < runs; i++) {
                action.run(() -> bulk.apply(1, CardSelection.matching(pair.query()), pair.action()));
                undo.run(() -> bulk.apply(1, CardSelection.matching(pair.query()), pair.undo()));
            }
            action.print(pair.name(), pair.query());
            undo.print(pair.undoName(), pair.query());
        }
        bulk.apply(1, CardSelection.matching("is:due"), new BulkAction.Bury(true));
        Timings buried = new Timings(runs);
        for (int i = 0; i < runs; i++) {
            buried.run(() -> reviews.countsByDeck(Learner.DEFAULT_ID).size());
        }
        buried.print("deck counts", "(is:due buried)");
        bulk.apply(1, CardSelection.matching("is:due"), new BulkAction.Bury(false));
        Timings none = new Timings(runs);
        for (int i = 0; i < runs; i++) {
            none.run(() -> reviews.countsByDeck(Learner.DEFAULT_ID).size());
        }
        none.print("deck counts", "(none buried)");
    }

    /** Wall-clock and CPU times of repeated runs of one thing, and what the last run returned. */
    private static final class Timings {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final double[] wall;
        private final double[] cpu;
        private int done;
        private int result;

        Timings(int runs) {
            wall = new double[runs];
            cpu = new double[runs];
        }

        void run(IntSupplier work) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = work.getAsInt();
            wall[done] = (System.nanoTime() - start) / 1e6;
            cpu[done] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            done++;
        }

        void print(String name, String query) {
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("%-12s %-22s %,8d | %8.1f %8.1f | %8.1f%n", name, query, result, wall[done / 2],
                    wall[done - 1], cpu[done / 2]);
        }
    }
}
