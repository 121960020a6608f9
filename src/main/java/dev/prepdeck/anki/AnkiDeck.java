package dev.prepdeck.anki;

import java.util.Objects;

/**
 * A deck with its full name, levels joined by {@code ::} whatever separator the collection stored.
 *
 * @param filtered a filtered ("dynamic") deck borrows cards from their home decks (cards.odid)
 */
public record AnkiDeck(long id, String name, String description, boolean filtered) {

    public static final String SEPARATOR = "::";

    public AnkiDeck {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
