package dev.prepdeck.check;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseFiles;
import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.optimize.OptimizeService;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewedCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Anki's Check Database for a prepdeck collection: SQLite's integrity check (on SQLite), then the rows that should
 * agree with each other and do not (references, scheduling states against the review log, the search index, the due
 * queue, media no card shows, the statistics roll-up against the log). A repair puts every finding right in one
 * transaction; a damaged file is only reported, since writing to it could make things worse and a backup is the way
 * back.
 */
public final class DatabaseCheck {
    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final ReviewRepository reviews;
    private final DeckSync deckSync;
    private final MediaStore media;
    private final CheckRepository rows = new CheckRepository();

    public DatabaseCheck(Jdbi jdbi, DeckRepository decks, ReviewRepository reviews, DeckSync deckSync, MediaStore media) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.reviews = reviews;
        this.deckSync = deckSync;
        this.media = media;
    }

    /** Looks and reports without changing anything. */
    public CheckReport report() {
        List<String> damage = integrityProblems();
        if (!damage.isEmpty()) {
            return new CheckReport(damage, List.of(), false);
        }
        return Database.read(jdbi, h -> new CheckReport(List.of(), find(h).findings(), false));
    }

    /** Looks, and repairs what it found in one transaction; a damaged file is reported and left alone. */
    public CheckReport repair() {
        List<String> damage = integrityProblems();
        if (!damage.isEmpty()) {
            return new CheckReport(damage, List.of(), false);
        }
        return jdbi.inTransaction(h -> {
            Found found = find(h);
            if (found.findings().isEmpty()) {
                return new CheckReport(List.of(), List.of(), false);
            }
            repair(h, found);
            return new CheckReport(List.of(), found.findings(), true);
        });
    }

    /**
     * SQLite's integrity check of the file. PostgreSQL keeps its own pages whole (checksums, WAL), and checking them
     * (amcheck) is its operator's, as its backups are: there the check starts at the rows.
     */
    private List<String> integrityProblems() {
        if (Dialect.of(jdbi) == Dialect.POSTGRESQL) {
            return List.of();
        }
        return DatabaseFiles.integrityProblems(Database.file(jdbi));
    }

    /** Everything out of place, with what a repair needs to put it right. */
    private record Found(List<CheckRepository.BrokenReference> brokenReferences,
                         List<CheckRepository.CardLearner> missingStates,
                         Map<Long, Map<Long, FsrsCard>> replayedStates,
                         List<Long> orphanedSearch, List<Long> missingSearch,
                         List<CheckRepository.CardLearner> orphanedRecall, List<CheckRepository.CardLearner> staleRecall,
                         List<String> unusedMedia, int staleRollUpHours) {
        List<CheckReport.Finding> findings() {
            List<CheckReport.Finding> all = new ArrayList<>();
            add(all, Problem.BROKEN_REFERENCES, brokenReferences.size());
            add(all, Problem.MISSING_STATES, missingStates.size());
            add(all, Problem.STATES_NOT_FROM_REVIEWS, replayedStates.values().stream().mapToInt(Map::size).sum());
            add(all, Problem.SEARCH_ROWS_ORPHANED, orphanedSearch.size());
            add(all, Problem.SEARCH_ROWS_MISSING, missingSearch.size());
            add(all, Problem.RECALL_ROWS_ORPHANED, orphanedRecall.size());
            add(all, Problem.RECALL_ROWS_STALE, staleRecall.size());
            add(all, Problem.MEDIA_UNUSED, unusedMedia.size());
            add(all, Problem.ROLL_UP_STALE, staleRollUpHours);
            return all;
        }

        private static void add(List<CheckReport.Finding> all, Problem problem, int count) {
            if (count > 0) {
                all.add(new CheckReport.Finding(problem, count));
            }
        }
    }

    private Found find(Handle h) {
        // every learner's states against their own reviews, by learner id
        Map<Long, Map<Long, FsrsCard>> replayed = new LinkedHashMap<>();
        for (long learnerId : rows.learnerIds(h)) {
            Map<Long, FsrsCard> contradicted = statesNotFromReviews(h, reviews.learner(h, learnerId));
            if (!contradicted.isEmpty()) {
                replayed.put(learnerId, contradicted);
            }
        }
        // a row of a table without rowids (the due queue) is the due-queue check's to report and repair
        List<CheckRepository.BrokenReference> broken = rows.brokenReferences(h).stream()
                .filter(b -> b.rowid() != null).toList();
        return new Found(broken, rows.missingStates(h), replayed,
                rows.orphanedSearchRows(h), rows.cardsMissingFromSearch(h), rows.orphanedRecallRows(h),
                rows.staleRecallRows(h), media.unused(h, deckSync.referencedMedia(h)), rows.staleRollUpHours(h));
    }

    /**
     * The learner's reviewed cards whose state contradicts their reviews, each with the state a replay of its reviews
     * through its deck's scheduler gives. Only what every honest history agrees on is required: the state's last
     * review is the log's latest, it is not new unless it was reset (forget), it is not due before that review, and
     * its memory state is one FSRS can reach. Stability, difficulty and due date may otherwise differ from the
     * log's last outcome: an Anki import brings Anki's schedule, and the optimizer's reschedule writes a replay.
     */
    private Map<Long, FsrsCard> statesNotFromReviews(Handle h, Learner learner) {
        return replayed(h, learner, rows.reviewedStates(h, learner.id()).stream()
                .filter(s -> !isResetToNew(s) && contradictsLog(s))
                .map(CheckRepository.StoredState::cardId)
                .toList());
    }

    /** The state each of these cards' reviews give, replayed through its deck's scheduler (reviewed cards only). */
    private Map<Long, FsrsCard> replayed(Handle h, Learner learner, List<Long> cardIds) {
        if (cardIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Scheduler> schedulers = new HashMap<>();
        for (Deck deck : decks.allDecks(h, DeckRepository.EVERY_DECK)) {
            schedulers.put(deck.id(), new Scheduler(DeckSettings.of(deck).toFsrsParameters()));
        }
        Map<Long, ReviewedCard> histories = reviews.reviewedCards(h, learner.id(),
                        List.copyOf(schedulers.keySet())).stream()
                .collect(Collectors.toMap(ReviewedCard::cardId, c -> c));
        Map<Long, FsrsCard> replayed = new LinkedHashMap<>();
        for (long cardId : cardIds) {
            ReviewedCard history = histories.get(cardId);
            if (history != null) {
                replayed.put(cardId, OptimizeService.replay(schedulers.get(history.deckId()), history, learner));
            }
        }
        return replayed;
    }

    private static boolean isResetToNew(CheckRepository.StoredState s) {
        return s.state() == State.NEW.ordinal() && s.reps() == 0 && s.lastReview() == null && s.stability() == 0
                && s.difficulty() == 0;
    }

    private static boolean contradictsLog(CheckRepository.StoredState s) {
        return s.state() == State.NEW.ordinal() || s.lastReview() == null || !s.lastReview().equals(s.reviewedAt())
                || s.due() < s.lastReview() || s.reps() < 1
                || !(s.stability() > 0) || !Double.isFinite(s.stability())
                || !(s.difficulty() >= 1 && s.difficulty() <= 10);
    }

    private void repair(Handle h, Found found) {
        for (CheckRepository.BrokenReference broken : found.brokenReferences()) {
            rows.deleteRow(h, broken.table(), broken.rowid());
        }
        found.missingStates().forEach(missing -> rows.insertNewState(h, missing));
        for (long learnerId : rows.learnerIds(h)) {
            Learner learner = reviews.learner(h, learnerId);
            Map<Long, FsrsCard> replayed = new LinkedHashMap<>(found.replayedStates().getOrDefault(learnerId, Map.of()));
            // a state just added is new: a reviewed card's reviews give it its real one
            replayed.putAll(replayed(h, learner, found.missingStates().stream()
                    .filter(missing -> missing.learnerId() == learnerId)
                    .map(CheckRepository.CardLearner::cardId).toList()));
            reviews.replaceSchedules(h, learnerId, replayed);
        }
        found.orphanedSearch().forEach(cardId -> rows.deleteSearchRows(h, cardId));
        found.missingSearch().forEach(cardId -> rows.indexForSearch(h, cardId));
        found.orphanedRecall().forEach(row -> rows.deleteRecallRows(h, row));
        // after the states were repaired, so the queue copies what they are now
        Set<CheckRepository.CardLearner> stale = Set.copyOf(rows.staleRecallRows(h));
        stale.forEach(row -> rows.copyRecallRow(h, row));
        media.deleteUnused(h, deckSync.referencedMedia(h));
        // last, so it counts the log as the repairs above left it
        if (found.staleRollUpHours() > 0) {
            rows.recountRollUp(h);
        }
    }
}
