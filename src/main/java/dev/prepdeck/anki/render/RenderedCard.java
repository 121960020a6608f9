package dev.prepdeck.anki.render;

import dev.prepdeck.error.Notice;
import java.util.List;
import java.util.Set;

/**
 * One Anki card rendered to prepdeck's question/answer Markdown.
 *
 * @param clozeNumber the cloze deletion this card asks for (1-based), or null for a card that is not a cloze
 * @param clozeSource for cloze cards, the cloze field as Markdown with its {@code {{c1::…}}} markers kept, so a study
 *                    page can show the deletion itself; null otherwise
 * @param practice    the template asks the learner to type the answer ({@code {{type:Field}}})
 * @param media       media file names the question and answer refer to
 * @param warnings    template problems that were worked around (unknown fields or filters, unbalanced sections)
 */
public record RenderedCard(long cardId, long noteId, String question, String answer, Integer clozeNumber,
        String clozeSource, boolean practice, Set<String> media, List<Notice> warnings) {

    public RenderedCard {
        media = Set.copyOf(media);
        warnings = List.copyOf(warnings);
    }

    public boolean cloze() {
        return clozeNumber != null;
    }
}
