package dev.prepdeck.review;

import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.State;
import java.time.Instant;

/** One learner's scheduling state of one card, as stored in card_state, with the learner's flag on it (0: none). */
public record CardSchedule(
        long cardId,
        State state,
        double stability,
        double difficulty,
        int reps,
        int lapses,
        int learningSteps,
        int scheduledDays,
        int elapsedDays,
        Long lastReview,
        long due,
        boolean suspended,
        int flag) {

    public FsrsCard toFsrsCard() {
        return new FsrsCard(state, stability, difficulty, reps, lapses, learningSteps,
                scheduledDays, elapsedDays, lastReview == null ? null : Instant.ofEpochMilli(lastReview),
                Instant.ofEpochMilli(due));
    }

    /** The name shown to people and in the API: New, Learning, Review, Relearning or Suspended. */
    public String stateName() {
        return suspended ? "Suspended" : state.label();
    }
}
