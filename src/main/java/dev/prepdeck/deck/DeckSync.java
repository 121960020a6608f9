package dev.prepdeck.deck;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.deck.file.DeckFileWriter;
import dev.prepdeck.deck.file.DeckFormatException;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.Notice;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.web.MediaLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Brings deck files into the database, one transaction per file.
 *
 * <p>A file whose bytes are unchanged since its last import is skipped, so edits made in the browser survive a
 * restart; once the file changes, the file wins. Cards are matched to stored ones by id, else by question, else
 * by answer, so an edited card keeps its review history. A card that left its file is suspended, not deleted.
 *
 * <p>Media a deck file references ({@code ![alt](media/NAME)}) are read from the {@code media/} folder beside it
 * and stored with its cards in the same transaction; they count as part of the file, so a changed image imports
 * the file again. A file the store renames (tidied, or other bytes under a taken name) is referenced by its new
 * name in the cards. A missing or unusable file is a warning, not a reason to refuse the deck.
 */
public final class DeckSync {
    /** Deck file metadata for the card's state: {@code <!-- suspended: yes -->} and {@code <!-- flag: 2 -->}. */
    static final String SUSPENDED = "suspended";
    static final String FLAG = "flag";

    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final MediaStore media;
    private final DeckFileParser parser = new DeckFileParser();
    private final Clock clock;

    public DeckSync(Jdbi jdbi, DeckRepository decks, MediaStore media, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.media = media;
        this.clock = clock;
    }

