package dev.prepdeck.study;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.review.RequestId;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyCard;
import dev.prepdeck.review.StudyQueue;
import dev.prepdeck.web.JsonBody;
import dev.prepdeck.web.Params;
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
        StudyQueue queue = reviews.next(Params.queryId(ctx, "deck", "deck"));
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
        Rating rating = Params.rating(body.requiredLong("rating"), "rating");
        Long durationMs = body.optionalLong("durationMs");
        long duration = durationMs == null ? 0 : durationMs;
        RequestId requestId = RequestId.ofNullable(body.optionalString("requestId"));
        String answer = body.optionalString("answer");
        if (answer == null) {
            if (body.optionalLong("seconds") != null) {
                throw new InvalidInputException("answer", "field 'seconds' needs the 'answer' it timed");
            }
            ctx.json(reviews.rate(cardId, rating, duration, requestId));
            return;
        }
        Long seconds = body.optionalLong("seconds");
        long answerSeconds = seconds == null ? duration / 1000 : seconds;
        // The attempt is stored in the rating's own transaction, so an undo of this review removes it too.
        ctx.json(practice.rateWithAttempt(cardId, rating, duration, answer, answerSeconds, null, requestId).result());
    }

    public void undo(Context ctx) {
        ctx.json(Map.of("undone", reviews.undoLast().isPresent()));
    }
}
