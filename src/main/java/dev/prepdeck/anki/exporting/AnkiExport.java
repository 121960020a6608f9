package dev.prepdeck.anki.exporting;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.CardType;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
        for (ExportCard card : cards) {
            if (!uids.add(card.uid())) {
                throw AnkiFormatException.worded("exportSharedUid", card.uid());
            }
        }
        CollectionTiming timing = timing(cards, options);
        List<AnkiDeck> decks = decks(cards, options);
        MarkdownToAnkiHtml html = new MarkdownToAnkiHtml(options.mediaName());

        List<ExportCard> ordered = new ArrayList<>(cards);
        ordered.sort(Comparator.comparing(ExportCard::created).thenComparing(ExportCard::uid));
        List<AnkiNote> notes = new ArrayList<>();
        List<AnkiCard> ankiCards = new ArrayList<>();
        List<RevlogEntry> revlog = new ArrayList<>();
        Set<Long> revlogIds = new HashSet<>();
        long lastId = 0;
        int newPosition = 0;
        for (ExportCard card : ordered) {
            long id = Math.max(card.created().toEpochMilli(), lastId + 1);
            lastId = id;
            long modified = card.modified().getEpochSecond();
            notes.add(new AnkiNote(id, PrepdeckGuids.guidFor(card.uid()), NOTE_TYPE_ID, modified, tags(card.tags()),
                    List.of(html.html(card.question()), html.html(card.answer()))));
            long deckId = decks.stream().filter(d -> d.name().equals(card.deckName())).findFirst().orElseThrow().id();
            if (card.schedule() == null || card.schedule().card().state() == State.NEW) {
                newPosition++;
            }
            ankiCards.add(card(id, deckId, modified, card, newPosition, timing, options));
            revlog.addAll(reviews(id, card.reviews(), revlogIds));
        }
        revlog.sort(Comparator.comparingLong(RevlogEntry::id));
        AnkiCollection collection = new AnkiCollection(timing, List.of(noteType()), decks, notes, ankiCards, revlog);
        return new Result(collection, html.media());
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
    private static CollectionTiming timing(List<ExportCard> cards, ExportOptions options) {
        Instant earliest = options.now();
        for (ExportCard card : cards) {
            List<Instant> times = new ArrayList<>();
            times.add(card.created());
            card.reviews().forEach(review -> times.add(review.reviewedAt()));
            if (card.schedule() != null) {
                times.add(card.schedule().card().due());
            }
            for (Instant time : times) {
                if (time.isBefore(earliest)) {
                    earliest = time;
                }
            }
        }
        LocalDateTime local = LocalDateTime.ofInstant(earliest, options.zone());
        LocalDate day = local.getHour() < options.rolloverHour() ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        ZonedDateTime start = day.atTime(options.rolloverHour(), 0).atZone(options.zone());
        int minutesWest = -start.getOffset().getTotalSeconds() / 60;
        return new CollectionTiming(start.toEpochSecond(), minutesWest, options.rolloverHour());
    }

    /** Every deck the cards are in, with each parent level too, sorted by name. */
    private static List<AnkiDeck> decks(List<ExportCard> cards, ExportOptions options) {
        Set<String> names = new TreeSet<>();
        for (ExportCard card : cards) {
            String[] levels = card.deckName().split(AnkiDeck.SEPARATOR, -1);
            for (String level : levels) {
                if (level.isBlank()) {
                    throw AnkiFormatException.worded("exportEmptyLevel", card.deckName());
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

    private static List<RevlogEntry> reviews(long cardId, List<ExportReview> reviews, Set<Long> usedIds) {
        List<RevlogEntry> entries = new ArrayList<>();
        int previousInterval = 0;
        for (ExportReview review : reviews) {
            long id = review.reviewedAt().toEpochMilli();
            while (!usedIds.add(id)) {
                id++;
            }
            int interval = review.scheduledDaysAfter() > 0 ? review.scheduledDaysAfter()
                    : -(int) Math.max(1, Duration.between(review.reviewedAt(), review.dueAfter()).toSeconds());
            int lastInterval = review.stateBefore() == State.REVIEW ? review.scheduledDaysBefore() : previousInterval;
            RevlogKind kind = switch (review.stateBefore()) {
                case NEW, LEARNING -> RevlogKind.LEARNING;
                case REVIEW -> RevlogKind.REVIEW;
                case RELEARNING -> RevlogKind.RELEARNING;
            };
            entries.add(new RevlogEntry(id, cardId, review.rating().value(), interval, lastInterval,
                    difficultyFactor(review.difficultyAfter()), Math.max(0, review.durationMs()), kind));
            previousInterval = interval;
        }
        return entries;
    }

    /** Anki keeps an FSRS review's difficulty in revlog.factor as (d − 1) / 9 + 0.1, in thousandths. */
    static int difficultyFactor(double difficulty) {
        if (difficulty <= 0) {
            return 0;
        }
        return (int) Math.round(((difficulty - 1) / 9 + 0.1) * 1000);
    }
}
