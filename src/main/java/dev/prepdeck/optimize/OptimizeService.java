package dev.prepdeck.optimize;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.optimizer.DayCut;
import dev.prepdeck.fsrs.optimizer.Fit;
import dev.prepdeck.fsrs.optimizer.Metrics;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.PastReview;
import dev.prepdeck.fsrs.optimizer.RetentionSimulator;
import dev.prepdeck.fsrs.optimizer.StudyHabits;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewedCard;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Fits FSRS-6's parameters to the learner's reviews of a deck with its sub-decks (or of every deck), shows what
 * the fit would change, and applies it only when asked: the weights saved for those decks and, on request, every
 * reviewed card's schedule recomputed by replaying its reviews with them, in one transaction.
 */
public final class OptimizeService {
    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final ReviewRepository reviews;
    private final Clock clock;

    public OptimizeService(Jdbi jdbi, DeckRepository decks, ReviewRepository reviews, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The reviews of {@code deckId} with its sub-decks (null: every deck), read in one snapshot. */
    public ReviewHistory history(long learnerId, Long deckId) {
        return Database.read(jdbi, h -> history(h, learnerId, deckId));
    }

    private ReviewHistory history(Handle h, long learnerId, Long deckId) {
        Learner learner = reviews.learner(h, learnerId);
        DeckScope scope = scope(h, learnerId, deckId);
        return new ReviewHistory(scope, new DayCut(learner.zone(), learner.rolloverHour()),
                reviews.reviewedCards(h, learner.id(), scope.deckIds()));
    }

    /** The decks an optimization of {@code deckId} covers: it and its sub-decks (null: every deck). */
    public DeckScope scope(long learnerId, Long deckId) {
        return Database.read(jdbi, h -> scope(h, learnerId, deckId));
    }

    /** What the optimizer would read for {@code deckId} with its sub-decks (null: every deck), counted. */
    public Overview overview(long learnerId, Long deckId) {
        return Database.read(jdbi, h -> {
            DeckScope scope = scope(h, learnerId, deckId);
            return new Overview(scope, reviews.reviewCount(h, learnerId, scope.deckIds()));
        });
    }

    /** The decks an optimization would cover and how many reviews they hold. */
    public record Overview(DeckScope scope, int reviews) {
    }

    /** The steps of {@link #optimize}, reported as each begins so a page can show how far it has come. */
    public enum Step {
        READING, FITTING, SPLITTING, SIMULATING
    }

    /** Told when each step of an optimization begins, with the number of items (reviews a day or more apart). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, items) -> { };

        void begins(Step step, int items);
    }

    /**
     * Fits parameters to the history of {@code deckId} (null: every deck) and measures them against the weights
     * in use: on every item, on the later items of a time-series split, and the desired retentions they lead to.
     * Stores nothing.
     */
    public Optimization optimize(long learnerId, Long deckId, Progress progress) {
        progress.begins(Step.READING, 0);
        ReviewHistory history = history(learnerId, deckId);
        TrainingSet set = TrainingSet.of(history.histories(), history.dayCut());
        DeckScope scope = history.scope();
        Optimizer optimizer = new Optimizer(scope.trainingConfig());
        progress.begins(Step.FITTING, set.itemCount());
        // The split's five fits need nothing from the main one, so they run beside it on another core; a history
        // too small to fit keeps the defaults and its split is not shown.
        CompletableFuture<Metrics> splitFits = set.itemCount() >= Optimizer.MIN_ITEMS_TO_FIT
                ? CompletableFuture.supplyAsync(() -> optimizer.evaluateTimeSeriesSplits(set))
                : CompletableFuture.completedFuture(null);
        Fit fit = optimizer.fit(set);
        double[] fitted = Optimization.rounded(fit.parameters());
        double[] current = scope.weightsInUse().orElseGet(FsrsParameters::defaultWeights);
        Metrics before = set.itemCount() == 0 ? null : optimizer.evaluate(current, set);
        Metrics after = set.itemCount() == 0 ? null : optimizer.evaluate(fitted, set);
        Optimization.SplitComparison split = null;
        RetentionSimulator.Table retention = null;
        if (fit.outcome() != Fit.Outcome.DEFAULTS) {
            progress.begins(Step.SPLITTING, set.itemCount());
            split = new Optimization.SplitComparison(result(splitFits), optimizer.evaluateLaterSegments(current, set));
            progress.begins(Step.SIMULATING, set.itemCount());
            retention = new RetentionSimulator(RetentionSimulator.Settings.defaults(
                    StudyHabits.from(history.histories(), history.dayCut()))).simulate(fitted);
        }
        return new Optimization(scope.deck(), scope, history.reviewCount(), history.cards().size(),
                set.itemCount(), fit.outcome(), fit.trainingItems(), current, scope.weightsInUse().isPresent(),
                fitted, before, after, split, retention, scope.desiredRetentionInUse().orElse(null));
    }

    /** What the other core computed, with its failure (a diverged training) thrown as it was. */
    private static Metrics result(CompletableFuture<Metrics> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Saves {@code weights} for {@code deckId} and its sub-decks (null: every deck) and, when {@code reschedule},
     * recomputes the schedule of every card there with a review history, all in one transaction: each card's
     * reviews are replayed through the scheduler with its deck's new settings, so its memory state and due date
     * are what they would have been with these weights all along. The review log is not changed.
     */
    public Applied apply(long learnerId, Long deckId, double[] weights, boolean reschedule) {
        String text = storedText(checkedWeights(weights));
        return jdbi.inTransaction(h -> {
            DeckScope scope = scope(h, learnerId, deckId);
            Map<Long, Scheduler> schedulers = new HashMap<>();
            long now = clock.millis();
            for (Deck deck : scope.decks()) {
                DeckSettings old = DeckSettings.of(deck);
                DeckSettings settings = new DeckSettings(old.newPerDay(), old.reviewsPerDay(), old.desiredRetention(),
                        old.maximumInterval(), old.learningSteps(), old.relearningSteps(), text).validated();
                decks.updateSettings(h, deck.id(), settings, now);
                schedulers.put(deck.id(), new Scheduler(settings.toFsrsParameters()));
            }
            if (!reschedule) {
                return new Applied(scope, scope.decks().size(), 0, 0);
            }
            Learner learner = reviews.learner(h, learnerId);
            Map<Long, Long> dueBefore = reviews.dueDates(h, learner.id(), scope.deckIds());
            Map<Long, FsrsCard> replayed = new LinkedHashMap<>();
            for (ReviewedCard card : reviews.reviewedCards(h, learner.id(), scope.deckIds())) {
                replayed.put(card.cardId(), replay(schedulers.get(card.deckId()), card, learner));
            }
            reviews.replaceSchedules(h, learner.id(), replayed);
            int rescheduled = replayed.size();
            int moved = (int) replayed.entrySet().stream()
                    .filter(e -> e.getValue().due().toEpochMilli() != dueBefore.get(e.getKey())).count();
            return new Applied(scope, scope.decks().size(), rescheduled, moved);
        });
    }

    /** What {@link #apply} changed: the decks given the weights, the cards rescheduled and how many of those moved. */
    public record Applied(DeckScope scope, int decks, int rescheduled, int moved) {
    }

    /** Sets the desired retention of {@code deckId} and its sub-decks (null: every deck) in one transaction. */
    public void useDesiredRetention(long learnerId, Long deckId, double desiredRetention) {
        jdbi.useTransaction(h -> {
            long now = clock.millis();
            for (Deck deck : scope(h, learnerId, deckId).decks()) {
                DeckSettings old = DeckSettings.of(deck);
                DeckSettings settings = new DeckSettings(old.newPerDay(), old.reviewsPerDay(), desiredRetention,
                        old.maximumInterval(), old.learningSteps(), old.relearningSteps(), old.weights()).validated();
                decks.updateSettings(h, deck.id(), settings, now);
            }
        });
    }

    /** The card as the scheduler leaves it after its reviews, each rated again at its time. */
    public static FsrsCard replay(Scheduler scheduler, ReviewedCard card, Learner learner) {
        List<PastReview> history = card.history().reviews();
        FsrsCard state = FsrsCard.newCard(history.get(0).time());
        for (PastReview review : history) {
            state = scheduler.next(state, review.time(), review.rating(), learner.zone()).card();
        }
        return state;
    }

    private DeckScope scope(Handle h, long learnerId, Long deckId) {
        Deck deck = deckId == null ? null
                : decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
        return new DeckScope(deck, decks.tree(h, learnerId).members(deck));
    }

    /** Each weight in the shortest plain decimal that reads back as the same number. */
    private static String storedText(double[] weights) {
        List<String> parts = new ArrayList<>();
        for (double w : weights) {
            parts.add(BigDecimal.valueOf(w).stripTrailingZeros().toPlainString());
        }
        return String.join(", ", parts);
    }

    private static double[] checkedWeights(double[] weights) {
        if (weights == null || weights.length != FsrsParameters.WEIGHT_COUNT) {
            throw new InvalidInputException("weights", "weights must be 21 numbers, got "
                    + (weights == null ? "none" : weights.length));
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new InvalidInputException("weights", "weight w" + i + " must be a finite number");
            }
        }
        return weights;
    }
}
