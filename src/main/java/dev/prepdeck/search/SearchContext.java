package dev.prepdeck.search;

import dev.prepdeck.review.StudyDay;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a search depends on besides its text: whose cards, the moment it runs, the learner's day (zone and rollover
 * hour, for {@code added:1} and {@code prop:due=0}) and the forgetting curves recall is computed with.
 */
public record SearchContext(long learnerId, Instant now, ZoneId zone, int rolloverHour, RecallCurves curves) {

    StudyDay today() {
        return StudyDay.containing(now, zone, rolloverHour);
    }

    /** Where the study day {@code days} after today (negative: before) begins, in epoch ms. */
    long dayStart(long days) {
        return StudyDay.of(today().date().plusDays(days), zone, rolloverHour).start().toEpochMilli();
    }

    /**
     * FSRS-6's forgetting curve R = (1 + factor · t / S) ^ decay, as the scheduler defines it for some weights.
     */
    public record Curve(double factor, double decay) {
    }

    /** Decks whose weights give another curve than the usual one. */
    public record DeckCurve(List<Long> deckIds, Curve curve) {
        public DeckCurve {
            deckIds = List.copyOf(deckIds);
        }
    }

    /** The curve most decks use, and the decks that differ (usually none). */
    public record RecallCurves(Curve usual, List<DeckCurve> exceptions) {
        public RecallCurves {
            exceptions = List.copyOf(exceptions);
        }
    }
}
