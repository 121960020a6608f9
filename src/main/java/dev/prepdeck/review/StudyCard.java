package dev.prepdeck.review;

import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.fsrs.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A card ready to be studied, with when each rating would make it due again. */
public record StudyCard(Card card, Deck deck, CardSchedule schedule, Instant shownAt, Map<Rating, Instant> dueByRating) {

    public Duration intervalFor(Rating rating) {
        return Duration.between(shownAt, dueByRating.get(rating));
    }

    /** Short labels for the rating buttons, e.g. "10m", "3d", "2.1mo". */
    public String intervalLabel(Rating rating) {
        return IntervalFormat.shortLabel(intervalFor(rating));
    }

    /** The same in the learner's language: "10分钟", "3天". */
    public String intervalLabel(Rating rating, Locale locale) {
        return IntervalFormat.shortLabel(intervalFor(rating), locale);
    }
}
