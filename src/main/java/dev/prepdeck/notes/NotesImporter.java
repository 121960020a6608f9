package dev.prepdeck.notes;

import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileWriter;
import dev.prepdeck.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts decks made from notes into the collection, for the browser import and {@code prepdeck notes import} alike.
 * Every deck is checked before any is written ({@link #plan}); each is imported under the key
 * "notes/SOURCE/FILE", so importing a newer version of the same notes updates its cards and keeps their history.
 */
public final class NotesImporter {
    private final DeckSync sync;

    public NotesImporter(DeckSync sync) {
        this.sync = sync;
    }

    /**
     * Checks the decks made from each notes source (a file name, or the pasted notes): each must write as a deck file,
     * and no two may share a file name, or one would overwrite the other's file or, on import, the other's deck.
     */
    public static List<PlannedDeck> plan(Map<String, List<DeckFile>> decksBySource) {
        DeckFileWriter writer = new DeckFileWriter();
        Map<String, String> deckByFileName = new HashMap<>();
        List<PlannedDeck> planned = new ArrayList<>();
        decksBySource.forEach((source, decks) -> {
            for (DeckFile deck : decks) {
                String fileName = DeckFileWriter.slug(deck.name());
                String other = deckByFileName.putIfAbsent(fileName, deck.name());
                if (other != null) {
                    throw new InvalidInputException("deck", "decks '" + other + "' and '" + deck.name()
                            + "' would share the file " + fileName + "; rename one of them");
                }
                String text;
                try {
                    text = writer.write(deck);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("deck", "Deck '" + deck.name() + "': " + e.getMessage());
                }
                planned.add(new PlannedDeck(deck, fileName, text, "notes/" + source + "/" + fileName));
            }
        });
        return planned;
    }

    /** Imports checked decks, each in its own transaction with the same card matching as a deck file. */
    public SyncReport importAll(List<PlannedDeck> decks) {
        SyncReport report = new SyncReport();
        for (PlannedDeck planned : decks) {
            sync.importDeck(planned.sourceKey(), planned.deck(), report);
        }
        return report;
    }

    /** A deck ready to write or import: its deck-file name and text, and the key it is imported under. */
    public record PlannedDeck(DeckFile deck, String fileName, String text, String sourceKey) {
    }
}
