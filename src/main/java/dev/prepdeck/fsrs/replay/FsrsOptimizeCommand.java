package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.fsrs.optimizer.DayCut;
import dev.prepdeck.fsrs.optimizer.Fit;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fits FSRS-6's 21 parameters to a review log, as fsrs-rs v6.5.0 (Anki's optimizer) does, and prints "
                    + "JSON: the parameters, how they were obtained (outcome), and log loss and RMSE(bins) of the "
                    + "default parameters (before) and the fitted ones (after) on the same items.",
            "Items: every review that came on a later study day than the card's previous review, with the "
                    + "card's history before it. Study days are cut at midnight UTC unless --timezone and "
                    + "--day-start-hour say otherwise; the cut changes the items and so the figures.",
            "Fewer than 8 usable items keep the defaults; fewer than 64 fit only the first four "
                    + "(initial stabilities). The same log always gives the same parameters."})
public final class FsrsOptimizeCommand implements Callable<Integer> {
    @Mixin
    RevlogOptions revlog;

    private final PrintStream out;
    private final PrintStream err;

    public FsrsOptimizeCommand() {
        this(System.out, System.err);
    }

    FsrsOptimizeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return OptimizerJson.run(err, () -> {
            DayCut dayCut = revlog.dayCut();
            TrainingSet set = TrainingSet.of(revlog.cards(), dayCut);
            Optimizer optimizer = new Optimizer();
            long start = System.nanoTime();
            Fit fit = optimizer.fit(set);
            long millis = (System.nanoTime() - start) / 1_000_000;
            ObjectNode json = OptimizerJson.source(revlog, dayCut, set);
            json.put("trainingItems", fit.trainingItems());
            json.put("outcome", fit.outcome().name());
            json.put("note", fit.outcome().description());
            json.set("parameters", OptimizerJson.parameters(fit.parameters()));
            if (set.itemCount() > 0) {
                json.set("before", OptimizerJson.metrics(optimizer.evaluate(Optimizer.defaultParameters(), set)));
                json.set("after", OptimizerJson.metrics(optimizer.evaluate(fit.parameters(), set)));
            }
            json.put("fitMillis", millis);
            OptimizerJson.print(out, json);
        });
    }
}
