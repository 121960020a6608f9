package dev.prepdeck.search;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.State;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The SQL of bulk edits. The selected cards go into a temporary table first ({@link #select}), so an edit of every
 * match (100,000 cards) is one statement per action rather than a list of ids longer than SQLite binds. The table is
 * named without a schema: SQLite and PostgreSQL both look a name up among the connection's temporary tables first.
 */
final class BulkEditRepository {
    /** card_tag's card is in a deck the viewer sees. */
    private static final String VISIBLE_CARD = "card_id NOT IN (SELECT id FROM card WHERE deck_id IN ("
            + DeckRepository.HIDDEN_DECKS + "))";

    /** Fills the connection's {@code bulk_card} table with these card ids, replacing an earlier selection. */
    void select(Handle h, List<Long> cardIds) {
        h.execute(Dialect.of(h).pick("CREATE TEMP TABLE IF NOT EXISTS bulk_card (id INTEGER PRIMARY KEY)",
                "CREATE TEMP TABLE IF NOT EXISTS bulk_card (id BIGINT PRIMARY KEY)"));
        h.execute("DELETE FROM bulk_card");
        PreparedBatch batch = h.prepareBatch("INSERT INTO bulk_card (id) VALUES (:id) ON CONFLICT DO NOTHING");
        for (long id : cardIds) {
            batch.bind("id", id).add();
        }
        if (!cardIds.isEmpty()) {
            batch.execute();
        }
    }

    /** A selected id that is no card {@code viewer} sees, if any. */
    Optional<Long> firstUnknown(Handle h, long viewer) {
        return h.createQuery("""
                        SELECT b.id FROM bulk_card b
                        WHERE NOT EXISTS (SELECT 1 FROM card c WHERE c.id = b.id
                                            AND c.deck_id NOT IN (""" + DeckRepository.HIDDEN_DECKS + """
                        )) ORDER BY b.id LIMIT 1""")
                .bind("viewer", viewer).mapTo(Long.class).findOne();
    }

    int setSuspended(Handle h, long learnerId, boolean suspended) {
        return h.createUpdate("""
                        UPDATE card_state SET suspended = :suspended
                        WHERE learner_id = :learner AND suspended <> :suspended
                          AND card_id IN (SELECT id FROM bulk_card)""")
                .bind("learner", learnerId).bind("suspended", suspended ? 1 : 0).execute();
    }

    int setFlag(Handle h, long learnerId, int flag) {
        return h.createUpdate("""
                        UPDATE card_state SET flag = :flag
                        WHERE learner_id = :learner AND flag <> :flag AND card_id IN (SELECT id FROM bulk_card)""")
                .bind("learner", learnerId).bind("flag", flag).execute();
    }

    /** Buries the selected cards that are not buried now until {@code until} (epoch ms). */
    int bury(Handle h, long learnerId, long now, long until) {
        return h.createUpdate("""
                        UPDATE card_state SET buried_until = :until
                        WHERE learner_id = :learner AND (buried_until IS NULL OR buried_until <= :now)
                          AND card_id IN (SELECT id FROM bulk_card)""")
                .bind("learner", learnerId).bind("now", now).bind("until", until).execute();
    }

    int unbury(Handle h, long learnerId, long now) {
        return h.createUpdate("""
                        UPDATE card_state SET buried_until = NULL
                        WHERE learner_id = :learner AND buried_until > :now
                          AND card_id IN (SELECT id FROM bulk_card)""")
                .bind("learner", learnerId).bind("now", now).execute();
    }

    /** Puts the selected cards back to new, due now; their review log stays. */
    int forget(Handle h, long learnerId, long now) {
        return h.createUpdate("""
                        UPDATE card_state
                        SET state = :new, stability = 0, difficulty = 0, reps = 0, lapses = 0, learning_steps = 0,
                            scheduled_days = 0, elapsed_days = 0, last_review = NULL, due = :now
                        WHERE learner_id = :learner AND (state <> :new OR reps > 0)
                          AND card_id IN (SELECT id FROM bulk_card)""")
                .bind("learner", learnerId).bind("new", State.NEW).bind("now", now).execute();
    }

    /** The selected cards the learner has studied (not new), with their last review (epoch ms). */
    List<StudiedCard> studiedCards(Handle h, long learnerId) {
        return h.createQuery("""
                        SELECT card_id, last_review FROM card_state
                        WHERE learner_id = :learner AND state <> :new AND card_id IN (SELECT id FROM bulk_card)
                        ORDER BY card_id""")
                .bind("learner", learnerId).bind("new", State.NEW).mapTo(StudiedCard.class).list();
    }

    /** A card due at {@code due} (epoch ms), with a new interval in days when {@code interval} is not null. */
    record NewDue(long cardId, long due, Integer interval) {
    }

    /** Sets the cards' due dates, one statement prepared once for all of them. */
    void setDue(Handle h, long learnerId, List<NewDue> dues) {
        PreparedBatch batch = h.prepareBatch("""
                UPDATE card_state SET due = :due, scheduled_days = COALESCE(:interval, scheduled_days)
                WHERE card_id = :card AND learner_id = :learner""");
        for (NewDue due : dues) {
            batch.bind("card", due.cardId()).bind("learner", learnerId).bind("due", due.due())
                    .bind("interval", due.interval()).add();
        }
        if (!dues.isEmpty()) {
            batch.execute();
        }
    }

    record StudiedCard(long cardId, Long lastReview) {
    }

    /** The selected cards not in {@code deckId}, with what moving them needs: uid, question, tags. */
    List<SelectedCard> cardsOutside(Handle h, long deckId) {
        return h.createQuery("""
                        SELECT c.id, c.uid, c.question, c.tags FROM card c
                        WHERE c.id IN (SELECT id FROM bulk_card) AND c.deck_id <> :deck ORDER BY c.id""")
                .bind("deck", deckId).mapTo(SelectedCard.class).list();
    }

    List<SelectedCard> cards(Handle h) {
        return h.createQuery("""
                        SELECT c.id, c.uid, c.question, c.tags FROM card c
                        WHERE c.id IN (SELECT id FROM bulk_card) ORDER BY c.id""")
                .mapTo(SelectedCard.class).list();
    }

    /** The uids and questions already in a deck, which cards moved there must not repeat. */
    List<SelectedCard> cardsIn(Handle h, long deckId) {
        return h.createQuery("SELECT id, uid, question, tags FROM card WHERE deck_id = :deck")
                .bind("deck", deckId).mapTo(SelectedCard.class).list();
    }

    int nextPosition(Handle h, long deckId) {
        return h.createQuery("SELECT COALESCE(MAX(position), -1) + 1 FROM card WHERE deck_id = :deck")
                .bind("deck", deckId).mapTo(Integer.class).one();
    }

    /** A card moved to the end of another deck, under a uid that is free there. */
    record Move(long id, String uid, int position) {
    }

    /** Moves the cards, one statement prepared once for all of them. */
    void move(Handle h, List<Move> moves, long deckId, long now) {
        PreparedBatch batch = h.prepareBatch("""
                UPDATE card SET deck_id = :deck, uid = :uid, position = :position, removed_from_source = 0,
                                updated_at = :now
                WHERE id = :id""");
        for (Move move : moves) {
            batch.bind("id", move.id()).bind("deck", deckId).bind("uid", move.uid()).bind("position", move.position())
                    .bind("now", now).add();
        }
        if (!moves.isEmpty()) {
            batch.execute();
        }
    }

    /** A card's new tags, as stored (comma-separated). */
    record Retag(long id, String tags) {
    }

    /** Gives the cards their new tags, one statement prepared once for all of them. */
    void setTags(Handle h, List<Retag> retags, long now) {
        PreparedBatch batch = h.prepareBatch("UPDATE card SET tags = :tags, updated_at = :now WHERE id = :id");
        for (Retag retag : retags) {
            batch.bind("id", retag.id()).bind("tags", retag.tags()).bind("now", now).add();
        }
        if (!retags.isEmpty()) {
            batch.execute();
        }
    }

    int delete(Handle h) {
        return h.createUpdate("DELETE FROM card WHERE id IN (SELECT id FROM bulk_card)").execute();
    }

    /** Every tag in use on the cards {@code viewer} sees (folded, as searches match them) with how many carry it. */
    List<TagCount> tagCounts(Handle h, long viewer) {
        return h.createQuery("SELECT tag, COUNT(*) AS cards FROM card_tag WHERE " + VISIBLE_CARD
                        + " GROUP BY tag ORDER BY tag")
                .bind("viewer", viewer).mapTo(TagCount.class).list();
    }

    /** The cards {@code viewer} sees carrying a tag (folded) or a tag below it. */
    List<Long> cardsTagged(Handle h, long viewer, String foldedTag) {
        return h.createQuery("""
                        SELECT DISTINCT card_id FROM card_tag
                        WHERE (tag = :tag OR substr(tag, 1, length(:below)) = :below)""" + " AND " + VISIBLE_CARD)
                .bind("tag", foldedTag).bind("below", foldedTag + "::").bind("viewer", viewer)
                .mapTo(Long.class).list();
    }

    /** A selected card as the bulk edits that rewrite cards read it. */
    record SelectedCard(long id, String uid, String question, String tags) {
    }
}
