package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.judge.SecondOpinion;
import dev.prepdeck.judge.SecondOpinionService;
import dev.prepdeck.practice.Attempt;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.practice.PracticeView;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mock interview: questions one by one with the timer and no answer shown, then a report to confirm. The
 * interview's state is its link: the chosen card ids and the ids of the answers stored so far (each answer is a
 * practice attempt without a review until the report is confirmed), so it survives restarts and reloads.
 */
public final class MockInterviewController {
    static final int DEFAULT_QUESTIONS = 5;

    private final PracticeService practice;
    private final DeckService decks;
    private final MarkdownRenderer markdown;
    private final SecondOpinions secondOpinions;
    private final Clock clock;

    public MockInterviewController(PracticeService practice, DeckService decks, MarkdownRenderer markdown,
                                   SecondOpinionService secondOpinions, Clock clock) {
        this.practice = practice;
        this.decks = decks;
        this.markdown = markdown;
        this.secondOpinions = new SecondOpinions(secondOpinions);
        this.clock = clock;
    }

    public void setup(Context ctx) {
        renderSetup(ctx, null);
    }

    private void renderSetup(Context ctx, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("decks", decks.allDecks(SignedIn.learner(ctx)));
        model.put("count", DEFAULT_QUESTIONS);
        model.put("error", error);
        ctx.render("study/mock-setup.html", model);
    }

