package dev.prepdeck.anki.exporting;

import dev.prepdeck.fsrs.FsrsCard;
import java.util.Objects;

/**
 * A studied card's scheduling state.
 *
 * @param card             the learner's FSRS state (card_state)
 * @param remainingSteps   (re)learning steps left, which Anki keeps in cards.left; 0 outside learning
 * @param desiredRetention the retention the card is scheduled for, written to cards.data "dr"; null to leave it out
 * @param decay            FSRS-6's decay (w20) the state was computed with, written as "decay"; null to leave it out
 */
public record ExportSchedule(FsrsCard card, int remainingSteps, boolean suspended, Double desiredRetention,
        Double decay) {

    public ExportSchedule {
        Objects.requireNonNull(card, "card");
    }
}
