package dev.prepdeck.deck;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.MarkdownRenderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Pages that change decks and cards: creating and deleting decks, their settings, and the card editor. */
public final class DeckController {
    private final DeckService decks;
    private final MarkdownRenderer markdown;

    public DeckController(DeckService decks, MarkdownRenderer markdown) {
        this.decks = decks;
        this.markdown = markdown;
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
}
