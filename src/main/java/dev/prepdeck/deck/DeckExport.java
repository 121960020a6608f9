package dev.prepdeck.deck;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Writes the database's decks back as deck files, card ids included, so browser edits can go into git. */
public final class DeckExport {
    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final DeckFileWriter writer = new DeckFileWriter();

    public DeckExport(Jdbi jdbi, DeckRepository decks) {
        this.jdbi = jdbi;
        this.decks = decks;
    }

    /**
     * Writes one file per deck (at the path it was imported from, else a name made from the deck's name) and
     * returns the paths written. Cards set aside because they left their file stay out of it.
     */
    public List<Path> exportTo(Path folder) {
        List<DeckWithCards> all = jdbi.withHandle(h -> {
            List<DeckWithCards> result = new ArrayList<>();
            List<Deck> allDecks = decks.allDecks(h);
            for (Deck deck : allDecks) {
                List<Card> cards = decks.cards(h, deck.id()).stream().filter(c -> !c.removedFromSource()).toList();
                if (isBareParent(deck, cards, allDecks)) {
                    continue;
                }
                result.add(new DeckWithCards(deck, cards));
            }
            return result;
        });
        List<Path> written = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        try {
            Files.createDirectories(folder);
            for (DeckWithCards entry : all) {
                String relative = fileNameFor(entry.deck(), usedNames);
                Path target = folder.resolve(relative).normalize();
                if (!target.startsWith(folder.normalize())) {
                    throw new IllegalStateException("deck source path leaves the export folder: " + relative);
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, writer.write(toDeckFile(entry)), StandardCharsets.UTF_8);
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write deck files to " + folder + ": " + e.getMessage(), e);
        }
        return written;
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
                .map(c -> new CardSource(c.uid(), c.question(), c.answer(), c.tagList(), c.metaMap(), 0))
                .toList();
        return new DeckFile(deck.name(), deck.description(), Card.splitTags(deck.tags()), cards);
    }

    record DeckWithCards(Deck deck, List<Card> cards) {
    }
}
