package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.error.ConflictException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.practice.PracticeView;
import dev.prepdeck.search.CustomStudy;
import dev.prepdeck.review.DueFormat;
import dev.prepdeck.review.LastRating;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.RequestId;
import dev.prepdeck.review.ReviewResult;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyCard;
import dev.prepdeck.review.StudyQueue;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.InlineMarkdown;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import dev.prepdeck.web.Wording;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The study page: question, then the answer (a details element, so it works without JavaScript), then the four
 * rating buttons with their next intervals; undo takes the last rating back.
 */
public final class StudyController {
    /** How much of a question an undo button or message quotes. */
    static final int QUOTED_QUESTION_CHARS = 80;

    private final StudyPages pages;
    private final ReviewService reviews;
    private final MarkdownRenderer markdown;
    private final InlineMarkdown inline;
    private final Clock clock;
    private final CustomStudy custom;

    public StudyController(StudyPages pages, ReviewService reviews, MarkdownRenderer markdown, InlineMarkdown inline,
                           Clock clock, CustomStudy custom) {
        this.custom = custom;
        this.pages = pages;
        this.reviews = reviews;
        this.markdown = markdown;
        this.inline = inline;
        this.clock = clock;
    }

    /**
     * After an undo the page asks for the card that was taken back (?card=), so it is studied again first. A card
     * that cannot be shown there (not in the deck, suspended) is dropped from the address, so the address always
     * names the card on screen.
     */
    public void study(Context ctx) {
        Long deckId = Params.queryId(ctx, "deck", "deck");
        Long cardId = Params.queryId(ctx, "card", "card");
        StudyPages.StudyPage page = pages.study(SignedIn.learner(ctx), deckId, cardId);
        if (cardId != null && (page.queue().isDone() || page.queue().card().card().id() != cardId)) {
            ctx.redirect(studyUrl(deckId, null), HttpStatus.FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("deck", page.deck());
        model.put("deckParam", deckId == null ? "" : deckId.toString());
        model.put("counts", page.counts());
        LastRating last = page.lastRating();
        model.put("undoLabel", last == null ? null : Messages.text(ctx, "study.undo", ratingName(ctx, last.rating()),
                quoted(last.question())));
        StudyQueue queue = page.queue();
        if (queue.isDone()) {
            model.put("nextDue", queue.nextDue() == null ? null
                    : DueFormat.describe(queue.nextDue(), clock.instant(), page.zone(), Language.of(ctx)));
            ctx.render("study/done.html", model);
            return;
        }
        StudyCard study = queue.card();
        // Opened from a custom study session: its progress shows, and the rating goes back to the session.
        customSession(ctx, custom, ctx.queryParam("custom"), study.card().id()).ifPresent(s -> model.put("customSession", s));
        model.put("card", study.card());
        model.put("flag", study.schedule().flag());
        // Bury and suspend take the card out of study: the next card follows. A flag keeps this card on screen.
        model.put("studyBack", studyUrl(deckId, null));
        model.put("studyStay", studyUrl(deckId, study.card().id()));
        model.put("cardDeck", study.deck());
        model.put("state", study.schedule().stateName());
        model.put("questionHtml", markdown.toHtml(study.card().question()));
        model.put("answerHtml", markdown.toHtml(study.card().answer()));
        model.put("shownAt", study.shownAt().toEpochMilli());
        // One id per card shown: submitting this card's rating again (a reload, the back button, a retry) rates once.
        model.put("requestId", UUID.randomUUID().toString());
        model.put("practice", page.practice());
        model.put("target", page.targetSeconds());
        model.put("targetTime", PracticeView.clock(page.targetSeconds()));
        model.put("buttons", List.of(Rating.values()).stream()
                .map(r -> new RatingButton(r.value(), r.label(), study.intervalLabel(r, Language.of(ctx))))
                .toList());
        ctx.render("study/study.html", model);
    }

    public void rate(Context ctx) {
        long cardId = Params.requiredFormId(ctx, "cardId", "card");
        Rating rating = Params.formRating(ctx, "rating");
        Long deckId = Params.formId(ctx, "deck", "deck");
        OptionalLong shownAt = Params.measured(ctx, "shownAt");
        ReviewResult result;
        try {
            result = reviews.rate(SignedIn.learner(ctx), cardId, rating, durationMs(ctx),
                    shownAt.isPresent() ? shownAt.getAsLong() : null, RequestId.ofNullable(Params.formText(ctx, "requestId")));
        } catch (ConflictException e) {
            // Another tab's rating suspended the card meanwhile: say so over the next card instead of an error page.
            Flash.show(ctx, Messages.problem(ctx, e));
            ctx.redirect(studyUrl(deckId, null), HttpStatus.SEE_OTHER);
            return;
        }
        tellLeech(ctx, result);
        if ("1".equals(ctx.formParam("custom"))) {
            custom.advance(SignedIn.learner(ctx), cardId);
            ctx.redirect("/custom-study/next", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(studyUrl(deckId, null), HttpStatus.SEE_OTHER);
    }

    /**
     * The learner's custom study session when a page of it ({@code custom} is "1") shows the session's current card;
     * a form of an ended or moved-on session leads back to the normal queue.
     */
    static Optional<CustomStudy.Session> customSession(Context ctx, CustomStudy custom, String flag, long cardId) {
        if (!"1".equals(flag)) {
            return Optional.empty();
        }
        return custom.session(SignedIn.learner(ctx)).filter(s -> s.current().filter(id -> id == cardId).isPresent());
    }

    /** After a rating that made the card a leech, the next page says so and what happened to the card. */
    static void tellLeech(Context ctx, ReviewResult result) {
        if (result.leech()) {
            Flash.show(ctx, Messages.text(ctx, result.suspended() ? "leech.suspended" : "leech.tagged"));
        }
    }

    /**
     * Takes back the last rating, whichever deck it was in, says which, and shows that card: in the deck being
     * studied when it belongs to it, else in its own deck.
     */
    public void undo(Context ctx) {
        Long deckId = Params.formId(ctx, "deck", "deck");
        Optional<LastRating> undone = reviews.undoLast(SignedIn.learner(ctx));
        if (undone.isEmpty()) {
            Flash.show(ctx, Messages.text(ctx, "study.flash.nothingToUndo"));
            ctx.redirect(studyUrl(deckId, null), HttpStatus.SEE_OTHER);
            return;
        }
        LastRating rating = undone.get();
        Flash.show(ctx, Messages.text(ctx, "study.flash.undid", ratingName(ctx, rating.rating()),
                quoted(rating.question()), rating.deckName()));
        // undone from a custom study session: the session asks the card again, as the normal queue would
        if ("1".equals(ctx.formParam("custom")) && custom.stepBackTo(SignedIn.learner(ctx), rating.cardId())) {
            ctx.redirect("/custom-study/next", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(studyUrl(pages.deckAfterUndo(SignedIn.learner(ctx), deckId, rating.deckId()), rating.cardId()), HttpStatus.SEE_OTHER);
    }

    /** A rating's name as its button shows it in the request's language. */
    static String ratingName(Context ctx, Rating rating) {
        return Messages.text(ctx, "rating." + rating.label());
    }

    /** A question as a sentence quotes it: plain text, shortened. */
    private String quoted(String question) {
        return Wording.shortened(inline.toPlainText(question), QUOTED_QUESTION_CHARS);
    }

    /** The request id the study page gave the card on screen, carried through the practice check to its rating. */
    static String requestIdOf(Context ctx) {
        RequestId id = RequestId.ofNullable(Params.formText(ctx, "requestId"));
        return id == null ? UUID.randomUUID().toString() : id.value();
    }

    /** The browser measures time on the card; without JavaScript the page's render time stands in. */
    private long durationMs(Context ctx) {
        OptionalLong measured = Params.measured(ctx, "durationMs");
        if (measured.isPresent()) {
            return measured.getAsLong();
        }
        OptionalLong shownAt = Params.measured(ctx, "shownAt");
        return shownAt.isPresent() ? Math.max(0, clock.millis() - shownAt.getAsLong()) : 0;
    }

    /** "/study", with the deck being studied and a card to show first when given. */
    static String studyUrl(Long deck, Long cardId) {
        StringBuilder url = new StringBuilder("/study");
        String separator = "?";
        if (deck != null) {
            url.append(separator).append("deck=").append(deck);
            separator = "&";
        }
        if (cardId != null) {
            url.append(separator).append("card=").append(cardId);
        }
        return url.toString();
    }

    /** A rating button: its key (1–4), its name and the interval it would give. */
    public record RatingButton(int value, String label, String interval) {
    }
}
