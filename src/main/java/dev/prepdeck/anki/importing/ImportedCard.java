package dev.prepdeck.anki.importing;

import dev.prepdeck.error.Notice;
import java.util.List;
import java.util.Set;

/**
 * An Anki card ready to become a prepdeck card.
 *
 * @param uid           stable across imports of the same package: the note's guid made safe for deck files (or the
 *                      prepdeck uid the note was exported with), plus "." and the card number for note types with
 *                      several cards per note
 * @param noteGuid      Anki's note guid, which re-imports match on
 * @param deckName      the card's home deck, levels joined by {@code ::}
 * @param question      Markdown
 * @param answer        Markdown
 * @param clozeNumber   for cloze cards, the deletion asked for (1-based); else null
 * @param clozeSource   for cloze cards, the cloze field's Markdown with its markers
 * @param practice      the note type asks for a typed answer
 * @param media         media file names the card refers to
 * @param modifiedSeconds the note's modification time (Unix seconds)
 * @param skippedReviews log rows that are not answers (manual changes, rescheduling, cramming without rescheduling)
 * @param warnings      what was worked around while rendering
 */
public record ImportedCard(
        String uid,
        String noteGuid,
        long ankiCardId,
        int ord,
        String deckName,
        String question,
        String answer,
        List<String> tags,
        Integer clozeNumber,
        String clozeSource,
        boolean practice,
        Set<String> media,
        long modifiedSeconds,
        ImportedSchedule schedule,
        List<ImportedReview> reviews,
        int skippedReviews,
        List<Notice> warnings) {

    public ImportedCard {
        tags = List.copyOf(tags);
        media = Set.copyOf(media);
        reviews = List.copyOf(reviews);
        warnings = List.copyOf(warnings);
    }

    public boolean cloze() {
        return clozeNumber != null;
    }
}
