package dev.prepdeck.practice;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckTree;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.review.RequestId;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.web.Messages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Answer practice: checking a typed answer against a card's key points, storing the attempt with its review,
 * the per-deck practice settings, and mock interviews (attempts kept unrated until the report is confirmed).
 */
public final class PracticeService {
    /**
     * Practice mode turns itself on for decks whose median answer needs at least this long to say (about 50
     * words): past that, recalling "roughly" hides gaps that typing the answer exposes.
     */
    static final int LONG_ANSWER_SECONDS = 45;
    static final int MAX_MOCK_QUESTIONS = 50;
    static final int MAX_ANSWER_CHARS = 20_000;

    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final PracticeRepository attempts;
    private final ReviewService reviews;
    private final AnswerMatcher matcher;
    private final CollectionRarity rarity;
    private final Clock clock;
    private final Map<Long, AutomaticMode> automaticModes = new ConcurrentHashMap<>();

    public PracticeService(Jdbi jdbi, DeckRepository decks, PracticeRepository attempts, ReviewService reviews,
                           AnswerMatcher matcher, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.attempts = attempts;
        this.reviews = reviews;
        this.matcher = matcher;
        this.rarity = new CollectionRarity(matcher.analyzer(), attempts);
        this.clock = clock;
    }

    /** Checks an answer to a card: key points covered, coverage, and the rating it suggests. */
    public PracticeCheck check(long learnerId, long cardId, String answer, long seconds) {
        return jdbi.withHandle(h -> check(h, learnerId, cardId, answer, seconds));
    }

    /** {@link #check(long, long, String, long)} on the caller's handle. */
    public PracticeCheck check(Handle h, long learnerId, long cardId, String answer, long seconds) {
        validate(answer, seconds);
        Card card = decks.card(h, learnerId, cardId).orElseThrow(() -> new NotFoundException("card", cardId));
        int target = target(h, card);
        AnswerMatcher.AnswerCheck result = matcher.checkCard(card.answer(), answer, rarity.current(h));
        return new PracticeCheck(card, answer, seconds, target, result);
    }

    private static void validate(String answer, long seconds) {
        if (answer == null) {
            throw Messages.invalid("answer", "practice.error.noAnswer");
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            throw Messages.invalid("answer", "practice.error.answerTooLong", String.valueOf(MAX_ANSWER_CHARS));
        }
        if (seconds < 0) {
            throw Messages.invalid("seconds", "practice.error.negativeSeconds");
        }
    }

    /** The card's target time: its own "target", else its deck's, else derived from its answer's length. */
    public int target(long learnerId, long cardId) {
        return jdbi.withHandle(h -> target(h, decks.card(h, learnerId, cardId).orElseThrow(() -> new NotFoundException("card", cardId))));
    }

    /** {@link #target(long, long)} on the caller's handle. */
    public int target(Handle h, Card card) {
        return TargetTime.of(card, attempts.settings(h, card.deckId()).targetSeconds());
    }

    /**
     * Rates a card and stores the typed answer with the review, in one transaction. {@code ticked} are the key
     * points the user marked as covered (their indexes); null keeps the matcher's own verdict. A repeated
     * {@code requestId} (may be null) returns the stored review and stores no second attempt.
     */
    public ReviewService.RatedReview rateWithAttempt(long learnerId, long cardId, Rating rating, long durationMs,
                                                     Long shownAtMs, String answer, long seconds, Set<Integer> ticked,
                                                     RequestId requestId) {
        return rateWithAttempt(learnerId, cardId, rating, durationMs, shownAtMs, answer, seconds, ticked, requestId, null);
    }

    /** As above, with the answer's recording (its id from the upload, may be null) kept with the attempt. */
    public ReviewService.RatedReview rateWithAttempt(long learnerId, long cardId, Rating rating, long durationMs,
                                                     Long shownAtMs,
                                                     String answer, long seconds, Set<Integer> ticked,
                                                     RequestId requestId, Long recordingId) {
        return jdbi.inTransaction(h -> {
            PracticeCheck check = check(h, learnerId, cardId, answer, seconds);
            AnswerMatcher.AnswerCheck marks = ticked == null ? check.result() : check.result().withTicks(ticked);
            ReviewService.RatedReview rated = reviews.rate(h, learnerId, cardId, rating, durationMs, shownAtMs, requestId);
            if (rated.repeated()) {
                return rated;
            }
            long attempt = attempts.insertAttempt(h, cardId, rated.learnerId(), rated.reviewId(), clock.millis(), answer,
                    seconds, marks.coverage(), pointMarks(marks));
            RecordingStore.attach(h, recordingId, rated.learnerId(), cardId, attempt);
            return rated;
        });
    }

