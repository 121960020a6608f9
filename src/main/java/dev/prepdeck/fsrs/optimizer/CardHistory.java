package dev.prepdeck.fsrs.optimizer;

import java.util.Comparator;
import java.util.List;

/** All past reviews of one card, kept in time order (reviews at the same instant keep their given order). */
public record CardHistory(List<PastReview> reviews) {
    public CardHistory {
        reviews = reviews.stream().sorted(Comparator.comparing(PastReview::time)).toList();
    }
}
