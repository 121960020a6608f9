package dev.prepdeck.search;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.web.Messages;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Saving and deleting named searches; the browse page lists them in its one read ({@link BulkEdit#browse}). */
public final class SavedSearches {
    static final int MAX_NAME_CHARS = 80;

    private final Jdbi jdbi;
    private final SavedSearchRepository saved = new SavedSearchRepository();
    private final Clock clock;

    public SavedSearches(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Saves {@code query} under {@code name} (a name saved already gets the new query).
     *
     * @throws InvalidInputException when the name is empty or too long
     * @throws SearchSyntaxException when the query cannot be parsed (a saved search always runs)
     */
    public SavedSearch save(long learnerId, String name, String query) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw Messages.invalid("name", "browse.error.savedSearchName");
        }
        if (clean.length() > MAX_NAME_CHARS) {
            throw Messages.invalid("name", "browse.error.savedSearchNameLength", MAX_NAME_CHARS);
        }
        String text = query == null ? "" : query.strip();
        SearchParser.parse(text);
        return jdbi.inTransaction(h -> {
            saved.save(h, learnerId, clean, text, clock.millis());
            return saved.named(h, learnerId, clean).orElseThrow();
        });
    }

    public void delete(long learnerId, long id) {
        if (!jdbi.inTransaction(h -> saved.delete(h, learnerId, id))) {
            throw new NotFoundException("saved search", id);
        }
    }
}
