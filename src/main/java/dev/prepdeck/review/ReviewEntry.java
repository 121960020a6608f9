package dev.prepdeck.review;

/** One row of the review log as the card page shows it. */
public record ReviewEntry(
        long id,
        long reviewedAt,
        int rating,
        int elapsedDays,
        long durationMs,
        int stateBefore,
        int stateAfter,
        double stabilityAfter,
        double difficultyAfter,
        int scheduledDaysAfter,
        long dueAfter) {
}
