package dev.prepdeck.anki.importing;

import dev.prepdeck.anki.RevlogKind;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.Rating;
import java.time.Instant;

/**
 * One answered review from Anki's log, with the card's FSRS state before and after it as prepdeck's scheduler
 * replays the history (prepdeck's review_log keeps both).
 *
 * @param kind       Anki's kind of review (learning, review, relearning, filtered)
 * @param durationMs time spent on the answer
 */
public record ImportedReview(Instant reviewedAt, Rating rating, int durationMs, RevlogKind kind, FsrsCard before,
        FsrsCard after) {
}
