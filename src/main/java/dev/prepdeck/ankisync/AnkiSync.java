package dev.prepdeck.ankisync;

import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.anki.PrepdeckGuids;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.CollectionFile;
import dev.prepdeck.anki.apkg.PackageReader;
import dev.prepdeck.anki.apkg.PackageWriter;
import dev.prepdeck.anki.exporting.AnkiExport;
import dev.prepdeck.anki.exporting.ExportCard;
import dev.prepdeck.anki.exporting.ExportOptions;
import dev.prepdeck.anki.exporting.ExportReview;
import dev.prepdeck.anki.exporting.ExportSchedule;
import dev.prepdeck.anki.importing.AnkiImport;
import dev.prepdeck.anki.importing.ImportOptions;
import dev.prepdeck.anki.importing.ImportedCard;
import dev.prepdeck.anki.importing.ImportedReview;
import dev.prepdeck.anki.importing.ImportedSchedule;
import dev.prepdeck.anki.importing.MemorySource;
import dev.prepdeck.anki.render.HtmlToMarkdown;
import dev.prepdeck.anki.text.AnkiTextReader;
import dev.prepdeck.anki.text.AnkiTextWriter;
import dev.prepdeck.anki.text.ColumnMapping;
import dev.prepdeck.anki.text.TextCard;
import dev.prepdeck.anki.text.TextFile;
import dev.prepdeck.ankisync.AnkiSyncRepository.ExportRow;
import dev.prepdeck.ankisync.AnkiSyncRepository.LoggedReview;
import dev.prepdeck.ankisync.AnkiSyncRepository.NewCard;
import dev.prepdeck.ankisync.AnkiSyncRepository.NewState;
import dev.prepdeck.ankisync.AnkiSyncRepository.ReviewRow;
import dev.prepdeck.ankisync.AnkiSyncRepository.StoredCard;
import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.deck.DeckTree;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.Notice;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.StudyDay;
import dev.prepdeck.web.MediaLinks;
import dev.prepdeck.web.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Anki packages into and out of the collection.
 *
 * <p>An import checks the package's codes first, then reads its cards a page at a time, with their notes and review
 * history, and writes each card, its scheduling state, its reviews and the media it shows as it goes, all in one
 * transaction: a package that cannot be read, even on its last page, writes nothing, and a collection of any size
 * fits in a bounded heap. Cards are matched to stored ones by the uid their note's guid gives
 * ({@link dev.prepdeck.anki.PrepdeckGuids}), so importing the same package again, or a later export of the same Anki
 * deck, updates cards instead of adding copies, and only reviews newer than the stored history are added.
 *
 * <p>An export writes a deck with its sub-decks as a legacy .apkg that current Anki and AnkiDroid import, with the
 * learner's review history and FSRS state, read in one snapshot.
 */
public final class AnkiSync {
    /** Longest deck prefix accepted; deck names are shown whole in lists and headings. */
    static final int MAX_PREFIX = 200;
    /** Cards an export reads from the database, or an import from the package, at a time, with their history. */
    private static final int PAGE = 500;
    private static final List<String> TEXT_EXTENSIONS = List.of(".csv", ".tsv", ".txt");

    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final ReviewRepository reviews;
    private final MediaStore media;
    private final AnkiSyncRepository sync = new AnkiSyncRepository();
    private final PackageReader reader = new PackageReader();
    private final Clock clock;

    public AnkiSync(Jdbi jdbi, DeckRepository decks, ReviewRepository reviews, MediaStore media, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.reviews = reviews;
        this.media = media;
        this.clock = clock;
    }

