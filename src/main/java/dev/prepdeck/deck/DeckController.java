package dev.prepdeck.deck;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.SignedIn;
import dev.prepdeck.web.InlineMarkdown;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import dev.prepdeck.web.Wording;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Pages that change decks and cards: creating and deleting decks, their settings, and the card editor. */
public final class DeckController {
    private static final int QUOTED_QUESTION_CHARS = 80;

    private final DeckService decks;
    private final MarkdownRenderer markdown;
    private final InlineMarkdown inline;

    public DeckController(DeckService decks, MarkdownRenderer markdown, InlineMarkdown inline) {
        this.decks = decks;
        this.markdown = markdown;
        this.inline = inline;
    }

    public void create(Context ctx) {
        String name = Params.formText(ctx, "name");
        try {
            long id = decks.createDeck(SignedIn.learner(ctx), name);
            Flash.show(ctx, Messages.text(ctx, "deck.flash.created", decks.deck(SignedIn.learner(ctx), id).name()));
            ctx.redirect("/decks/" + id, HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("deck/new.html", Map.of("error", Messages.problem(ctx, e), "name", name));
        }
    }

    public void newDeckForm(Context ctx) {
        ctx.render("deck/new.html", Map.of("name", ""));
    }

    public void confirmDelete(Context ctx) {
        long deckId = deckId(ctx);
        ctx.render("deck/delete.html", Map.of("deck", decks.deck(SignedIn.learner(ctx), deckId),
                "impact", decks.deletionImpact(SignedIn.learner(ctx), deckId)));
    }

    public void delete(Context ctx) {
        DeckService.Deletion deleted = decks.deleteDeck(SignedIn.learner(ctx), deckId(ctx));
        DeckRepository.DeletionImpact gone = deleted.impact();
        Flash.show(ctx, Messages.text(ctx, "deck.flash.deleted",
                deleted.deckName(), gone.decks(), gone.cards(), gone.reviews(), gone.decks() - 1));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    public void settingsForm(Context ctx) {
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId(ctx));
        renderSettings(ctx, deck, null);
    }

    private void renderSettings(Context ctx, Deck deck, String visibilityError) {
        LocalDate date = decks.interviewDate(deck.id());
        Map<String, Object> model = settingsModel(deck, DeckSettings.of(deck), date == null ? "" : date.toString(), null);
        model.put("leech", decks.leechSettings(deck.id()));
        putVisibility(ctx, model, deck, visibilityError);
        ctx.render("deck/settings.html", model);
    }

    /**
     * Who sees the deck, on the settings page of a site with accounts (on the local site there is nobody else, so
     * it is not offered): its owner may make it private or share it; others read why they cannot.
     */
    private static void putVisibility(Context ctx, Map<String, Object> model, Deck deck, String error) {
        boolean accounts = SignedIn.of(ctx).how() != SignedIn.How.LOCAL;
        model.put("showVisibility", accounts);
        model.put("ownDeck", deck.sourcePath() == null && deck.ownerId() != null && deck.ownerId() == SignedIn.learner(ctx));
        model.put("visibilityError", error);
    }

    /** The settings page's "who sees this deck" form. */
    public void saveVisibility(Context ctx) {
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId(ctx));
        try {
            boolean privateDeck = Deck.isPrivate(ctx.formParam("visibility"));
            decks.setPrivate(SignedIn.learner(ctx), deck.id(), privateDeck);
            Flash.show(ctx, Messages.text(ctx, privateDeck ? "deck.flash.madePrivate" : "deck.flash.shared", deck.name()));
            ctx.redirect("/decks/" + deck.id() + "/settings", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderSettings(ctx, deck, Messages.problem(ctx, e));
        }
    }

    public void saveSettings(Context ctx) {
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId(ctx));
        DeckSettings entered = DeckSettings.of(deck);
        String dateText = Params.formText(ctx, "interviewDate").trim();
        LeechSettings leech = decks.leechSettings(deck.id());
        try {
            Integer threshold = Params.formInt(ctx, "leechThreshold", "leech threshold");
            leech = new LeechSettings(threshold == null ? leech.threshold() : threshold,
                    ctx.formParam("leechAction") == null ? leech.suspend() : "suspend".equals(ctx.formParam("leechAction")));
            entered = new DeckSettings(
                    Params.requiredFormInt(ctx, "newPerDay", "new cards per day"),
                    Params.requiredFormInt(ctx, "reviewsPerDay", "reviews per day"),
                    Params.formDecimal(ctx, "desiredRetention", "desired retention"),
                    Params.formInt(ctx, "maximumInterval", "maximum interval"),
                    ctx.formParam("learningSteps"),
                    ctx.formParam("relearningSteps"),
                    ctx.formParam("weights"));
            decks.saveSettings(SignedIn.learner(ctx), deck.id(), entered, Params.formDate(ctx, "interviewDate", "interview date"), leech);
            Flash.show(ctx, Messages.text(ctx, "deck.flash.settingsSaved", deck.name()));
            ctx.redirect("/decks/" + deck.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Map<String, Object> model = settingsModel(deck, entered, dateText, Messages.problem(ctx, e));
            model.put("leech", leech);
            putVisibility(ctx, model, deck, null);
            ctx.render("deck/settings.html", model);
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
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId(ctx));
        renderCardForm(ctx, deck, null, "", "", "", null, null);
    }

    public void createCard(Context ctx) {
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId(ctx));
        CardForm form = CardForm.read(ctx);
        if (form.previewOnly()) {
            renderCardForm(ctx, deck, null, form.question(), form.answer(), form.tags(), markdown.toHtml(form.answer()), null);
            return;
        }
        try {
            decks.addCard(SignedIn.learner(ctx), deck.id(), form.toInput());
            Flash.show(ctx, Messages.text(ctx, "deck.flash.cardAdded", quoted(form.question()), deck.name()));
            ctx.redirect("/decks/" + deck.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderCardForm(ctx, deck, null, form.question(), form.answer(), form.tags(), null, Messages.problem(ctx, e));
        }
    }

    public void editCardForm(Context ctx) {
        Card card = decks.card(SignedIn.learner(ctx), cardId(ctx));
        renderCardForm(ctx, decks.deck(SignedIn.learner(ctx), card.deckId()), card, card.question(), card.answer(), card.tags(),
                markdown.toHtml(card.answer()), null);
    }

    public void updateCard(Context ctx) {
        Card card = decks.card(SignedIn.learner(ctx), cardId(ctx));
        Deck deck = decks.deck(SignedIn.learner(ctx), card.deckId());
        CardForm form = CardForm.read(ctx);
        if (form.previewOnly()) {
            renderCardForm(ctx, deck, card, form.question(), form.answer(), form.tags(), markdown.toHtml(form.answer()), null);
            return;
        }
        try {
            decks.updateCard(SignedIn.learner(ctx), card.id(), form.toInput());
            Flash.show(ctx, Messages.text(ctx, "deck.flash.cardSaved", quoted(form.question())));
            ctx.redirect("/decks/" + deck.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderCardForm(ctx, deck, card, form.question(), form.answer(), form.tags(), null, Messages.problem(ctx, e));
        }
    }

    public void confirmDeleteCard(Context ctx) {
        Card card = decks.card(SignedIn.learner(ctx), cardId(ctx));
        ctx.render("deck/delete-card.html", Map.of("card", card, "questionHtml", inline.toHtml(card.question()),
                "deck", decks.deck(SignedIn.learner(ctx), card.deckId()), "reviews", decks.reviewCount(card.id())));
    }

    public void deleteCard(Context ctx) {
        Card card = decks.card(SignedIn.learner(ctx), cardId(ctx));
        decks.deleteCard(SignedIn.learner(ctx), card.id());
        Flash.show(ctx, Messages.text(ctx, "deck.flash.cardDeleted", quoted(card.question())));
        ctx.redirect("/decks/" + card.deckId(), HttpStatus.SEE_OTHER);
    }

    /** Renders Markdown for the editor's live preview (plain fetch; the form's Preview button works without it). */
    public void preview(Context ctx) {
        ctx.html(markdown.toHtml(Params.formText(ctx, "answer")));
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

    /** A question as a confirmation quotes it: plain text, shortened. */
    private String quoted(String question) {
        return Wording.shortened(inline.toPlainText(question), QUOTED_QUESTION_CHARS);
    }

    private static long deckId(Context ctx) {
        return Params.pathId(ctx, "deckId");
    }

    private static long cardId(Context ctx) {
        return Params.pathId(ctx, "cardId");
    }

    /** The card editor's fields; the Preview button submits with action=preview. */
    record CardForm(String question, String answer, String tags, boolean previewOnly) {
        static CardForm read(Context ctx) {
            return new CardForm(Params.formText(ctx, "question"), Params.formText(ctx, "answer"),
                    Params.formText(ctx, "tags"), "preview".equals(ctx.formParam("action")));
        }

        DeckService.CardInput toInput() {
            return new DeckService.CardInput(question, answer, Card.splitTags(tags));
        }
    }
}
