package dev.prepdeck.search.bench;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.search.SearchResult;
import dev.prepdeck.search.SearchService;
import dev.prepdeck.search.SortColumn;
import dev.prepdeck.search.SortOrder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Times {@link SearchService#search} on a collection made by {@link SearchCollectionGenerator}: each query shape is
 * run a few times to warm up, then {@code runs} times, each a whole call as a page would make it (a new connection,
 * parsing, the page of 50 rows and the total). Prints the median, 95th percentile and max of the wall-clock time and
 * the median and 95th percentile of the thread's CPU time, in ms. SQLite runs in the calling thread, and the file
 * is in the page cache after the warm-up, so on a machine shared with other work the CPU time is what the call
 * would take on a quiet one.
 *
 * <p>Usage: {@code java -cp target/prepdeck.jar:target/test-classes dev.prepdeck.search.bench.SearchBenchmark FILE [runs]}
 */
public final class SearchBenchmark {
    private static final int WARM_UP = 5;

    /** A query shape: what it stands for, the query, the sort and the page. */
    record Shape(String name, String query, SortColumn sort, SortOrder order, int page) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("Chinese, 2 characters + deck + is:due", "索引 deck:面试 is:due", SortColumn.DUE, SortOrder.ASCENDING, 1),
            new Shape("Chinese, 4 characters + deck + -is:new", "暂存区别 deck:面试 -is:new", SortColumn.DUE, SortOrder.ASCENDING, 1),
            new Shape("English word + deck + is:review", "kubernetes deck:ML is:review", SortColumn.DUE, SortOrder.ASCENDING, 1),
            new Shape("English phrase + tag + prop:ivl>=10", "\"model version\" tag:ml prop:ivl>=10", SortColumn.ADDED, SortOrder.DESCENDING, 1),
            new Shape("deck + tag + is:due", "deck:Tools tag:sql is:due", SortColumn.DUE, SortOrder.ASCENDING, 1),
            new Shape("prop:r<0.9, by retrievability", "prop:r<0.9", SortColumn.RETRIEVABILITY, SortOrder.ASCENDING, 1),
            new Shape("is:review sorted by due", "is:review", SortColumn.DUE, SortOrder.ASCENDING, 1),
            new Shape("is:review, page 1,000 (rows 49,951-50,000)", "is:review", SortColumn.DUE, SortOrder.ASCENDING, 1000),
            new Shape("Chinese, 2 characters alone", "索引", SortColumn.ADDED, SortOrder.DESCENDING, 1),
            new Shape("English word alone", "kubernetes", SortColumn.ADDED, SortOrder.DESCENDING, 1),
            new Shape("everything, by added", "", SortColumn.ADDED, SortOrder.DESCENDING, 1),
            new Shape("rated:7 + is:learn", "rated:7 is:learn", SortColumn.DUE, SortOrder.ASCENDING, 1),
            new Shape("wildcard d*ploy + flag:1", "d*ploy flag:1", SortColumn.ADDED, SortOrder.DESCENDING, 1));

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist: make it with SearchCollectionGenerator");
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 41;
        Jdbi jdbi = Database.open(file);
        SearchService search = new SearchService(jdbi, new DeckRepository(), Clock.systemUTC());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-46s %8s | %7s %7s %7s | %7s %7s%n", "query shape", "matches", "median", "p95", "max",
                "cpu med", "cpu p95");
        for (Shape shape : SHAPES) {
            SearchResult result = null;
            for (int i = 0; i < WARM_UP; i++) {
                result = run(search, shape);
            }
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            for (int i = 0; i < runs; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                run(search, shape);
                wall[i] = (System.nanoTime() - start) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            int p95 = (int) Math.ceil(runs * 0.95) - 1;
            System.out.printf("%-46s %,8d | %7.1f %7.1f %7.1f | %7.1f %7.1f   %s%n", shape.name(), result.total(),
                    wall[runs / 2], wall[p95], wall[runs - 1], cpu[runs / 2], cpu[p95], shape.query());
        }
    }

    private static SearchResult run(SearchService search, Shape shape) {
        return search.search(1, shape.query(), shape.sort(), shape.order(), shape.page(), 50);
    }
}
