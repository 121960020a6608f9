package dev.prepdeck.study;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyCard;
import dev.prepdeck.review.StudyQueue;
import dev.prepdeck.web.JsonBody;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON for the study loop: the next card with its four intervals, and rating a card. */
public final class ReviewApiController {
    private final ReviewService reviews;
    private final PracticeService practice;

    public ReviewApiController(ReviewService reviews, PracticeService practice) {
        this.reviews = reviews;
        this.practice = practice;
    }

    public void next(Context ctx) {
        String deckParam = ctx.queryParam("deck");
        Long deckId = null;
        if (deckParam != null && !deckParam.isBlank()) {
            try {
                deckId = Long.parseLong(deckParam.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("deck", "deck must be a deck id (a whole number)");
            }
        }
        StudyQueue queue = reviews.next(deckId);
        if (queue.isDone()) {
            ctx.status(HttpStatus.NO_CONTENT);
            return;
        }
        StudyCard study = queue.card();
        Map<String, Object> intervals = new LinkedHashMap<>();
        for (Rating rating : Rating.values()) {
            intervals.put(rating.name().toLowerCase(), study.intervalLabel(rating));
        }
        ctx.json(Map.of(
                "card", Map.of("id", study.card().id(), "question", study.card().question(),
                        "answer", study.card().answer(), "deckId", study.card().deckId(),
                        "state", study.schedule().stateName()),
                "intervals", intervals));
    }

    public void review(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        long cardId = body.requiredLong("cardId");
        long ratingValue = body.requiredLong("rating");
        if (ratingValue < 1 || ratingValue > 4) {
            throw new InvalidInputException("rating", "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not "
                    + ratingValue);
        }
        Long durationMs = body.optionalLong("durationMs");
        Rating rating = Rating.of((int) ratingValue);
        long duration = durationMs == null ? 0 : durationMs;
        String answer = body.optionalString("answer");
        if (answer == null) {
            if (body.optionalLong("seconds") != null) {
                throw new InvalidInputException("answer", "field 'seconds' needs the 'answer' it timed");
            }
            ctx.json(reviews.rate(cardId, rating, duration));
            return;
        }
        Long seconds = body.optionalLong("seconds");
        long answerSeconds = seconds == null ? duration / 1000 : seconds;
        // The attempt is stored in the rating's own transaction, so an undo of this review removes it too.
        ctx.json(practice.rateWithAttempt(cardId, rating, duration, answer, answerSeconds, null).result());
    }

    public void undo(Context ctx) {
        ctx.json(Map.of("undone", reviews.undoLast().isPresent()));
    }
}
