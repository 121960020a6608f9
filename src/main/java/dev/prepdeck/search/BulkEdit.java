package dev.prepdeck.search;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.TextFold;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.CardIds;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.review.StudyDay;
import dev.prepdeck.web.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Changes many cards at once: each edit finds its cards and changes them in one transaction, so it changes all of
 * them or, when one cannot be changed (a question the target deck already has), none. Also the browse page's
 * one-snapshot read, and tag renaming and deleting, which are bulk edits of the cards carrying the tag.
 */
public final class BulkEdit {
    private final Jdbi jdbi;
    private final SearchService search;
    private final DeckRepository decks;
    private final BulkEditRepository edits = new BulkEditRepository();
    private final BulkUndoRepository undo = new BulkUndoRepository();
    private final SavedSearchRepository saved = new SavedSearchRepository();
    private final Clock clock;
    private final RandomGenerator random;

    public BulkEdit(Jdbi jdbi, SearchService search, DeckRepository decks, Clock clock) {
        this.jdbi = jdbi;
        this.search = search;
        this.decks = decks;
        this.clock = clock;
        this.random = new SplittableRandom();
    }

    /** What the browse page shows: a page of results, the decks cards can move to, and the tags with counts. */
    public record BrowsePage(SearchResult result, List<Deck> decks, List<TagCount> tags, ZoneId zone,
                             String undoable, List<SavedSearch> saved) {
    }

    /**
     * One page of results with the decks and tags, read in one snapshot.
     *
     * @throws SearchSyntaxException when the query cannot be parsed
     */
    public BrowsePage browse(long learnerId, String query, SortColumn sort, SortOrder order, int page, int pageSize) {
        return Database.read(jdbi, h -> new BrowsePage(
                search.search(h, learnerId, query, sort, order, page, pageSize), decks.allDecks(h, learnerId),
                edits.tagCounts(h, learnerId), search.context(h, learnerId).zone(), undoable(h, learnerId),
                saved.list(h, learnerId)));
    }

    /** The decks and tags alone, for a page whose query could not be parsed. */
    public BrowsePage withoutResults(long learnerId) {
        return Database.read(jdbi, h -> new BrowsePage(null, decks.allDecks(h, learnerId), edits.tagCounts(h, learnerId),
                search.context(h, learnerId).zone(), undoable(h, learnerId), saved.list(h, learnerId)));
    }

    /** How many cards a selection holds now (what a confirmation page names). */
    public int count(long learnerId, CardSelection selection) {
        return Database.read(jdbi, h -> ids(h, learnerId, selection).size());
    }

    /**
     * Applies {@code action} to the selected cards in one transaction.
     *
     * @return how many cards it changed (a card already suspended is not changed by suspending it)
     * @throws NotFoundException     when a selected id or the target deck does not exist (nothing is changed)
     * @throws InvalidInputException when a card cannot take the change (nothing is changed)
     * @throws SearchSyntaxException when the selection's query cannot be parsed
     */
    public int apply(long learnerId, CardSelection selection, BulkAction action) {
        return jdbi.inTransaction(h -> {
            edits.select(h, ids(h, learnerId, selection));
            edits.firstUnknown(h, learnerId).ifPresent(id -> {
                throw new NotFoundException("card", id);
            });
            long now = clock.millis();
            keepForUndo(h, learnerId, action.name(), copiesFor(action), now);
            int changed = change(h, learnerId, action, now);
            undo.changed(h, learnerId, changed);
            return changed;
        });
    }

    /** What undo put back: the action taken back and how many cards it restored. */
    public record Undone(String action, int restored) {
    }

    /** The name of the learner's last bulk edit (or tag rename or delete) when it can still be undone, else null. */
    private String undoable(Handle h, long learnerId) {
        return undo.last(h, learnerId).map(BulkUndoRepository.LastEdit::action).orElse(null);
    }

