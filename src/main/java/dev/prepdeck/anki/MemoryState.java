package dev.prepdeck.anki;

/**
 * The FSRS fields of cards.data as Anki 23.10 and later write them ({@code {"s":..,"d":..,"dr":..,"decay":..,"lrt":..}});
 * each is null when absent.
 *
 * @param stability          s, in days
 * @param difficulty         d, 1 to 10
 * @param desiredRetention   dr, the retention the card was scheduled for
 * @param decay              decay, FSRS-6's w20 the state was computed with
 * @param lastReviewSeconds  lrt, Unix time of the last review in seconds
 */
public record MemoryState(Double stability, Double difficulty, Double desiredRetention, Double decay,
        Long lastReviewSeconds) {

    public static final MemoryState NONE = new MemoryState(null, null, null, null, null);

    /** Whether stability and difficulty are both known, which is what Anki needs to use the state. */
    public boolean known() {
        return stability != null && difficulty != null;
    }
}
