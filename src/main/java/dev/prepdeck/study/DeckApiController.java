package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.review.CardSchedule;
import dev.prepdeck.review.CardStatus;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.web.JsonBody;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON for decks and cards: list, create, edit, delete. */
public final class DeckApiController {
    private final DeckService decks;
    private final ReviewService reviews;

    public DeckApiController(DeckService decks, ReviewService reviews) {
        this.decks = decks;
        this.reviews = reviews;
    }

    public void listDecks(Context ctx) {
        Map<Long, DeckCounts> counts = reviews.countsByDeck(SignedIn.learner(ctx));
        ctx.json(decks.allDecks(SignedIn.learner(ctx)).stream().map(d -> {
            DeckCounts c = counts.getOrDefault(d.id(), DeckCounts.NONE);
            return new DeckJson(d.id(), d.name(), c.total(), c.due(), c.newAvailable(), d.visibility());
        }).toList());
    }

    public void listCards(Context ctx) {
        long deckId = Params.pathId(ctx, "deckId");
        List<Card> cards = decks.cards(SignedIn.learner(ctx), deckId);
        Map<Long, CardStatus> statuses = reviews.statusesInDeck(SignedIn.learner(ctx), deckId);
        ctx.json(cards.stream().map(c -> CardJson.of(c, statuses.containsKey(c.id()) ? statuses.get(c.id()).schedule() : null)).toList());
    }

    public void createDeck(Context ctx) {
        String name = JsonBody.of(ctx).requiredString("name");
        long id = decks.createDeck(SignedIn.learner(ctx), name);
        Deck deck = decks.deck(SignedIn.learner(ctx), id);
        ctx.status(HttpStatus.CREATED).json(new DeckJson(deck.id(), deck.name(), 0, 0, 0, deck.visibility()));
    }

    /** Makes a deck the learner made private to them or shared with everyone: {"visibility": "private"|"shared"}. */
    public void setVisibility(Context ctx) {
        long deckId = Params.pathId(ctx, "deckId");
        boolean privateDeck = Deck.isPrivate(JsonBody.of(ctx).requiredString("visibility"));
        decks.setPrivate(SignedIn.learner(ctx), deckId, privateDeck);
        Deck deck = decks.deck(SignedIn.learner(ctx), deckId);
        Map<Long, DeckCounts> counts = reviews.countsByDeck(SignedIn.learner(ctx));
        DeckCounts c = counts.getOrDefault(deck.id(), DeckCounts.NONE);
        ctx.json(new DeckJson(deck.id(), deck.name(), c.total(), c.due(), c.newAvailable(), deck.visibility()));
    }

    public void createCard(Context ctx) {
        long deckId = Params.pathId(ctx, "deckId");
        decks.deck(SignedIn.learner(ctx), deckId);
        long cardId = decks.addCard(SignedIn.learner(ctx), deckId, cardInput(JsonBody.of(ctx)));
        ctx.status(HttpStatus.CREATED).json(cardJson(ctx, cardId));
    }

    public void updateCard(Context ctx) {
        long cardId = Params.pathId(ctx, "cardId");
        decks.card(SignedIn.learner(ctx), cardId);
        decks.updateCard(SignedIn.learner(ctx), cardId, cardInput(JsonBody.of(ctx)));
        ctx.json(cardJson(ctx, cardId));
    }

    public void deleteCard(Context ctx) {
        decks.deleteCard(SignedIn.learner(ctx), Params.pathId(ctx, "cardId"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private CardJson cardJson(Context ctx, long cardId) {
        Card card = decks.card(SignedIn.learner(ctx), cardId);
        return CardJson.of(card, reviews.schedule(SignedIn.learner(ctx), cardId).orElse(null));
    }

    private static DeckService.CardInput cardInput(JsonBody body) {
        return new DeckService.CardInput(body.requiredString("question"), body.requiredString("answer"),
                body.optionalStrings("tags"));
    }

    record DeckJson(long id, String name, int cards, int due, @com.fasterxml.jackson.annotation.JsonProperty("new") int newCards,
                    String visibility) {
    }

    record CardJson(long id, long deckId, String uid, String question, String answer, List<String> tags, String state,
                    Instant due) {
        static CardJson of(Card card, CardSchedule schedule) {
            String state = schedule == null ? "New" : schedule.stateName();
            Instant due = schedule == null ? null : Instant.ofEpochMilli(schedule.due());
            return new CardJson(card.id(), card.deckId(), card.uid(), card.question(), card.answer(), card.tagList(),
                    state, due);
        }
    }
}