    /**
     * Takes back the learner's last bulk edit in one transaction: each card gets back what the edit changed (a
     * deleted card comes back with its state, reviews, practice attempts and recordings). A card rated since a
     * forget or a due date change keeps what the rating made of it. An edit is undone once.
     *
     * @return what was undone, or empty when there is nothing to undo
     * @throws InvalidInputException when a card cannot come back (its deck was deleted, or the deck has a new card
     *                               under its id); nothing is changed then
     */
    public Optional<Undone> undoLast(long learnerId) {
        return jdbi.inTransaction(h -> {
            Optional<BulkUndoRepository.LastEdit> last = undo.last(h, learnerId);
            if (last.isEmpty()) {
                return Optional.<Undone>empty();
            }
            String action = last.get().action();
            int restored;
            try {
                Long lastReview = last.get().lastReviewId();
                restored = restore(h, learnerId, action, lastReview == null ? 0 : lastReview);
            } catch (UnableToExecuteStatementException e) {
                throw Messages.invalid("undo", "browse.error.undoGone", action);
            }
            undo.forget(h, learnerId);
            return Optional.of(new Undone(action, restored));
        });
    }

    private static final List<String> SCHEDULE = List.of("state", "stability", "difficulty", "reps", "lapses",
            "learning_steps", "scheduled_days", "elapsed_days", "last_review", "due");

    private int restore(Handle h, long learnerId, String action, long lastReviewId) {
        return switch (action) {
            case "suspend", "unsuspend" -> undo.restoreStates(h, learnerId, List.of("suspended"), null);
            case "flag" -> undo.restoreStates(h, learnerId, List.of("flag"), null);
            case "bury", "unbury" -> undo.restoreStates(h, learnerId, List.of("buried_until"), null);
            case "forget", "set-due" -> undo.restoreStates(h, learnerId, SCHEDULE, lastReviewId);
            case "move" -> undo.restoreCards(h, learnerId,
                    List.of("deck_id", "uid", "position", "removed_from_source", "updated_at"));
            case "delete" -> undo.reinsert(h, learnerId);
            default -> undo.restoreCards(h, learnerId, List.of("tags", "updated_at"));
        };
    }

    /** The rows an action changes, which undo needs copies of. */
    private static List<BulkUndoRepository.Copy> copiesFor(BulkAction action) {
        if (action instanceof BulkAction.Delete) {
            return List.of(BulkUndoRepository.Copy.values());
        } else if (action instanceof BulkAction.MoveTo || action instanceof BulkAction.AddTags
                || action instanceof BulkAction.RemoveTags) {
            return List.of(BulkUndoRepository.Copy.CARD);
        }
        return List.of(BulkUndoRepository.Copy.STATE);
    }

    private void keepForUndo(Handle h, long learnerId, String action, List<BulkUndoRepository.Copy> copies, long now) {
        undo.start(h, learnerId, action, now);
        boolean everyLearner = copies.size() > 1;
        for (BulkUndoRepository.Copy copy : copies) {
            undo.copy(h, learnerId, copy, everyLearner);
        }
    }

    /**
     * Renames a tag on every card, with the tags below it ({@code sql::joins} becomes {@code db::joins} when
     * {@code sql} becomes {@code db}). The old name matches in any case or accents, as {@code tag:} does.
     *
     * @return how many cards changed
     */
    public int renameTag(long learnerId, String oldName, String newName, boolean merge) {
        String from = validTag(oldName, "tag");
        String to = validTag(newName, "newName");
        if (to.equals(from)) {
            throw Messages.invalid("newName", "browse.error.sameTagName", from);
        }
        return jdbi.inTransaction(h -> {
            requireTagged(h, learnerId, from);
            boolean clash = !TextFold.fold(to).equals(TextFold.fold(from))
                    && !edits.cardsTagged(h, learnerId, TextFold.fold(to)).isEmpty();
            if (clash && !merge) {
                throw Messages.invalid("newName", "browse.error.tagExists", to);
            }
            return retagEverywhere(h, learnerId, "rename-tag", from, tags -> renamed(tags, from, to));
        });
    }

