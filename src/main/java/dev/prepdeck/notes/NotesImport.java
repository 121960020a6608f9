package dev.prepdeck.notes;

import dev.prepdeck.deck.file.DeckFile;
import java.util.List;

/** What a notes file turns into: decks of cards, the sections left out and why, and reader warnings. */
public record NotesImport(List<DeckFile> decks, List<Skipped> skipped, List<String> warnings) {
    public NotesImport {
        decks = List.copyOf(decks);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    public int cardCount() {
        return decks.stream().mapToInt(d -> d.cards().size()).sum();
    }

    /** A section that yields no card, with the reason a user needs to decide whether to fix the notes. */
    public record Skipped(String file, int line, String title, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": '" + title + "' skipped: " + reason;
        }
    }
}
