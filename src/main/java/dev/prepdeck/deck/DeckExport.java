package dev.prepdeck.deck;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileWriter;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.web.MediaLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes the database's decks back as deck files, card ids included, so browser edits can go into git, with the
 * media their cards reference in the {@code media/} folder beside each file, byte for byte as stored.
 */
public final class DeckExport {
    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final MediaStore media;
    private final DeckFileWriter writer = new DeckFileWriter();

    public DeckExport(Jdbi jdbi, DeckRepository decks, MediaStore media) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.media = media;
    }

    /**
     * What an export wrote: deck files, media files, and the media cards reference that the database does not
     * hold (never imported, so importing the export warns about them again).
     */
    public record Exported(List<Path> deckFiles, List<Path> mediaFiles, List<String> missingMedia) {
    }

    /**
     * Writes one file per deck (at the path it was imported from, else a name made from the deck's name) and the
     * media it references, all from one snapshot of the database. Cards set aside because they left their file
     * stay out of it. {@code viewer}: whose decks (another learner's private decks stay out; {@link
     * DeckRepository#EVERY_DECK}: every deck).
     */
    public Exported exportTo(long viewer, Path folder) {
        return Database.read(jdbi, h -> {
            try {
                return write(h, folder, decks.allDecks(h, viewer));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write deck files to " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    /** One deck's cards in memory at a time, written before the next deck's are read. */
    private Exported write(Handle h, Path folder, List<Deck> allDecks) throws IOException {
        List<Path> deckFiles = new ArrayList<>();
        Set<Path> mediaFiles = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> usedNames = new HashSet<>();
        Files.createDirectories(folder);
        for (Deck deck : allDecks) {
            List<Card> cards = decks.cards(h, deck.id()).stream().filter(c -> !c.removedFromSource()).toList();
            if (isBareParent(deck, cards, allDecks)) {
                continue;
            }
            DeckWithCards entry = new DeckWithCards(deck, cards, decks.marks(h, deck.id()));
            String relative = fileNameFor(entry.deck(), usedNames);
            Path target = folder.resolve(relative).normalize();
            if (!target.startsWith(folder.normalize())) {
                throw new IllegalStateException("deck source path leaves the export folder: " + relative);
            }
            Files.createDirectories(target.getParent());
            DeckFile deckFile = toDeckFile(entry);
            Files.writeString(target, writer.write(deckFile), StandardCharsets.UTF_8);
            deckFiles.add(target);
            Path mediaFolder = target.resolveSibling(MediaLinks.FOLDER);
            for (String name : referencedMedia(deckFile)) {
                Path file = mediaFolder.resolve(name);
                if (mediaFiles.contains(file)) {
                    continue;
                }
                Optional<byte[]> bytes = media.bytes(h, name);
                if (bytes.isEmpty()) {
                    missing.add(relative + ": " + MediaLinks.FOLDER + "/" + name);
                    continue;
                }
                Files.createDirectories(mediaFolder);
                Files.write(file, bytes.get());
                mediaFiles.add(file);
            }
        }
        return new Exported(deckFiles, List.copyOf(mediaFiles), List.copyOf(missing));
    }

    /** The media names a deck's description and cards reference, each once, in order. */
    private static Set<String> referencedMedia(DeckFile deck) {
        Set<String> names = new LinkedHashSet<>();
        MediaLinks.find(deck.description()).forEach(r -> names.add(r.name()));
        for (CardSource card : deck.cards()) {
            MediaLinks.find(card.question()).forEach(r -> names.add(r.name()));
            MediaLinks.find(card.answer()).forEach(r -> names.add(r.name()));
        }
        return names;
    }

    /** A parent that exists only to hold sub-decks ("A" for "A::B") needs no file of its own. */
    private static boolean isBareParent(Deck deck, List<Card> cards, List<Deck> allDecks) {
        return deck.sourcePath() == null && cards.isEmpty() && deck.description().isBlank()
                && allDecks.stream().anyMatch(d -> d.name().startsWith(deck.name() + Deck.SEPARATOR));
    }

    private static String fileNameFor(Deck deck, Set<String> usedNames) {
        String name = deck.sourcePath() != null ? deck.sourcePath() : DeckFileWriter.slug(deck.name());
        String base = name;
        for (int n = 2; !usedNames.add(name); n++) {
            name = base.replaceFirst("\\.md$", "") + "-" + n + ".md";
        }
        return name;
    }

    static DeckFile toDeckFile(DeckWithCards entry) {
        Deck deck = entry.deck();
        List<CardSource> cards = entry.cards().stream()
                .map(c -> new CardSource(c.uid(), c.question(), c.answer(), c.tagList(),
                        withMarks(c.metaMap(), entry.marks().get(c.id())), 0))
                .toList();
        return new DeckFile(deck.name(), deck.description(), Card.splitTags(deck.tags()), cards);
    }

    /**
     * The card's metadata with its suspension and flag, written only when set, so the files of cards never
     * suspended or flagged do not change.
     */
    private static Map<String, String> withMarks(Map<String, String> meta, DeckRepository.CardMarks marks) {
        if (marks == null) {
            return meta;
        }
        Map<String, String> all = new LinkedHashMap<>(meta);
        if (marks.suspended()) {
            all.put(DeckSync.SUSPENDED, "yes");
        }
        if (marks.flag() > 0) {
            all.put(DeckSync.FLAG, String.valueOf(marks.flag()));
        }
        return all;
    }

    record DeckWithCards(Deck deck, List<Card> cards, Map<Long, DeckRepository.CardMarks> marks) {
    }
}
