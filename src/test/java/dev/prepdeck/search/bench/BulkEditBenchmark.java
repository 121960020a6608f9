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
import java.util.stream.LongStream;
import org.jdbi.v3.core.Jdbi;

/**
 * Times every bulk action and its undo on a collection made by {@link SearchCollectionGenerator}, on 1,000 and
 * 10,000 selected cards (every 100th and every 10th id, so every deck has some) and on every card (the query of
 * "select all matches"). Each run is one whole {@link BulkEdit#apply} (selecting, copying the rows undo needs, the
 * change, the commit) followed by {@link BulkEdit#undoLast}, which puts the collection back, so every run changes the
 * same cards. Also the deck counts every page with study figures reads, which subtract buried cards. Prints the
 * median and max wall clock and the median thread CPU time (SQLite runs in the calling thread), in ms. It changes
 * the file while it runs: run it on a copy.
 *
 * <p>Usage: {@code java -cp ... dev.prepdeck.search.bench.BulkEditBenchmark FILE [runs] [actions]}, actions a comma
 * list of names (all when left out).
 */
public final class BulkEditBenchmark {

    /** A bulk action to time, under a name for the table. */
    record Timed(String name, BulkAction action) {
    }

    /** The selections: a name and the selection. */
    record Selection(String name, CardSelection selection) {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist: make it with SearchCollectionGenerator");
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        Jdbi jdbi = Database.open(file);
        DeckRepository decks = new DeckRepository();
        SearchService search = new SearchService(jdbi, decks, Clock.systemUTC());
        BulkEdit bulk = new BulkEdit(jdbi, search, decks, Clock.systemUTC());
        ReviewService reviews = new ReviewService(jdbi, decks, new ReviewRepository(), Clock.systemUTC());
        long cards = jdbi.withHandle(h -> h.createQuery("SELECT MAX(id) FROM card").mapTo(Long.class).one());
        // Deck 19 is "Systems", a root deck with about a 24th of the cards: most selected cards move.
        List<Timed> actions = List.of(
                new Timed("add tag", new BulkAction.AddTags(List.of("bench::added"))),
                new Timed("remove tag", new BulkAction.RemoveTags(List.of("sql"))),
                new Timed("move deck", new BulkAction.MoveTo(19)),
                new Timed("suspend", new BulkAction.Suspend(true)),
                new Timed("bury", new BulkAction.Bury(true)),
                new Timed("flag", new BulkAction.Flag(3)),
                new Timed("reset to new", new BulkAction.Forget()),
                new Timed("set due", new BulkAction.SetDue(0, 7, false)),
                new Timed("delete", new BulkAction.Delete()));
        List<Selection> selections = List.of(
                new Selection("1k", CardSelection.of(LongStream.rangeClosed(1, cards).filter(id -> id % 100 == 0)
                        .boxed().toList())),
                new Selection("10k", CardSelection.of(LongStream.rangeClosed(1, cards).filter(id -> id % 10 == 0)
                        .boxed().toList())),
                new Selection("all", CardSelection.matching("")));
        // A move refuses two cards with one question in a deck, and generated questions repeat now and then: it
        // moves the cards whose question no other card has (about 98,000 of the 100,000).
        List<Long> unique = jdbi.withHandle(h -> h.createQuery("""
                SELECT id FROM card WHERE question IN (SELECT question FROM card GROUP BY question HAVING COUNT(*) = 1)
                ORDER BY id""").mapTo(Long.class).list());
        List<Selection> movable = List.of(
                new Selection("1k", CardSelection.of(unique.stream().filter(id -> id % 100 == 0).toList())),
                new Selection("10k", CardSelection.of(unique.stream().filter(id -> id % 10 == 0).toList())),
                new Selection("all", CardSelection.of(unique)));
        System.out.printf("%-13s %-4s %8s | %9s %9s %9s | %9s %9s %9s%n", "action", "sel", "changed", "median",
                "max", "cpu med", "undo med", "undo max", "undo cpu");
        for (Timed timed : actions) {
            if (!only.isEmpty() && !only.contains(timed.name())) {
                continue;
            }
            for (Selection selection : timed.action() instanceof BulkAction.MoveTo ? movable : selections) {
                Timings action = new Timings(runs);
                Timings undo = new Timings(runs);
                for (int i = 0; i < runs; i++) {
                    action.run(() -> bulk.apply(Learner.DEFAULT_ID, selection.selection(), timed.action()));
                    undo.run(() -> bulk.undoLast(Learner.DEFAULT_ID).orElseThrow().restored());
                }
                System.out.printf("%-13s %-4s %,8d | %s | %s%n", timed.name(), selection.name(), action.result,
                        action.figures(), undo.figures());
            }
        }
        if (only.isEmpty() || only.contains("deck counts")) {
            bulk.apply(Learner.DEFAULT_ID, CardSelection.matching("is:due"), new BulkAction.Bury(true));
            Timings buried = new Timings(runs);
            for (int i = 0; i < runs; i++) {
                buried.run(() -> reviews.countsByDeck(Learner.DEFAULT_ID).size());
            }
            System.out.printf("%-13s %-4s %8s | %s%n", "deck counts", "due buried", "", buried.figures());
            bulk.undoLast(Learner.DEFAULT_ID);
        }
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

        String figures() {
            double[] w = Arrays.copyOf(wall, done);
            double[] c = Arrays.copyOf(cpu, done);
            Arrays.sort(w);
            Arrays.sort(c);
            return String.format("%,9.0f %,9.0f %,9.0f", w[done / 2], w[done - 1], c[done / 2]);
        }
    }
}
