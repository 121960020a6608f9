package dev.prepdeck.deck;

import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.StepDurations;
import dev.prepdeck.web.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deck's study limits and FSRS-6 parameters as a person enters them; null FSRS fields mean the defaults.
 * {@link #validated} checks everything and names the field at fault.
 */
public record DeckSettings(
        int newPerDay,
        int reviewsPerDay,
        Double desiredRetention,
        Integer maximumInterval,
        String learningSteps,
        String relearningSteps,
        String weights) {

    public static DeckSettings of(Deck deck) {
        return new DeckSettings(deck.newPerDay(), deck.reviewsPerDay(), deck.desiredRetention(),
                deck.maximumInterval(), deck.learningSteps(), deck.relearningSteps(), deck.weights());
    }

    /** Checks every field, normalises blank optional fields to null, and proves the FSRS parameters build. */
    public DeckSettings validated() {
        if (newPerDay < 0 || newPerDay > 9999) {
            throw Messages.invalid("newPerDay", "deckSettings.error.newPerDay");
        }
        if (reviewsPerDay < 0 || reviewsPerDay > 99999) {
            throw Messages.invalid("reviewsPerDay", "deckSettings.error.reviewsPerDay");
        }
        DeckSettings normalised = new DeckSettings(newPerDay, reviewsPerDay, desiredRetention, maximumInterval,
                blankToNull(learningSteps), blankToNull(relearningSteps), blankToNull(weights));
        normalised.toFsrsParameters();
        return normalised;
    }

    /** The scheduler's parameters for this deck, with fuzz on as the app schedules. */
    public FsrsParameters toFsrsParameters() {
        FsrsParameters defaults = FsrsParameters.defaults();
        double retention = desiredRetention == null ? defaults.requestRetention() : desiredRetention;
        if (!(retention >= FsrsParameters.DECK_MIN_RETENTION && retention <= FsrsParameters.DECK_MAX_RETENTION)) {
            throw Messages.invalid("desiredRetention", "deckSettings.error.desiredRetention");
        }
        int maxInterval = maximumInterval == null ? defaults.maximumInterval() : maximumInterval;
        if (maxInterval < 1 || maxInterval > 36500) {
            throw Messages.invalid("maximumInterval", "deckSettings.error.maximumInterval");
        }
        List<Duration> learning = learningSteps == null ? defaults.learningSteps() : steps("learningSteps", learningSteps);
        List<Duration> relearning = relearningSteps == null
                ? defaults.relearningSteps() : steps("relearningSteps", relearningSteps);
        double[] w = weights == null ? defaults.w() : weights(weights);
        if (w.length != 17 && w.length != 19 && w.length != FsrsParameters.WEIGHT_COUNT) {
            throw Messages.invalid("weights", "deckSettings.error.weightCount", w.length);
        }
        try {
            return new FsrsParameters(w, retention, maxInterval, learning, relearning, true, true);
        } catch (IllegalArgumentException e) {
            // every rule the scheduler checks is checked above in the form's words; this is the last guard
            throw Messages.invalid("weights", "deckSettings.error.weights");
        }
    }

    /** Steps as written in the settings form: "1m 10m", "10m, 1h", or "none". */
    private static List<Duration> steps(String field, String text) {
        List<Duration> steps = new ArrayList<>();
        if (text.trim().equalsIgnoreCase("none")) {
            return steps;
        }
        for (String part : text.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                steps.add(StepDurations.parse(part));
            } catch (IllegalArgumentException e) {
                throw Messages.invalid(field, "deckSettings.error.step", part);
            }
        }
        return steps;
    }

    private static double[] weights(String text) {
        String[] parts = text.trim().split("[\\s,]+");
        try {
            double[] weights = Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
            for (int i = 0; i < weights.length; i++) {
                if (!Double.isFinite(weights[i])) {
                    throw Messages.invalid("weights", "deckSettings.error.weightNotFinite", "w" + i, parts[i]);
                }
            }
            return weights;
        } catch (NumberFormatException e) {
            throw Messages.invalid("weights", "deckSettings.error.weights");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
