package dev.prepdeck.optimize;

import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.optimizer.TrainingConfig;
import dev.prepdeck.web.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The decks one optimization covers: a deck with its sub-decks, or every deck ({@code deck} null), and what they
 * schedule with now.
 */
public record DeckScope(Deck deck, List<Deck> decks) {
    public DeckScope {
        decks = List.copyOf(decks);
    }

    public List<Long> deckIds() {
        return decks.stream().map(Deck::id).toList();
    }

    /** "Interview and its 2 sub-decks", "every deck": what the history covers, for the log. */
    public String name() {
        return name(Locale.ENGLISH);
    }

    /** The same in a page's language. */
    public String name(Locale locale) {
        if (deck == null) {
            return Messages.text(locale, "optimize.scope.all");
        }
        int below = decks.size() - 1;
        return below == 0 ? deck.name() : Messages.text(locale, "optimize.scope.deck", deck.name(), below);
    }

    /**
     * fsrs-rs's training settings for these decks, as Anki sets them from a preset: same-day reviews modelled when
     * a deck schedules them, and the most relearning steps any of the decks has, so the fitted w17 and w18 need no
     * further clipping in any of them.
     */
    public TrainingConfig trainingConfig() {
        if (decks.isEmpty()) {
            return TrainingConfig.DEFAULT;
        }
        List<FsrsParameters> schedules = decks.stream().map(d -> DeckSettings.of(d).toFsrsParameters()).toList();
        boolean shortTerm = schedules.stream().anyMatch(FsrsParameters::enableShortTerm);
        int relearningSteps = schedules.stream().mapToInt(p -> p.relearningSteps().size()).max().orElseThrow();
        return TrainingConfig.DEFAULT.withSchedule(shortTerm, relearningSteps);
    }

    /**
     * The 21 weights these decks schedule with now: the deck's own, or for every deck the ones they all share;
     * empty when the decks use different weights.
     */
    public Optional<double[]> weightsInUse() {
        if (deck != null) {
            return Optional.of(DeckSettings.of(deck).toFsrsParameters().w());
        }
        List<double[]> all = decks.stream().map(d -> DeckSettings.of(d).toFsrsParameters().w()).toList();
        double[] first = all.isEmpty() ? FsrsParameters.defaultWeights() : all.get(0);
        return all.stream().allMatch(w -> Arrays.equals(w, first)) ? Optional.of(first) : Optional.empty();
    }

    /** The desired retention these decks schedule for: the deck's, or the one every deck shares; empty otherwise. */
    public Optional<Double> desiredRetentionInUse() {
        if (deck != null) {
            return Optional.of(DeckSettings.of(deck).toFsrsParameters().requestRetention());
        }
        List<Double> all = decks.stream().map(d -> DeckSettings.of(d).toFsrsParameters().requestRetention()).distinct()
                .toList();
        if (all.isEmpty()) {
            return Optional.of(FsrsParameters.defaults().requestRetention());
        }
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }
}
