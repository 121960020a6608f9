package dev.prepdeck.anki.exporting;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.CollectionSink;
import dev.prepdeck.anki.CollectionTiming;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.anki.PrepdeckGuids;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.anki.RevlogKind;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.State;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns prepdeck cards into an Anki collection: one note of a Basic note type (Front/Back) per card with the
 * Markdown rendered to HTML, the deck tree, the FSRS state as Anki keeps it (cards.type/queue/due/ivl and cards.data)
 * and the review history as revlog rows. The result is written with
 * {@link dev.prepdeck.anki.apkg.PackageWriter}.
 */
public final class AnkiExport {
    /** A fixed id, so every export uses the same note type and Anki updates notes instead of duplicating them. */
    public static final long NOTE_TYPE_ID = 1_577_836_800_015L;
    public static final String NOTE_TYPE_NAME = "Basic (prepdeck)";
    private static final long DEFAULT_DECK_ID = 1;
    private static final long FIRST_DECK_ID = 1_500_000_000_000L;
    private static final int STARTING_EASE = 2500;
    private static final String CSS = """
            .card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }
            table { border-collapse: collapse; }
            td, th { border: 1px solid #888; padding: 2px 6px; }
            pre { background: #f4f4f4; padding: 6px; overflow-x: auto; }
            .cloze { font-weight: bold; color: blue; }
            """;

    /** The collection, and the media file names its notes refer to (the files the package should carry). */
    public record Result(AnkiCollection collection, Set<String> mediaNames) {
    }

    public static NoteType noteType() {
        return new NoteType(NOTE_TYPE_ID, NOTE_TYPE_NAME, NoteType.Kind.STANDARD, List.of("Front", "Back"),
                List.of(new CardTemplate("Card 1", 0, "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}")),
                0, CSS, 0);
    }

    public Result build(List<ExportCard> cards, ExportOptions options) {
        Set<String> uids = new HashSet<>();
        Instant earliest = null;
        for (ExportCard card : cards) {
            if (!uids.add(card.uid())) {
                throw AnkiFormatException.worded("exportSharedUid", card.uid());
            }
            earliest = earliest(earliest, card.created());
            for (ExportReview review : card.reviews()) {
                earliest = earliest(earliest, review.reviewedAt());
            }
            if (card.schedule() != null) {
                earliest = earliest(earliest, card.schedule().card().due());
            }
        }
        Writer writer = writer(earliest, cards.stream().map(ExportCard::deckName).toList(), options);
        List<AnkiNote> notes = new ArrayList<>();
        List<AnkiCard> ankiCards = new ArrayList<>();
        List<RevlogEntry> revlog = new ArrayList<>();
        Set<Long> revlogIds = new HashSet<>();
        CollectionSink sink = new CollectionSink() {
            @Override
            public void note(AnkiNote note) {
                notes.add(note);
            }

            @Override
            public void card(AnkiCard card) {
                ankiCards.add(card);
            }

            @Override
            public boolean revlog(RevlogEntry entry) {
                return revlogIds.add(entry.id()) && revlog.add(entry);
            }
        };
        List<ExportCard> ordered = new ArrayList<>(cards);
        ordered.sort(NOTE_ORDER);
        ordered.forEach(card -> writer.add(card, sink));
        revlog.sort(Comparator.comparingLong(RevlogEntry::id));
        AnkiCollection collection = new AnkiCollection(writer.timing(), List.of(noteType()), writer.decks(), notes,
                ankiCards, revlog);
        return new Result(collection, writer.mediaNames());
    }

    /** The order notes are numbered in: by creation, then by uid. */
    public static final Comparator<ExportCard> NOTE_ORDER = Comparator.comparing(ExportCard::created)
            .thenComparing(ExportCard::uid);

    private static Instant earliest(Instant earliest, Instant time) {
        return earliest == null || time.isBefore(earliest) ? time : earliest;
    }

    /**
     * Starts an export whose cards come one at a time, for a collection too large to hold: the caller knows the
     * earliest of the cards' creation times, review times and scheduled due times ({@code null} for no card), and
     * every deck name they are in, before the first card.
     */
    public Writer writer(Instant earliest, Collection<String> deckNames, ExportOptions options) {
        return new Writer(timing(earliest, options), decks(deckNames, options), options);
    }

