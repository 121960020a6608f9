package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.StepDurations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One replay input: ts-fsrs-style parameters and a card's review history. Keys ts-fsrs would default
 * are defaulted the same way (fuzz included: off unless "enable_fuzz" is true); unknown keys are ignored.
 */
public record ReplayCase(FsrsParameters parameters, List<Review> reviews) {

    public record Review(Instant now, Rating rating) {
    }

    private static final List<Duration> DEFAULT_LEARNING_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
    private static final List<Duration> DEFAULT_RELEARNING_STEPS = List.of(Duration.ofMinutes(10));

    /** Reads a case, throwing IllegalArgumentException with a message fit to show the user. */
    public static ReplayCase parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with \"params\" and \"steps\"");
        }
        return new ReplayCase(parameters(root.get("params")), reviews(root.get("steps")));
    }

    /** The card after each review, in order. */
    public List<FsrsCard> replay() {
        Scheduler scheduler = new Scheduler(parameters);
        List<FsrsCard> cards = new ArrayList<>(reviews.size());
        FsrsCard card = null;
        for (int i = 0; i < reviews.size(); i++) {
            Review review = reviews.get(i);
            if (card == null) {
                card = FsrsCard.newCard(review.now());
            }
            try {
                card = scheduler.next(card, review.now(), review.rating(), ZoneOffset.UTC).card();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("step " + i + ": " + e.getMessage(), e);
            }
            cards.add(card);
        }
        return cards;
    }

    static FsrsParameters parameters(JsonNode params) {
        if (params == null || params.isNull()) {
            params = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!params.isObject()) {
            throw new IllegalArgumentException("\"params\" must be an object");
        }
        double[] w = params.has("w") ? weights(params.get("w")) : FsrsParameters.defaultWeights();
        double retention = 0.9;
        if (params.has("request_retention")) {
            JsonNode node = params.get("request_retention");
            if (!node.isNumber()) {
                throw new IllegalArgumentException("\"request_retention\" must be a number, got " + node);
            }
            retention = node.doubleValue();
        }
        int maximumInterval = 36500;
        if (params.has("maximum_interval")) {
            JsonNode node = params.get("maximum_interval");
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new IllegalArgumentException("\"maximum_interval\" must be a whole number of days, got " + node);
            }
            maximumInterval = node.intValue();
        }
        List<Duration> learning = params.has("learning_steps")
                ? steps("learning_steps", params.get("learning_steps")) : DEFAULT_LEARNING_STEPS;
        List<Duration> relearning = params.has("relearning_steps")
                ? steps("relearning_steps", params.get("relearning_steps")) : DEFAULT_RELEARNING_STEPS;
        boolean shortTerm = bool(params, "enable_short_term", true);
        boolean fuzz = bool(params, "enable_fuzz", false);
        return new FsrsParameters(w, retention, maximumInterval, learning, relearning, shortTerm, fuzz);
    }

    private static double[] weights(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"w\" must be an array of 17, 19 or 21 numbers");
        }
        if (node.size() != 17 && node.size() != 19 && node.size() != 21) {
            throw new IllegalArgumentException("\"w\" must have 17, 19 or 21 numbers, got " + node.size());
        }
        double[] w = new double[node.size()];
        for (int i = 0; i < w.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new IllegalArgumentException("\"w\"[" + i + "] must be a number, got " + node.get(i));
            }
            w[i] = node.get(i).doubleValue();
        }
        return w;
    }

    private static List<Duration> steps(String key, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array of steps like \"10m\"");
        }
        List<String> texts = new ArrayList<>(node.size());
        for (JsonNode step : node) {
            if (!step.isTextual()) {
                throw new IllegalArgumentException("\"" + key + "\" entries must be strings like \"10m\", got " + step);
            }
            texts.add(step.textValue());
        }
        try {
            return StepDurations.parseAll(texts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + key + "\": " + e.getMessage(), e);
        }
    }

    private static boolean bool(JsonNode params, String key, boolean fallback) {
        JsonNode node = params.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("\"" + key + "\" must be true or false, got " + node);
        }
        return node.booleanValue();
    }

    private static List<Review> reviews(JsonNode steps) {
        if (steps == null || !steps.isArray()) {
            throw new IllegalArgumentException("\"steps\" must be an array of {\"now\", \"rating\"}");
        }
        List<Review> reviews = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (!step.isObject()) {
                throw new IllegalArgumentException("step " + i + ": expected an object with \"now\" and \"rating\"");
            }
            reviews.add(new Review(time(i, step.get("now")), rating(i, step.get("rating"))));
        }
        return reviews;
    }

    private static Instant time(int index, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("step " + index + ": \"now\" must be an ISO-8601 time like \"2025-03-01T12:45:38.006Z\"");
        }
        String text = node.textValue();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("step " + index + ": \"now\" is not an ISO-8601 time with offset: \"" + text + "\"");
        }
    }

    private static Rating rating(int index, JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("step " + index + ": \"rating\" must be 1, 2, 3 or 4, got " + node);
        }
        try {
            return Rating.of(node.intValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("step " + index + ": " + e.getMessage(), e);
        }
    }
}
