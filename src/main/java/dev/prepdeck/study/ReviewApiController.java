package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.review.LastRating;
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
import java.util.Optional;

/** JSON for the study loop: the next card with its four intervals, rating a card, and undo. */
public final class ReviewApiController {
    private final ReviewService reviews;
    private final PracticeService practice;

    public ReviewApiController(ReviewService reviews, PracticeService practice) {
        this.reviews = reviews;
        this.practice = practice;
    }

    public void next(Context ctx) {
        StudyQueue queue = reviews.next(SignedIn.learner(ctx), Params.queryId(ctx, "deck", "deck"));
        if (queue.isDone()) {
            ctx.status(HttpStatus.NO_CONTENT);
            return;
        }
        StudyCard study = queue.card();
        ctx.json(new NextCard(
                new ShownCard(study.card().id(), study.card().question(), study.card().answer(), study.card().deckId(),
                        study.schedule().stateName()),
                new Intervals(study.intervalLabel(Rating.AGAIN), study.intervalLabel(Rating.HARD),
                        study.intervalLabel(Rating.GOOD), study.intervalLabel(Rating.EASY)),
                study.shownAt().toEpochMilli()));
    }

    /**
     * GET /api/review/next's answer as records, which Jackson writes field by field with serializers it found once,
     * where maps made it look up each value's type anew (issue 19).
     */
    record NextCard(ShownCard card, Intervals intervals, long shownAt) {
    }

    record ShownCard(long id, String question, String answer, long deckId, String state) {
    }

    /** What each rating would give, as the rating buttons show it ("10m", "3d"). */
    record Intervals(String again, String hard, String good, String easy) {
    }

    public void review(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        long cardId = body.requiredLong("cardId");
        Rating rating = Params.rating(body.requiredLong("rating"), "rating");
        Long durationMs = body.optionalLong("durationMs");
        // When GET /api/review/next showed the card; with it the card gets the intervals that answer listed.
        Long shownAt = body.optionalLong("shownAt");
        long duration = durationMs == null ? 0 : durationMs;
        RequestId requestId = RequestId.ofNullable(body.optionalString("requestId"));
        String answer = body.optionalString("answer");
        if (answer == null) {
            if (body.optionalLong("seconds") != null) {
                throw new InvalidInputException("answer", "field 'seconds' needs the 'answer' it timed");
            }
            ctx.json(reviews.rate(SignedIn.learner(ctx), cardId, rating, duration, shownAt, requestId));
            return;
        }
        Long seconds = body.optionalLong("seconds");
        long answerSeconds = seconds == null ? duration / 1000 : seconds;
        // The attempt is stored in the rating's own transaction, so an undo of this review removes it too.
        ctx.json(practice.rateWithAttempt(SignedIn.learner(ctx), cardId, rating, duration, shownAt, answer, answerSeconds, null, requestId)
                .result());
    }

    /** Takes back the last rating, in whichever deck, and says which: {"undone":true,"cardId",...} or {"undone":false}. */
    public void undo(Context ctx) {
        JsonBody.requireNone(ctx);
        Optional<LastRating> undone = reviews.undoLast(SignedIn.learner(ctx));
        if (undone.isEmpty()) {
            ctx.json(Map.of("undone", false));
            return;
        }
        LastRating r = undone.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("undone", true);
        json.put("cardId", r.cardId());
        json.put("question", r.question());
        json.put("deckId", r.deckId());
        json.put("deck", r.deckName());
        json.put("rating", r.rating().value());
        ctx.json(json);
    }
}
