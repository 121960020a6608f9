package dev.prepdeck.fsrs;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The four outcomes of one review, kept as numbers: {@link Scheduler#previewOutcomes} fills it with
 * exactly what {@link Scheduler#preview} would put in its cards, and builds a card, log or Instant only
 * when asked. Values are indexed by rating.
 */
public final class Preview {
    private static final State[] STATES = State.values();
    private static final Rating[] RATINGS = Rating.values();
    // per rating: state ordinal, lapses, learning steps, scheduled days, logged scheduled days
    private static final int INT_FIELDS = 5;

    private final FsrsCard before;
    private final Instant reviewTime;
    private final int elapsedDays;
    private final double[] stability = new double[4];
    private final double[] difficulty = new double[4];
    private final long[] dueMs = new long[4];
    private final int[] ints = new int[4 * INT_FIELDS];

    Preview(FsrsCard before, Instant reviewTime, int elapsedDays) {
        this.before = before;
        this.reviewTime = reviewTime;
        this.elapsedDays = elapsedDays;
    }

    void set(Rating rating, State state, double s, double d, int lapses, int learningSteps, int scheduledDays,
            long due, int loggedScheduledDays) {
        int i = rating.ordinal();
        stability[i] = s;
        difficulty[i] = d;
        dueMs[i] = due;
        int at = i * INT_FIELDS;
        ints[at] = state.ordinal();
        ints[at + 1] = lapses;
        ints[at + 2] = learningSteps;
        ints[at + 3] = scheduledDays;
        ints[at + 4] = loggedScheduledDays;
    }

    /** When the card would be due after this rating, in epoch milliseconds. */
    public long dueEpochMilli(Rating rating) {
        return dueMs[rating.ordinal()];
    }

    public Instant due(Rating rating) {
        return Instant.ofEpochMilli(dueEpochMilli(rating));
    }

    public State state(Rating rating) {
        return STATES[ints[rating.ordinal() * INT_FIELDS]];
    }

    public double stability(Rating rating) {
        return stability[rating.ordinal()];
    }

    public double difficulty(Rating rating) {
        return difficulty[rating.ordinal()];
    }

    public int scheduledDays(Rating rating) {
        return ints[rating.ordinal() * INT_FIELDS + 3];
    }

    /** The card after this rating, equal to {@code scheduler.next(card, now, rating, zone).card()}. */
    public FsrsCard card(Rating rating) {
        Objects.requireNonNull(rating, "rating");
        int at = rating.ordinal() * INT_FIELDS;
        return new FsrsCard(STATES[ints[at]], stability(rating), difficulty(rating), before.reps() + 1, ints[at + 1],
                ints[at + 2], ints[at + 3], elapsedDays, reviewTime, due(rating));
    }

    /** The card and log after this rating, equal to {@code scheduler.next(card, now, rating, zone)}. */
    public ScheduledReview outcome(Rating rating) {
        return new ScheduledReview(card(rating),
                Scheduler.log(before, rating, elapsedDays, ints[rating.ordinal() * INT_FIELDS + 4], reviewTime));
    }

    /** All four outcomes built, as {@link Scheduler#preview} returns them. */
    public Map<Rating, ScheduledReview> asMap() {
        Map<Rating, ScheduledReview> outcomes = new EnumMap<>(Rating.class);
        for (Rating rating : RATINGS) {
            outcomes.put(rating, outcome(rating));
        }
        return outcomes;
    }
}
