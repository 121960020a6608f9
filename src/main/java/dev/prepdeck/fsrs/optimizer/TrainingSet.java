package dev.prepdeck.fsrs.optimizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Review histories turned into the optimizer's items, the way fsrs-rs's converter does it: within each card,
 * elapsed days between consecutive reviews' study days; then one item for every review that comes at least a
 * day after the previous one, holding the card's whole history up to and including it (reviews on the same
 * day stay in the history with 0 elapsed days). An item asks: given this history, was the last review
 * recalled (rated Hard, Good or Easy)? Items are ordered by the time of their last review, which the
 * recency weighting and the time-series split rely on.
 *
 * <p>Items of a card are prefixes of its one history, so the histories are stored once, as flat arrays.
 */
public final class TrainingSet {
    private final int[] cardStart;
    private final int[] elapsedDays;
    private final byte[] ratings;
    private final int[] itemCard;
    private final int[] itemLength;

    private TrainingSet(int[] cardStart, int[] elapsedDays, byte[] ratings, int[] itemCard, int[] itemLength) {
        this.cardStart = cardStart;
        this.elapsedDays = elapsedDays;
        this.ratings = ratings;
        this.itemCard = itemCard;
        this.itemLength = itemLength;
    }

    /** The items of {@code cards}, with days cut by {@code dayCut}. */
    public static TrainingSet of(List<CardHistory> cards, DayCut dayCut) {
        int reviewCount = cards.stream().mapToInt(card -> card.reviews().size()).sum();
        int[] cardStart = new int[cards.size() + 1];
        int[] elapsed = new int[reviewCount];
        byte[] ratings = new byte[reviewCount];
        List<long[]> items = new ArrayList<>();
        int position = 0;
        for (int card = 0; card < cards.size(); card++) {
            cardStart[card] = position;
            List<PastReview> reviews = cards.get(card).reviews();
            long previousDay = 0;
            for (int i = 0; i < reviews.size(); i++) {
                PastReview review = reviews.get(i);
                long day = dayCut.dayOf(review.time());
                elapsed[position + i] = i == 0 ? 0 : (int) Math.max(0, day - previousDay);
                ratings[position + i] = (byte) review.rating().value();
                previousDay = day;
                if (i > 0 && elapsed[position + i] > 0) {
                    Instant time = review.time();
                    items.add(new long[] {time.getEpochSecond(), time.getNano(), card, i + 1});
                }
            }
            position += reviews.size();
        }
        cardStart[cards.size()] = position;
        // Stable: items at the same instant stay in card order.
        items.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] itemCard = new int[items.size()];
        int[] itemLength = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            itemCard[i] = (int) items.get(i)[2];
            itemLength[i] = (int) items.get(i)[3];
        }
        return new TrainingSet(cardStart, elapsed, ratings, itemCard, itemLength);
    }

    /** How many items (reviews after the first that came on a later day than the one before) there are. */
    public int itemCount() {
        return itemCard.length;
    }

    public int cardCount() {
        return cardStart.length - 1;
    }

    /** All reviews of all cards, including those that make no item. */
    public int reviewCount() {
        return elapsedDays.length;
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive), in the same order. */
    TrainingSet slice(int from, int to) {
        return new TrainingSet(cardStart, elapsedDays, ratings, Arrays.copyOfRange(itemCard, from, to),
                Arrays.copyOfRange(itemLength, from, to));
    }

    /** The items at {@code indices}, in that order. */
    TrainingSet select(int[] indices) {
        int[] cards = new int[indices.length];
        int[] lengths = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            cards[i] = itemCard[indices[i]];
            lengths[i] = itemLength[indices[i]];
        }
        return new TrainingSet(cardStart, elapsedDays, ratings, cards, lengths);
    }

    int card(int item) {
        return itemCard[item];
    }

    /** Reviews in the item, the last one (the one predicted) included. */
    int length(int item) {
        return itemLength[item];
    }

    /** Position of the item's {@code step}-th review in the flat review arrays. */
    int reviewIndex(int item, int step) {
        return cardStart[itemCard[item]] + step;
    }

    int elapsedDays(int reviewIndex) {
        return elapsedDays[reviewIndex];
    }

    int rating(int reviewIndex) {
        return ratings[reviewIndex];
    }

    int currentRating(int item) {
        return ratings[reviewIndex(item, itemLength[item] - 1)];
    }

    int currentElapsedDays(int item) {
        return elapsedDays[reviewIndex(item, itemLength[item] - 1)];
    }

    boolean recalled(int item) {
        return currentRating(item) > 1;
    }

    int firstRating(int item) {
        return ratings[cardStart[itemCard[item]]];
    }

    /** How many of the item's reviews came on a later day than the one before. */
    int longTermReviewCount(int item) {
        int start = cardStart[itemCard[item]];
        int count = 0;
        for (int i = 0; i < itemLength[item]; i++) {
            if (elapsedDays[start + i] > 0) {
                count++;
            }
        }
        return count;
    }

    /** Elapsed days of the item's first review on a later day than the one before. */
    int firstLongTermElapsedDays(int item) {
        int start = cardStart[itemCard[item]];
        for (int i = 0; i < itemLength[item]; i++) {
            if (elapsedDays[start + i] > 0) {
                return elapsedDays[start + i];
            }
        }
        throw new IllegalStateException("an item always ends with a review on a later day");
    }

    /** Lapses (Again on a later day) before the item's last review. */
    int lapsesBefore(int item) {
        int start = cardStart[itemCard[item]];
        int count = 0;
        for (int i = 0; i < itemLength[item] - 1; i++) {
            if (ratings[start + i] == 1 && elapsedDays[start + i] > 0) {
                count++;
            }
        }
        return count;
    }
}