    /**
     * Turns cards into notes, cards and reviews as they come, in {@link #NOTE_ORDER} with unique uids: a note's id
     * is its creation time, one past the previous note's when that is taken.
     */
    public static final class Writer {
        private final CollectionTiming timing;
        private final List<AnkiDeck> decks;
        private final Map<String, Long> deckIds = new HashMap<>();
        private final ExportOptions options;
        private final MarkdownToAnkiHtml html;
        private ExportCard previous;
        private long lastId;
        private int newPosition;

        private Writer(CollectionTiming timing, List<AnkiDeck> decks, ExportOptions options) {
            this.timing = timing;
            this.decks = decks;
            this.options = options;
            this.html = new MarkdownToAnkiHtml(options.mediaName());
            decks.forEach(deck -> deckIds.put(deck.name(), deck.id()));
        }

        public CollectionTiming timing() {
            return timing;
        }

        /** Every deck of the collection, the parents of the cards' decks and Anki's Default deck included. */
        public List<AnkiDeck> decks() {
            return decks;
        }

        /** The media file names the notes written so far refer to. */
        public Set<String> mediaNames() {
            return html.media();
        }

        /**
         * @throws AnkiFormatException when the card has the previous card's uid
         * @throws IllegalArgumentException when the card comes out of {@link #NOTE_ORDER} or its deck was not named
         */
        public void add(ExportCard card, CollectionSink sink) {
            if (previous != null) {
                int order = NOTE_ORDER.compare(previous, card);
                if (order == 0 || previous.uid().equals(card.uid())) {
                    throw AnkiFormatException.worded("exportSharedUid", card.uid());
                }
                if (order > 0) {
                    throw new IllegalArgumentException("card " + card.uid() + " comes after " + previous.uid());
                }
            }
            previous = card;
            Long deckId = deckIds.get(card.deckName());
            if (deckId == null) {
                throw new IllegalArgumentException("deck " + card.deckName() + " was not named when the export began");
            }
            long id = Math.max(card.created().toEpochMilli(), lastId + 1);
            lastId = id;
            long modified = card.modified().getEpochSecond();
            sink.note(new AnkiNote(id, PrepdeckGuids.guidFor(card.uid()), NOTE_TYPE_ID, modified, tags(card.tags()),
                    List.of(html.html(card.question()), html.html(card.answer()))));
            if (card.schedule() == null || card.schedule().card().state() == State.NEW) {
                newPosition++;
            }
            sink.card(AnkiExport.card(id, deckId, modified, card, newPosition, timing, options));
            reviews(id, card.reviews(), sink);
        }
    }

    /** Anki tags cannot hold spaces; a space inside a prepdeck tag becomes an underscore. */
    private static List<String> tags(List<String> tags) {
        Set<String> result = new LinkedHashSet<>();
        for (String tag : tags) {
            String cleaned = tag.strip().replaceAll("\\s+", "_");
            if (!cleaned.isEmpty()) {
                result.add(cleaned);
            }
        }
        return List.copyOf(result);
    }

    /**
     * The collection is "created" at the start of the learner's day (at the rollover hour) that holds the earliest
     * of today, the cards' creation, their reviews and their due dates: no day number is negative and no review
     * predates the collection.
     */
    private static CollectionTiming timing(Instant cardsEarliest, ExportOptions options) {
        Instant earliest = cardsEarliest == null ? options.now() : earliest(options.now(), cardsEarliest);
        LocalDateTime local = LocalDateTime.ofInstant(earliest, options.zone());
        LocalDate day = local.getHour() < options.rolloverHour() ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        ZonedDateTime start = day.atTime(options.rolloverHour(), 0).atZone(options.zone());
        int minutesWest = -start.getOffset().getTotalSeconds() / 60;
        return new CollectionTiming(start.toEpochSecond(), minutesWest, options.rolloverHour());
    }

    /** Every deck the cards are in, with each parent level too, sorted by name. */
    private static List<AnkiDeck> decks(Collection<String> deckNames, ExportOptions options) {
        Set<String> names = new TreeSet<>();
        for (String deckName : deckNames) {
            String[] levels = deckName.split(AnkiDeck.SEPARATOR, -1);
            for (String level : levels) {
                if (level.isBlank()) {
                    throw AnkiFormatException.worded("exportEmptyLevel", deckName);
                }
            }
            for (int i = 1; i <= levels.length; i++) {
                names.add(String.join(AnkiDeck.SEPARATOR, List.of(levels).subList(0, i)));
            }
        }
        List<AnkiDeck> decks = new ArrayList<>();
        // Anki expects its Default deck (id 1) in every collection
        decks.add(new AnkiDeck(DEFAULT_DECK_ID, "Default", "", false));
        long id = FIRST_DECK_ID;
        for (String name : names) {
            if (name.equals("Default")) {
                continue;
            }
            decks.add(new AnkiDeck(id++, name, options.deckDescriptions().getOrDefault(name, ""), false));
        }
        return decks;
    }

