package dev.prepdeck.review;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.deck.DeckTree;
import dev.prepdeck.deck.LeechSettings;
import dev.prepdeck.error.ConflictException;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.Preview;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
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
    /** How long ago a page may have shown a card for its intervals to still hold when it is rated. */
    static final Duration SHOWN_AT_WINDOW = Duration.ofDays(1);

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
    public Learner learner(Handle h, long learnerId) {
        return reviews.learner(h, learnerId);
    }

    /**
     * Due, new and total counts per deck, each including its sub-decks, with the daily limits applied as studying
     * that deck applies them ({@link DeckTree#limited}: each sub-deck's own limits, the deck's, and its parents').
     */
    public Map<Long, DeckCounts> countsByDeck(long learnerId) {
        return jdbi.withHandle(h -> countsByDeck(h, learnerId));
    }

    /** {@link #countsByDeck(long)} on the caller's handle. */
    public Map<Long, DeckCounts> countsByDeck(Handle h, long learnerId) {
        DeckTree tree = decks.tree(h, learnerId);
        return counts(h, learnerId, tree, tree.scope(null));
    }

    /**
     * One deck's counts as {@link #countsByDeck} gives them, reading the cards of that deck and its sub-decks only:
     * the limits above it need only what its parents did today. {@link DeckCounts#NONE} for a deck the learner
     * cannot see.
     */
    public DeckCounts countsOf(Handle h, long learnerId, long deckId) {
        DeckTree tree = decks.tree(h, learnerId);
        return tree.deck(deckId)
                .map(deck -> counts(h, learnerId, tree, tree.scope(deck)).getOrDefault(deckId, DeckCounts.NONE))
                .orElse(DeckCounts.NONE);
    }

    /** The counts of the decks of {@code scope} (their cards are the only ones read), keyed by deck id. */
    private Map<Long, DeckCounts> counts(Handle h, long learnerId, DeckTree tree, DeckTree.Scope scope) {
        Learner learner = reviews.learner(h, learnerId);
        Instant now = clock.instant();
        StudyDay day = StudyDay.containing(now, learner.zone(), learner.rolloverHour());
        Map<Long, ReviewRepository.OwnCounts> own = reviews.ownCounts(h, learner.id(), now, day, scope);
        Map<Long, ReviewRepository.OwnCounts> sums = tree.rollUp(own, ReviewRepository.OwnCounts.ZERO,
                ReviewRepository.OwnCounts::plus);
        Map<Long, Integer> reviewsOffered = tree.limited(figure(own, ReviewRepository.OwnCounts::reviewDue),
                reviewsLeft(sums));
        Map<Long, Integer> newOffered = tree.limited(figure(own, ReviewRepository.OwnCounts::newCards),
                newLeft(sums, reviews.extraNewToday(h, learner.id(), day.date())));
        Map<Long, DeckCounts> result = new LinkedHashMap<>();
        for (Deck deck : tree.decks()) {
            ReviewRepository.OwnCounts sum = sums.get(deck.id());
            result.put(deck.id(), new DeckCounts(sum.learningDue() + reviewsOffered.get(deck.id()),
                    newOffered.get(deck.id()), sum.total(), sum.suspended()));
        }
        return result;
    }

    private static Map<Long, Integer> figure(Map<Long, ReviewRepository.OwnCounts> counts,
                                             ToIntFunction<ReviewRepository.OwnCounts> figure) {
        Map<Long, Integer> values = new HashMap<>();
        counts.forEach((deck, c) -> values.put(deck, figure.applyAsInt(c)));
        return values;
    }

    /** What is left today of each deck's review limit, given what it and its sub-decks did ({@code sums}). */
    private static ToIntFunction<Deck> reviewsLeft(Map<Long, ReviewRepository.OwnCounts> sums) {
        return deck -> deck.reviewsPerDay() - sums.get(deck.id()).reviewsDoneToday();
    }

    /** What is left today of each deck's new card limit, raised by "more new cards today" ({@code extra}). */
    private static ToIntFunction<Deck> newLeft(Map<Long, ReviewRepository.OwnCounts> sums, Map<Long, Integer> extra) {
        return deck -> deck.newPerDay() + extra.getOrDefault(deck.id(), 0) - sums.get(deck.id()).newDoneToday();
    }

    /**
     * The next card to study in {@code deckId} and its sub-decks (all decks when null): learning cards that are
     * due, then reviews due today, then new cards, each from decks within their daily limits and their parents'
     * ({@link DeckTree#withinLimits}, the rule the counts follow); then learning cards due soon.
     */
    public StudyQueue next(long learnerId, Long deckId) {
        return jdbi.withHandle(h -> next(h, learnerId, deckId));
    }

    /** {@link #next(long, Long)} on the caller's handle. */
    public StudyQueue next(Handle h, long learnerId, Long deckId) {
        Learner learner = reviews.learner(h, learnerId);
        Instant now = clock.instant();
        StudyDay day = StudyDay.containing(now, learner.zone(), learner.rolloverHour());
        DeckTree tree = decks.tree(h, learner.id());
        // The tree holds every deck the learner may see: no second read of the deck, nor of the card's below.
        Deck deck = deckId == null ? null
                : tree.deck(deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
        List<Long> scope = tree.scope(deck).deckIds();
        long nowMs = now.toEpochMilli();
        Map<Long, ReviewRepository.OwnCounts> done = tree.rollUp(reviews.doneToday(h, learner.id(), day),
                ReviewRepository.OwnCounts.ZERO, ReviewRepository.OwnCounts::plus);
        Optional<Long> cardId = reviews.firstLearningDue(h, learner.id(), scope, nowMs, nowMs);
        if (cardId.isEmpty()) {
            cardId = reviews.firstReviewDue(h, learner.id(), open(scope, tree.withinLimits(reviewsLeft(done))),
                    nowMs, day.end().toEpochMilli());
        }
        if (cardId.isEmpty()) {
            cardId = reviews.firstNew(h, learner.id(), open(scope,
                    tree.withinLimits(newLeft(done, reviews.extraNewToday(h, learner.id(), day.date())))), nowMs);
        }
        if (cardId.isEmpty()) {
            cardId = reviews.firstLearningDue(h, learner.id(), scope, nowMs, now.plus(LEARN_AHEAD).toEpochMilli());
        }
        if (cardId.isEmpty()) {
            Optional<Long> nextDue = reviews.nextDueAfter(h, learner.id(), scope, now.toEpochMilli());
            return StudyQueue.done(nextDue.map(Instant::ofEpochMilli).orElse(null));
        }
        return StudyQueue.of(studyCard(h, learner, tree, cardId.get(), now));
    }

    /** The decks of {@code scope} that are within their limits. */
    private static List<Long> open(List<Long> scope, Set<Long> withinLimits) {
        return scope.stream().filter(withinLimits::contains).toList();
    }

    private StudyCard studyCard(Handle h, Learner learner, DeckTree tree, long cardId, Instant now) {
        Card card = decks.card(h, learner.id(), cardId).orElseThrow();
        return studyCard(h, learner, card, tree.deck(card.deckId()).orElseThrow(), now);
    }

    private StudyCard studyCard(Handle h, Learner learner, long cardId, Instant now) {
        Card card = decks.card(h, learner.id(), cardId).orElseThrow();
        return studyCard(h, learner, card, decks.deck(h, learner.id(), card.deckId()).orElseThrow(), now);
    }

    private StudyCard studyCard(Handle h, Learner learner, Card card, Deck deck, Instant now) {
        long cardId = card.id();
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
    public Map<Long, CardStatus> statusesInDeck(long learnerId, long deckId) {
        return jdbi.withHandle(h -> statusesInDeck(h, learnerId, deckId));
    }

    public Map<Long, CardStatus> statusesInDeck(Handle h, long learnerId, long deckId) {
        return reviews.statusesInDeck(h, learnerId, deckId);
    }

    /** As {@link #statusesInDeck(Handle, long, long)} for the given cards only (one page of a deck). */
    public Map<Long, CardStatus> statusesOf(Handle h, long learnerId, List<Long> cardIds) {
        return reviews.statusesOf(h, learnerId, cardIds);
    }

    /** The learner's reviews of a card, oldest first. */
    public List<ReviewEntry> history(Handle h, long learnerId, long cardId) {
        return reviews.history(h, learnerId, cardId);
    }

    /** The learner's scheduling state of a card. */
    public Optional<CardSchedule> schedule(long learnerId, long cardId) {
        return jdbi.withHandle(h -> schedule(h, learnerId, cardId));
    }

    public Optional<CardSchedule> schedule(Handle h, long learnerId, long cardId) {
        return reviews.schedule(h, learnerId, cardId);
    }

    /** A specific card to study (after undo it comes back first), if it exists, the learner sees it and it is not suspended. */
    public Optional<StudyCard> show(Handle h, long learnerId, long cardId) {
        return show(h, learnerId, cardId, null);
    }

    /**
     * As {@link #show(Handle, long, long)}, with the intervals as they were when the card was first shown at
     * {@code shownAtMs} (the practice check shows the buttons after the typed answer; their rating is seeded then).
     */
    public Optional<StudyCard> show(Handle h, long learnerId, long cardId, Long shownAtMs) {
        Learner learner = reviews.learner(h, learnerId);
        Optional<CardSchedule> schedule = reviews.schedule(h, learner.id(), cardId);
        if (schedule.isEmpty() || schedule.get().suspended() || decks.card(h, learner.id(), cardId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(studyCard(h, learner, cardId, fuzzSeed(shownAtMs, clock.instant(), schedule.get())));
    }

    /**
     * Rates a card: schedules it with FSRS-6, stores the new state and appends the review to the log. {@code shownAtMs}
     * is when the page showed the card with its four intervals (null: not known); see {@link #fuzzSeed}.
     */
    public ReviewResult rate(long learnerId, long cardId, Rating rating, long durationMs, Long shownAtMs) {
        return rate(learnerId, cardId, rating, durationMs, shownAtMs, null);
    }

    /**
     * {@link #rate(long, long, Rating, long, Long)}, once per {@code requestId} (may be null): a request that repeats one
     * already stored gets that review's result back and changes nothing.
     */
    public ReviewResult rate(long learnerId, long cardId, Rating rating, long durationMs, Long shownAtMs,
                             RequestId requestId) {
        // Ratings arriving together are committed together, each answered after that COMMIT (db/GroupCommit).
        return Database.inSharedTransaction(jdbi,
                h -> rate(h, learnerId, cardId, rating, durationMs, shownAtMs, requestId).result());
    }

    /**
     * Rates a card inside the caller's transaction, so that what belongs to the review (a practice attempt, the
     * other answers of a mock interview) is written or rolled back together with it.
     */
    public RatedReview rate(Handle h, long learnerId, long cardId, Rating rating, long durationMs, Long shownAtMs) {
        return rate(h, learnerId, cardId, rating, durationMs, shownAtMs, null);
    }

    /** {@link #rate(Handle, long, long, Rating, long, Long)} once per {@code requestId}; see {@link RatedReview#repeated}. */
    public RatedReview rate(Handle h, long learnerId, long cardId, Rating rating, long durationMs, Long shownAtMs,
                            RequestId requestId) {
        if (durationMs < 0) {
            throw new InvalidInputException("durationMs", "durationMs must not be negative");
        }
        long duration = Math.min(durationMs, MAX_DURATION_MS);
        reviews.lockLearner(h, learnerId);
        Learner learner = reviews.learner(h, learnerId);
        if (requestId != null) {
            Optional<RatedReview> stored = reviews.reviewFor(h, learner.id(), requestId);
            if (stored.isPresent()) {
                if (stored.get().result().cardId() != cardId) {
                    throw new InvalidInputException("requestId", "requestId " + requestId.value()
                            + " already rated card " + stored.get().result().cardId() + ", not card " + cardId);
                }
                return stored.get();
            }
        }
        Card card = decks.card(h, learner.id(), cardId).orElseThrow(() -> new NotFoundException("card", cardId));
        CardSchedule before = reviews.schedule(h, learner.id(), cardId).orElseThrow();
        if (before.suspended()) {
            // Shown before it was suspended, usually in another tab whose rating just made it a leech: not rated.
            throw new ConflictException("cardId", "card " + cardId + " was suspended after it was shown, so it was "
                    + "not rated", "review.suspendedSinceShown", List.of());
        }
        Deck deck = decks.deck(h, learner.id(), card.deckId()).orElseThrow();
        Instant now = clock.instant();
        Scheduler scheduler = new Scheduler(DeckSettings.of(deck).toFsrsParameters());
        FsrsCard after = scheduler.next(before.toFsrsCard(), now, rating, learner.zone(), fuzzSeed(shownAtMs, now, before))
                .card();
        long reviewId = reviews.saveReview(h, learner.id(), before, after, rating, now.toEpochMilli(), duration,
                requestId);
        // Only a lapse can make a leech: most ratings need not read the deck's leech settings.
        LeechSettings leeches = after.lapses() > before.lapses() ? decks.leechSettings(h, deck.id()) : null;
        boolean leech = leeches != null && leeches.leechAt(after.lapses());
        if (leech) {
            reviews.markLeech(h, learner.id(), cardId, Card.joinTags(withLeechTag(card.tagList(), true)),
                    leeches.suspend());
        }
        return new RatedReview(reviewId, learner.id(),
                ReviewResult.of(cardId, after, leech, leech && leeches.suspend()), false);
    }

    /** The tags with the leech tag added (once, in any case) or taken off. */
    private static List<String> withLeechTag(List<String> tags, boolean leech) {
        List<String> others = tags.stream().filter(t -> !t.equalsIgnoreCase(LeechSettings.TAG)).toList();
        if (!leech) {
            return others;
        }
        List<String> result = new java.util.ArrayList<>(tags);
        if (result.size() == others.size()) {
            result.add(LeechSettings.TAG);
        }
        return result;
    }

    /**
     * The moment whose fuzz the rating draws: when the card was shown with its intervals, so the interval the card
     * gets is the one its button showed (ts-fsrs seeds the fuzz with the review time). A time in the future, more
     * than {@link #SHOWN_AT_WINDOW} ago or before the card's last review is not this card as a page of this study
     * session showed it: then now.
     */
    static Instant fuzzSeed(Long shownAtMs, Instant now, CardSchedule card) {
        if (shownAtMs == null) {
            return now;
        }
        Instant shownAt = Instant.ofEpochMilli(shownAtMs);
        boolean sinceLastReview = card.lastReview() == null || shownAtMs >= card.lastReview();
        return shownAt.isAfter(now) || shownAt.isBefore(now.minus(SHOWN_AT_WINDOW)) || !sinceLastReview ? now : shownAt;
    }

    /**
     * A stored review: its id in the log, whose review it is, and the card's new schedule. {@code repeated}: the
     * request repeated one already stored, so nothing was written this time.
     */
    public record RatedReview(long reviewId, long learnerId, ReviewResult result, boolean repeated) {
    }

    /**
     * Takes back the learner's most recent rating, in whichever deck: the card's state is restored and the review
     * leaves the log. Returns what was undone, or empty when there was nothing to undo.
     */
    public Optional<LastRating> undoLast(long learnerId) {
        return jdbi.inTransaction(h -> {
            reviews.lockLearner(h, learnerId);
            Optional<ReviewRepository.NewestReview> newest = reviews.newestReview(h, learnerId);
            newest.ifPresent(n -> undo(h, learnerId, n));
            return newest.map(ReviewRepository.NewestReview::rating);
        });
    }

    /**
     * Takes a review back; when it was the rating that made the card a leech, the leech tag comes off and a
     * suspension for it is lifted too.
     */
    private void undo(Handle h, long learnerId, ReviewRepository.NewestReview newest) {
        long cardId = newest.rating().cardId();
        int lapsesAfter = reviews.schedule(h, learnerId, cardId).orElseThrow().lapses();
        reviews.undo(h, learnerId, newest.reviewId(), cardId);
        CardSchedule restored = reviews.schedule(h, learnerId, cardId).orElseThrow();
        Card card = decks.card(h, learnerId, cardId).orElseThrow();
        LeechSettings leeches = decks.leechSettings(h, card.deckId());
        if (lapsesAfter > restored.lapses() && leeches.leechAt(lapsesAfter)) {
            reviews.markLeech(h, learnerId, cardId, Card.joinTags(withLeechTag(card.tagList(), false)),
                    restored.suspended() && !leeches.suspend());
        }
    }

    /**
     * Custom study's "more new cards today": the deck offers {@code extra} more new cards than its limit today (added
     * to what was asked before today's, so asking twice adds up).
     *
     * @return the extra new cards the deck offers today now
     */
    public int addNewCardsToday(long learnerId, long deckId, int extra) {
        if (extra < 1 || extra > 9999) {
            throw new InvalidInputException("extra", "ask for 1 to 9999 more new cards");
        }
        return jdbi.inTransaction(h -> {
            decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            Learner learner = reviews.learner(h, learnerId);
            StudyDay day = StudyDay.containing(clock.instant(), learner.zone(), learner.rolloverHour());
            return reviews.addExtraNewToday(h, learner.id(), deckId, day.date(), extra);
        });
    }

    /** The rating undo would take back now. */
    public Optional<LastRating> lastRating(Handle h, long learnerId) {
        return reviews.newestReview(h, learnerId).map(ReviewRepository.NewestReview::rating);
    }
}