    /**
     * Imports the package at {@code file}. Anki's decks become decks of the same name, under {@code deckPrefix}
     * when it is not blank.
     *
     * @throws InvalidInputException naming the file and the problem when it is not a package prepdeck can read,
     *                               or the prefix is not a deck name; nothing is written then
     */
    public ImportReport importPackage(long learnerId, Path file, String deckPrefix) {
        String prefix = checkedPrefix(deckPrefix);
        Learner learner = jdbi.withHandle(h -> reviews.learner(h, learnerId));
        Instant now = clock.instant();
        ImportOptions options = new ImportOptions(learner.zone(), now,
                FsrsParameters.defaults().withEnableFuzz(false), new HtmlToMarkdown(AnkiSync::mediaLink));
        try (AnkiPackage pkg = reader.open(file)) {
            AnkiImport.Pages conversion = new AnkiImport().pages(options);
            StudyDay today = StudyDay.containing(now, learner.zone(), learner.rolloverHour());
            Notice format = Notice.of("anki.format.package", pkg.version().collectionEntry(),
                    String.valueOf(pkg.schemaVersion()));
            String name = file.getFileName().toString();
            return jdbi.inTransaction(h -> {
                Run run = new Run(h, learner.id(), prefix, today, now, new ArrayList<>(pkg.warnings()));
                pkg.forEachPage(PAGE, page -> {
                    AnkiImport.Result result = conversion.cards(page);
                    run.storeMedia(run.mediaOf(pkg, result.cards()));
                    run.storeCards(result);
                });
                return run.report(name, format);
            });
        } catch (AnkiFormatException e) {
            throw new InvalidInputException("file", e.getMessage(), e.key(), e.arguments());
        }
    }