    /**
     * Imports every *.md file below {@code folder}, in path order, then deletes the bytes of media no card or
     * deck description references any more.
     */
    public SyncReport importFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        SyncReport report = new SyncReport();
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            try {
                importFile(relative, Files.readAllBytes(file), file.resolveSibling(MediaLinks.FOLDER), report);
            } catch (IOException e) {
                report.failed(relative, null, relative, Notice.of("sync.error.unreadable", String.valueOf(e.getMessage())));
            }
        }
        // Finding the references reads every card's text: not when no file's bytes are kept.
        List<String> unused = jdbi.inTransaction(h -> media.keepsAny(h)
                ? media.deleteUnused(h, referencedMedia(h)) : List.<String>of());
        report.mediaDeleted(unused.size());
        return report;
    }

    /**
     * Imports one file's content under its path relative to the decks folder, with the media it references
     * from {@code mediaFolder}.
     */
    public void importFile(String sourcePath, byte[] content, Path mediaFolder, SyncReport report) {
        List<MediaFile> files = readMedia(content, mediaFolder);
        String hash = sourceHash(content, files);
        if (unchanged(sourcePath, hash, report)) {
            return;
        }
        DeckFile parsed;
        try {
            parsed = parser.parse(sourcePath, content);
        } catch (DeckFormatException e) {
            report.failed(sourcePath, null, e.fileName() + ":" + e.line(), e.problem());
            return;
        }
        store(sourcePath, hash, parsed, files, report);
    }

    /**
     * Imports a deck that exists only in memory (made from notes) under {@code sourceKey}, with the same
     * transaction and card matching as a deck file, so importing a newer version of the same notes adds new
     * cards and updates changed ones while their review history stays. The media its cards reference are taken
     * from {@code mediaFiles} (name → bytes) and stored in the same transaction as the cards.
     */
    public void importDeck(String sourceKey, DeckFile deck, Map<String, byte[]> mediaFiles, SyncReport report) {
        byte[] content = new DeckFileWriter().write(deck).getBytes(StandardCharsets.UTF_8);
        List<MediaFile> files = new ArrayList<>();
        firstReferences(content).forEach((name, line) -> files.add(new MediaFile(name, line, mediaFiles.get(name), null)));
        String hash = sourceHash(content, files);
        if (!unchanged(sourceKey, hash, report)) {
            store(sourceKey, hash, deck, files, report);
        }
    }

    /** A source whose content hashes as at its last import is skipped, so browser edits since then survive. */
    private boolean unchanged(String sourceKey, String hash, SyncReport report) {
        Optional<Deck> known = jdbi.withHandle(h -> decks.deckBySource(h, sourceKey));
        if (known.isPresent() && hash.equals(known.get().sourceHash())) {
            report.unchanged(sourceKey, known.get());
            return true;
        }
        return false;
    }

    private void store(String sourceKey, String hash, DeckFile deck, List<MediaFile> files, SyncReport report) {
        List<Notice> warnings = new ArrayList<>();
        try {
            Stored stored = jdbi.inTransaction(h -> {
                Map<String, String> renames = storeMedia(h, sourceKey, files, warnings);
                return apply(h, sourceKey, hash, renamed(deck, renames));
            });
            report.imported(sourceKey, stored.deckId(), deck.name(), stored.changes());
            warnings.forEach(report::warned);
        } catch (DeckConflictException e) {
            report.failed(sourceKey, deck.name(), sourceKey, e.problem);
        }
    }

    /** A media file a deck file references: its bytes from the media folder, or why there are none. */
    private record MediaFile(String name, int line, byte[] bytes, Notice problem) {
    }

    /** The files a deck file references, each once (at its first reference), read before any transaction. */
    private static List<MediaFile> readMedia(byte[] content, Path mediaFolder) {
        List<MediaFile> files = new ArrayList<>();
        firstReferences(content).forEach((name, line) -> files.add(readMedia(name, line, mediaFolder)));
        return files;
    }

    /** Each media name the deck text references, with the line of its first reference. */
    private static Map<String, Integer> firstReferences(byte[] content) {
        Map<String, Integer> firstLines = new LinkedHashMap<>();
        for (MediaLinks.Reference reference : MediaLinks.find(new String(content, StandardCharsets.UTF_8))) {
            firstLines.putIfAbsent(reference.name(), reference.line());
        }
        return firstLines;
    }

    private static MediaFile readMedia(String name, int line, Path mediaFolder) {
        Path file = mediaFolder.resolve(name);
        if (!mediaFolder.equals(file.getParent())) {
            return new MediaFile(name, line, null, Notice.of("sync.warning.notAFileName"));
        }
        try {
            if (!Files.isRegularFile(file)) {
                return new MediaFile(name, line, null, null);
            }
            long size = Files.size(file);
            if (size > MediaStore.MAX_BYTES) {
                return new MediaFile(name, line, null, MediaStore.tooLarge(size));
            }
            return new MediaFile(name, line, Files.readAllBytes(file), null);
        } catch (IOException e) {
            return new MediaFile(name, line, null, Notice.of("sync.warning.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /** The file's own hash, or with media, a hash over it and every referenced file's content (or absence). */
    private static String sourceHash(byte[] content, List<MediaFile> files) {
        String fileHash = sha256(content);
        if (files.isEmpty()) {
            return fileHash;
        }
        StringBuilder all = new StringBuilder(fileHash).append('\n');
        for (MediaFile file : files) {
            all.append(file.name()).append('=')
                    .append(file.bytes() == null ? "-" : sha256(file.bytes())).append('\n');
        }
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stores the files in the caller's transaction and returns the references to rename (file name → name
     * stored), collecting a {@code file:line} warning for each file that cannot be shown.
     */
    private Map<String, String> storeMedia(Handle h, String sourceKey, List<MediaFile> files, List<Notice> warnings) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (MediaFile file : files) {
            String line = String.valueOf(file.line());
            String path = MediaLinks.FOLDER + "/" + file.name();
            if (file.problem() != null) {
                warnings.add(Notice.of("sync.warning.mediaUnusable", sourceKey, line, path, file.problem()));
            } else if (file.bytes() == null) {
                if (!media.exists(h, file.name())) {
                    warnings.add(Notice.of("sync.warning.mediaMissing", sourceKey, line, path));
                }
            } else {
                try {
                    String stored = media.put(h, file.name(), file.bytes()).name();
                    if (!stored.equals(file.name())) {
                        renames.put(file.name(), stored);
                    }
                } catch (InvalidInputException e) {
                    warnings.add(Notice.of("sync.warning.mediaRefused", sourceKey, line, Notice.of(e)));
                }
            }
        }
        return renames;
    }

    /** The deck with its references to renamed media pointing at their stored names. */
    private static DeckFile renamed(DeckFile deck, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return deck;
        }
        List<CardSource> cards = deck.cards().stream()
                .map(c -> new CardSource(c.id(), MediaLinks.rename(c.question(), renames),
                        MediaLinks.rename(c.answer(), renames), c.tags(), c.meta(), c.line()))
                .toList();
        return new DeckFile(deck.name(), MediaLinks.rename(deck.description(), renames), deck.tags(), cards);
    }

    /** Every media name a card or deck description references. */
    public Set<String> referencedMedia(Handle h) {
        Set<String> names = new HashSet<>();
        for (String text : decks.textsMentioningMedia(h)) {
            MediaLinks.find(text).forEach(reference -> names.add(reference.name()));
        }
        return names;
    }

    private Stored apply(Handle h, String sourcePath, String hash, DeckFile file) {
        long now = clock.millis();
        Optional<Deck> bySource = decks.deckBySource(h, sourcePath);
        Optional<Deck> byName = decks.deckByName(h, file.name());
        if (byName.isPresent() && byName.get().sourcePath() != null && !byName.get().sourcePath().equals(sourcePath)) {
            throw new DeckConflictException("sync.error.nameTaken", file.name(), byName.get().sourcePath());
        }
        if (byName.isPresent() && byName.get().privateDeck()) {
            throw new DeckConflictException("sync.error.namePrivate", file.name());
        }
        if (bySource.isPresent() && byName.isPresent() && bySource.get().id() != byName.get().id()) {
            throw new DeckConflictException("sync.error.renameTaken", bySource.get().name(), file.name());
        }
        long deckId = bySource.isPresent() ? bySource.get().id() : decks.ensureDeckPath(h, file.name(), now, DeckRepository.EVERY_DECK);
        decks.updateDeckSource(h, deckId, file.name(), nullToEmpty(file.description()),
                Card.joinTags(file.tags()), sourcePath, hash, now);
        int cut = file.name().lastIndexOf(Deck.SEPARATOR);
        if (cut > 0) {
            decks.ensureDeckPath(h, file.name().substring(0, cut), now, DeckRepository.EVERY_DECK);
        }
        return new Stored(deckId, syncCards(h, deckId, file.cards(), now));
    }

    /** The deck a source went into and what changed in it. */
    private record Stored(long deckId, FileChanges changes) {
    }

    private FileChanges syncCards(Handle h, long deckId, List<CardSource> sources, long now) {
        List<Card> stored = new ArrayList<>(decks.cards(h, deckId));
        Map<CardSource, Card> matches = match(sources, stored);
        Set<Long> matchedIds = new HashSet<>();
        matches.values().forEach(c -> matchedIds.add(c.id()));
        int added = 0;
        int updated = 0;
        int restored = 0;
        int position = 0;
        Set<String> usedUids = new HashSet<>();
        stored.forEach(c -> usedUids.add(c.uid()));
        List<DeckRepository.NewCard> fresh = new ArrayList<>();
        Map<String, FileMarks> marksByUid = new HashMap<>();
        for (CardSource source : sources) {
            String tags = Card.joinTags(source.tags());
            Map<String, String> otherMeta = new LinkedHashMap<>(source.meta());
            FileMarks marks = marks(source, otherMeta.remove(SUSPENDED), otherMeta.remove(FLAG));
            String meta = Card.formatMeta(otherMeta);
            Card match = matches.get(source);
            if (match == null) {
                String uid = source.id() != null ? source.id() : CardIds.fresh(usedUids);
                usedUids.add(uid);
                fresh.add(new DeckRepository.NewCard(uid, source.question(), source.answer(), tags, meta, position));
                added++;
                if (marks != null) {
                    marksByUid.put(uid, marks);
                }
            } else {
                String uid = source.id() != null ? source.id() : match.uid();
                if (marks != null) {
                    marksByUid.put(uid, marks);
                }
                Card wanted = new Card(match.id(), deckId, uid, source.question(), source.answer(), tags, meta,
                        position, false);
                if (!wanted.equals(match)) {
                    decks.updateCard(h, wanted, now);
                    if (match.removedFromSource()) {
                        decks.setSuspended(h, match.id(), false);
                        restored++;
                    } else {
                        updated++;
                    }
                }
            }
            position++;
        }
        decks.insertCards(h, deckId, fresh, now);
        if (!marksByUid.isEmpty()) {
            for (Card card : decks.cards(h, deckId)) {
                FileMarks marks = marksByUid.get(card.uid());
                if (marks != null && marks.suspended() != null) {
                    decks.setSuspended(h, card.id(), marks.suspended());
                }
                if (marks != null && marks.flag() != null) {
                    decks.setFlag(h, card.id(), marks.flag());
                }
            }
        }
        int setAside = 0;
        for (Card card : stored) {
            if (!matchedIds.contains(card.id()) && !card.removedFromSource()) {
                decks.updateCard(h, new Card(card.id(), card.deckId(), card.uid(), card.question(), card.answer(),
                        card.tags(), card.meta(), card.position(), true), now);
                decks.setSuspended(h, card.id(), true);
                setAside++;
            }
        }
        return new FileChanges(added, updated, restored, setAside);
    }

    /**
     * A card's {@code <!-- suspended: yes -->} and {@code <!-- flag: N -->} lines (null when it has neither: the
     * card keeps the state it has, so an older file never lifts a suspension made in the app).
     */
    private static FileMarks marks(CardSource source, String suspended, String flag) {
        if (suspended == null && flag == null) {
            return null;
        }
        Boolean suspend = suspended == null ? null : switch (suspended.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "" -> true;
            case "no", "false" -> false;
            default -> throw new DeckConflictException("sync.error.suspended", String.valueOf(source.line()), suspended);
        };
        Integer flagNumber = null;
        if (flag != null) {
            if (!flag.strip().matches("[0-4]")) {
                throw new DeckConflictException("sync.error.flag", String.valueOf(source.line()), flag);
            }
            flagNumber = Integer.parseInt(flag.strip());
        }
        return new FileMarks(suspend, flagNumber);
    }

    /** What a card's lines in a file say of its state; null: the file does not say. */
    private record FileMarks(Boolean suspended, Integer flag) {
    }

    /**
     * Pairs file cards with stored cards: first by id, then by exact question, then by exact answer, each stored
     * card used once. Ids in the file that are new (or absent) fall through to the text matches.
     */
    static Map<CardSource, Card> match(List<CardSource> sources, List<Card> stored) {
        Map<CardSource, Card> matches = new LinkedHashMap<>();
        Set<Card> free = new LinkedHashSet<>(stored);
        matchBy(CardSource::id, Card::uid, sources, free, matches);
        matchBy(CardSource::question, Card::question, sources, free, matches);
        matchBy(CardSource::answer, Card::answer, sources, free, matches);
        return matches;
    }

    /**
     * One matching pass: each still-unmatched file card takes the first free stored card with the same key (a
     * null key matches nothing). Keyed look-ups, so a deck of thousands of cards matches in one pass.
     */
    private static void matchBy(Function<CardSource, String> sourceKey, Function<Card, String> cardKey,
                                List<CardSource> sources, Set<Card> free, Map<CardSource, Card> matches) {
        Map<String, ArrayDeque<Card>> byKey = new HashMap<>();
        for (Card card : free) {
            byKey.computeIfAbsent(cardKey.apply(card), k -> new ArrayDeque<>()).add(card);
        }
        for (CardSource source : sources) {
            String key = sourceKey.apply(source);
            ArrayDeque<Card> candidates = key == null || matches.containsKey(source) ? null : byKey.get(key);
            if (candidates != null && !candidates.isEmpty()) {
                Card card = candidates.poll();
                matches.put(source, card);
                free.remove(card);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What importing one file changed. */
    public record FileChanges(int added, int updated, int restored, int setAside) {
        static final FileChanges NONE = new FileChanges(0, 0, 0, 0);

        public boolean any() {
            return added + updated + restored + setAside > 0;
        }
    }

    private static final class DeckConflictException extends RuntimeException {
        private final Notice problem;

        DeckConflictException(String key, Object... arguments) {
            this(Notice.of(key, arguments));
        }

        private DeckConflictException(Notice problem) {
            super(problem.toString());
            this.problem = problem;
        }
    }
}
