package dev.prepdeck.review;

import dev.prepdeck.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.web.JsonBody;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON for the study loop: the next card with its four intervals, and rating a card. */
public final class ReviewApiController {
    private final ReviewService reviews;

    public ReviewApiController(ReviewService reviews) {
        this.reviews = reviews;
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
        ctx.json(reviews.rate(cardId, Rating.of((int) ratingValue), durationMs == null ? 0 : durationMs));
    }

    public void undo(Context ctx) {
        ctx.json(Map.of("undone", reviews.undoLast().isPresent()));
    }
}
