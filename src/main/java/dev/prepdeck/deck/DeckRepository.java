package dev.prepdeck.deck;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.settings.Settings;
import dev.prepdeck.settings.SettingsRepository;
import dev.prepdeck.web.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for decks and cards. Every method takes the caller's handle so that a service can put several calls
 * in one transaction.
 */
public final class DeckRepository {
    /** The viewer of what the app does on its own (deck files, the database check): it sees every deck. */
    public static final long EVERY_DECK = 0;
    /**
     * The decks hidden from the learner bound as {@code :viewer}: other learners' private decks. Every read of decks
     * or cards for a learner leaves them out with {@code deck_id NOT IN (HIDDEN_DECKS)}, so a hidden deck or card
     * reads as one that does not exist.
     */
    public static final String HIDDEN_DECKS =
            "SELECT id FROM deck WHERE private = 1 AND owner_id <> :viewer AND :viewer <> " + EVERY_DECK;
    private static final String DECK_COLUMNS = """
            id, name, description, tags, source_path, source_hash, new_per_day, reviews_per_day,
            desired_retention, maximum_interval, learning_steps, relearning_steps, weights,
            owner_id, private AS private_deck""";
    private static final String CARD_COLUMNS = """
            id, deck_id, uid, question, answer, tags, meta, position, removed_from_source""";
    private final SettingsRepository settings = new SettingsRepository();

    /** The decks {@code viewer} sees, by name. */
    public List<Deck> allDecks(Handle h, long viewer) {
        return h.createQuery("SELECT " + DECK_COLUMNS + " FROM deck WHERE id NOT IN (" + HIDDEN_DECKS + ") ORDER BY name")
                .bind("viewer", viewer).mapTo(Deck.class).list();
    }

    /** The deck, when {@code viewer} may see it. */
    public Optional<Deck> deck(Handle h, long viewer, long id) {
        return h.createQuery("SELECT " + DECK_COLUMNS + " FROM deck WHERE id = :id AND id NOT IN (" + HIDDEN_DECKS + ")")
                .bind("id", id).bind("viewer", viewer).mapTo(Deck.class).findOne();
    }