    /** Takes a tag, and the tags below it, off every card; returns how many cards changed. */
    public int deleteTag(long learnerId, String name) {
        String tag = validTag(name, "tag");
        return jdbi.inTransaction(h -> {
            requireTagged(h, learnerId, tag);
            return retagEverywhere(h, learnerId, "delete-tag", tag,
                    tags -> tags.stream().filter(t -> !under(t, tag)).toList());
        });
    }

    private void requireTagged(Handle h, long learnerId, String tag) {
        if (edits.cardsTagged(h, learnerId, TextFold.fold(tag)).isEmpty()) {
            throw Messages.invalid("tag", "browse.error.noSuchTag", tag);
        }
    }

    private int retagEverywhere(Handle h, long learnerId, String action, String tag, TagChange change) {
        long now = clock.millis();
        edits.select(h, edits.cardsTagged(h, learnerId, TextFold.fold(tag)));
        keepForUndo(h, learnerId, action, List.of(BulkUndoRepository.Copy.CARD), now);
        int changed = retag(h, edits.cards(h), change, now);
        undo.changed(h, learnerId, changed);
        return changed;
    }

    private int change(Handle h, long learnerId, BulkAction action, long now) {
        if (action instanceof BulkAction.Suspend s) {
            return edits.setSuspended(h, learnerId, s.suspended());
        } else if (action instanceof BulkAction.Flag f) {
            return edits.setFlag(h, learnerId, f.flag());
        } else if (action instanceof BulkAction.Bury b) {
            return b.buried()
                    ? edits.bury(h, learnerId, now, search.context(h, learnerId).today().end().toEpochMilli())
                    : edits.unbury(h, learnerId, now);
        } else if (action instanceof BulkAction.MoveTo m) {
            return move(h, learnerId, m.deckId(), now);
        } else if (action instanceof BulkAction.AddTags t) {
            return retag(h, edits.cards(h), tags -> added(tags, t.tags()), now);
        } else if (action instanceof BulkAction.RemoveTags t) {
            return retag(h, edits.cards(h), tags -> removed(tags, t.tags()), now);
        } else if (action instanceof BulkAction.Forget) {
            return edits.forget(h, learnerId, now);
        } else if (action instanceof BulkAction.SetDue d) {
            return setDue(h, learnerId, d);
        } else {
            return edits.delete(h);
        }
    }

