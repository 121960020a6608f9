package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.fsrs.ForgettingCurve;
import dev.prepdeck.practice.PracticeView;
import dev.prepdeck.review.CardStatus;
import dev.prepdeck.review.ReviewEntry;
import dev.prepdeck.stats.RetrievabilityCurve;
import dev.prepdeck.web.InlineMarkdown;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A card's page: its question and answer, its scheduling state, its review history and practice attempts. */
public final class CardPageController {
    private final StudyPages pages;
    private final MarkdownRenderer markdown;
    private final InlineMarkdown inline;
    private final Clock clock;

    public CardPageController(StudyPages pages, MarkdownRenderer markdown, InlineMarkdown inline,
                              Clock clock) {
        this.pages = pages;
        this.markdown = markdown;
        this.inline = inline;
        this.clock = clock;
    }

    public void show(Context ctx) {
        StudyPages.CardPage page = pages.card(SignedIn.learner(ctx), Params.pathId(ctx, "cardId"));
        Card card = page.card();
        Instant now = clock.instant();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(page.zone());
        List<ReviewEntry> entries = page.history();
        List<HistoryRow> history = entries.stream()
                .map(r -> new HistoryRow(when.format(Instant.ofEpochMilli(r.reviewedAt())), r.rating().label(),
                        r.stateBefore().label(), r.stateAfter().label(), r.elapsedDays(),
                        Math.round(r.durationMs() / 100.0) / 10.0, String.format(Locale.ROOT, "%.2f", r.stabilityAfter()),
                        String.format(Locale.ROOT, "%.2f", r.difficultyAfter()), r.scheduledDaysAfter()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        model.put("deck", page.deck());
        model.put("curveSvg", RetrievabilityCurve.svg(entries,
                ForgettingCurve.of(DeckSettings.of(page.deck()).toFsrsParameters()), now, page.zone(), Language.of(ctx)));
        // A question is one line, and here it is the page's heading, which holds inline content only.
        model.put("questionHtml", inline.toHtml(card.question()));
        model.put("questionText", inline.toPlainText(card.question()));
        model.put("answerHtml", markdown.toHtml(card.answer()));
        model.put("status", page.schedule() == null ? null
                : DeckPageController.CardRow.of(card, new CardStatus(page.schedule(), entries.size()), now, page.zone(), Language.of(ctx), inline));
        model.put("history", history);
        model.put("flag", page.schedule() == null ? 0 : page.schedule().flag());
        model.put("suspended", page.schedule() != null && page.schedule().suspended());
        model.put("cardBack", "/cards/" + card.id());
        model.put("attempts", page.attempts().stream()
                .map(a -> new AttemptRow(when.format(Instant.ofEpochMilli(a.attemptedAt())), a.answer(),
                        PracticeView.clock(a.seconds()), PracticeView.percent(a.coverage()),
                        a.rating() == null ? null : a.rating().label(),
                        a.keyPoints().stream().filter(p -> !p.covered()).map(p -> p.text()).toList(),
                        a.recordingId()))
                .toList());
        ctx.render("study/card.html", model);
    }

    /**
     * One practice attempt on the card page: when, what was typed, how long, coverage, the points missed and the
     * recording when the answer was spoken (null otherwise).
     */
    public record AttemptRow(String when, String answer, String time, String coverage, String rating, List<String> missed,
                             Long recordingId) {
    }

    /** One review in a card's history table. */
    public record HistoryRow(String when, String rating, String stateBefore, String stateAfter, int elapsedDays,
                             double seconds, String stability, String difficulty, int intervalDays) {
    }
}
