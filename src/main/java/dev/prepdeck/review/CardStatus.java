package dev.prepdeck.review;

/** What the deck page shows about a card's progress. */
public record CardStatus(CardSchedule schedule, int reviews) {
}