    private static AnkiCard card(long id, long deckId, long modified, ExportCard card, int newPosition,
            CollectionTiming timing, ExportOptions options) {
        ExportSchedule schedule = card.schedule();
        if (schedule == null || schedule.card().state() == State.NEW) {
            boolean suspended = schedule != null && schedule.suspended();
            return new AnkiCard(id, id, deckId, 0, modified, CardType.NEW, suspended ? CardQueue.SUSPENDED
                    : CardQueue.NEW, newPosition, 0, 0, 0, 0, 0, 0, 0, card.flag(), MemoryState.NONE, null);
        }
        FsrsCard fsrs = schedule.card();
        CardType type = switch (fsrs.state()) {
            case LEARNING -> CardType.LEARNING;
            case RELEARNING -> CardType.RELEARNING;
            default -> CardType.REVIEW;
        };
        CardQueue queue;
        long due;
        int interval;
        if (type == CardType.REVIEW) {
            queue = CardQueue.REVIEW;
            due = timing.dayNumber(fsrs.due(), options.zone());
            interval = Math.max(1, fsrs.scheduledDays());
        } else if (fsrs.scheduledDays() >= 1) {
            queue = CardQueue.DAY_LEARNING;
            due = timing.dayNumber(fsrs.due(), options.zone());
            interval = type == CardType.RELEARNING ? fsrs.scheduledDays() : 0;
        } else {
            queue = CardQueue.LEARNING;
            due = fsrs.due().getEpochSecond();
            interval = type == CardType.RELEARNING ? Math.max(1, fsrs.scheduledDays()) : 0;
        }
        if (schedule.suspended()) {
            queue = CardQueue.SUSPENDED;
        }
        MemoryState memory = new MemoryState(fsrs.stability(), fsrs.difficulty(), schedule.desiredRetention(),
                schedule.decay(), fsrs.lastReview() == null ? null : fsrs.lastReview().getEpochSecond());
        int left = type == CardType.REVIEW ? 0 : Math.max(0, schedule.remainingSteps());
        return new AnkiCard(id, id, deckId, 0, modified, type, queue, due, interval, STARTING_EASE, fsrs.reps(),
                fsrs.lapses(), left, 0, 0, card.flag(), memory, null);
    }

    /** Each review keeps its time as its id, one millisecond later while the sink has that id already. */
    private static void reviews(long cardId, List<ExportReview> reviews, CollectionSink sink) {
        int previousInterval = 0;
        for (ExportReview review : reviews) {
            int interval = review.scheduledDaysAfter() > 0 ? review.scheduledDaysAfter()
                    : -(int) Math.max(1, Duration.between(review.reviewedAt(), review.dueAfter()).toSeconds());
            int lastInterval = review.stateBefore() == State.REVIEW ? review.scheduledDaysBefore() : previousInterval;
            RevlogKind kind = switch (review.stateBefore()) {
                case NEW, LEARNING -> RevlogKind.LEARNING;
                case REVIEW -> RevlogKind.REVIEW;
                case RELEARNING -> RevlogKind.RELEARNING;
            };
            int factor = difficultyFactor(review.difficultyAfter());
            int timeMs = Math.max(0, review.durationMs());
            long id = review.reviewedAt().toEpochMilli();
            while (!sink.revlog(new RevlogEntry(id, cardId, review.rating().value(), interval, lastInterval, factor,
                    timeMs, kind))) {
                id++;
            }
            previousInterval = interval;
        }
    }

    /** Anki keeps an FSRS review's difficulty in revlog.factor as (d − 1) / 9 + 0.1, in thousandths. */
    static int difficultyFactor(double difficulty) {
        if (difficulty <= 0) {
            return 0;
        }
        return (int) Math.round(((difficulty - 1) / 9 + 0.1) * 1000);
    }
}
