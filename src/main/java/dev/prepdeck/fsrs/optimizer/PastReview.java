package dev.prepdeck.fsrs.optimizer;

import dev.prepdeck.fsrs.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One review from a card's history: when it happened, the learner's rating and how long the learner took
 * ({@link Duration#ZERO} when unknown; only the retention simulation's costs use it).
 */
public record PastReview(Instant time, Rating rating, Duration duration) {
    public PastReview {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("review duration must not be negative, got " + duration);
        }
    }

    public PastReview(Instant time, Rating rating) {
        this(time, rating, Duration.ZERO);
    }
}
