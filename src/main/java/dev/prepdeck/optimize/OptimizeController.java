package dev.prepdeck.optimize;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.fsrs.optimizer.Metrics;
import dev.prepdeck.web.JsonBody;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import dev.prepdeck.web.StreamedPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Optimize pages and API: fit FSRS to a deck's reviews (with its sub-decks) or to every deck's, compare, and
 * apply the fitted weights or the recommended desired retention only when the user asks.
 */
public final class OptimizeController {
    private static final Logger LOG = LoggerFactory.getLogger(OptimizeController.class);

    private final OptimizeService optimizer;

    public OptimizeController(OptimizeService optimizer) {
        this.optimizer = optimizer;
    }

    /** What an optimization of every deck would read, with the button that runs it. */
    public void allDecksForm(Context ctx) {
        ctx.render("optimize/start.html", Map.of("overview", optimizer.overview(SignedIn.learner(ctx), null), "action", "/optimize"));
    }

    public void deckForm(Context ctx) {
        long deckId = deckId(ctx);
        ctx.render("optimize/start.html", Map.of("overview", optimizer.overview(SignedIn.learner(ctx), deckId),
                "action", "/decks/" + deckId + "/optimize"));
    }

    public void optimizeAll(Context ctx) {
        run(ctx, null, "/optimize");
    }

    public void optimizeDeck(Context ctx) {
        long deckId = deckId(ctx);
        run(ctx, deckId, "/decks/" + deckId + "/optimize");
    }

    /**
     * Runs the optimization while the page shows each step as it begins (a million reviews take seconds), then
     * the result. An unknown deck is answered before the page starts, as a 404.
     */
    private void run(Context ctx, Long deckId, String action) {
        DeckScope scope = optimizer.scope(SignedIn.learner(ctx), deckId);
        try (StreamedPage page = StreamedPage.open(ctx, "optimize/run.html", Map.of("scope", scope))) {
            Optimization result;
            try {
                result = optimizer.optimize(SignedIn.learner(ctx), deckId,
                        (step, items) -> page.send("optimize/step.html", Map.of("step", step.name(), "items", items)));
            } catch (UncheckedIOException e) {
                throw e;
            } catch (ArithmeticException e) {
                page.send("optimize/failed.html", Map.of("message", Messages.text(ctx, "optimize.failed.diverged")));
                return;
            } catch (RuntimeException e) {
                // the page is already on its way with status 200: the failure can only be told on it
                LOG.error("optimizing {} failed", scope.name(), e);
                page.send("optimize/failed.html", Map.of("message", Messages.text(ctx, "error.internal")));
                return;
            }
            page.send("optimize/result.html", Map.of("result", result, "action", action));
        } catch (UncheckedIOException e) {
            LOG.info("the browser left while {} was being optimized: {}", scope.name(), e.getMessage());
        }
    }

    public void applyAll(Context ctx) {
        apply(ctx, null);
    }

    public void applyDeck(Context ctx) {
        apply(ctx, deckId(ctx));
    }

    private void apply(Context ctx, Long deckId) {
        double[] weights = Params.formNumbers(ctx, "weights", "weights");
        boolean reschedule = Params.formTicked(ctx, "reschedule");
        OptimizeService.Applied applied = optimizer.apply(SignedIn.learner(ctx), deckId, weights, reschedule);
        Map<String, Object> model = new HashMap<>();
        model.put("applied", applied);
        model.put("deckId", deckId);
        model.put("reschedule", reschedule);
        ctx.render("optimize/applied.html", model);
    }

    public void retentionAll(Context ctx) {
        useRetention(ctx, null);
    }

    public void retentionDeck(Context ctx) {
        useRetention(ctx, deckId(ctx));
    }

    private void useRetention(Context ctx, Long deckId) {
        Double retention = Params.formDecimal(ctx, "desiredRetention", "desired retention");
        if (retention == null) {
            throw Messages.invalid("desiredRetention", "optimize.error.retentionNumber");
        }
        optimizer.useDesiredRetention(SignedIn.learner(ctx), deckId, retention);
        ctx.redirect(deckId == null ? "/optimize" : "/decks/" + deckId + "/settings", HttpStatus.SEE_OTHER);
    }

    /** POST /api/decks/{id}/optimize: the fit and its figures as JSON; stores nothing. */
    public void optimizeApi(Context ctx) {
        Optimization result = optimizer.optimize(SignedIn.learner(ctx), deckId(ctx), OptimizeService.Progress.NONE);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deck", Map.of("id", result.deck().id(), "name", result.deck().name()));
        json.put("reviews", result.reviews());
        json.put("cards", result.cards());
        json.put("items", result.items());
        json.put("outcome", result.outcome().name());
        json.put("note", result.outcome().description());
        json.put("parameters", result.fitted());
        json.put("currentParameters", result.current());
        json.put("before", metrics(result.before()));
        json.put("after", metrics(result.after()));
        json.put("timeSeriesSplit", result.split() == null ? null : Map.of(
                "fitted", metrics(result.split().fitted()), "current", metrics(result.split().current())));
        json.put("recommendedRetention", result.retention() == null ? null : result.retention().recommended());
        ctx.json(json);
    }

    /** POST /api/decks/{id}/fsrs: saves the weights for the deck and its sub-decks, rescheduling on request. */
    public void applyApi(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        OptimizeService.Applied applied = optimizer.apply(SignedIn.learner(ctx), deckId(ctx), body.requiredNumbers("weights"),
                body.optionalBoolean("reschedule", false));
        ctx.json(Map.of("decks", applied.decks(), "rescheduled", applied.rescheduled(), "moved", applied.moved()));
    }

    private static Map<String, Object> metrics(Metrics metrics) {
        if (metrics == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("logLoss", metrics.logLoss());
        json.put("rmseBins", metrics.rmseBins());
        json.put("items", metrics.items());
        return json;
    }

    private static long deckId(Context ctx) {
        return Params.pathId(ctx, "deckId");
    }
}