    private static List<Attempt.PointMark> pointMarks(AnswerMatcher.AnswerCheck check) {
        return check.points().stream().map(p -> new Attempt.PointMark(p.text(), p.covered())).toList();
    }

    /** The learner's attempts at a card, newest first; on the caller's handle. */
    public List<Attempt> attempts(Handle h, long learnerId, long cardId) {
        return attempts.attempts(h, learnerId, cardId);
    }

    public PracticeSettings settings(long learnerId, long deckId) {
        return jdbi.withHandle(h -> {
            decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            return attempts.settings(h, deckId);
        });
    }

    public void saveSettings(long learnerId, long deckId, PracticeSettings settings) {
        Integer target = settings.targetSeconds();
        if (target != null && (target < PracticeSettings.MIN_TARGET || target > PracticeSettings.MAX_TARGET)) {
            throw Messages.invalid("targetSeconds", "practice.error.targetTime", String.valueOf(PracticeSettings.MIN_TARGET),
                    String.valueOf(PracticeSettings.MAX_TARGET));
        }
        jdbi.useTransaction(h -> {
            decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            attempts.saveSettings(h, deckId, settings);
        });
    }

    /** Remembers the review page's practice toggle for a deck. */
    public void setMode(long learnerId, long deckId, boolean on) {
        jdbi.useTransaction(h -> {
            decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            attempts.saveMode(h, deckId, on);
        });
    }

    /** Whether the review page asks for a typed answer on this deck's cards; on the caller's handle. */
    public boolean practiceOn(Handle h, long deckId) {
        Boolean mode = attempts.settings(h, deckId).mode();
        return mode != null ? mode : automaticMode(h, deckId);
    }

    /** What automatic mode decides for a deck, whatever its saved mode. */
    public boolean answersAreLong(long deckId) {
        return Database.read(jdbi, h -> automaticMode(h, deckId));
    }

    /**
     * Automatic mode, decided again only when the deck's answers changed: a decision is kept with the deck's answers
     * version it was made for, which the database changes with every card of the deck added, removed, moved or
     * re-answered, whoever writes it. Only a read-only transaction keeps one: it sees committed versions alone, while
     * a write could be rolled back and its version number given again to other answers.
     */
    private boolean automaticMode(Handle h, long deckId) {
        long version = decks.answersVersion(h, deckId);
        AutomaticMode kept = automaticModes.get(deckId);
        if (kept != null && kept.answersVersion() == version) {
            return kept.on();
        }
        boolean on = answersAreLong(decks.answers(h, deckId));
        if (Database.inReadOnlyTransaction(h)) {
            automaticModes.put(deckId, new AutomaticMode(version, on));
        }
        return on;
    }

    /**
     * Forgets every decision kept: after a restore put an older database in place, whose answers versions will be
     * given again to answers that may differ.
     */
    public void forgetAutomaticModes() {
        automaticModes.clear();
    }

    /** Automatic mode: on when the deck's median answer takes {@link #LONG_ANSWER_SECONDS} or more to say. */
    static boolean answersAreLong(List<String> answers) {
        if (answers.isEmpty()) {
            return false;
        }
        int[] seconds = answers.stream().mapToInt(TargetTime::derived).sorted().toArray();
        return seconds[(seconds.length - 1) / 2] >= LONG_ANSWER_SECONDS;
    }

    /** A deck's automatic mode as decided for its {@code answersVersion}. */
    private record AutomaticMode(long answersVersion, boolean on) {
    }

