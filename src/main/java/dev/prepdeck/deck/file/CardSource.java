package dev.prepdeck.deck.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One card as written in a deck file.
 *
 * @param id     stable card id, or null when the file gives none
 * @param meta   metadata comments other than id and tags, keys lowercased, in file order
 * @param line   1-based line of the card's heading; informational, so tests compare cards without it
 */
public record CardSource(String id, String question, String answer, List<String> tags,
                         Map<String, String> meta, int line) {
    public CardSource {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        tags = List.copyOf(tags);
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }
}
