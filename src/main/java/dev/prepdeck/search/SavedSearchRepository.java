package dev.prepdeck.search;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of saved searches, one learner's at a time. */
final class SavedSearchRepository {

    List<SavedSearch> list(Handle h, long learnerId) {
        return h.createQuery("SELECT id, name, query FROM saved_search WHERE learner_id = :learner ORDER BY name, id")
                .bind("learner", learnerId).mapTo(SavedSearch.class).list();
    }

    Optional<SavedSearch> named(Handle h, long learnerId, String name) {
        return h.createQuery("SELECT id, name, query FROM saved_search WHERE learner_id = :learner AND name = :name")
                .bind("learner", learnerId).bind("name", name).mapTo(SavedSearch.class).findOne();
    }

    /** Saves a search under a new name, or gives a name already saved the new query. */
    void save(Handle h, long learnerId, String name, String query, long now) {
        h.createUpdate("""
                        INSERT INTO saved_search (learner_id, name, query, created_at) VALUES (:learner, :name, :query, :now)
                        ON CONFLICT (learner_id, name) DO UPDATE SET query = excluded.query""")
                .bind("learner", learnerId).bind("name", name).bind("query", query).bind("now", now).execute();
    }

    boolean delete(Handle h, long learnerId, long id) {
        return h.createUpdate("DELETE FROM saved_search WHERE id = :id AND learner_id = :learner")
                .bind("id", id).bind("learner", learnerId).execute() > 0;
    }
}
