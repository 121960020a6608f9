package dev.prepdeck.study;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.judge.SecondOpinionService;
import dev.prepdeck.practice.PracticeCheck;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.web.JsonBody;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.SignedIn;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for practice: check an answer against a card's key points, with the learner's own judge's second opinion
 * beside the built-in verdicts when they set one up.
 */
public final class PracticeApiController {
    private final PracticeService practice;
    private final SecondOpinions secondOpinions;

    public PracticeApiController(PracticeService practice, SecondOpinionService secondOpinions) {
        this.practice = practice;
        this.secondOpinions = new SecondOpinions(secondOpinions);
    }

    public void check(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        long cardId = body.requiredLong("cardId");
        String answer = body.requiredString("answer");
        Long seconds = body.optionalLong("seconds");
        if (seconds != null && seconds < 0) {
            throw new InvalidInputException("seconds", "field 'seconds' must not be negative");
        }
        PracticeCheck check = practice.check(SignedIn.learner(ctx), cardId, answer, seconds == null ? 0 : seconds);
        List<Map<String, Object>> points = check.result().points().stream().map(p -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("text", p.text());
            point.put("covered", p.covered());
            point.put("matched", p.matched());
            point.put("contradicted", p.contradicted());
            point.put("reason", p.reason());
            return point;
        }).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("coverage", check.coverage());
        result.put("keyPoints", points);
        result.put("suggestedRating", check.suggested().value());
        result.put("targetSeconds", check.targetSeconds());
        List<String> texts = check.result().points().stream().map(p -> p.text()).toList();
        result.put("secondOpinion", SecondOpinions.json(Language.of(ctx),
                secondOpinions.ask(SignedIn.learner(ctx), check.card(), texts, answer), answer, texts));
        ctx.json(result);
    }
}
