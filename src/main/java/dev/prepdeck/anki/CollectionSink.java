package dev.prepdeck.anki;

/**
 * Where an export puts a collection's rows as it makes them, one at a time: a list in memory for a small collection,
 * the package's SQLite file on disk for one of any size. Notes come before their cards, cards before their reviews.
 */
public interface CollectionSink {
    void note(AnkiNote note);

    void card(AnkiCard card);

    /** Adds the review unless one with its id is already there: {@code false} then, and nothing is added. */
    boolean revlog(RevlogEntry entry);
}
