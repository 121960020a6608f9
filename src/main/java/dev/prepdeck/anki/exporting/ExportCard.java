package dev.prepdeck.anki.exporting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A prepdeck card on its way to Anki.
 *
 * @param uid      the card's identity, unique across the whole export and stable across exports (for example the
 *                 deck file's path and the card's id): the note's guid is made from it, so importing a later export
 *                 into Anki updates the note instead of adding a copy
 * @param deckName the full deck name, levels joined by {@code ::}
 * @param question Markdown
 * @param answer   Markdown
 * @param modified Anki replaces an earlier import of the note only when this is newer
 * @param schedule null for a card never studied
 * @param reviews  the card's history, oldest first
 * @param flag     Anki's user flag, 0 for none
 */
public record ExportCard(
        String uid,
        String deckName,
        String question,
        String answer,
        List<String> tags,
        Instant created,
        Instant modified,
        ExportSchedule schedule,
        List<ExportReview> reviews,
        int flag) {

    public ExportCard {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(deckName, "deckName");
        Objects.requireNonNull(question, "question");
        answer = answer == null ? "" : answer;
        tags = List.copyOf(tags);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        reviews = List.copyOf(reviews);
    }
}
