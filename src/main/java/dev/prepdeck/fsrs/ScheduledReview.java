package dev.prepdeck.fsrs;

/** The card after one review, with the log entry that review produces. */
public record ScheduledReview(FsrsCard card, ReviewRecord log) {
}
