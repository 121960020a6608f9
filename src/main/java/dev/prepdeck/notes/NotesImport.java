package dev.prepdeck.notes;

import dev.prepdeck.deck.file.DeckFile;
import java.util.List;

/**
 * What a notes file turns into: decks of cards, the sections left out and why, reader warnings, and every
 * image the notes refer to (kept as a placeholder in the cards for now).
 */
public record NotesImport(List<DeckFile> decks, List<Skipped> skipped, List<String> warnings,
                          List<ImageReference> images) {
    public NotesImport {
        decks = List.copyOf(decks);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        images = List.copyOf(images);
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

    /**
     * An image the notes show ({@code .. image::}, {@code .. figure::}, an image substitution, Markdown
     * {@code ![alt](x)}, an HTML {@code <img>} or an Obsidian {@code ![[x]]}).
     *
     * @param target the path exactly as written, relative to the notes file (or to the Sphinx root if it starts with '/')
     * @param alt    the alt text, else the figure's caption, else empty
     * @param deck   the deck the image landed in, null when its section gave no deck
     * @param cardId the card whose answer holds its placeholder, null when the section was skipped
     */
    public record ImageReference(String file, int line, String target, String alt, String deck, String cardId) {
        ImageReference placedIn(String deckName, String card) {
            return new ImageReference(file, line, target, alt, deckName, card);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + target + (alt.isEmpty() ? "" : " (" + alt + ")");
        }
    }
}
