package dev.prepdeck.anki.exporting;

import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.time.Instant;
import java.util.Objects;

/**
 * One review from prepdeck's review log.
 *
 * @param stateBefore         decides the review's kind in Anki (learning, review, relearning)
 * @param scheduledDaysBefore the interval the card had before
 * @param scheduledDaysAfter  the interval it was given; 0 while in (re)learning
 * @param dueAfter            when it came due next (gives learning steps their interval in seconds)
 * @param difficultyAfter     FSRS difficulty after the review, which Anki's revlog keeps in "factor"
 */
public record ExportReview(Instant reviewedAt, Rating rating, int durationMs, State stateBefore,
        int scheduledDaysBefore, int scheduledDaysAfter, Instant dueAfter, double difficultyAfter) {

    public ExportReview {
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(stateBefore, "stateBefore");
        Objects.requireNonNull(dueAfter, "dueAfter");
    }
}
