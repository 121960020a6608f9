package dev.prepdeck.anki.importing;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.CollectionTiming;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.anki.PrepdeckGuids;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.anki.RevlogKind;
import dev.prepdeck.anki.render.NoteRenderer;
import dev.prepdeck.anki.render.RenderedCard;
import dev.prepdeck.error.Notice;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an Anki collection into cards for prepdeck: each card rendered to Markdown, its scheduling state and due
 * date as Anki has them, its FSRS memory from cards.data or else from its history replayed through prepdeck's
 * scheduler, and its answered reviews with the state before and after each. Cards that cannot become prepdeck cards
 * (an empty question, a missing note) are listed as skipped with the reason.
 */
public final class AnkiImport {
    /** Above this a due value is a Unix time, below it a day number (Anki stores either for learning cards). */
    private static final long SECONDS_NOT_DAYS = 1_000_000_000L;
    private static final double SM2_RETENTION = 0.9;
    private static final double DEFAULT_EASE = 2.5;

    public record Result(List<ImportedCard> cards, List<Notice> skipped) {

        public Result {
            cards = List.copyOf(cards);
            skipped = List.copyOf(skipped);
        }
    }

    public Result cards(AnkiCollection collection, ImportOptions options) {
        return pages(options).cards(collection);
    }

    /** Converts a collection handed over a page of cards at a time, in note order, as one collection. */
    public Pages pages(ImportOptions options) {
        return new Pages(options);
    }

    /** One import's conversion: a uid a card took on an earlier page is taken for the cards of later pages. */
    public static final class Pages {
        private final ImportOptions options;
        private final NoteRenderer renderer;
        private final Scheduler scheduler;
        private final Set<String> uids = new HashSet<>();

        private Pages(ImportOptions options) {
            this.options = options;
            this.renderer = new NoteRenderer(options.converter());
            this.scheduler = new Scheduler(options.parameters());
        }

        /** The page's cards (with their notes, note types, decks and reviews) converted, in note order. */
        public Result cards(AnkiCollection page) {
            Map<Long, AnkiNote> notes = page.notesById();
            Map<Long, NoteType> types = page.noteTypesById();
            Map<Long, AnkiDeck> decks = page.decksById();
            Map<Long, List<RevlogEntry>> history = page.revlogByCard();

            List<AnkiCard> ordered = new ArrayList<>(page.cards());
            ordered.sort(Comparator.comparingLong(AnkiCard::noteId).thenComparingInt(AnkiCard::ord));
            List<ImportedCard> cards = new ArrayList<>();
            List<Notice> skipped = new ArrayList<>();
            for (AnkiCard card : ordered) {
                AnkiNote note = notes.get(card.noteId());
                if (note == null) {
                    skipped.add(Notice.of("anki.skipped.noNote", String.valueOf(card.id()),
                            String.valueOf(card.noteId())));
                    continue;
                }
                NoteType type = types.get(note.noteTypeId());
                if (type == null) {
                    skipped.add(Notice.of("anki.skipped.noNoteType", String.valueOf(card.id()),
                            String.valueOf(note.noteTypeId())));
                    continue;
                }
                AnkiDeck deck = decks.get(card.homeDeckId());
                RenderedCard rendered = renderer.render(type, note, card, deck);
                if (rendered.question().isBlank()) {
                    skipped.add(Notice.of("anki.skipped.emptyQuestion", String.valueOf(card.id()), note.guid(),
                            card.ord() + 1));
                    continue;
                }
                boolean severalPerNote = type.kind() == NoteType.Kind.CLOZE || type.templates().size() > 1;
                String uid = severalPerNote ? PrepdeckGuids.uidForNoteCard(note.guid(), card.ord() + 1)
                        : PrepdeckGuids.uidForNote(note.guid());
                if (!uids.add(uid)) {
                    skipped.add(Notice.of("anki.skipped.sameGuid", String.valueOf(card.id()), uid, note.guid()));
                    continue;
                }
                Replay replay = replay(history.getOrDefault(card.id(), List.of()), scheduler, options);
                cards.add(new ImportedCard(uid, note.guid(), card.id(), card.ord(),
                        deck == null ? "Default" : deck.name(), rendered.question(), rendered.answer(), note.tags(),
                        rendered.clozeNumber(), rendered.clozeSource(), rendered.practice(), rendered.media(),
                        note.modifiedSeconds(), schedule(card, replay, page.timing(), options), replay.reviews(),
                        replay.skipped(), rendered.warnings()));
            }
            return new Result(cards, skipped);
        }
    }

    private record Replay(List<ImportedReview> reviews, int skipped, FsrsCard last) {
    }

    /**
     * Replays the answers in order. A manual entry with no ease factor is Anki's "forget", after which the card
     * starts again as new; other manual and rescheduling entries, and cramming that did not reschedule, are not
     * answers and are counted as skipped.
     */
    private static Replay replay(List<RevlogEntry> entries, Scheduler scheduler, ImportOptions options) {
        List<ImportedReview> reviews = new ArrayList<>();
        FsrsCard current = null;
        int skipped = 0;
        for (RevlogEntry entry : entries) {
            if (entry.kind() == RevlogKind.MANUAL && entry.factor() == 0 && entry.ease() == 0) {
                current = null;
                skipped++;
                continue;
            }
            if (!entry.answered() || entry.kind() == RevlogKind.FILTERED && entry.factor() == 0) {
                skipped++;
                continue;
            }
            Instant at = entry.reviewedAt();
            FsrsCard before = current == null ? FsrsCard.newCard(at) : current;
            FsrsCard after;
            try {
                after = scheduler.next(before, at, Rating.of(entry.ease()), options.zone()).card();
            } catch (IllegalArgumentException e) {
                // a review logged before the one it follows (a clock set back): nothing sensible to replay
                skipped++;
                continue;
            }
            reviews.add(new ImportedReview(at, Rating.of(entry.ease()), Math.max(0, entry.timeMs()), entry.kind(),
                    before, after));
            current = after;
        }
        return new Replay(reviews, skipped, current);
    }

