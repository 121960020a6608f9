package dev.prepdeck.search;

/** A search the learner named, kept in the sidebar of /browse. */
public record SavedSearch(long id, String name, String query) {
}
