package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.fsrs.optimizer.Fit;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.io.PrintStream;
import picocli.CommandLine.Command;

@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fits FSRS-6's 21 parameters to a review log (--revlog) or to a prepdeck database's reviews (--db, of "
                    + "every deck or of --deck and its sub-decks), as fsrs-rs v6.5.0 (Anki's optimizer) does, and "
                    + "prints JSON: the parameters, how they were obtained (outcome), and log loss and RMSE(bins) of "
                    + "the default parameters (before) and the fitted ones (after) on the same items.",
            "Items: every review that came on a later study day than the card's previous review, with the "
                    + "card's history before it. A log's study days are cut at midnight UTC, a database's in the "
                    + "learner's zone at the learner's rollover hour, unless --timezone and --day-start-hour say "
                    + "otherwise; the cut changes the items and so the figures. With --db the decks' relearning "
                    + "steps and short-term setting shape the training, as Anki passes a preset's to fsrs-rs.",
            "Fewer than 8 usable items keep the defaults; fewer than 64 fit only the first four "
                    + "(initial stabilities). The same log always gives the same parameters."})
public final class FsrsOptimizeCommand extends OptimizerCommand {
    public FsrsOptimizeCommand() {
        this(System.out, System.err);
    }

    FsrsOptimizeCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ObjectNode report(HistoryOptions.History source, TrainingSet set) {
        Optimizer optimizer = new Optimizer(source.training());
        long start = System.nanoTime();
        Fit fit = optimizer.fit(set);
        long millis = (System.nanoTime() - start) / 1_000_000;
        ObjectNode json = OptimizerJson.source(source, set);
        json.put("trainingItems", fit.trainingItems());
        json.put("outcome", fit.outcome().name());
        json.put("note", fit.outcome().description());
        json.set("parameters", OptimizerJson.parameters(fit.parameters()));
        if (set.itemCount() > 0) {
            json.set("before", OptimizerJson.metrics(optimizer.evaluate(Optimizer.defaultParameters(), set)));
            json.set("after", OptimizerJson.metrics(optimizer.evaluate(fit.parameters(), set)));
        }
        json.put("fitMillis", millis);
        return json;
    }
}
