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
    // per rating, in one array (one allocation per preview): stability and difficulty as raw bits, due
    // time, state ordinal, lapses, learning steps, scheduled days, logged scheduled days
    private static final int FIELDS = 8;
    private static final int STABILITY = 0;
    private static final int DIFFICULTY = 1;
    private static final int DUE = 2;
    private static final int STATE = 3;
    private static final int LAPSES = 4;
    private static final int LEARNING_STEPS = 5;
    private static final int SCHEDULED_DAYS = 6;
    private static final int LOGGED_SCHEDULED_DAYS = 7;

    private final FsrsCard before;
    private final Instant reviewTime;
    private final int elapsedDays;
    private final long[] values = new long[4 * FIELDS];

    Preview(FsrsCard before, Instant reviewTime, int elapsedDays) {
        this.before = before;
        this.reviewTime = reviewTime;
        this.elapsedDays = elapsedDays;
    }

    void set(Rating rating, State state, double s, double d, int lapses, int learningSteps, int scheduledDays,
            long due, int loggedScheduledDays) {
        int at = rating.ordinal() * FIELDS;
        values[at + STABILITY] = Double.doubleToRawLongBits(s);
        values[at + DIFFICULTY] = Double.doubleToRawLongBits(d);
        values[at + DUE] = due;
        values[at + STATE] = state.ordinal();
        values[at + LAPSES] = lapses;
        values[at + LEARNING_STEPS] = learningSteps;
        values[at + SCHEDULED_DAYS] = scheduledDays;
        values[at + LOGGED_SCHEDULED_DAYS] = loggedScheduledDays;
    }

    private long value(Rating rating, int field) {
        return values[rating.ordinal() * FIELDS + field];
    }

    /** When the card would be due after this rating, in epoch milliseconds. */
    public long dueEpochMilli(Rating rating) {
        return value(rating, DUE);
    }

    public Instant due(Rating rating) {
        return Instant.ofEpochMilli(dueEpochMilli(rating));
    }

    public State state(Rating rating) {
        return STATES[(int) value(rating, STATE)];
    }

    public double stability(Rating rating) {
        return Double.longBitsToDouble(value(rating, STABILITY));
    }

    public double difficulty(Rating rating) {
        return Double.longBitsToDouble(value(rating, DIFFICULTY));
    }

    public int scheduledDays(Rating rating) {
        return (int) value(rating, SCHEDULED_DAYS);
    }

    /** The card after this rating, equal to {@code scheduler.next(card, now, rating, zone).card()}. */
    public FsrsCard card(Rating rating) {
        Objects.requireNonNull(rating, "rating");
        return new FsrsCard(state(rating), stability(rating), difficulty(rating), before.reps() + 1,
                (int) value(rating, LAPSES), (int) value(rating, LEARNING_STEPS), scheduledDays(rating), elapsedDays,
                reviewTime, due(rating));
    }

    /** The card and log after this rating, equal to {@code scheduler.next(card, now, rating, zone)}. */
    public ScheduledReview outcome(Rating rating) {
        return new ScheduledReview(card(rating),
                Scheduler.log(before, rating, elapsedDays, (int) value(rating, LOGGED_SCHEDULED_DAYS), reviewTime));
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