    public void start(Context ctx) {
        try {
            List<Long> deckIds = Params.formIdChoices(ctx, "deck", "deck");
            int questions = Params.requiredFormInt(ctx, "count", "number of questions");
            List<Long> cards = practice.pickMockCards(SignedIn.learner(ctx), deckIds, questions);
            if (cards.size() < questions) {
                Flash.show(ctx, Messages.text(ctx, "mock.flash.fewer", questions, cards.size()));
            }
            ctx.redirect("/mock/run?cards=" + Params.joinIds(cards), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderSetup(ctx, Messages.problem(ctx, e));
        }
    }

    /** The next unanswered question, or the report once every question has an answer. */
    public void question(Context ctx) {
        List<Long> cards = Params.queryIdList(ctx, "cards");
        List<Long> answers = Params.queryIdList(ctx, "answers");
        if (cards.isEmpty()) {
            throw Messages.invalid("cards", "mock.error.noQuestions");
        }
        if (answers.size() >= cards.size()) {
            ctx.redirect("/mock/report?answers=" + Params.joinIds(answers), HttpStatus.SEE_OTHER);
            return;
        }
        Card card = decks.card(SignedIn.learner(ctx), cards.get(answers.size()));
        int target = practice.target(SignedIn.learner(ctx), card.id());
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        model.put("number", answers.size() + 1);
        model.put("total", cards.size());
        model.put("cards", Params.joinIds(cards));
        model.put("answers", Params.joinIds(answers));
        model.put("questionHtml", markdown.toHtml(card.question()));
        model.put("shownAt", clock.millis());
        model.put("target", target);
        model.put("targetTime", PracticeView.clock(target));
        ctx.render("study/mock-question.html", model);
    }

    public void answer(Context ctx) {
        List<Long> cards = Params.formIdList(ctx, "cards");
        List<Long> answers = new ArrayList<>(Params.formIdList(ctx, "answers"));
        long cardId = Params.requiredFormId(ctx, "cardId", "card");
        if (answers.size() >= cards.size() || cards.get(answers.size()) != cardId) {
            throw Messages.invalid("cardId", "mock.error.notCurrent");
        }
        String answer = Params.formText(ctx, "answer");
        answers.add(practice.recordMockAnswer(SignedIn.learner(ctx), cardId, answer,
                PracticeController.answerSeconds(ctx, clock), Params.formId(ctx, "recording", "recording")));
        ctx.redirect("/mock/run?cards=" + Params.joinIds(cards) + "&answers=" + Params.joinIds(answers),
                HttpStatus.SEE_OTHER);
    }

    public void report(Context ctx) {
        List<Long> answers = Params.queryIdList(ctx, "answers");
        renderReport(ctx, answers, null);
    }

    private void renderReport(Context ctx, List<Long> answers, String error) {
        if (answers.isEmpty()) {
            throw Messages.invalid("answers", "mock.error.noAnswers");
        }
        List<PracticeService.MockAnswer> report = practice.mockReport(SignedIn.learner(ctx), answers);
        List<ReportRow> rows = new ArrayList<>();
        double total = 0;
        for (PracticeService.MockAnswer a : report) {
            total += a.attempt().coverage();
            Rating applied = a.attempt().rating();
            List<Attempt.PointMark> points = a.attempt().keyPoints();
            // The learner's own judge, asked as the report is read: the stored answer and points are what it judges.
            List<String> texts = points.stream().map(Attempt.PointMark::text).toList();
            Optional<SecondOpinion> opinion = secondOpinions.ask(SignedIn.learner(ctx), a.card(), texts,
                    a.attempt().answer());
            rows.add(new ReportRow(a.attempt().id(), markdown.toHtml(a.card().question()), a.attempt().answer(),
                    markdown.toHtml(a.card().answer()),
                    points.stream().filter(Attempt.PointMark::covered).map(Attempt.PointMark::text).toList(),
                    points.stream().filter(p -> !p.covered()).map(Attempt.PointMark::text).toList(),
                    timeAgainstTarget(a.attempt().seconds(), a.targetSeconds(), Language.of(ctx)),
                    a.attempt().seconds() > a.targetSeconds(),
                    PracticeView.percent(a.attempt().coverage()), a.suggested().value(),
                    a.suggested().label(), applied == null ? null : applied.label(), a.attempt().recordingId(),
                    opinion.map(o -> SecondOpinions.summary(Language.of(ctx), o, texts.size())).orElse(null),
                    opinion.filter(SecondOpinion::answered).map(o -> SecondOpinions.points(Language.of(ctx), o, texts))
                            .orElse(List.of())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("answers", Params.joinIds(answers));
        model.put("applied", rows.stream().allMatch(r -> r.applied() != null));
        model.put("average", PracticeView.percent(total / rows.size()));
        model.put("ratings", List.of(Rating.values()).stream()
                .map(r -> new PracticeView.RatingChoice(r.value(), r.label(), "", false)).toList());
        model.put("error", error);
        ctx.render("study/mock-report.html", model);
    }

    /** Applies the report's ratings (one select per answer) to scheduling, all in one transaction. */
    public void confirm(Context ctx) {
        List<Long> answers = Params.formIdList(ctx, "answers");
        try {
            Map<Long, Rating> ratings = new LinkedHashMap<>();
            for (long id : answers) {
                ratings.put(id, Params.formRating(ctx, "rating-" + id));
            }
            if (ratings.isEmpty()) {
                throw Messages.invalid("answers", "mock.error.nothingToRate");
            }
            practice.confirmMock(SignedIn.learner(ctx), ratings);
            Flash.show(ctx, Messages.text(ctx, "mock.flash.applied", ratings.size()));
            ctx.redirect("/mock/report?answers=" + Params.joinIds(answers), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderReport(ctx, answers, Messages.problem(ctx, e));
        }
    }

    /** "1:40 of a 2:00 target" or "2:30, 0:30 over the 2:00 target": how the answer's time compares. */
    static String timeAgainstTarget(long seconds, long target, Locale locale) {
        if (seconds <= target) {
            return Messages.text(locale, "mock.time.within", PracticeView.clock(seconds), PracticeView.clock(target));
        }
        return Messages.text(locale, "mock.time.over", PracticeView.clock(seconds),
                PracticeView.clock(seconds - target), PracticeView.clock(target));
    }

    /**
     * One question in the report: what was said, what the card says, which key points were covered or missed, and the
     * learner's own judge's opinion when they set one up (a summary, or why there is none, and a line per point).
     */
    public record ReportRow(long attemptId, String questionHtml, String answer, String modelHtml, List<String> covered,
                            List<String> missed, String time, boolean overTarget, String coverage, int suggestedValue,
                            String suggested, String applied, Long recordingId, String opinionSummary,
                            List<SecondOpinions.PointOpinion> opinionPoints) {
    }
}
