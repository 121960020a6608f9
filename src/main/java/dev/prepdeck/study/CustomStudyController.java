package dev.prepdeck.study;

import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.search.CustomStudy;
import dev.prepdeck.search.SearchSyntaxException;
import dev.prepdeck.web.SignedIn;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Custom study before an interview, from a search or a deck: review ahead, study forgotten today (sessions of
 * real ratings, one card after another through the study page), and more new cards today for a deck.
 */
public final class CustomStudyController {
    private final CustomStudy custom;
    private final ReviewService reviews;
    private final DeckService decks;

    public CustomStudyController(CustomStudy custom, ReviewService reviews, DeckService decks) {
        this.custom = custom;
        this.reviews = reviews;
        this.decks = decks;
    }

    /** GET /custom-study?q=&deck= : the three choices for a search, or for a deck (which also offers new cards). */
    public void form(Context ctx) {
        Long deckId = Params.queryId(ctx, "deck", "deck");
        render(ctx, deckId, deckId == null ? Params.queryText(ctx, "q") : null, null);
    }

    private void render(Context ctx, Long deckId, String query, String error) {
        Map<String, Object> model = new HashMap<>();
        Deck deck = deckId == null ? null : decks.deck(SignedIn.learner(ctx), deckId);
        model.put("deck", deck);
        model.put("query", deck == null ? (query == null ? "" : query) : deckQuery(deck));
        model.put("error", error);
        ctx.render("study/custom.html", model);
    }

    private static String deckQuery(Deck deck) {
        return "deck:\"" + deck.name().replace("\"", "\\\"") + "\"";
    }

    /** POST /custom-study : starts a session, or raises today's new card limit of the deck. */
    public void start(Context ctx) {
        Long deckId = Params.formId(ctx, "deck", "deck");
        String query = Params.formText(ctx, "q");
        String mode = Params.formText(ctx, "mode");
        try {
            if ("new".equals(mode)) {
                if (deckId == null) {
                    throw new InvalidInputException("deck", Messages.text(ctx, "customstudy.new.deck"));
                }
                int extra = Params.requiredFormInt(ctx, "extra", "more new cards", 1, 9999);
                int today = reviews.addNewCardsToday(SignedIn.learner(ctx), deckId, extra);
                Flash.show(ctx, Messages.text(ctx, "customstudy.new.done", today));
                ctx.redirect(StudyController.studyUrl(deckId, null), HttpStatus.SEE_OTHER);
                return;
            }
            CustomStudy.Mode chosen = CustomStudy.mode(mode);
            int days = chosen == CustomStudy.Mode.AHEAD ? Params.requiredFormInt(ctx, "days", "days", 1, 365) : 0;
            CustomStudy.Session session = custom.start(SignedIn.learner(ctx), chosen, query, days);
            if (session.total() == 0) {
                custom.end(SignedIn.learner(ctx));
                throw new InvalidInputException("mode", Messages.text(ctx, "customstudy.none." + chosen.key()));
            }
            ctx.redirect("/custom-study/next", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | SearchSyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, deckId, query, Messages.problem(ctx, e));
        }
    }

    /** GET /custom-study/next : the session's next card on the study page, or its summary when it is done. */
    public void next(Context ctx) {
        Optional<CustomStudy.Session> session = custom.advance(SignedIn.learner(ctx), null);
        if (session.isPresent() && session.get().current().isPresent()) {
            ctx.redirect("/study?card=" + session.get().current().get() + "&custom=1", HttpStatus.SEE_OTHER);
            return;
        }
        custom.end(SignedIn.learner(ctx));
        Map<String, Object> model = new HashMap<>();
        model.put("session", session.orElse(null));
        ctx.render("study/custom-done.html", model);
    }

    /** POST /custom-study/end : leaves the session; what was rated stays rated. */
    public void end(Context ctx) {
        custom.end(SignedIn.learner(ctx)).ifPresent(s ->
                Flash.show(ctx, Messages.text(ctx, "customstudy.ended", s.position(), s.total())));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}
