package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.judge.SecondOpinion;
import dev.prepdeck.judge.SecondOpinionService;
import dev.prepdeck.practice.AnswerMatcher;
import dev.prepdeck.practice.Highlighter;
import dev.prepdeck.practice.PracticeCheck;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.practice.PracticeSettings;
import dev.prepdeck.practice.PracticeView;
import dev.prepdeck.practice.TargetTime;
import dev.prepdeck.review.RequestId;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyCard;
import dev.prepdeck.search.CustomStudy;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Practice on the review page: checking a typed answer (the reveal), rating it with the attempt stored, the
 * remembered practice toggle, and a deck's practice settings.
 */
public final class PracticeController {
    private final StudyPages pages;
    private final PracticeService practice;
    private final DeckService decks;
    private final Highlighter highlighter;
    private final SecondOpinions secondOpinions;
    private final Clock clock;
    private final CustomStudy custom;

    public PracticeController(StudyPages pages, PracticeService practice, DeckService decks, Highlighter highlighter,
                              SecondOpinionService secondOpinions, Clock clock, CustomStudy custom) {
        this.pages = pages;
        this.practice = practice;
        this.decks = decks;
        this.highlighter = highlighter;
        this.secondOpinions = new SecondOpinions(secondOpinions);
        this.clock = clock;
        this.custom = custom;
    }

    /** The reveal: the typed answer beside the model answer, key points ticked as the matcher judged them. */
    public void check(Context ctx) {
        long cardId = Params.requiredFormId(ctx, "cardId", "card");
        String answer = Params.formText(ctx, "answer");
        long seconds = answerSeconds(ctx, clock);
        Long deckId = Params.formId(ctx, "deck", "deck");
        OptionalLong shownAt = Params.measured(ctx, "shownAt");
        StudyPages.Reveal reveal = pages.reveal(SignedIn.learner(ctx), cardId, answer, seconds,
                shownAt.isPresent() ? shownAt.getAsLong() : null);
        PracticeCheck check = reveal.check();
        StudyCard study = reveal.study();
        Rating suggested = check.suggested();
        Set<String> keys = check.result().matchedKeys();
        Map<String, Object> model = new HashMap<>();
        model.put("card", check.card());
        model.put("cardDeck", study.deck());
        model.put("deckParam", deckId == null ? "" : deckId.toString());
        // Checked in a custom study session: the session's progress stays in view and the rating goes back to it.
        model.put("customSession", StudyController.customSession(ctx, custom, ctx.formParam("custom"), cardId)
                .orElse(null));
        model.put("questionHtml", highlighter.markdown(check.card().question(), Set.of()));
        model.put("answerText", answer);
        model.put("answerHtml", highlighter.plain(answer, keys));
        model.put("modelHtml", highlighter.markdown(check.card().answer(), keys));
        List<PracticeView.PointRow> points = PracticeView.points(check.result(), Language.of(ctx));
        model.put("points", points);
        addSecondOpinion(ctx, model, check, points, answer);
        model.put("coverage", PracticeView.percent(check.coverage()));
        model.put("covered", check.result().points().stream().filter(AnswerMatcher.PointResult::covered).count());
        model.put("seconds", seconds);
        model.put("time", PracticeView.clock(seconds));
        model.put("target", check.targetSeconds());
        model.put("targetTime", PracticeView.clock(check.targetSeconds()));
        model.put("suggested", suggested.label());
        model.put("shownAt", shownAt.isPresent() ? shownAt.getAsLong() : null);
        model.put("requestId", StudyController.requestIdOf(ctx));
        model.put("recordingId", Params.formId(ctx, "recording", "recording"));
        model.put("buttons", List.of(Rating.values()).stream()
                .map(r -> new PracticeView.RatingChoice(r.value(), r.label(), study.intervalLabel(r, Language.of(ctx)), r == suggested))
                .toList());
        ctx.render("study/reveal.html", model);
    }

    /**
     * The learner's own judge, when they set one up and typed something: its verdict per key point beside the
     * built-in one, or one sentence saying why there is none. The built-in verdicts stay what the boxes are ticked by.
     */
    private void addSecondOpinion(Context ctx, Map<String, Object> model, PracticeCheck check,
                                  List<PracticeView.PointRow> points, String answer) {
        List<String> texts = points.stream().map(PracticeView.PointRow::text).toList();
        Optional<SecondOpinion> asked = secondOpinions.ask(SignedIn.learner(ctx), check.card(), texts, answer);
        model.put("opinionSummary", asked.map(o -> SecondOpinions.summary(Language.of(ctx), o, points.size())).orElse(null));
        model.put("opinionPoints", asked.filter(SecondOpinion::answered)
                .map(o -> SecondOpinions.points(Language.of(ctx), o, texts)).orElse(List.of()));
    }

