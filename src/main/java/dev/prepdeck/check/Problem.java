package dev.prepdeck.check;

/** A kind of inconsistency the check looks for; its key names the sentence that reports it. */
public enum Problem {
    /** Rows referring to a deck, card, learner or review that is gone ({@code PRAGMA foreign_key_check}). */
    BROKEN_REFERENCES("broken-references"),
    /** Cards without a scheduling state for the learner. */
    MISSING_STATES("missing-states"),
    /**
     * Reviewed cards whose scheduling state contradicts their review log: new again without a reset, a last review
     * other than the log's latest, due before it, or a memory state no scheduler gives.
     */
    STATES_NOT_FROM_REVIEWS("states-not-from-reviews"),
    /** Search index rows of cards that are gone. */
    SEARCH_ROWS_ORPHANED("search-orphans"),
    /** Cards missing from the search index. */
    SEARCH_ROWS_MISSING("search-missing"),
    /** Due-queue rows (card_recall) of scheduling states that are gone. */
    RECALL_ROWS_ORPHANED("recall-orphans"),
    /** Scheduling states missing from the due queue or differing from it. */
    RECALL_ROWS_STALE("recall-stale"),
    /** Media files kept although no card or deck shows them. */
    MEDIA_UNUSED("media-unused"),
    /** Hours of the statistics roll-up (review_hour) that differ from the review log: statistics and daily limits. */
    ROLL_UP_STALE("statistics-stale");

    private final String code;

    Problem(String code) {
        this.code = code;
    }

    /** The message key of the sentence that reports {@code count} of these, e.g. check.problem.search-missing. */
    public String messageKey() {
        return "check.problem." + code;
    }
}
