package dev.prepdeck.anki;

import java.time.Instant;
import java.util.Objects;

/**
 * One review-log row.
 *
 * @param id           when the review happened, in Unix milliseconds (also the row's key)
 * @param ease         the button: 1 again, 2 hard, 3 good, 4 easy; 0 for manual changes and rescheduling
 * @param interval     interval after the review: days if positive, seconds if negative
 * @param lastInterval interval before the review, same units
 * @param factor       SM-2 ease in permille, or with FSRS the difficulty scaled to 100..1100
 * @param timeMs       time spent answering, in milliseconds
 */
public record RevlogEntry(long id, long cardId, int ease, int interval, int lastInterval, int factor, int timeMs,
        RevlogKind kind) {

    public RevlogEntry {
        Objects.requireNonNull(kind, "kind");
    }

    public Instant reviewedAt() {
        return Instant.ofEpochMilli(id);
    }

    /** A real answer with a button, as opposed to a manual change or rescheduling. */
    public boolean answered() {
        return ease >= 1 && ease <= 4 && kind != RevlogKind.MANUAL && kind != RevlogKind.RESCHEDULED;
    }
}
