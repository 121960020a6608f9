package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.db.Migrations;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.optimizer.Metrics;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The JSON the optimizer commands print, and their error handling. */
final class OptimizerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private OptimizerJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Where the history came from, its day cut, the training settings and how many items it gave. */
    static ObjectNode source(HistoryOptions.History history, TrainingSet set) {
        ObjectNode source = object();
        source.put(history.option(), history.file());
        if (history.scope() != null) {
            source.put("scope", history.scope());
        }
        ObjectNode cut = source.putObject("dayCut");
        cut.put("timezone", history.dayCut().zone().getId());
        cut.put("dayStartHour", history.dayCut().startHour());
        ObjectNode training = source.putObject("training");
        training.put("enableShortTerm", history.training().enableShortTerm());
        training.put("relearningSteps", history.training().relearningSteps());
        source.put("reviews", set.reviewCount());
        source.put("cards", set.cardCount());
        source.put("items", set.itemCount());
        return source;
    }

    static ObjectNode metrics(Metrics metrics) {
        ObjectNode node = object();
        node.put("logLoss", rounded(metrics.logLoss(), 6));
        node.put("rmseBins", rounded(metrics.rmseBins(), 6));
        node.put("items", metrics.items());
        return node;
    }

    static ArrayNode parameters(double[] w) {
        ArrayNode array = MAPPER.createArrayNode();
        for (double value : w) {
            array.add(rounded(value, 6));
        }
        return array;
    }

    static BigDecimal rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static void print(PrintStream out, ObjectNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code body}; a bad log, database, deck or option becomes one "error: ..." line on stderr and exit code 1.
     */
    static int run(PrintStream err, CommandBody body) {
        try {
            body.run();
            return 0;
        } catch (RevlogCsv.RevlogException | IllegalArgumentException | ArithmeticException | NotFoundException
                 | InvalidInputException | Migrations.NewerSchemaException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    @FunctionalInterface
    interface CommandBody {
        void run();
    }
}
