package dev.prepdeck.review;

import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.deck.DeckTree;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.Preview;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The study loop: which card comes next, what each rating would do, rating a card, and taking the last rating
 * back. Scheduling itself is the pure FSRS-6 {@link Scheduler}; this class only loads and stores its inputs.
 */
public final class ReviewService {
    /** Learning cards due within this window are shown early when nothing else is left, as Anki does. */
    static final Duration LEARN_AHEAD = Duration.ofMinutes(20);
    /** A rating's duration is capped so a card left open over lunch does not distort time statistics. */
    static final long MAX_DURATION_MS = Duration.ofMinutes(30).toMillis();

    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final ReviewRepository reviews;
    private final Clock clock;

    public ReviewService(Jdbi jdbi, DeckRepository decks, ReviewRepository reviews, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** Whose progress this is and where their day begins; read on the caller's handle. */
    public Learner learner(Handle h) {
        return reviews.learner(h);
    }

    /** Due, new and total counts per deck, each including its sub-decks and capped by the deck's daily limits. */
    public Map<Long, DeckCounts> countsByDeck() {
        return jdbi.withHandle(this::countsByDeck);
    }

    /** {@link #countsByDeck()} on the caller's handle. */
    public Map<Long, DeckCounts> countsByDeck(Handle h) {
        Learner learner = reviews.learner(h);
        Instant now = clock.instant();
        StudyDay day = StudyDay.containing(now, learner.zone(), learner.rolloverHour());
        DeckTree tree = decks.tree(h);
        Map<Long, ReviewRepository.OwnCounts> sums = tree.rollUp(reviews.ownCounts(h, learner.id(), now, day),
                ReviewRepository.OwnCounts.ZERO, ReviewRepository.OwnCounts::plus);
        Map<Long, DeckCounts> result = new LinkedHashMap<>();
        for (Deck deck : tree.decks()) {
            ReviewRepository.OwnCounts sum = sums.get(deck.id());
            int reviewsLeft = Math.max(0, deck.reviewsPerDay() - sum.reviewsDoneToday());
            int newLeft = Math.max(0, deck.newPerDay() - sum.newDoneToday());
            result.put(deck.id(), new DeckCounts(
                    sum.learningDue() + Math.min(sum.reviewDue(), reviewsLeft),
                    Math.min(sum.newCards(), newLeft),
                    sum.total(),
                    sum.suspended()));
        }
        return result;
    }

    /**
     * The next card to study in {@code deckId} and its sub-decks (all decks when null): learning cards that are
     * due, then reviews due today, then new cards, each within the daily limits; then learning cards due soon.
     */
    public StudyQueue next(Long deckId) {
        return jdbi.withHandle(h -> next(h, deckId));
    }

    /** {@link #next(Long)} on the caller's handle. */
    public StudyQueue next(Handle h, Long deckId) {
        Learner learner = reviews.learner(h);
        Instant now = clock.instant();
        StudyDay day = StudyDay.containing(now, learner.zone(), learner.rolloverHour());
        DeckTree tree = decks.tree(h);
        Deck deck = deckId == null ? null
                : decks.deck(h, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
        // Daily limits hold per top-level deck when studying everything, else for the chosen deck.
        List<Deck> roots = deck == null ? tree.roots() : List.of(deck);
        List<Long> scope = tree.scope(deck).deckIds();
        long nowMs = now.toEpochMilli();
        Optional<Long> cardId = reviews.firstLearningDue(h, learner.id(), scope, nowMs, nowMs);
        for (Deck root : roots) {
            if (cardId.isPresent()) {
                break;
            }
            List<Long> rootDecks = tree.scope(root).deckIds();
            int done = reviews.reviewsDone(h, learner.id(), rootDecks, day, State.REVIEW);
            if (done < root.reviewsPerDay()) {
                cardId = reviews.firstReviewDue(h, learner.id(), rootDecks, nowMs, day.end().toEpochMilli());
            }
        }
        for (Deck root : roots) {
            if (cardId.isPresent()) {
                break;
            }
            List<Long> rootDecks = tree.scope(root).deckIds();
            int done = reviews.reviewsDone(h, learner.id(), rootDecks, day, State.NEW);
            if (done < root.newPerDay()) {
                cardId = reviews.firstNew(h, learner.id(), rootDecks, nowMs);
            }
        }
        if (cardId.isEmpty()) {
            cardId = reviews.firstLearningDue(h, learner.id(), scope, nowMs, now.plus(LEARN_AHEAD).toEpochMilli());
        }
        if (cardId.isEmpty()) {
            Optional<Long> nextDue = reviews.nextDueAfter(h, learner.id(), scope, now.toEpochMilli());
            return StudyQueue.done(nextDue.map(Instant::ofEpochMilli).orElse(null));
        }
        return StudyQueue.of(studyCard(h, learner, cardId.get(), now));
    }

    private StudyCard studyCard(Handle h, Learner learner, long cardId, Instant now) {
        Card card = decks.card(h, cardId).orElseThrow();
        Deck deck = decks.deck(h, card.deckId()).orElseThrow();
        CardSchedule schedule = reviews.schedule(h, learner.id(), cardId).orElseThrow();
        Scheduler scheduler = new Scheduler(DeckSettings.of(deck).toFsrsParameters());
        Preview preview = scheduler.previewOutcomes(schedule.toFsrsCard(), now, learner.zone());
        Map<Rating, Instant> dueByRating = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            dueByRating.put(rating, preview.due(rating));
        }
        return new StudyCard(card, deck, schedule, now, dueByRating);
    }

    /** Scheduling state and review count of each card in a deck, keyed by card id. */
    public Map<Long, CardStatus> statusesInDeck(long deckId) {
        return jdbi.withHandle(h -> statusesInDeck(h, deckId));
    }

    public Map<Long, CardStatus> statusesInDeck(Handle h, long deckId) {
        return reviews.statusesInDeck(h, reviews.learner(h).id(), deckId);
    }

    /** The learner's reviews of a card, oldest first. */
    public List<ReviewEntry> history(Handle h, long cardId) {
        return reviews.history(h, reviews.learner(h).id(), cardId);
    }

    /** The learner's scheduling state of a card. */
    public Optional<CardSchedule> schedule(long cardId) {
        return jdbi.withHandle(h -> schedule(h, cardId));
    }

    public Optional<CardSchedule> schedule(Handle h, long cardId) {
        return reviews.schedule(h, reviews.learner(h).id(), cardId);
    }

    /** A specific card to study (after undo it comes back first), if it exists and is not suspended. */
    public Optional<StudyCard> show(Handle h, long cardId) {
        Learner learner = reviews.learner(h);
        Optional<CardSchedule> schedule = reviews.schedule(h, learner.id(), cardId);
        if (schedule.isEmpty() || schedule.get().suspended()) {
            return Optional.empty();
        }
        return Optional.of(studyCard(h, learner, cardId, clock.instant()));
    }

    /** Rates a card: schedules it with FSRS-6, stores the new state and appends the review to the log. */
    public ReviewResult rate(long cardId, Rating rating, long durationMs) {
        return jdbi.inTransaction(h -> rate(h, cardId, rating, durationMs).result());
    }

    /**
     * Rates a card inside the caller's transaction, so that what belongs to the review (a practice attempt, the
     * other answers of a mock interview) is written or rolled back together with it.
     */
    public RatedReview rate(Handle h, long cardId, Rating rating, long durationMs) {
        if (durationMs < 0) {
            throw new InvalidInputException("durationMs", "durationMs must not be negative");
        }
        long duration = Math.min(durationMs, MAX_DURATION_MS);
        Learner learner = reviews.learner(h);
        Card card = decks.card(h, cardId).orElseThrow(() -> new NotFoundException("card", cardId));
        CardSchedule before = reviews.schedule(h, learner.id(), cardId).orElseThrow();
        if (before.suspended()) {
            throw new InvalidInputException("cardId", "card " + cardId + " is suspended and cannot be reviewed");
        }
        Deck deck = decks.deck(h, card.deckId()).orElseThrow();
        Instant now = clock.instant();
        Scheduler scheduler = new Scheduler(DeckSettings.of(deck).toFsrsParameters());
        FsrsCard after = scheduler.next(before.toFsrsCard(), now, rating, learner.zone()).card();
        long reviewId = reviews.saveReview(h, learner.id(), before, after, rating, now.toEpochMilli(), duration);
        return new RatedReview(reviewId, learner.id(), ReviewResult.of(cardId, after));
    }

    /** A stored review: its id in the log, whose review it is, and the card's new schedule. */
    public record RatedReview(long reviewId, long learnerId, ReviewResult result) {
    }

    /** Takes back the learner's most recent rating: the card's state is restored and the review leaves the log. */
    public Optional<Long> undoLast() {
        return jdbi.inTransaction(h -> reviews.undoLast(h, reviews.learner(h).id()));
    }

    /** The card the learner rated last, which undo would take back. */
    public Optional<Long> lastReviewedCard(Handle h) {
        return reviews.lastReviewedCard(h, reviews.learner(h).id());
    }
}
