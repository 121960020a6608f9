package dev.prepdeck.notes;

import dev.prepdeck.deck.file.DeckFile;
import java.util.List;

/**
 * What a notes file turns into: decks of cards, the sections left out and why, warnings (what docutils would
 * warn about, images not found), and every image the notes show, found or not.
 */
public record NotesImport(List<DeckFile> decks, List<NotesNotice> skipped, List<NotesNotice> warnings,
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

    /** The images whose files were not found: each left its alt text in its card and a warning. */
    public long imagesMissing() {
        return images.stream().filter(i -> i.media() == null && !i.target().matches("(?i)https?://.*")).count();
    }

    /**
     * An image the notes show ({@code .. image::}, {@code .. figure::}, an image substitution, Markdown
     * {@code ![alt](x)}, an HTML {@code <img>} or an Obsidian {@code ![[x]]}).
     *
     * @param target the path exactly as written, relative to the notes file (or to the Sphinx root if it starts with '/')
     * @param alt    the alt text, else the figure's caption, else empty
     * @param media  the name the image file is stored under ({@code media/NAME} in the card), null when it was not found
     * @param deck   the deck the image landed in, null when its section gave no deck
     * @param cardId the card that shows it, null when the section was skipped
     */
    public record ImageReference(String file, int line, String target, String alt, String media, String deck,
                                 String cardId) {
        ImageReference found(String mediaName) {
            return new ImageReference(file, line, target, alt, mediaName, deck, cardId);
        }

        ImageReference placedIn(String deckName, String card) {
            return new ImageReference(file, line, target, alt, media, deckName, card);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + target + (alt.isEmpty() ? "" : " (" + alt + ")");
        }
    }
}