    /** Cards for a mock interview from the chosen decks (with their sub-decks). */
    public List<Long> pickMockCards(long learnerId, Collection<Long> deckIds, int count) {
        if (deckIds.isEmpty()) {
            throw Messages.invalid("decks", "practice.error.noDecks");
        }
        if (count < 1 || count > MAX_MOCK_QUESTIONS) {
            throw Messages.invalid("count", "practice.error.questionCount", String.valueOf(MAX_MOCK_QUESTIONS));
        }
        return jdbi.withHandle(h -> {
            DeckTree tree = decks.tree(h, learnerId);
            Set<Long> chosen = new LinkedHashSet<>();
            for (long id : deckIds) {
                Deck deck = decks.deck(h, learnerId, id)
                        .orElseThrow(() -> Messages.invalid("decks", "practice.error.noSuchDeck", String.valueOf(id)));
                chosen.addAll(tree.scope(deck).deckIds());
            }
            List<Long> cards = attempts.mockCards(h, learnerId, chosen, count, clock.millis());
            if (cards.isEmpty()) {
                throw Messages.invalid("decks", "practice.error.noCards");
            }
            return cards;
        });
    }

    /**
     * Stores a mock interview answer, checked but not yet rated, with its recording when it was spoken (the id from
     * the upload, or null); returns the attempt's id.
     */
    public long recordMockAnswer(long learnerId, long cardId, String answer, long seconds, Long recordingId) {
        return jdbi.inTransaction(h -> {
            PracticeCheck check = check(h, learnerId, cardId, answer, seconds);
            long attempt = attempts.insertAttempt(h, cardId, learnerId, null, clock.millis(), answer, seconds,
                    check.result().coverage(), pointMarks(check.result()));
            RecordingStore.attach(h, recordingId, learnerId, cardId, attempt);
            return attempt;
        });
    }

    /** A mock interview's attempts in the given order, each with what the check page would suggest. */
    public List<MockAnswer> mockReport(long learnerId, List<Long> attemptIds) {
        return jdbi.withHandle(h -> {
            List<MockAnswer> report = new ArrayList<>();
            for (long id : attemptIds) {
                Attempt attempt = attempts.attempt(h, learnerId, id)
                        .orElseThrow(() -> Messages.invalid("attempts", "practice.error.noSuchAnswer", String.valueOf(id)));
                Card card = decks.card(h, learnerId, attempt.cardId())
                        .orElseThrow(() -> new NotFoundException("card", attempt.cardId()));
                int target = target(h, card);
                // The stored coverage keeps the learner's ticks; depth and contradictions are not stored, so the
                // answer is checked again for them, and a swapped role caps the report at Hard as on the check page.
                AnswerMatcher.AnswerCheck again = matcher.checkCard(card.answer(), attempt.answer(),
                        rarity.current(h));
                Rating suggested = SuggestedRating.of(attempt.coverage(), again.depth(), again.contradicted(),
                        SuggestedRating.acrossLanguages(card.answer(), attempt.answer()), attempt.seconds(), target);
                report.add(new MockAnswer(attempt, card, target, suggested));
            }
            return report;
        });
    }

    /**
     * Applies a mock interview's ratings to scheduling, all or nothing: each attempt's card is rated and the
     * attempt linked to its review. An attempt already rated is refused, so a report cannot be applied twice.
     */
    public void confirmMock(long learnerId, Map<Long, Rating> ratingByAttempt) {
        jdbi.useTransaction(h -> {
            for (Map.Entry<Long, Rating> e : ratingByAttempt.entrySet()) {
                Attempt attempt = attempts.attempt(h, learnerId, e.getKey())
                        .orElseThrow(() -> Messages.invalid("attempts", "practice.error.noSuchAnswer", String.valueOf(e.getKey())));
                if (attempt.reviewId() != null) {
                    throw Messages.invalid("attempts", "practice.error.alreadyRated");
                }
                ReviewService.RatedReview rated = reviews.rate(h, learnerId, attempt.cardId(), e.getValue(), attempt.seconds() * 1000L, null);
                attempts.linkReview(h, attempt.id(), rated.reviewId());
            }
        });
    }

    /** One answer in a mock interview report. */
    public record MockAnswer(Attempt attempt, Card card, int targetSeconds, Rating suggested) {
    }
}
