package dev.prepdeck.review;

import java.time.ZoneId;

/** Whose progress this is, and where their day begins and ends. */
public record Learner(long id, ZoneId zone, int rolloverHour) {
    /** The only learner until accounts exist; every per-learner row already carries this id. */
    public static final long DEFAULT_ID = 1;
}
