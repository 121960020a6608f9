package dev.prepdeck.review;

import dev.prepdeck.fsrs.Rating;

/**
 * The learner's most recent rating, which undo takes back whatever deck it was in (Anki's undo also takes back the
 * last action): named on the undo button and in the message after an undo.
 */
public record LastRating(long cardId, String question, long deckId, String deckName, Rating rating) {
}
