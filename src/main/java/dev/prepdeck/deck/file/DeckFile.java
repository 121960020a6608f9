package dev.prepdeck.deck.file;

import java.util.List;
import java.util.Objects;

/** One deck as written in a deck file; {@code description} is empty, never null, when there is none. */
public record DeckFile(String name, String description, List<String> tags, List<CardSource> cards) {
    public DeckFile {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        cards = List.copyOf(cards);
    }
}
