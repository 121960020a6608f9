package dev.prepdeck.notes;

import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileWriter;
import dev.prepdeck.deck.file.DeckTextException;
import dev.prepdeck.web.MediaLinks;
import dev.prepdeck.web.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
     * Each deck takes from {@code media} (name → bytes: the images found beside the notes) the files its text shows.
     */
    public static List<PlannedDeck> plan(Map<String, List<DeckFile>> decksBySource, Map<String, byte[]> media) {
        DeckFileWriter writer = new DeckFileWriter();
        Map<String, String> deckByFileName = new HashMap<>();
        List<PlannedDeck> planned = new ArrayList<>();
        decksBySource.forEach((source, decks) -> {
            for (DeckFile deck : decks) {
                String fileName = DeckFileWriter.slug(deck.name());
                String other = deckByFileName.putIfAbsent(fileName, deck.name());
                if (other != null) {
                    throw Messages.invalid("deck", "notes.error.sharedFile", other, deck.name(), fileName);
                }
                String text;
                try {
                    text = writer.write(deck);
                } catch (DeckTextException e) {
                    throw Messages.invalid("deck", "notes.error.deck", deck.name(), e.problem());
                }
                Map<String, byte[]> shown = new TreeMap<>();
                MediaLinks.find(text).forEach(r -> {
                    if (media.containsKey(r.name())) {
                        shown.put(r.name(), media.get(r.name()));
                    }
                });
                planned.add(new PlannedDeck(deck, fileName, text, "notes/" + source + "/" + fileName, shown));
            }
        });
        return planned;
    }

    /** Imports checked decks, each in its own transaction with the same card matching as a deck file. */
    public SyncReport importAll(List<PlannedDeck> decks) {
        SyncReport report = new SyncReport();
        for (PlannedDeck planned : decks) {
            sync.importDeck(planned.sourceKey(), planned.deck(), planned.media(), report);
        }
        return report;
    }

    /**
     * A deck ready to write or import: its deck-file name and text, the key it is imported under, and the media
     * files its cards show (name → bytes), written to {@code media/} beside the deck file or stored with its cards.
     */
    public record PlannedDeck(DeckFile deck, String fileName, String text, String sourceKey, Map<String, byte[]> media) {
    }
}
