package dev.prepdeck.fsrs.bench;

import dev.prepdeck.fsrs.optimizer.DayCut;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Fit times by the fitting thread's CPU time as well as the wall clock, so that a machine shared with other
 * work still gives a fair figure: {@code java -cp ... dev.prepdeck.fsrs.bench.OptimizerTiming [RUNS]} prints,
 * for the shared review log and for eight copies of it ({@link LargerReviewLog}), the first (cold) fit and the
 * best of RUNS later ones. fit.mjs reports fsrs-rs's fastest wall and CPU time the same way.
 */
public final class OptimizerTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OptimizerTiming() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        for (int copies : new int[] {1, 8}) {
            TrainingSet set = TrainingSet.of(LargerReviewLog.cards(copies), DayCut.UTC_MIDNIGHT);
            Optimizer optimizer = new Optimizer();
            System.out.printf("%d copies: %,d reviews, %,d items%n", copies, set.reviewCount(), set.itemCount());
            time("  fit", runs, () -> optimizer.fit(set));
            double[] fitted = optimizer.fit(set).parameters();
            time("  evaluate", runs, () -> optimizer.evaluate(fitted, set));
            time("  time-series split", Math.max(runs / 5, 3), () -> optimizer.evaluateTimeSeriesSplits(set));
        }
    }

    private static void time(String label, int runs, Supplier<Object> work) {
        long firstWall = 0;
        long firstCpu = 0;
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i <= runs; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            if (work.get() == null) {
                throw new IllegalStateException();
            }
            wall = System.nanoTime() - wall;
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            if (i == 0) {
                firstWall = wall;
                firstCpu = cpu;
            } else {
                bestWall = Math.min(bestWall, wall);
                bestCpu = Math.min(bestCpu, cpu);
            }
        }
        System.out.printf("%-22s first %7.1f ms wall %7.1f ms CPU; best of %d: %7.1f ms wall %7.1f ms CPU%n",
                label, firstWall / 1e6, firstCpu / 1e6, runs, bestWall / 1e6, bestCpu / 1e6);
    }
}
