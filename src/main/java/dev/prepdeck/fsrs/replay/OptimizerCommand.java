package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What optimize, evaluate and retention share: read the history the options name, cut it into items, print one
 * command's JSON report of them, and turn bad input into one "error: ..." line.
 */
abstract class OptimizerCommand implements Callable<Integer> {
    @Mixin
    HistoryOptions history;

    private final PrintStream out;
    private final PrintStream err;

    OptimizerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public final Integer call() {
        return OptimizerJson.run(err, () -> {
            HistoryOptions.History source = history.read();
            TrainingSet set = TrainingSet.of(source.cards(), source.dayCut());
            OptimizerJson.print(out, report(source, set));
        });
    }

    /** The JSON this command prints for a history and the items it gives. */
    abstract ObjectNode report(HistoryOptions.History source, TrainingSet set);
}
