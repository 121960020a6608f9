package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures how well FSRS-6 parameters predict a review history (--revlog or --db) and prints JSON: log loss and RMSE(bins) "
                    + "on every item, recency-weighted as fsrs-rs does (inSample), and fsrs-rs's time-series split "
                    + "(timeSeriesSplit): the items in time order cut into six segments, parameters fitted to "
                    + "everything before each of the last five and scored on it. The split fits its own "
                    + "parameters, so --parameters changes only inSample.",
            "Items, study days and the training of the split as for optimize."})
public final class FsrsEvaluateCommand extends OptimizerCommand {
    @Option(names = "--parameters", paramLabel = "w0,...,w20", converter = ParameterList.Converter.class,
            description = "the 21 parameters to evaluate (default: FSRS-6's defaults)")
    ParameterList parameters;

    public FsrsEvaluateCommand() {
        this(System.out, System.err);
    }

    FsrsEvaluateCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ObjectNode report(HistoryOptions.History source, TrainingSet set) {
        double[] w = parameters != null ? parameters.values() : Optimizer.defaultParameters();
        Optimizer optimizer = new Optimizer(source.training());
        ObjectNode json = OptimizerJson.source(source, set);
        json.set("parameters", OptimizerJson.parameters(w));
        json.set("inSample", OptimizerJson.metrics(optimizer.evaluate(w, set)));
        if (set.itemCount() >= 6) {
            json.set("timeSeriesSplit", OptimizerJson.metrics(optimizer.evaluateTimeSeriesSplits(set)));
        } else {
            json.putNull("timeSeriesSplit");
            json.put("note", "a time-series split needs at least 6 items");
        }
        return json;
    }
}