    /**
     * Whether the media file {@code name} is shown only by cards of decks hidden from {@code viewer}: then it is
     * theirs to keep, like the cards. Cards name a file as {@code media/NAME}, with the name as stored or
     * percent-encoded (names may hold letters of any script), so both spellings count as showing it.
     */
    public boolean mediaOnlyInHiddenDecks(Handle h, long viewer, String name) {
        if (!anyHidden(h, viewer)) {
            return false;
        }
        String shows = "(question LIKE :plain ESCAPE '!' OR answer LIKE :plain ESCAPE '!' "
                + "OR question LIKE :encoded ESCAPE '!' OR answer LIKE :encoded ESCAPE '!')";
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM card WHERE deck_id IN (" + HIDDEN_DECKS + ") AND " + shows
                        + ") AND NOT EXISTS (SELECT 1 FROM card WHERE deck_id NOT IN (" + HIDDEN_DECKS + ") AND "
                        + shows + ")")
                .bind("viewer", viewer)
                .bind("plain", "%media/" + likeLiteral(name) + "%")
                .bind("encoded", "%media/" + likeLiteral(URLEncoder.encode(name, StandardCharsets.UTF_8)) + "%")
                .mapTo(Boolean.class).one();
    }

    /** {@code text} matched as itself by LIKE … ESCAPE '!' ('_' and '%' are wildcards otherwise). */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Whether some deck is hidden from {@code viewer}: then "every deck" is not every deck for them. */
    private boolean anyHidden(Handle h, long viewer) {
        return h.createQuery("SELECT EXISTS (" + HIDDEN_DECKS + ")").bind("viewer", viewer).mapTo(Boolean.class).one();
    }

    public Optional<Deck> deckByName(Handle h, String name) {
        return h.createQuery("SELECT " + DECK_COLUMNS + " FROM deck WHERE name = :name")
                .bind("name", name).mapTo(Deck.class).findOne();
    }

    public Optional<Deck> deckBySource(Handle h, String sourcePath) {
        return h.createQuery("SELECT " + DECK_COLUMNS + " FROM deck WHERE source_path = :path")
                .bind("path", sourcePath).mapTo(Deck.class).findOne();
    }

    /**
     * A new deck, with the limits, FSRS retention and steps and practice choice its owner set for new decks. Made
     * by {@code owner} ({@link #EVERY_DECK}: by the app, from a file: nobody's); private when {@code privateDeck}.
     */
    public long insertDeck(Handle h, String name, String description, String tags, String sourcePath, long now,
                           long owner, boolean privateDeck) {
        Settings defaults = owner == EVERY_DECK ? settings.newDeckDefaults(h) : settings.read(h, owner);
        return h.createUpdate("""
                        INSERT INTO deck (name, description, tags, source_path, created_at, updated_at,
                                          new_per_day, reviews_per_day, desired_retention, learning_steps,
                                          practice_mode, practice_target_seconds, owner_id, private)
                        VALUES (:name, :description, :tags, :sourcePath, :now, :now,
                                :newPerDay, :reviewsPerDay, :retention, :learningSteps, :practiceMode, :target,
                                :owner, :private)""")
                .bind("name", name).bind("description", description).bind("tags", tags)
                .bind("sourcePath", sourcePath).bind("now", now)
                .bind("owner", owner == EVERY_DECK ? null : owner).bind("private", privateDeck)
                .bind("newPerDay", defaults.newCardsPerDay()).bind("reviewsPerDay", defaults.reviewsPerDay())
                .bind("retention", defaults.desiredRetention()).bind("learningSteps", defaults.learningSteps())
                .bind("practiceMode", defaults.answerBox().practiceMode())
                .bind("target", defaults.practiceTargetSeconds())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Creates the deck and any missing parents ("A::B" needs "A") for {@code owner}, returning the deck's id. A deck
     * a learner makes under their private deck is private too, so a shared name never shows what a private deck is
     * called; decks from files ({@link #EVERY_DECK}) are always shared.
     *
     * @throws InvalidInputException when a deck on the path is one {@code owner} may not see (names are unique
     *                               across learners; nothing is added to another's private deck)
     */
    public long ensureDeckPath(Handle h, String name, long now, long owner) {
        String[] segments = name.split(Deck.SEPARATOR, -1);
        long id = -1;
        boolean underPrivate = false;
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (path.length() > 0) {
                path.append(Deck.SEPARATOR);
            }
            path.append(segment);
            String current = path.toString();
            Optional<Deck> existing = deckByName(h, current);
            if (existing.isPresent()) {
                Deck deck = visibleOrTaken(h, owner, existing.get());
                id = deck.id();
                underPrivate = deck.privateDeck() && owner != EVERY_DECK;
            } else {
                id = insertDeck(h, current, "", "", null, now, owner, underPrivate);
            }
        }
        return id;
    }

    /**
     * {@code deck}, found by name, when {@code viewer} may see it.
     *
     * @throws InvalidInputException naming the name as taken, when it is another learner's private deck
     */
    public Deck visibleOrTaken(Handle h, long viewer, Deck deck) {
        if (deck(h, viewer, deck.id()).isEmpty()) {
            throw Messages.invalid("name", "deck.error.exists", deck.name());
        }
        return deck;
    }

    public void updateDeckSource(Handle h, long deckId, String name, String description, String tags,
                                 String sourcePath, String sourceHash, long now) {
        h.createUpdate("""
                        UPDATE deck SET name = :name, description = :description, tags = :tags,
                               source_path = :sourcePath, source_hash = :sourceHash, updated_at = :now
                        WHERE id = :id""")
                .bind("id", deckId).bind("name", name).bind("description", description).bind("tags", tags)
                .bind("sourcePath", sourcePath).bind("sourceHash", sourceHash).bind("now", now).execute();
    }

    /** The decks {@code viewer} sees, nested by name. */
    public DeckTree tree(Handle h, long viewer) {
        // Every deck, each saying whether it is hidden: the tree and "no deck is hidden" in one read (each card shown).
        List<DeckSeen> decks = h.createQuery("SELECT " + DECK_COLUMNS + ", id IN (" + HIDDEN_DECKS + ") AS hidden"
                        + " FROM deck ORDER BY name")
                .bind("viewer", viewer).mapTo(DeckSeen.class).list();
        return new DeckTree(decks.stream().filter(d -> !d.hidden()).map(DeckSeen::deck).toList(),
                decks.stream().noneMatch(DeckSeen::hidden));
    }

    /** A deck and whether it is hidden from the learner reading it. */
    record DeckSeen(@Nested Deck deck, boolean hidden) {
    }

    /**
     * Makes the decks private to their owner or shares them with everyone.
     *
     * @return how many decks changed
     */
    public int setPrivate(Handle h, List<Long> decks, boolean privateDeck, long now) {
        return h.createUpdate("UPDATE deck SET private = :private, updated_at = :now WHERE id IN (<decks>) AND private <> :private")
                .bindList("decks", decks).bind("private", privateDeck).bind("now", now).execute();
    }

    /** Renames a deck and its sub-decks, {@code decks}: "A::x" follows "A" when "A" becomes "B". */
    public void renameDecks(Handle h, List<Long> decks, String oldName, String newName, long now) {
        h.createUpdate("""
                        UPDATE deck SET name = :newName || substr(name, length(:oldName) + 1), updated_at = :now
                        WHERE id IN (<decks>)""")
                .bindList("decks", decks).bind("oldName", oldName).bind("newName", newName).bind("now", now)
                .execute();
    }

    public void deleteDeck(Handle h, long deckId) {
        h.createUpdate("DELETE FROM deck WHERE id = :id").bind("id", deckId).execute();
    }

    public void updateSettings(Handle h, long deckId, DeckSettings s, long now) {
        h.createUpdate("""
                        UPDATE deck SET new_per_day = :newPerDay, reviews_per_day = :reviewsPerDay,
                               desired_retention = :retention, maximum_interval = :maxInterval,
                               learning_steps = :learningSteps, relearning_steps = :relearningSteps,
                               weights = :weights, updated_at = :now
                        WHERE id = :id""")
                .bind("id", deckId).bind("newPerDay", s.newPerDay()).bind("reviewsPerDay", s.reviewsPerDay())
                .bind("retention", s.desiredRetention()).bind("maxInterval", s.maximumInterval())
                .bind("learningSteps", s.learningSteps()).bind("relearningSteps", s.relearningSteps())
                .bind("weights", s.weights()).bind("now", now).execute();
    }

    public LeechSettings leechSettings(Handle h, long deckId) {
        return h.createQuery("SELECT leech_threshold, leech_action FROM deck WHERE id = :id").bind("id", deckId)
                .map((rs, ctx) -> new LeechSettings(rs.getInt("leech_threshold"), "suspend".equals(rs.getString("leech_action"))))
                .findOne().orElse(LeechSettings.DEFAULT);
    }

    public void updateLeechSettings(Handle h, long deckId, LeechSettings leech) {
        h.createUpdate("UPDATE deck SET leech_threshold = :threshold, leech_action = :action WHERE id = :id")
                .bind("id", deckId).bind("threshold", leech.threshold()).bind("action", leech.suspend() ? "suspend" : "tag")
                .execute();
    }

    /** Interview dates of the decks that have one; a stored value that is not an ISO date counts as none. */
    public java.util.Map<Long, java.time.LocalDate> interviewDates(Handle h) {
        java.util.Map<Long, java.time.LocalDate> dates = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT id, interview_date FROM deck WHERE interview_date IS NOT NULL ORDER BY name")
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), rs.getString("interview_date")))
                .forEach(e -> {
                    try {
                        dates.put(e.getKey(), java.time.LocalDate.parse(e.getValue()));
                    } catch (java.time.format.DateTimeParseException ignored) {
                        // written by hand into the database; the settings form only stores valid dates
                    }
                });
        return dates;
    }

    public void updateInterviewDate(Handle h, long deckId, java.time.LocalDate date) {
        h.createUpdate("UPDATE deck SET interview_date = :date WHERE id = :id")
                .bind("id", deckId).bind("date", date == null ? null : date.toString()).execute();
    }

    public List<Card> cards(Handle h, long deckId) {
        return h.createQuery("SELECT " + CARD_COLUMNS + " FROM card WHERE deck_id = :deckId ORDER BY position, id")
                .bind("deckId", deckId).mapTo(Card.class).list();
    }

    /**
     * One page of a deck's own cards in the deck's order ({@link #cards}): those still in it, or those set aside
     * (removed from its deck file), from {@code offset}, at most {@code limit}.
     */
    public List<Card> cardPage(Handle h, long deckId, boolean setAside, long offset, int limit) {
        return h.createQuery("SELECT " + CARD_COLUMNS + """
                         FROM card WHERE deck_id = :deckId AND removed_from_source = :setAside
                        ORDER BY position, id LIMIT :limit OFFSET :offset""")
                .bind("deckId", deckId).bind("setAside", setAside ? 1 : 0).bind("limit", limit).bind("offset", offset)
                .mapTo(Card.class).list();
    }

    /** How many of a deck's own cards are still in it and how many are set aside, counted in one pass. */
    public CardCount cardCount(Handle h, long deckId) {
        return h.createQuery("""
                        SELECT COUNT(*) - COALESCE(SUM(removed_from_source), 0) AS kept,
                               COALESCE(SUM(removed_from_source), 0) AS set_aside
                          FROM card WHERE deck_id = :deckId""")
                .bind("deckId", deckId)
                .map((rs, ctx) -> new CardCount(rs.getLong("kept"), rs.getLong("set_aside"))).one();
    }

    /** A deck's own cards: {@code kept} still in it, {@code setAside} removed from its deck file. */
    public record CardCount(long kept, long setAside) {
    }

    /**
     * The number the database changes, in the same transaction, whenever a card of the deck is added, removed,
     * moved or given another answer (V25's triggers); 0 for no such deck.
     */
    public long answersVersion(Handle h, long deckId) {
        return h.createQuery("SELECT answers_version FROM deck WHERE id = :deckId")
                .bind("deckId", deckId).mapTo(Long.class).findOne().orElse(0L);
    }

    /** The answers of a deck's own cards, set aside ones too, in no particular order. */
    public List<String> answers(Handle h, long deckId) {
        return h.createQuery("SELECT answer FROM card WHERE deck_id = :deckId")
                .bind("deckId", deckId).mapTo(String.class).list();
    }

    /** The card, when {@code viewer} may see its deck. */
    public Optional<Card> card(Handle h, long viewer, long cardId) {
        return h.createQuery("SELECT " + CARD_COLUMNS + " FROM card WHERE id = :id AND deck_id NOT IN (" + HIDDEN_DECKS + ")")
                .bind("id", cardId).bind("viewer", viewer).mapTo(Card.class).findOne();
    }

    /** Every question, answer and deck description that may reference a media file (mentions "media/"). */
    public List<String> textsMentioningMedia(Handle h) {
        return h.createQuery("""
                        SELECT question FROM card WHERE instr(question, 'media/') > 0
                        UNION ALL SELECT answer FROM card WHERE instr(answer, 'media/') > 0
                        UNION ALL SELECT description FROM deck WHERE instr(description, 'media/') > 0""")
                .mapTo(String.class).list();
    }

    public int nextPosition(Handle h, long deckId) {
        return h.createQuery("SELECT COALESCE(MAX(position), -1) + 1 FROM card WHERE deck_id = :deckId")
                .bind("deckId", deckId).mapTo(Integer.class).one();
    }

    /** Inserts a card with a fresh New scheduling state for every learner. */
    public long insertCard(Handle h, long deckId, String uid, String question, String answer, String tags,
                           String meta, int position, long now) {
        long id = h.createUpdate("""
                        INSERT INTO card (deck_id, uid, question, answer, tags, meta, position, created_at, updated_at)
                        VALUES (:deckId, :uid, :question, :answer, :tags, :meta, :position, :now, :now)""")
                .bind("deckId", deckId).bind("uid", uid).bind("question", question).bind("answer", answer)
                .bind("tags", tags).bind("meta", meta).bind("position", position).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("""
                        INSERT INTO card_state (card_id, learner_id, due)
                        SELECT :cardId, id, :now FROM learner""")
                .bind("cardId", id).bind("now", now).execute();
        return id;
    }

    /**
     * Inserts cards at the end of an import, each with a fresh New state for every learner: one statement prepared
     * for all of them (preparing an insert compiles the triggers it fires, which cost more than the insert). The
     * search trigger is held back meanwhile and the new cards are indexed afterwards, one statement per search
     * table, which costs a small part of indexing them one by one (V10); the caller's transaction commits both or
     * neither. On PostgreSQL the trigger indexes each card (its V10 holds nothing back).
     */
    public void insertCards(Handle h, long deckId, List<NewCard> cards, long now) {
        if (cards.isEmpty()) {
            return;
        }
        indexingAfter(h, () -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO card (deck_id, uid, question, answer, tags, meta, position, created_at, updated_at)
                    VALUES (:deckId, :uid, :question, :answer, :tags, :meta, :position, :now, :now)""");
            for (NewCard card : cards) {
                batch.bind("deckId", deckId).bind("uid", card.uid()).bind("question", card.question())
                        .bind("answer", card.answer()).bind("tags", card.tags()).bind("meta", card.meta())
                        .bind("position", card.position()).bind("now", now).add();
            }
            batch.execute();
        });
        h.createUpdate("""
                        INSERT INTO card_state (card_id, learner_id, due)
                        SELECT c.id, l.id, :now FROM card c CROSS JOIN learner l
                        WHERE c.deck_id = :deckId
                          AND NOT EXISTS (SELECT 1 FROM card_state s WHERE s.card_id = c.id AND s.learner_id = l.id)""")
                .bind("deckId", deckId).bind("now", now).execute();
    }

    /**
     * Runs {@code insert}, which adds cards in bulk, with the search trigger held back, then indexes the cards it
     * added, one statement per search table (V10), in the caller's transaction. On PostgreSQL the trigger indexes
     * each card (its V10 holds nothing back).
     */
    public void indexingAfter(Handle h, Runnable insert) {
        if (Dialect.of(h) != Dialect.SQLITE) {
            insert.run();
            return;
        }
        // Ids only grow (AUTOINCREMENT, V7) and this transaction is the only writer: the new cards are the ones above.
        long lastIdBefore = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM card").mapTo(Long.class).one();
        h.execute("INSERT INTO search_index_held (held) VALUES (1)");
        insert.run();
        h.execute("DELETE FROM search_index_held");
        indexForSearch(h, lastIdBefore);
    }

    /** Indexes the cards with an id above {@code lastIdBefore} for search, as the insert trigger (V6) does one by one. */
    private static void indexForSearch(Handle h, long lastIdBefore) {
        h.createUpdate("""
                        INSERT INTO card_text (card_id, question, answer)
                        SELECT id, search_fold(question), search_fold(answer) FROM card WHERE id > :last""")
                .bind("last", lastIdBefore).execute();
        h.createUpdate("""
                        INSERT INTO card_text_index (rowid, question, answer)
                        SELECT card_id, question, answer FROM card_text WHERE card_id > :last""")
                .bind("last", lastIdBefore).execute();
        h.createUpdate("""
                        INSERT INTO card_text_cjk (rowid, question, answer)
                        SELECT card_id, search_cjk(question), search_cjk(answer) FROM card_text WHERE card_id > :last""")
                .bind("last", lastIdBefore).execute();
        h.createUpdate("""
                        INSERT INTO card_tag (card_id, tag)
                        SELECT c.id, t.value FROM card c, json_each(search_tags(c.tags)) t WHERE c.id > :last""")
                .bind("last", lastIdBefore).execute();
    }

    /** A card an import adds. */
    public record NewCard(String uid, String question, String answer, String tags, String meta, int position) {
    }

    public void updateCard(Handle h, Card card, long now) {
        h.createUpdate("""
                        UPDATE card SET deck_id = :deckId, uid = :uid, question = :question, answer = :answer,
                               tags = :tags, meta = :meta, position = :position,
                               removed_from_source = :removed, updated_at = :now
                        WHERE id = :id""")
                .bind("id", card.id()).bind("deckId", card.deckId()).bind("uid", card.uid())
                .bind("question", card.question()).bind("answer", card.answer()).bind("tags", card.tags())
                .bind("meta", card.meta()).bind("position", card.position())
                .bind("removed", card.removedFromSource()).bind("now", now).execute();
    }

    /** Cards taken out of their deck file are suspended rather than deleted, so their history stays. */
    public void setSuspended(Handle h, long cardId, boolean suspended) {
        h.createUpdate("UPDATE card_state SET suspended = :suspended WHERE card_id = :cardId")
                .bind("cardId", cardId).bind("suspended", suspended).execute();
    }

    /** A card's flag (0: none), for every learner, as deck files carry it. */
    public void setFlag(Handle h, long cardId, int flag) {
        h.createUpdate("UPDATE card_state SET flag = :flag WHERE card_id = :cardId")
                .bind("cardId", cardId).bind("flag", flag).execute();
    }

    /** What a deck file writes of the cards' state: suspended and flagged cards of the deck, by card id. */
    public Map<Long, CardMarks> marks(Handle h, long deckId) {
        Map<Long, CardMarks> marks = new HashMap<>();
        h.createQuery("""
                        SELECT s.card_id, MAX(s.suspended) AS suspended, MAX(s.flag) AS flag
                        FROM card c JOIN card_state s ON s.card_id = c.id
                        WHERE c.deck_id = :deck AND (s.suspended = 1 OR s.flag > 0) GROUP BY s.card_id""")
                .bind("deck", deckId)
                .map((rs, ctx) -> marks.put(rs.getLong("card_id"),
                        new CardMarks(rs.getInt("suspended") == 1, rs.getInt("flag"))))
                .list();
        return marks;
    }

    /** A card's suspension and flag as a deck file writes them ({@code <!-- suspended: yes -->}, {@code <!-- flag: 2 -->}). */
    public record CardMarks(boolean suspended, int flag) {
    }

    public void deleteCard(Handle h, long cardId) {
        h.createUpdate("DELETE FROM card WHERE id = :id").bind("id", cardId).execute();
    }

    public int reviewCount(Handle h, long cardId) {
        return h.createQuery("SELECT COUNT(*) FROM review_log WHERE card_id = :id")
                .bind("id", cardId).mapTo(Integer.class).one();
    }

    /** Cards and reviews that deleting {@code decks} (a deck with its sub-decks) would remove. */
    public DeletionImpact deletionImpact(Handle h, List<Long> decks) {
        return h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM card c WHERE c.deck_id IN (<decks>)) AS cards,
                               (SELECT COUNT(*) FROM review_log r JOIN card c ON c.id = r.card_id
                                WHERE c.deck_id IN (<decks>)) AS reviews""")
                .bindList("decks", decks)
                .map((rs, ctx) -> new DeletionImpact(decks.size(), rs.getInt("cards"), rs.getInt("reviews")))
                .one();
    }

    public record DeletionImpact(int decks, int cards, int reviews) {
    }
}
