package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.RetentionSimulator;
import dev.prepdeck.fsrs.optimizer.StudyHabits;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "retention", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Simulates a year of study at each desired retention from 0.70 to 0.97 and prints JSON: reviews and "
                    + "minutes per day, the cards remembered at the end (summed predicted recall) and the seconds "
                    + "of study per card remembered, with the recommended desired retention (the fewest seconds "
                    + "per card remembered, fsrs-rs's target).",
            "The learner's habits come from the log: first-rating and Hard/Good/Easy shares, seconds per review "
                    + "by rating (review_duration; fsrs-rs's defaults where the log has none), and the same-day "
                    + "reviews after a first review or a lapse. The parameters are fitted to the log unless given. "
                    + "Histories (--revlog or --db) and study days as for optimize. The same seed gives the same table."})
public final class FsrsRetentionCommand extends OptimizerCommand {
    @Option(names = "--parameters", paramLabel = "w0,...,w20", converter = ParameterList.Converter.class,
            description = "the 21 parameters to simulate with (default: fitted to the history)")
    ParameterList parameters;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "365", description = "length of the simulation (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--new-per-day", paramLabel = "N", defaultValue = "20",
            description = "new cards started each day (default: ${DEFAULT-VALUE})")
    int newPerDay;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    public FsrsRetentionCommand() {
        this(System.out, System.err);
    }

    FsrsRetentionCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ObjectNode report(HistoryOptions.History source, TrainingSet set) {
        double[] w = parameters != null ? parameters.values() : new Optimizer(source.training()).fit(set).parameters();
        RetentionSimulator.Settings settings =
                new RetentionSimulator.Settings(days, newPerDay, 36500, StudyHabits.from(source.cards(), source.dayCut()), seed);
        RetentionSimulator.Table table = new RetentionSimulator(settings).simulate(w);
        ObjectNode json = OptimizerJson.source(source, set);
        json.set("parameters", OptimizerJson.parameters(w));
        json.put("days", table.days());
        json.put("simulatedCards", table.cards());
        json.put("recommendedRetention", table.recommended());
        ArrayNode rows = json.putArray("rows");
        for (RetentionSimulator.Row row : table.rows()) {
            ObjectNode node = rows.addObject();
            node.put("desiredRetention", row.desiredRetention());
            node.put("reviewsPerDay", OptimizerJson.rounded(row.reviewsPerDay(), 1));
            node.put("minutesPerDay", OptimizerJson.rounded(row.minutesPerDay(), 1));
            node.put("cardsRemembered", OptimizerJson.rounded(row.cardsRemembered(), 0));
            node.put("secondsPerCardRemembered", OptimizerJson.rounded(row.secondsPerCardRemembered(), 1));
        }
        return json;
    }
}
