package dev.prepdeck.fsrs;

import java.time.Instant;
import java.util.Objects;

/**
 * The scheduling state of one card, as ts-fsrs keeps it.
 *
 * @param learningSteps index of the current (re)learning step
 * @param elapsedDays   calendar days between the last two reviews (kept for logs, as ts-fsrs does)
 * @param lastReview    null while the card has never been reviewed
 */
public record FsrsCard(
        State state,
        double stability,
        double difficulty,
        int reps,
        int lapses,
        int learningSteps,
        int scheduledDays,
        int elapsedDays,
        Instant lastReview,
        Instant due) {

    public FsrsCard {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
        if (reps < 0 || lapses < 0 || learningSteps < 0) {
            throw new IllegalArgumentException(
                    "reps, lapses and learningSteps must not be negative: " + reps + ", " + lapses + ", " + learningSteps);
        }
    }

    /** A card that has never been reviewed and is due at {@code now}. */
    public static FsrsCard newCard(Instant now) {
        return new FsrsCard(State.NEW, 0, 0, 0, 0, 0, 0, 0, null, now);
    }
}