    /** Imports a text file (.csv, .tsv, .txt) or else a package, by the file's extension. */
    public ImportReport importFile(long learnerId, Path file, String deckPrefix) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return TEXT_EXTENSIONS.stream().anyMatch(name::endsWith) ? importText(learnerId, file, deckPrefix)
                : importPackage(learnerId, file, deckPrefix);
    }

    /**
     * Imports a CSV or TSV file in Anki's text format (its # headers, quoting, a Quizlet export) as new cards, one
     * per row, with the columns its headers or labels suggest. A row's deck is its deck column, else the file's
     * #deck, else the file's name; its identity is its guid column, else its question, so importing the file again
     * updates instead of copying.
     *
     * @throws InvalidInputException naming the file and line when it cannot be read; nothing is written then
     */
    public ImportReport importText(long learnerId, Path file, String deckPrefix) {
        return importText(learnerId, file, deckPrefix, null);
    }

    /**
     * Reads a text file for the preview page: its columns, first rows and the mapping its headers suggest.
     *
     * @throws InvalidInputException naming the file and line when it cannot be read
     */
    public TextFile readText(Path file) {
        try {
            return new AnkiTextReader().read(file);
        } catch (AnkiFormatException e) {
            throw new InvalidInputException("file", e.getMessage(), e.key(), e.arguments());
        }
    }

    /**
     * As {@link #importText(long, Path, String)} with the columns the learner chose on the preview page ({@code null}:
     * the suggested ones).
     *
     * @throws InvalidInputException when the mapping names a column the file does not have, or one column twice
     */
    public ImportReport importText(long learnerId, Path file, String deckPrefix, ColumnMapping chosen) {
        String prefix = checkedPrefix(deckPrefix);
        Instant now = clock.instant();
        Learner learner = jdbi.withHandle(h -> reviews.learner(h, learnerId));
        String name = file.getFileName().toString();
        TextFile text = readText(file);
        ColumnMapping mapping = chosen == null ? text.suggested() : checkedMapping(text, chosen);
        List<TextCard> rows;
        try {
            rows = text.cards(mapping, new HtmlToMarkdown(AnkiSync::mediaLink));
        } catch (AnkiFormatException e) {
            throw new InvalidInputException("file", e.getMessage(), e.key(), e.arguments());
        }
        int dot = name.lastIndexOf('.');
        String fileDeck = (dot > 0 ? name.substring(0, dot) : name).strip();
        ImportedSchedule fresh = new ImportedSchedule(FsrsCard.newCard(now), MemorySource.NONE, false, false, 0,
                null, null);
        Map<String, Integer> firstLines = new HashMap<>();
        List<ImportedCard> cards = new ArrayList<>();
        List<Notice> skipped = new ArrayList<>();
        for (TextCard row : rows) {
            String identity = row.guid() != null ? row.guid() : "text:" + row.question();
            String uid = PrepdeckGuids.uidForNote(identity);
            Integer first = firstLines.putIfAbsent(uid, row.line());
            if (first != null) {
                skipped.add(Notice.of(row.guid() != null ? "anki.skipped.sameGuidLine" : "anki.skipped.sameQuestionLine",
                        name, String.valueOf(row.line()), String.valueOf(first)));
                continue;
            }
            String deck = row.deck() != null && !row.deck().isBlank() ? row.deck()
                    : fileDeck.isEmpty() ? "Default" : fileDeck;
            cards.add(new ImportedCard(uid, identity, 0, 0, deck, row.question(), row.answer(), row.tags(), null,
                    null, false, Set.of(), now.getEpochSecond(), fresh, List.of(), 0, List.of()));
        }
        StudyDay today = StudyDay.containing(now, learner.zone(), learner.rolloverHour());
        Notice format = Notice.of(text.html() ? "anki.format.textHtml" : "anki.format.text", separatorName(text.separator()));
        return jdbi.inTransaction(h -> {
            Run run = new Run(h, learner.id(), prefix, today, now, new ArrayList<>());
            run.storeCards(new AnkiImport.Result(cards, skipped));
            return run.report(name, format);
        });
    }

    /** Each chosen column exists in the file and holds one part of the card. */
    static ColumnMapping checkedMapping(TextFile text, ColumnMapping mapping) {
        int width = text.columns().size();
        Map<Integer, String> used = new HashMap<>();
        String[] parts = {"question", "answer", "tags", "deck"};
        Integer[] columns = {mapping.question(), mapping.answer(), mapping.tags(), mapping.deck()};
        for (int i = 0; i < parts.length; i++) {
            Integer column = columns[i];
            if (column == null) {
                continue;
            }
            if (column < 0 || column >= width) {
                throw Messages.invalid(parts[i], "anki.error.noSuchColumn", new Messages.Label(parts[i]),
                        String.valueOf(column + 1), text.name(), String.valueOf(width));
            }
            String earlier = used.putIfAbsent(column, parts[i]);
            if (earlier != null) {
                // a column the file names is quoted by its name, any other by its number
                throw column < text.headers().columns().size()
                        ? Messages.invalid(parts[i], "anki.error.columnTwice", text.columns().get(column),
                                new Messages.Label(earlier), new Messages.Label(parts[i]))
                        : Messages.invalid(parts[i], "anki.error.columnTwiceNumbered", String.valueOf(column + 1),
                                new Messages.Label(earlier), new Messages.Label(parts[i]));
            }
        }
        return mapping;
    }

    private static Notice separatorName(char separator) {
        return switch (separator) {
            case '\t' -> Notice.of("anki.separator.tab");
            case ',' -> Notice.of("anki.separator.comma");
            case ';' -> Notice.of("anki.separator.semicolon");
            case '|' -> Notice.of("anki.separator.pipe");
            case ' ' -> Notice.of("anki.separator.space");
            default -> Notice.of("anki.separator.other", String.valueOf(separator));
        };
    }

    /** A blank prefix is none; otherwise each level of it must have text. */
    static String checkedPrefix(String deckPrefix) {
        String prefix = deckPrefix == null ? "" : deckPrefix.strip();
        if (prefix.isEmpty()) {
            return "";
        }
        if (prefix.length() > MAX_PREFIX) {
            throw Messages.invalid("prefix", "anki.error.prefixLength", String.valueOf(prefix.length()),
                    String.valueOf(MAX_PREFIX));
        }
        for (String level : prefix.split(Deck.SEPARATOR, -1)) {
            if (level.isBlank()) {
                throw Messages.invalid("prefix", "anki.error.prefixLevel", prefix);
            }
        }
        return prefix;
    }

    /** How the converted Markdown names a media file: media/NAME, percent-encoded so any name stays one link. */
    private static String mediaLink(String name) {
        return MediaLinks.FOLDER + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The card a warning is about, by its question shortened to fit a line. */
    private static String describe(ImportedCard card) {
        String question = card.question().strip().replaceAll("\\s+", " ");
        return question.length() > 60 ? question.substring(0, 57) + "..." : question;
    }

    /** One import's writes, all on the caller's transaction. */
    private final class Run {
        private final Handle h;
        private final long learnerId;
        private final String prefix;
        private final StudyDay today;
        private final long now;
        private final List<Notice> warnings;
        private final Map<String, Long> deckIds = new HashMap<>();
        private final Map<String, Optional<Long>> lookedUp = new HashMap<>();
        private final Map<Long, Deck> decksById = new HashMap<>();
        private final Map<Long, Integer> nextPositions = new HashMap<>();
        private final Set<String> deckNames = new LinkedHashSet<>();
        private int added;
        private int updated;
        private int unchanged;
        private int reviewsAdded;
        private int notAnswers;
        private int mediaStored;
        private final List<Notice> skipped = new ArrayList<>();
        private final Set<String> mediaSeen = new HashSet<>();
        private final Map<String, String> renames = new HashMap<>();
        /** Decks given a card whose Anki template asks to type the answer: practice mode is what prepdeck has for it. */
        private final Set<Long> typedAnswerDecks = new HashSet<>();

        Run(Handle h, long learnerId, String prefix, StudyDay today, Instant now, List<Notice> warnings) {
            this.h = h;
            this.learnerId = learnerId;
            this.prefix = prefix;
            this.today = today;
            this.now = now.toEpochMilli();
            this.warnings = warnings;
        }

        /** The files these cards show that no earlier page did, read from the package; a missing one is a warning. */
        List<MediaFile> mediaOf(AnkiPackage pkg, List<ImportedCard> cards) {
            Set<String> names = new TreeSet<>();
            for (ImportedCard card : cards) {
                for (String name : card.media()) {
                    if (!pkg.hasMedia(name)) {
                        warnings.add(Notice.of("anki.warning.mediaNotInPackage", describe(card), name));
                    } else if (mediaSeen.add(name)) {
                        names.add(name);
                    }
                }
            }
            List<MediaFile> files = new ArrayList<>();
            for (String name : names) {
                files.add(new MediaFile(name, pkg.readMedia(name)));
            }
            return files;
        }

        /** Stores the files before the cards that show them, which link to the name the store gave each. */
        void storeMedia(List<MediaFile> files) {
            for (MediaFile file : files) {
                try {
                    String name = media.put(h, file.name(), file.content()).name();
                    mediaStored++;
                    if (!name.equals(file.name())) {
                        renames.put(file.name(), name);
                    }
                } catch (InvalidInputException e) {
                    warnings.add(Notice.of("anki.warning.mediaRefused", Notice.of(e)));
                }
            }
        }

        void storeCards(AnkiImport.Result result) {
            skipped.addAll(result.skipped());
            Set<String> uids = new HashSet<>();
            result.cards().forEach(card -> uids.add(card.uid()));
            Map<String, List<StoredCard>> existing = sync.cardsByUid(h, learnerId, uids);
            List<Placed> fresh = new ArrayList<>();
            for (ImportedCard card : result.cards()) {
                notAnswers += card.skippedReviews();
                card.warnings().forEach(w -> warnings.add(Notice.of("anki.warning.onCard", describe(card), w)));
                String question = MediaLinks.rename(card.question(), renames);
                String answer = MediaLinks.rename(card.answer(), renames);
                String deckName = prefix.isEmpty() ? card.deckName() : prefix + Deck.SEPARATOR + card.deckName();
                Optional<StoredCard> match = match(existing.getOrDefault(card.uid(), List.of()), deckName);
                if (match.isPresent()) {
                    update(match.get(), card, question, answer);
                } else {
                    fresh.add(placed(card, deckName, question, answer));
                }
            }
            insert(fresh);
        }

        ImportReport report(String fileName, Notice format) {
            typedAnswerDecks.forEach(deckId -> sync.practiceModeUnlessChosen(h, deckId));
            return new ImportReport(fileName, format, List.copyOf(new TreeSet<>(deckNames)), added, updated,
                    unchanged, reviewsAdded, notAnswers, mediaStored, skipped, warnings);
        }

        /** The stored card in the package's deck, else the only one elsewhere; a uid in several decks is ambiguous. */
        private Optional<StoredCard> match(List<StoredCard> candidates, String deckName) {
            Long wanted = existingDeckId(deckName);
            for (StoredCard candidate : candidates) {
                if (wanted != null && candidate.deckId() == wanted) {
                    return Optional.of(candidate);
                }
            }
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }

        private Long existingDeckId(String name) {
            Long known = deckIds.get(name);
            return known != null ? known
                    : lookedUp.computeIfAbsent(name, n -> decks.deckByName(h, n).map(Deck::id)
                            .flatMap(id -> decks.deck(h, learnerId, id)).map(Deck::id)).orElse(null);
        }

        /** The deck the imported cards go to, made with its parents when missing; a deck file's deck is refused. */
        private long deckFor(String name) {
            Long known = deckIds.get(name);
            if (known != null) {
                return known;
            }
            Optional<Deck> deck = decks.deckByName(h, name).map(d -> decks.visibleOrTaken(h, learnerId, d));
            if (deck.isPresent() && deck.get().sourcePath() != null) {
                throw Messages.invalid("prefix", "anki.error.deckFromFile", name, deck.get().sourcePath());
            }
            long id = deck.isPresent() ? deck.get().id() : decks.ensureDeckPath(h, name, now, learnerId);
            deckIds.put(name, id);
            return id;
        }

        private Deck deck(long id) {
            return decksById.computeIfAbsent(id, d -> decks.deck(h, learnerId, d).orElseThrow());
        }

        private int nextPosition(long deckId) {
            int position = nextPositions.computeIfAbsent(deckId, d -> decks.nextPosition(h, d));
            nextPositions.put(deckId, position + 1);
            return position;
        }

        /** A card to add, with the deck (made when missing) and place it goes to. */
        private record Placed(ImportedCard card, NewCard row) {
        }

        private Placed placed(ImportedCard card, String deckName, String question, String answer) {
            long deckId = deckFor(deckName);
            deckNames.add(deckName);
            if (card.practice()) {
                typedAnswerDecks.add(deckId);
            }
            long created = card.ankiCardId() > 0 && card.ankiCardId() < now ? card.ankiCardId() : now;
            return new Placed(card, new NewCard(deckId, card.uid(), question, answer, Card.joinTags(card.tags()),
                    nextPosition(deckId), created, Math.max(created, card.modifiedSeconds() * 1000)));
        }

        /**
         * Adds a page's new cards with their reviews and states, a prepared batch for each kind of row, the search
         * index filled after the cards rather than by a trigger per card.
         */
        private void insert(List<Placed> fresh) {
            if (fresh.isEmpty()) {
                return;
            }
            Map<Long, Map<String, Long>> ids = new HashMap<>();
            decks.indexingAfter(h, () -> ids.putAll(sync.insertCards(h, fresh.stream().map(Placed::row).toList())));
            List<ReviewRow> history = new ArrayList<>();
            List<NewState> states = new ArrayList<>();
            for (Placed placed : fresh) {
                long cardId = ids.get(placed.row().deckId()).get(placed.row().uid());
                ImportedCard card = placed.card();
                card.reviews().forEach(r -> history.add(new ReviewRow(cardId, r.reviewedAt(), r.rating(),
                        r.durationMs(), r.before(), r.after())));
                ImportedSchedule schedule = card.schedule();
                states.add(new NewState(cardId, schedule.card(), schedule.suspended(), schedule.flag(),
                        buriedUntil(schedule)));
            }
            sync.insertStates(h, learnerId, states, now);
            sync.insertReviews(h, learnerId, history);
            reviewsAdded += history.size();
            added += fresh.size();
        }

        /**
         * A card already here stays in its deck, as Anki leaves an updated note's cards where they are: its text and
         * tags follow the package unless a deck file owns it (the file is where it is edited); reviews newer than its
         * stored history are added, and its schedule then follows the package's.
         */
        private void update(StoredCard stored, ImportedCard card, String question, String answer) {
            boolean changed = false;
            Deck current = deck(stored.deckId());
            deckNames.add(current.name());
            String tags = Card.joinTags(card.tags());
            if (current.sourcePath() == null) {
                if (!stored.question().equals(question) || !stored.answer().equals(answer)
                        || !stored.tags().equals(tags)) {
                    sync.updateText(h, stored.id(), question, answer, tags, now);
                    changed = true;
                }
            }
            Long last = sync.lastReviewedAt(h, learnerId, stored.id());
            List<ImportedReview> newer = card.reviews().stream()
                    .filter(r -> last == null || r.reviewedAt().toEpochMilli() > last)
                    .toList();
            if (!newer.isEmpty()) {
                addReviews(stored.id(), newer);
                changed = true;
            }
            if (!newer.isEmpty() || last == null && card.schedule().card().state() != State.NEW) {
                saveSchedule(stored.id(), card);
                changed = true;
            }
            if (changed) {
                updated++;
            } else {
                unchanged++;
            }
        }

        private void addReviews(long cardId, List<ImportedReview> history) {
            List<ReviewRow> rows = history.stream()
                    .map(r -> new ReviewRow(cardId, r.reviewedAt(), r.rating(), r.durationMs(), r.before(), r.after()))
                    .toList();
            sync.insertReviews(h, learnerId, rows);
            reviewsAdded += rows.size();
        }

        private void saveSchedule(long cardId, ImportedCard card) {
            sync.saveSchedule(h, learnerId, cardId, card.schedule().card(), card.schedule().suspended(),
                    card.schedule().flag(), buriedUntil(card.schedule()));
        }

        /** Anki's burying lasts until the learner's next day. */
        private Long buriedUntil(ImportedSchedule schedule) {
            return schedule.buried() ? today.end().toEpochMilli() : null;
        }
    }

    /**
     * Writes the deck with its sub-decks to {@code out} as an .apkg.
     *
     * @throws NotFoundException when there is no such deck
     */
    public ExportReport exportDeck(long learnerId, long deckId, Path out) {
        return writePackage(learnerId, h -> deckCards(h, learnerId, deckId), out);
    }

    /** As {@link #exportDeck(long, long, Path)}, for the deck with this full name. */
    public ExportReport exportDeck(long learnerId, String deckName, Path out) {
        return exportDeck(learnerId, deckId(learnerId, deckName), out);
    }

    /**
     * Writes the cards a search matched (their ids, from the search feature) as an .apkg named {@code label}.
     *
     * @throws InvalidInputException when no card matched: an empty package helps no one
     */
    public ExportReport exportCards(long learnerId, String label, List<Long> cardIds, Path out) {
        if (cardIds.isEmpty()) {
            throw Messages.invalid("q", "anki.error.nothingToExport", label);
        }
        return writePackage(learnerId, h -> new Selection(label, cardIds, decks.allDecks(h, learnerId)), out);
    }

    /**
     * Writes every deck the learner sees, with the learner's review history and schedules, as one .apkg named
     * {@code label}: the learner's own copy of their data where the database's backups are not prepdeck's
     * (PostgreSQL).
     *
     * @throws InvalidInputException when the learner sees no card
     */
    public ExportReport exportEverything(long learnerId, String label, Path out) {
        List<Long> cardIds = Database.read(jdbi, h -> {
            List<Long> deckIds = decks.allDecks(h, learnerId).stream().map(Deck::id).toList();
            return sync.cardIdsInDecks(h, deckIds);
        });
        return exportCards(learnerId, label, cardIds, out);
    }

    /**
     * Writes the deck with its sub-decks to {@code out} as Anki's text format: a tab (TSV) or comma (CSV) separated
     * file with the # headers that tell Anki's importer the note type and the guid, deck and tags columns. Media
     * stay out (a text file cannot carry them); the fields name them as Anki's collection.media does.
     *
     * @throws NotFoundException when there is no such deck
     */
    public ExportReport exportDeckText(long learnerId, long deckId, Writer out, char separator) {
        return Database.read(jdbi, h -> {
            Selection selection = deckCards(h, learnerId, deckId);
            Set<String> shared = sync.sharedUids(h, learnerId, selection.decks().stream().map(Deck::id).toList());
            AnkiTextWriter.Rows rows = new AnkiTextWriter(target -> MediaLinks.name(target).orElse(target))
                    .start(out, separator);
            int cards = 0;
            for (List<Long> page : pages(selection.cardIds())) {
                for (ExportRow row : sync.exportRows(h, learnerId, page)) {
                    rows.add(exportCard(row, shared.contains(row.uid()) ? row.deckName() + "/" + row.uid() : row.uid(),
                            null, List.of()));
                    cards++;
                }
            }
            rows.finish();
            return new ExportReport(selection.label(), cards, 0, 0, List.of());
        });
    }

    /** As {@link #exportDeckText(long, long, Writer, char)}, for the deck with this full name. */
    public ExportReport exportDeckText(long learnerId, String deckName, Writer out, char separator) {
        return exportDeckText(learnerId, deckId(learnerId, deckName), out, separator);
    }

    private long deckId(long learnerId, String deckName) {
        return jdbi.withHandle(h -> decks.deckByName(h, deckName).flatMap(d -> decks.deck(h, learnerId, d.id())))
                .orElseThrow(() -> new NotFoundException("deck", deckName)).id();
    }

    /** Every deck the learner sees, by name, for the export list. */
    public List<Deck> decks(long learnerId) {
        return jdbi.withHandle(h -> decks.allDecks(h, learnerId));
    }

    /** The deck's full name, for naming a download. */
    public String deckName(long learnerId, long deckId) {
        return jdbi.withHandle(h -> decks.deck(h, learnerId, deckId)).orElseThrow(() -> new NotFoundException("deck", deckId))
                .name();
    }

    /** What to export: the cards, and the decks whose settings and descriptions they carry. */
    private record Selection(String label, List<Long> cardIds, List<Deck> decks) {
    }

    private Selection deckCards(Handle h, long learnerId, long deckId) {
        Deck deck = decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
        DeckTree tree = decks.tree(h, learnerId);
        return new Selection(deck.name(), sync.cardIdsInDecks(h, tree.scope(deck).deckIds()), tree.members(deck));
    }

    /**
     * Writes the selected cards as a package to {@code out} from one snapshot, in bounded memory: a first pass reads
     * what orders the cards into a scratch file ({@link ExportOrder}), a second reads them a page at a time in that
     * order, with their history, into the package's collection file on disk, which is then zipped with the media,
     * one file at a time.
     */
    private ExportReport writePackage(long learnerId, Function<Handle, Selection> select, Path out) {
        Instant now = clock.instant();
        Path collection = null;
        try {
            collection = Files.createTempFile("prepdeck-anki-export-", ".anki2");
            Files.delete(collection);
            Path file = collection;
            return Database.read(jdbi, h -> writePackage(h, learnerId, select.apply(h), now, file, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (collection != null) {
                collection.toFile().delete();
            }
        }
    }

    private ExportReport writePackage(Handle h, long learnerId, Selection selection, Instant now, Path collection,
            Path out) {
        Learner learner = reviews.learner(h, learnerId);
        Map<Long, FsrsParameters> parameters = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        for (Deck member : selection.decks()) {
            parameters.put(member.id(), parametersOf(member));
            if (member.description() != null && !member.description().isBlank()) {
                descriptions.put(member.name(), member.description());
            }
        }
        ExportOptions options = new ExportOptions(learner.zone(), learner.rolloverHour(), now,
                target -> MediaLinks.name(target).orElse(target), descriptions);
        try (ExportOrder order = ExportOrder.create()) {
            Instant earliest = null;
            for (List<Long> page : pages(selection.cardIds())) {
                List<Instant> times = new ArrayList<>();
                sync.exportKeys(h, learner.id(), page, key -> {
                    order.add(new ExportOrder.Key(key.id(), key.uid(), key.deckName(), key.createdAt()));
                    times.add(Instant.ofEpochMilli(key.createdAt()));
                    if (key.scheduledDue() != null) {
                        times.add(Instant.ofEpochMilli(key.scheduledDue()));
                    }
                });
                Long firstReview = sync.earliestReview(h, learner.id(), page);
                if (firstReview != null) {
                    times.add(Instant.ofEpochMilli(firstReview));
                }
                for (Instant time : times) {
                    earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
                }
            }
            Optional<String> shared = order.sharedUid();
            if (shared.isPresent()) {
                throw AnkiFormatException.worded("exportSharedUid", shared.get());
            }
            AnkiExport.Writer writer = new AnkiExport().writer(earliest, order.deckNames(), options);
            int[] counts = new int[2];
            try (CollectionFile file = CollectionFile.create(collection, writer.timing(),
                    List.of(AnkiExport.noteType()), writer.decks(), clock)) {
                order.forEachPage(PAGE, page -> {
                    List<Long> ids = page.stream().map(ExportOrder.Next::cardId).toList();
                    Map<Long, ExportRow> rows = new HashMap<>();
                    sync.exportRows(h, learner.id(), ids).forEach(row -> rows.put(row.id(), row));
                    Map<Long, List<ExportReview>> history = new HashMap<>();
                    for (LoggedReview r : sync.reviews(h, learner.id(), ids)) {
                        history.computeIfAbsent(r.cardId(), id -> new ArrayList<>()).add(new ExportReview(
                                Instant.ofEpochMilli(r.reviewedAt()), r.rating(), r.durationMs(), r.stateBefore(),
                                r.scheduledDaysBefore(), r.scheduledDaysAfter(), Instant.ofEpochMilli(r.dueAfter()),
                                r.difficultyAfter()));
                        counts[1]++;
                    }
                    for (ExportOrder.Next next : page) {
                        ExportRow row = rows.get(next.cardId());
                        writer.add(exportCard(row, next.uid(),
                                parameters.getOrDefault(row.deckId(), FsrsParameters.defaults()),
                                history.getOrDefault(row.id(), List.of())), file);
                        counts[0]++;
                    }
                });
                file.finish();
            }
            List<String> present = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (String name : new TreeSet<>(writer.mediaNames())) {
                if (media.exists(h, name)) {
                    present.add(name);
                } else {
                    warnings.add("media/" + name + " is not stored, so the package goes without it");
                }
            }
            new PackageWriter(clock).zip(collection, present, (name, to) -> to.write(media.bytes(h, name).orElseThrow()),
                    out);
            return new ExportReport(selection.label(), counts[0], counts[1], present.size(), warnings);
        }
    }

    /** Card ids a page at a time. */
    private static List<List<Long>> pages(List<Long> cardIds) {
        List<List<Long>> pages = new ArrayList<>();
        for (int from = 0; from < cardIds.size(); from += PAGE) {
            pages.add(cardIds.subList(from, Math.min(cardIds.size(), from + PAGE)));
        }
        return pages;
    }

    /**
     * A stored card as it leaves: {@code parameters} null for a text file, which carries no schedule; a card never
     * studied and not suspended goes without one too.
     */
    private static ExportCard exportCard(ExportRow row, String uid, FsrsParameters parameters,
            List<ExportReview> history) {
        ExportSchedule schedule = parameters == null || row.state() == State.NEW && !row.suspended() ? null
                : new ExportSchedule(row.fsrs(), remainingSteps(row, parameters), row.suspended(),
                parameters.requestRetention(), parameters.w()[20]);
        return new ExportCard(uid, row.deckName(), row.question(), row.answer(), Card.splitTags(row.tags()),
                Instant.ofEpochMilli(row.createdAt()), Instant.ofEpochMilli(row.updatedAt()), schedule, history,
                row.flag());
    }

    /** A deck's FSRS parameters; settings stored by hand that no longer build fall back to the defaults. */
    private static FsrsParameters parametersOf(Deck deck) {
        try {
            return DeckSettings.of(deck).toFsrsParameters();
        } catch (InvalidInputException e) {
            return FsrsParameters.defaults();
        }
    }

    /** (Re)learning steps still to go, which Anki keeps in cards.left. */
    private static int remainingSteps(ExportRow row, FsrsParameters p) {
        int steps = switch (row.state()) {
            case LEARNING -> p.learningSteps().size();
            case RELEARNING -> p.relearningSteps().size();
            default -> 0;
        };
        return Math.max(0, steps - row.learningSteps());
    }
}
