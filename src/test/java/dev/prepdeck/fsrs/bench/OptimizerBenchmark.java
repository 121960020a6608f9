package dev.prepdeck.fsrs.bench;

import dev.prepdeck.fsrs.optimizer.DayCut;
import dev.prepdeck.fsrs.optimizer.Fit;
import dev.prepdeck.fsrs.optimizer.Metrics;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to fit, evaluate and run the time-series split on the shared real review log (12,580 reviews) and on
 * eight shifted copies of it (100,640 reviews, {@link LargerReviewLog}), UTC days. Run as described in
 * BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OptimizerBenchmark {
    @Param({"1", "8"})
    public int copies;

    private TrainingSet set;
    private double[] fitted;
    private final Optimizer optimizer = new Optimizer();

    @Setup
    public void load() {
        set = TrainingSet.of(LargerReviewLog.cards(copies), DayCut.UTC_MIDNIGHT);
        fitted = optimizer.fit(set).parameters();
    }

    @Benchmark
    public Fit fit() {
        return optimizer.fit(set);
    }

    @Benchmark
    public Metrics evaluate() {
        return optimizer.evaluate(fitted, set);
    }

    @Benchmark
    public Metrics timeSeriesSplit() {
        return optimizer.evaluateTimeSeriesSplits(set);
    }
}
