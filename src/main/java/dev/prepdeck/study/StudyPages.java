package dev.prepdeck.study;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.practice.Attempt;
import dev.prepdeck.practice.PracticeCheck;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.review.CardSchedule;
import dev.prepdeck.review.CardStatus;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.LastRating;
import dev.prepdeck.review.ReviewEntry;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyCard;
import dev.prepdeck.review.StudyQueue;
import dev.prepdeck.web.Messages;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What each page of the study loop shows, read in one call and one snapshot ({@link Database#read}): the study
 * page, a deck's page, a card's page and the practice reveal.
 */
public final class StudyPages {
    /** How many cards a deck's page lists at a time. */
    public static final int DECK_PAGE_SIZE = 100;
    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final ReviewService reviews;
    private final PracticeService practice;

    public StudyPages(Jdbi jdbi, DeckRepository decks, ReviewService reviews, PracticeService practice) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.reviews = reviews;
        this.practice = practice;
    }

    /**
     * The study page for {@code deckId} (null: every deck): the card asked for after an undo when it is still in
     * that deck and can be studied, else the next card in the queue.
     */
    public StudyPage study(long learnerId, Long deckId, Long cardId) {
        return Database.read(jdbi, h -> {
            Deck deck = deckId == null ? null : deck(h, learnerId, deckId);
            Optional<StudyCard> requested = cardId == null ? Optional.empty()
                    : reviews.show(h, learnerId, cardId).filter(c -> deck == null || deck.contains(c.deck()));
            StudyQueue queue = requested.map(StudyQueue::of).orElseGet(() -> reviews.next(h, learnerId, deckId));
            DeckCounts counts = deckId == null ? null : reviews.countsOf(h, learnerId, deckId);
            LastRating lastRating = reviews.lastRating(h, learnerId).orElse(null);
            ZoneId zone = reviews.learner(h, learnerId).zone();
            if (queue.isDone()) {
                return new StudyPage(deck, counts, lastRating, queue, zone, false, 0);
            }
            StudyCard study = queue.card();
            // Practice mode asks for a typed, timed answer first; the reveal then shows the answer and ratings.
            return new StudyPage(deck, counts, lastRating, queue, zone, practice.practiceOn(h, study.deck().id()),
                    practice.target(h, study.card()));
        });
    }

    /**
     * The deck to study after undoing a rating of a card in {@code cardDeckId}: the deck being studied when the card
     * is in it (or everything is being studied), else the card's own deck, so the page shows the card it names.
     */
    public Long deckAfterUndo(long learnerId, Long studiedDeckId, long cardDeckId) {
        if (studiedDeckId == null) {
            return null;
        }
        return Database.read(jdbi, h -> {
            Optional<Deck> studied = decks.deck(h, learnerId, studiedDeckId);
            Optional<Deck> cardDeck = decks.deck(h, learnerId, cardDeckId);
            return studied.isPresent() && cardDeck.isPresent() && studied.get().contains(cardDeck.get())
                    ? studiedDeckId : cardDeckId;
        });
    }

    /**
     * A deck's page: one page of its own cards ({@link #DECK_PAGE_SIZE} in the deck's order) with their study state,
     * the first of those set aside, its counts with sub-decks, and the sub-decks themselves. Only the page's cards
     * are read.
     *
     * @param page from 1
     * @throws dev.prepdeck.error.InvalidInputException when the deck's cards do not reach that page
     */
    public DeckPage deck(long learnerId, long deckId, int page) {
        return Database.read(jdbi, h -> {
            Deck deck = deck(h, learnerId, deckId);
            DeckRepository.CardCount count = decks.cardCount(h, deckId);
            int pageCount = (int) Math.max(1, (count.kept() + DECK_PAGE_SIZE - 1) / DECK_PAGE_SIZE);
            if (page < 1 || page > pageCount) {
                throw Messages.invalid("page", "deck.error.page", String.valueOf(pageCount));
            }
            List<Card> cards = decks.cardPage(h, deckId, false, (long) (page - 1) * DECK_PAGE_SIZE, DECK_PAGE_SIZE);
            List<Card> setAside = count.setAside() == 0 ? List.of() : decks.cardPage(h, deckId, true, 0, DECK_PAGE_SIZE);
            List<Long> shown = Stream.concat(cards.stream(), setAside.stream()).map(Card::id).toList();
            return new DeckPage(deck, cards, setAside, count, page, pageCount,
                    reviews.statusesOf(h, learnerId, shown),
                    reviews.countsOf(h, learnerId, deckId),
                    decks.tree(h, learnerId).children(deck),
                    reviews.learner(h, learnerId).zone());
        });
    }

    /** A card's page: the card, its schedule, its review history and the answers typed for it. */
    public CardPage card(long learnerId, long cardId) {
        return Database.read(jdbi, h -> {
            Card card = decks.card(h, learnerId, cardId).orElseThrow(() -> new NotFoundException("card", cardId));
            return new CardPage(card, deck(h, learnerId, card.deckId()), reviews.schedule(h, learnerId, cardId).orElse(null),
                    reviews.history(h, learnerId, cardId), practice.attempts(h, learnerId, cardId),
                    reviews.learner(h, learnerId).zone());
        });
    }

    /**
     * The practice reveal: a typed answer checked against the card, and the card as the rating buttons need it, with
     * the intervals as of {@code shownAtMs}, when the question was shown (null: now).
     */
    public Reveal reveal(long learnerId, long cardId, String answer, long seconds, Long shownAtMs) {
        return Database.read(jdbi, h -> {
            PracticeCheck check = practice.check(h, learnerId, cardId, answer, seconds);
            StudyCard study = reviews.show(h, learnerId, cardId, shownAtMs)
                    .orElseThrow(() -> Messages.invalid("cardId", "study.error.notNow", String.valueOf(cardId)));
            return new Reveal(check, study);
        });
    }

    private Deck deck(Handle h, long learnerId, long deckId) {
        return decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
    }

    /**
     * @param deck    the deck being studied, null for every deck
     * @param counts  that deck's counts, null for every deck
     * @param lastRating what undo would take back, null when nothing
     * @param zone    the learner's zone, for when the next card is due
     */
    public record StudyPage(Deck deck, DeckCounts counts, LastRating lastRating, StudyQueue queue, ZoneId zone,
                            boolean practice, int targetSeconds) {
    }

    /**
     * @param cards    the page's cards still in the deck
     * @param setAside the first {@link #DECK_PAGE_SIZE} cards set aside, whatever the page
     * @param count    how many of the deck's own cards are in it and set aside
     * @param statuses the learner's state of each card shown
     */
    public record DeckPage(Deck deck, List<Card> cards, List<Card> setAside, DeckRepository.CardCount count, int page,
                           int pageCount, Map<Long, CardStatus> statuses, DeckCounts counts, List<Deck> subDecks,
                           ZoneId zone) {
    }

    /** @param schedule null when the card has no scheduling state for the learner */
    public record CardPage(Card card, Deck deck, CardSchedule schedule, List<ReviewEntry> history,
                           List<Attempt> attempts, ZoneId zone) {
    }

    public record Reveal(PracticeCheck check, StudyCard study) {
    }
}
