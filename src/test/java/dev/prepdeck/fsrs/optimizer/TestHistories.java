package dev.prepdeck.fsrs.optimizer;

import dev.prepdeck.fsrs.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Review histories written compactly for tests. */
final class TestHistories {
    static final Instant START = Instant.parse("2024-01-01T12:00:00Z");

    private TestHistories() {
    }

    /**
     * A card reviewed at {@code day, rating} pairs (days counted from {@link #START}); several reviews on the
     * same day are ten minutes apart.
     */
    static CardHistory card(int... dayRatingPairs) {
        List<PastReview> reviews = new ArrayList<>();
        int sameDay = 0;
        for (int i = 0; i < dayRatingPairs.length; i += 2) {
            sameDay = i > 0 && dayRatingPairs[i] == dayRatingPairs[i - 2] ? sameDay + 1 : 0;
            Instant time = START.plus(Duration.ofDays(dayRatingPairs[i])).plus(Duration.ofMinutes(10L * sameDay));
            reviews.add(new PastReview(time, Rating.of(dayRatingPairs[i + 1])));
        }
        return new CardHistory(reviews);
    }

    static TrainingSet set(CardHistory... cards) {
        return TrainingSet.of(List.of(cards), DayCut.UTC_MIDNIGHT);
    }

    /** {@code count} copies of a card. */
    static List<CardHistory> copies(int count, CardHistory card) {
        List<CardHistory> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cards.add(card);
        }
        return cards;
    }
}
