package dev.prepdeck.deck;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.practice.PracticeView;
import dev.prepdeck.review.CardStatus;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.DueFormat;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.stats.RetrievabilityCurve;
import dev.prepdeck.web.MarkdownRenderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The deck pages: a deck's cards, creating, renaming and deleting decks, and the card editor. */
public final class DeckController {
    private final DeckService decks;
    private final ReviewService reviews;
    private final PracticeService practice;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    public DeckController(DeckService decks, ReviewService reviews, PracticeService practice, MarkdownRenderer markdown,
                          Clock clock) {
        this.decks = decks;
        this.reviews = reviews;
        this.practice = practice;
        this.markdown = markdown;
        this.clock = clock;
    }

    public void show(Context ctx) {
        showDeck(ctx, deckId(ctx), null, null);
    }

    private void showDeck(Context ctx, long deckId, String renameError, String renameValue) {
        Deck deck = decks.deck(deckId);
        Map<Long, CardStatus> statuses = reviews.statusesInDeck(deckId);
        ZoneId zone = reviews.learner().zone();
        Instant now = clock.instant();
        List<CardRow> rows = decks.cards(deckId).stream().map(c -> CardRow.of(c, statuses.get(c.id()), now, zone)).toList();
        DeckCounts counts = reviews.countsByDeck().getOrDefault(deckId, DeckCounts.NONE);
        List<Deck> subDecks = decks.allDecks().stream()
                .filter(d -> d.name().startsWith(deck.name() + Deck.SEPARATOR) && d.depth() == deck.depth() + 1)
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("deck", deck);
        model.put("descriptionHtml", markdown.toHtml(deck.description()));
        model.put("cards", rows.stream().filter(r -> !r.removedFromSource()).toList());
        model.put("setAside", rows.stream().filter(CardRow::removedFromSource).toList());
        model.put("counts", counts);
        model.put("subDecks", subDecks);
        model.put("renameError", renameError);
        model.put("renameValue", renameValue == null ? deck.name() : renameValue);
        if (renameError != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        ctx.render("deck/show.html", model);
    }

    public void create(Context ctx) {
        String name = ctx.formParam("name");
        try {
            long id = decks.createDeck(name);
            ctx.redirect("/decks/" + id, HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("deck/new.html", Map.of("error", e.getMessage(), "name", name == null ? "" : name));
        }
    }

    public void newDeckForm(Context ctx) {
        ctx.render("deck/new.html", Map.of("name", ""));
    }

    public void rename(Context ctx) {
        long deckId = deckId(ctx);
        String name = ctx.formParam("name");
        try {
            decks.renameDeck(deckId, name);
            ctx.redirect("/decks/" + deckId, HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            showDeck(ctx, deckId, e.getMessage(), name);
        }
    }

    public void confirmDelete(Context ctx) {
        long deckId = deckId(ctx);
        ctx.render("deck/delete.html", Map.of("deck", decks.deck(deckId), "impact", decks.deletionImpact(deckId)));
    }

    public void delete(Context ctx) {
        decks.deleteDeck(deckId(ctx));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    public void settingsForm(Context ctx) {
        Deck deck = decks.deck(deckId(ctx));
        LocalDate date = decks.interviewDate(deck.id());
        ctx.render("deck/settings.html", settingsModel(deck, DeckSettings.of(deck), date == null ? "" : date.toString(), null));
    }

    public void saveSettings(Context ctx) {
        Deck deck = decks.deck(deckId(ctx));
        DeckSettings entered = DeckSettings.of(deck);
        String dateText = ctx.formParam("interviewDate") == null ? "" : ctx.formParam("interviewDate").trim();
        try {
            entered = new DeckSettings(
                    intParam(ctx, "newPerDay", "new cards per day"),
                    intParam(ctx, "reviewsPerDay", "reviews per day"),
                    optionalDouble(ctx, "desiredRetention", "desired retention"),
                    optionalInt(ctx, "maximumInterval", "maximum interval"),
                    ctx.formParam("learningSteps"),
                    ctx.formParam("relearningSteps"),
                    ctx.formParam("weights"));
            decks.saveSettings(deck.id(), entered, interviewDate(dateText));
            ctx.redirect("/decks/" + deck.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("deck/settings.html", settingsModel(deck, entered, dateText, e.getMessage()));
        }
    }

    /** The optional interview date as the form sends it (yyyy-mm-dd); blank clears it. */
    static LocalDate interviewDate(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("interviewDate",
                    "interview date '" + text + "' is not a real date in the form 2026-05-31");
        }
    }

    private static Map<String, Object> settingsModel(Deck deck, DeckSettings s, String interviewDate, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("deck", deck);
        model.put("settings", s);
        model.put("interviewDate", interviewDate);
        model.put("error", error);
        return model;
    }

    public void newCardForm(Context ctx) {
        Deck deck = decks.deck(deckId(ctx));
        renderCardForm(ctx, deck, null, "", "", "", null, null);
    }

    public void createCard(Context ctx) {
        Deck deck = decks.deck(deckId(ctx));
        CardForm form = CardForm.read(ctx);
        if (form.previewOnly()) {
            renderCardForm(ctx, deck, null, form.question(), form.answer(), form.tags(), markdown.toHtml(form.answer()), null);
            return;
        }
        try {
            decks.addCard(deck.id(), form.toInput());
            ctx.redirect("/decks/" + deck.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderCardForm(ctx, deck, null, form.question(), form.answer(), form.tags(), null, e.getMessage());
        }
    }

    public void editCardForm(Context ctx) {
        Card card = decks.card(cardId(ctx));
        renderCardForm(ctx, decks.deck(card.deckId()), card, card.question(), card.answer(), card.tags(),
                markdown.toHtml(card.answer()), null);
    }

    public void updateCard(Context ctx) {
        Card card = decks.card(cardId(ctx));
        Deck deck = decks.deck(card.deckId());
        CardForm form = CardForm.read(ctx);
        if (form.previewOnly()) {
            renderCardForm(ctx, deck, card, form.question(), form.answer(), form.tags(), markdown.toHtml(form.answer()), null);
            return;
        }
        try {
            decks.updateCard(card.id(), form.toInput());
            ctx.redirect("/decks/" + deck.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderCardForm(ctx, deck, card, form.question(), form.answer(), form.tags(), null, e.getMessage());
        }
    }

    /** A card: its question and answer, its scheduling state and its review history. */
    public void showCard(Context ctx) {
        Card card = decks.card(cardId(ctx));
        ZoneId zone = reviews.learner().zone();
        Instant now = clock.instant();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<dev.prepdeck.review.ReviewEntry> entries = reviews.history(card.id());
        List<HistoryRow> history = entries.stream()
                .map(r -> new HistoryRow(when.format(Instant.ofEpochMilli(r.reviewedAt())), Rating.of(r.rating()).label(),
                        State.values()[r.stateBefore()].label(), State.values()[r.stateAfter()].label(), r.elapsedDays(),
                        Math.round(r.durationMs() / 100.0) / 10.0, String.format(Locale.ROOT, "%.2f", r.stabilityAfter()),
                        String.format(Locale.ROOT, "%.2f", r.difficultyAfter()), r.scheduledDaysAfter()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        Deck deck = decks.deck(card.deckId());
        model.put("deck", deck);
        model.put("curveSvg", RetrievabilityCurve.svg(entries, DeckSettings.of(deck).toFsrsParameters().w()[20], now, zone));
        model.put("questionHtml", markdown.toHtml(card.question()));
        model.put("answerHtml", markdown.toHtml(card.answer()));
        model.put("status", reviews.schedule(card.id())
                .map(schedule -> CardRow.of(card, new CardStatus(schedule, entries.size()), now, zone)).orElse(null));
        model.put("history", history);
        model.put("attempts", practice.attempts(card.id()).stream()
                .map(a -> new AttemptRow(when.format(Instant.ofEpochMilli(a.attemptedAt())), a.answer(),
                        PracticeView.clock(a.seconds()), PracticeView.percent(a.coverage()),
                        a.rating() == null ? "not rated" : Rating.of(a.rating()).label(),
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

    public void confirmDeleteCard(Context ctx) {
        Card card = decks.card(cardId(ctx));
        ctx.render("deck/delete-card.html", Map.of("card", card, "deck", decks.deck(card.deckId()),
                "reviews", decks.reviewCount(card.id())));
    }

    public void deleteCard(Context ctx) {
        Card card = decks.card(cardId(ctx));
        decks.deleteCard(card.id());
        ctx.redirect("/decks/" + card.deckId(), HttpStatus.SEE_OTHER);
    }

    /** Renders Markdown for the editor's live preview (plain fetch; the form's Preview button works without it). */
    public void preview(Context ctx) {
        ctx.html(markdown.toHtml(ctx.formParam("answer")));
    }

    private void renderCardForm(Context ctx, Deck deck, Card card, String question, String answer, String tags,
                                String previewHtml, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("deck", deck);
        model.put("card", card);
        model.put("question", question);
        model.put("answer", answer);
        model.put("tags", tags);
        model.put("previewHtml", previewHtml);
        model.put("error", error);
        ctx.render("deck/card-form.html", model);
    }

    static long deckId(Context ctx) {
        return pathId(ctx, "deckId");
    }

    static long cardId(Context ctx) {
        return pathId(ctx, "cardId");
    }

    /** A malformed id in a URL is a page that does not exist. */
    public static long pathId(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new io.javalin.http.NotFoundResponse("no such " + name.replace("Id", "") + ": " + ctx.pathParam(name));
        }
    }

    private static int intParam(Context ctx, String name, String label) {
        String value = ctx.formParam(name);
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, label + " must be a whole number");
        }
    }

    private static Integer optionalInt(Context ctx, String name, String label) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? null : intParam(ctx, name, label);
    }

    private static Double optionalDouble(Context ctx, String name, String label) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, label + " must be a number such as 0.9");
        }
    }

    /** The card editor's fields; the Preview button submits with action=preview. */
    record CardForm(String question, String answer, String tags, boolean previewOnly) {
        static CardForm read(Context ctx) {
            return new CardForm(nullToEmpty(ctx.formParam("question")), nullToEmpty(ctx.formParam("answer")),
                    nullToEmpty(ctx.formParam("tags")), "preview".equals(ctx.formParam("action")));
        }

        DeckService.CardInput toInput() {
            return new DeckService.CardInput(question, answer, Card.splitTags(tags));
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    /** One line of a deck's card table. */
    public record CardRow(long id, String question, String state, String due, int reviews, boolean removedFromSource) {
        static CardRow of(Card card, CardStatus status, Instant now, ZoneId zone) {
            if (status == null) {
                return new CardRow(card.id(), card.question(), "New", "", 0, card.removedFromSource());
            }
            String state = status.schedule().stateName();
            String due = status.schedule().state() == 0 || status.schedule().suspended() ? ""
                    : DueFormat.describe(Instant.ofEpochMilli(status.schedule().due()), now, zone);
            return new CardRow(card.id(), card.question(), state, due, status.reviews(), card.removedFromSource());
        }
    }
}