    private static ImportedSchedule schedule(AnkiCard card, Replay replay, CollectionTiming timing,
            ImportOptions options) {
        MemoryState memory = card.memory();
        State state = switch (card.type()) {
            case NEW -> State.NEW;
            case LEARNING -> State.LEARNING;
            case REVIEW -> State.REVIEW;
            case RELEARNING -> State.RELEARNING;
        };
        Instant due = due(card, timing, options);
        // prepdeck's (re)learning steps are minutes long, with no interval, unless a step spans days
        int scheduledDays = state == State.REVIEW ? Math.max(0, card.interval()) : 0;
        double stability = 0;
        double difficulty = 0;
        MemorySource source = MemorySource.NONE;
        if (state != State.NEW) {
            if (memory.known()) {
                stability = memory.stability();
                difficulty = memory.difficulty();
                source = MemorySource.CARD_DATA;
            } else if (replay.last() != null) {
                stability = replay.last().stability();
                difficulty = replay.last().difficulty();
                source = MemorySource.REPLAYED;
            } else if (card.interval() > 0 && state != State.LEARNING) {
                double[] estimate = fromInterval(card, options.parameters());
                stability = estimate[0];
                difficulty = estimate[1];
                source = MemorySource.ESTIMATED_FROM_INTERVAL;
            }
        }
        Instant lastReview = null;
        if (state != State.NEW) {
            Instant lastAnswer = replay.reviews().isEmpty() ? null
                    : replay.reviews().get(replay.reviews().size() - 1).reviewedAt();
            if (memory.lastReviewSeconds() != null) {
                // lrt holds seconds; the log holds the same review to the millisecond
                boolean sameReview = lastAnswer != null && lastAnswer.getEpochSecond() == memory.lastReviewSeconds();
                lastReview = sameReview ? lastAnswer : Instant.ofEpochSecond(memory.lastReviewSeconds());
            } else if (lastAnswer != null) {
                lastReview = lastAnswer;
            } else if (scheduledDays > 0) {
                lastReview = due.minus(Duration.ofDays(scheduledDays));
            }
        }
        if (state != State.REVIEW && card.queue() == CardQueue.DAY_LEARNING && lastReview != null) {
            scheduledDays = (int) Math.max(1, timing.dayNumber(due, options.zone())
                    - timing.dayNumber(lastReview, options.zone()));
        }
        int elapsedDays = replay.last() == null ? 0 : replay.last().elapsedDays();
        FsrsCard fsrs = new FsrsCard(state, stability, difficulty, Math.max(0, card.reps()), Math.max(0, card.lapses()),
                learningStep(card, options.parameters()), scheduledDays, elapsedDays, lastReview, due);
        Long newPosition = card.type() == CardType.NEW ? card.homeDue() : null;
        return new ImportedSchedule(fsrs, source, card.suspended(), card.buried(), card.flag(), newPosition,
                memory.desiredRetention());
    }

    /** When the card is due, from what Anki's due means for the card's queue, or for its type when set aside. */
    private static Instant due(AnkiCard card, CollectionTiming timing, ImportOptions options) {
        long due = card.homeDue();
        CardQueue queue = card.queue();
        if (card.type() == CardType.NEW) {
            return options.now();
        }
        switch (queue) {
            case LEARNING, PREVIEW:
                return Instant.ofEpochSecond(due);
            case REVIEW, DAY_LEARNING:
                return timing.dayStart(due, options.zone());
            default:
                // suspended, buried, or moved by a filtered deck: the type tells what due holds
                if (card.type() == CardType.REVIEW || due < SECONDS_NOT_DAYS) {
                    return timing.dayStart(due, options.zone());
                }
                return Instant.ofEpochSecond(due);
        }
    }

    /** cards.left holds the steps still to go (in its last three digits before Anki 2.1.50's scheduler). */
    private static int learningStep(AnkiCard card, FsrsParameters parameters) {
        int steps = switch (card.type()) {
            case LEARNING -> parameters.learningSteps().size();
            case RELEARNING -> parameters.relearningSteps().size();
            default -> 0;
        };
        if (steps == 0) {
            return 0;
        }
        int remaining = card.remainingSteps() % 1000;
        return Math.max(0, Math.min(steps - 1, steps - remaining));
    }

    /**
     * Stability and difficulty from an SM-2 interval and ease, as fsrs-rs's memory_state_from_sm2 estimates them:
     * the interval taken at 90 % retention, and the difficulty that makes the ease the FSRS growth factor.
     */
    static double[] fromInterval(AnkiCard card, FsrsParameters parameters) {
        double[] w = parameters.w();
        double decay = -w[20];
        double factor = Math.pow(0.9, 1 / decay) - 1;
        double stability = Math.max(card.interval(), 0.001) * factor / (Math.pow(SM2_RETENTION, 1 / decay) - 1);
        double ease = card.easeFactor() > 0 ? card.easeFactor() / 1000.0 : DEFAULT_EASE;
        double growth = Math.exp(w[8]) * Math.pow(stability, -w[9]) * Math.expm1((1 - SM2_RETENTION) * w[10]);
        double difficulty = Math.min(10, Math.max(1, 11 - (ease - 1) / growth));
        return new double[] {stability, difficulty};
    }
}
