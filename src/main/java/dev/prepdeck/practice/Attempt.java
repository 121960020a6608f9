package dev.prepdeck.practice;

import dev.prepdeck.fsrs.Rating;
import java.util.List;

/**
 * A stored practice attempt: the typed answer, its time and coverage, each key point with whether it counted as
 * covered, the rating of the review it went with (null while a mock interview is not yet confirmed), and the
 * recording of the answer when it was spoken (null when typed only).
 */
public record Attempt(long id, long cardId, Long reviewId, long attemptedAt, String answer, int seconds,
                      double coverage, List<PointMark> keyPoints, Rating rating, Long recordingId) {

    /** A key point as stored in practice_attempt.key_points. */
    public record PointMark(String text, boolean covered) {
    }
}