    /** Each studied card due on a day drawn from the action's range (one draw per card), as Anki's set due date. */
    private int setDue(Handle h, long learnerId, BulkAction.SetDue action) {
        SearchContext context = search.context(h, learnerId);
        List<BulkEditRepository.StudiedCard> cards = edits.studiedCards(h, learnerId);
        List<BulkEditRepository.NewDue> dues = new ArrayList<>();
        for (BulkEditRepository.StudiedCard card : cards) {
            int days = action.from() + random.nextInt(action.to() - action.from() + 1);
            long due = context.dayStart(days);
            Integer interval = null;
            if (action.setInterval()) {
                long since = card.lastReview() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(
                        StudyDay.containing(Instant.ofEpochMilli(card.lastReview()), context.zone(),
                                context.rolloverHour()).date(), context.today().date()));
                interval = (int) Math.max(1, since + days);
            }
            dues.add(new BulkEditRepository.NewDue(card.cardId(), due, interval));
        }
        edits.setDue(h, learnerId, dues);
        return dues.size();
    }

    private List<Long> ids(Handle h, long learnerId, CardSelection selection) {
        return selection.query() == null ? selection.cardIds() : search.matchingIds(h, learnerId, selection.query());
    }

    private int move(Handle h, long learnerId, long deckId, long now) {
        decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
        Set<String> uids = new HashSet<>();
        Set<String> questions = new HashSet<>();
        for (BulkEditRepository.SelectedCard there : edits.cardsIn(h, deckId)) {
            uids.add(there.uid());
            questions.add(there.question());
        }
        List<BulkEditRepository.SelectedCard> moving = edits.cardsOutside(h, deckId);
        int position = edits.nextPosition(h, deckId);
        List<BulkEditRepository.Move> moves = new ArrayList<>();
        for (BulkEditRepository.SelectedCard card : moving) {
            if (!questions.add(card.question())) {
                throw Messages.invalid("deckId", "browse.error.questionTaken", card.question());
            }
            String uid = uids.add(card.uid()) ? card.uid() : fresh(uids);
            moves.add(new BulkEditRepository.Move(card.id(), uid, position++));
        }
        edits.move(h, moves, deckId, now);
        return moves.size();
    }

    private static String fresh(Set<String> taken) {
        String uid = CardIds.fresh(taken);
        taken.add(uid);
        return uid;
    }

    private interface TagChange {
        List<String> apply(List<String> tags);
    }

    private int retag(Handle h, List<BulkEditRepository.SelectedCard> cards, TagChange change, long now) {
        List<BulkEditRepository.Retag> retags = new ArrayList<>();
        for (BulkEditRepository.SelectedCard card : cards) {
            List<String> before = Card.splitTags(card.tags());
            List<String> after = change.apply(before);
            if (!after.equals(before)) {
                retags.add(new BulkEditRepository.Retag(card.id(), Card.joinTags(after)));
            }
        }
        edits.setTags(h, retags, now);
        return retags.size();
    }

    /** The card's tags with each new one appended, unless the card has it already (in any case). */
    private static List<String> added(List<String> tags, List<String> adding) {
        List<String> result = new ArrayList<>(tags);
        for (String tag : adding) {
            if (result.stream().noneMatch(t -> TextFold.fold(t).equals(TextFold.fold(tag)))) {
                result.add(tag);
            }
        }
        return result;
    }

    private static List<String> removed(List<String> tags, List<String> removing) {
        Set<String> gone = new HashSet<>(removing.stream().map(TextFold::fold).toList());
        return tags.stream().filter(t -> !gone.contains(TextFold.fold(t))).toList();
    }

    private static List<String> renamed(List<String> tags, String from, String to) {
        List<String> result = new ArrayList<>();
        for (String tag : tags) {
            String name = under(tag, from) ? to + tag.substring(prefixLength(tag, from)) : tag;
            if (result.stream().noneMatch(t -> TextFold.fold(t).equals(TextFold.fold(name)))) {
                result.add(name);
            }
        }
        return result;
    }

    /** Whether {@code tag} is {@code parent} or below it, compared as {@code tag:} compares (folded). */
    private static boolean under(String tag, String parent) {
        String[] parts = tag.split("::", -1);
        String[] parentParts = parent.split("::", -1);
        if (parts.length < parentParts.length) {
            return false;
        }
        for (int i = 0; i < parentParts.length; i++) {
            if (!TextFold.fold(parts[i].strip()).equals(TextFold.fold(parentParts[i].strip()))) {
                return false;
            }
        }
        return true;
    }

    /** Chars of {@code tag} taken by the parts that match {@code parent}'s parts. */
    private static int prefixLength(String tag, String parent) {
        int parts = parent.split("::", -1).length;
        String[] tagParts = tag.split("::", -1);
        return String.join("::", Arrays.asList(tagParts).subList(0, parts)).length();
    }

    private static String validTag(String name, String field) {
        String tag = name == null ? "" : name.strip();
        if (tag.isEmpty()) {
            throw Messages.invalid(field, "browse.error.noTagName");
        }
        if (tag.contains(",") || tag.contains("，") || tag.contains("\n") || tag.contains("\r")) {
            throw Messages.invalid(field, "browse.error.tagComma", tag);
        }
        if (Arrays.stream(tag.split("::", -1)).anyMatch(String::isBlank)) {
            throw Messages.invalid(field, "browse.error.tagEmptyLevel", tag);
        }
        return tag;
    }
}
