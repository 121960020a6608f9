package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.review.CardStatus;
import dev.prepdeck.review.DueFormat;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.InlineMarkdown;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A deck's page: its cards with their study state, its counts and sub-decks, and the rename form. */
public final class DeckPageController {
    private final StudyPages pages;
    private final DeckService decks;
    private final MarkdownRenderer markdown;
    private final InlineMarkdown inline;
    private final Clock clock;

    public DeckPageController(StudyPages pages, DeckService decks, MarkdownRenderer markdown, InlineMarkdown inline,
                              Clock clock) {
        this.pages = pages;
        this.decks = decks;
        this.markdown = markdown;
        this.inline = inline;
        this.clock = clock;
    }

    public void show(Context ctx) {
        long deckId = Params.pathId(ctx, "deckId");
        showDeck(ctx, deckId, Params.queryInt(ctx, "page", 1, 1, Integer.MAX_VALUE), null, null);
    }

    private void showDeck(Context ctx, long deckId, int pageNumber, String renameError, String renameValue) {
        StudyPages.DeckPage page = pages.deck(SignedIn.learner(ctx), deckId, pageNumber);
        Deck deck = page.deck();
        Instant now = clock.instant();
        Locale locale = Language.of(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("deck", deck);
        model.put("descriptionHtml", markdown.toHtml(deck.description()));
        model.put("cards", page.cards().stream()
                .map(c -> CardRow.of(c, page.statuses().get(c.id()), now, page.zone(), locale, inline)).toList());
        model.put("setAside", page.setAside().stream()
                .map(c -> CardRow.of(c, page.statuses().get(c.id()), now, page.zone(), locale, inline)).toList());
        model.put("cardCount", page.count());
        model.put("page", page.page());
        model.put("pageCount", page.pageCount());
        model.put("firstShown", (long) (page.page() - 1) * StudyPages.DECK_PAGE_SIZE + 1);
        model.put("counts", page.counts());
        model.put("subDecks", page.subDecks());
        model.put("renameError", renameError);
        model.put("renameValue", renameValue == null ? deck.name() : renameValue);
        if (renameError != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        ctx.render("study/deck.html", model);
    }

    public void rename(Context ctx) {
        long deckId = Params.pathId(ctx, "deckId");
        String name = Params.formText(ctx, "name");
        try {
            decks.renameDeck(SignedIn.learner(ctx), deckId, name);
            Flash.show(ctx, Messages.text(ctx, "deck.flash.renamed", decks.deck(SignedIn.learner(ctx), deckId).name()));
            ctx.redirect("/decks/" + deckId, HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            showDeck(ctx, deckId, 1, Messages.problem(ctx, e), name);
        }
    }

    /**
     * One line of a deck's card table; the question as inline HTML for the line and as plain text for labels that
     * name it.
     */
    public record CardRow(long id, String questionHtml, String questionText, List<String> tags, String state,
                          String due, int reviews) {
        static CardRow of(Card card, CardStatus status, Instant now, ZoneId zone, Locale locale, InlineMarkdown inline) {
            String html = inline.toHtml(card.question());
            String text = inline.toPlainText(card.question());
            if (status == null) {
                return new CardRow(card.id(), html, text, card.tagList(), "New", "", 0);
            }
            String state = status.schedule().stateName();
            String due = status.schedule().state() == State.NEW || status.schedule().suspended() ? ""
                    : DueFormat.describe(Instant.ofEpochMilli(status.schedule().due()), now, zone, locale);
            return new CardRow(card.id(), html, text, card.tagList(), state, due, status.reviews());
        }
    }
}
