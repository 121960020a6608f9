package dev.prepdeck.study;

import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.fsrs.ForgettingCurve;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.practice.PracticeView;
import dev.prepdeck.review.CardStatus;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.stats.RetrievabilityCurve;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A card's page: its question and answer, its scheduling state, its review history and practice attempts. */
public final class CardPageController {
    private final DeckService decks;
    private final ReviewService reviews;
    private final PracticeService practice;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    public CardPageController(DeckService decks, ReviewService reviews, PracticeService practice,
                              MarkdownRenderer markdown, Clock clock) {
        this.decks = decks;
        this.reviews = reviews;
        this.practice = practice;
        this.markdown = markdown;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Card card = decks.card(Params.pathId(ctx, "cardId"));
        ZoneId zone = reviews.learner().zone();
        Instant now = clock.instant();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<dev.prepdeck.review.ReviewEntry> entries = reviews.history(card.id());
        List<HistoryRow> history = entries.stream()
                .map(r -> new HistoryRow(when.format(Instant.ofEpochMilli(r.reviewedAt())), r.rating().label(),
                        r.stateBefore().label(), r.stateAfter().label(), r.elapsedDays(),
                        Math.round(r.durationMs() / 100.0) / 10.0, String.format(Locale.ROOT, "%.2f", r.stabilityAfter()),
                        String.format(Locale.ROOT, "%.2f", r.difficultyAfter()), r.scheduledDaysAfter()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        Deck deck = decks.deck(card.deckId());
        model.put("deck", deck);
        model.put("curveSvg", RetrievabilityCurve.svg(entries, ForgettingCurve.of(DeckSettings.of(deck).toFsrsParameters()), now, zone));
        model.put("questionHtml", markdown.toHtml(card.question()));
        model.put("answerHtml", markdown.toHtml(card.answer()));
        model.put("status", reviews.schedule(card.id())
                .map(schedule -> DeckPageController.CardRow.of(card, new CardStatus(schedule, entries.size()), now, zone)).orElse(null));
        model.put("history", history);
        model.put("attempts", practice.attempts(card.id()).stream()
                .map(a -> new AttemptRow(when.format(Instant.ofEpochMilli(a.attemptedAt())), a.answer(),
                        PracticeView.clock(a.seconds()), PracticeView.percent(a.coverage()),
                        a.rating() == null ? "not rated" : a.rating().label(),
                        a.keyPoints().stream().filter(p -> !p.covered()).map(p -> p.text()).toList()))
                .toList());
        ctx.render("deck/card.html", model);
    }

    /** One practice attempt on the card page: when, what was typed, how long, coverage and the points missed. */
    public record AttemptRow(String when, String answer, String time, String coverage, String rating, List<String> missed) {
    }

    /** One review in a card's history table. */
    public record HistoryRow(String when, String rating, String stateBefore, String stateAfter, int elapsedDays,
                             double seconds, String stability, String difficulty, int intervalDays) {
    }
}