    /** Rates the card with the user's choice and stores the attempt with the ticked points, in one transaction. */
    public void rate(Context ctx) {
        long cardId = Params.requiredFormId(ctx, "cardId", "card");
        Rating rating = Params.formRating(ctx, "rating");
        String answer = Params.formText(ctx, "answer");
        long seconds = Params.requiredFormInt(ctx, "seconds", "seconds");
        Set<Integer> ticked = Params.formIndexes(ctx, "covered", "key point");
        Long deckId = Params.formId(ctx, "deck", "deck");
        OptionalLong shownAt = Params.measured(ctx, "shownAt");
        ReviewService.RatedReview rated = practice.rateWithAttempt(SignedIn.learner(ctx), cardId, rating,
                durationMs(ctx, seconds), shownAt.isPresent() ? shownAt.getAsLong() : null, answer, seconds, ticked,
                RequestId.ofNullable(Params.formText(ctx, "requestId")), Params.formId(ctx, "recording", "recording"));
        StudyController.tellLeech(ctx, rated.result());
        if ("1".equals(ctx.formParam("custom"))) {
            custom.advance(SignedIn.learner(ctx), cardId);
            ctx.redirect("/custom-study/next", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(StudyController.studyUrl(deckId, null), HttpStatus.SEE_OTHER);
    }

    /** Time on the card: from first showing the question to the rating, else the answer's own time. */
    private long durationMs(Context ctx, long seconds) {
        OptionalLong shownAt = Params.measured(ctx, "shownAt");
        return shownAt.isPresent() ? Math.max(seconds * 1000, clock.millis() - shownAt.getAsLong()) : seconds * 1000;
    }

    /** The answer's time by the browser's timer; without JavaScript, the time since the page's hidden "shownAt". */
    static long answerSeconds(Context ctx, Clock clock) {
        OptionalLong measured = Params.measured(ctx, "seconds");
        if (measured.isPresent()) {
            return measured.getAsLong();
        }
        OptionalLong shownAt = Params.measured(ctx, "shownAt");
        return shownAt.isPresent() ? Math.max(0, (clock.millis() - shownAt.getAsLong()) / 1000) : 0;
    }

    /** The review page's toggle: remembered for the deck of the card on screen. */
    public void toggle(Context ctx) {
        long cardDeck = Params.requiredFormId(ctx, "cardDeck", "deck");
        Long cardId = Params.formId(ctx, "card", "card");
        Long deckId = Params.formId(ctx, "deck", "deck");
        practice.setMode(SignedIn.learner(ctx), cardDeck, "1".equals(ctx.formParam("on")));
        String back = StudyController.studyUrl(deckId, cardId);
        // In a custom study session the same card comes back with the session's banner and its rating goes to it.
        boolean inSession = cardId != null && "1".equals(ctx.formParam("custom"));
        ctx.redirect(inSession ? back + "&custom=1" : back, HttpStatus.SEE_OTHER);
    }

    public void settingsForm(Context ctx) {
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId(ctx));
        ctx.render("study/practice-settings.html", settingsModel(deck, practice.settings(SignedIn.learner(ctx), deck.id()), null));
    }

    public void saveSettings(Context ctx) {
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId(ctx));
        String mode = ctx.formParam("mode");
        Boolean on = "on".equals(mode) ? Boolean.TRUE : "off".equals(mode) ? Boolean.FALSE : null;
        String target = ctx.formParam("targetSeconds");
        PracticeSettings entered = new PracticeSettings(on, null);
        try {
            if (on == null && mode != null && !mode.equals("auto")) {
                throw Messages.invalid("mode", "practice.error.mode", mode);
            }
            Integer seconds = null;
            if (target != null && !target.isBlank()) {
                seconds = TargetTime.parse(target).orElseThrow(() -> Messages.invalid("targetSeconds",
                        "practice.error.targetTyped", target.strip()));
            }
            entered = new PracticeSettings(on, seconds);
            practice.saveSettings(SignedIn.learner(ctx), deck.id(), entered);
            Flash.show(ctx, Messages.text(ctx, "practiceSettings.flash.saved", deck.name()));
            ctx.redirect("/decks/" + deck.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Map<String, Object> model = settingsModel(deck, entered, Messages.problem(ctx, e));
            model.put("targetText", target);
            ctx.render("study/practice-settings.html", model);
        }
    }

    private Map<String, Object> settingsModel(Deck deck, PracticeSettings s, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("deck", deck);
        model.put("mode", s.mode() == null ? "auto" : s.mode() ? "on" : "off");
        model.put("targetText", s.targetSeconds() == null ? "" : s.targetSeconds() + "s");
        model.put("autoOn", practice.answersAreLong(deck.id()));
        model.put("error", error);
        return model;
    }

    private static long deckId(Context ctx) {
        return Params.pathId(ctx, "deckId");
    }
}
