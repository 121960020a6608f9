package dev.prepdeck.review;

import java.time.Instant;

/** Either the next card to study or, when nothing is left for now, when the next card falls due (may be null). */
public record StudyQueue(StudyCard card, Instant nextDue) {
    public static StudyQueue of(StudyCard card) {
        return new StudyQueue(card, null);
    }

    static StudyQueue done(Instant nextDue) {
        return new StudyQueue(null, nextDue);
    }

    public boolean isDone() {
        return card == null;
    }
}
