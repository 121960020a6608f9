package dev.prepdeck.anki.apkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.CollectionTiming;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.anki.RevlogKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Reads a collection file into the plain model: schema 11 keeps note types and decks as JSON in the col row,
 * schemas 15 to 18 keep them in tables with protobuf configs (rslib/src/storage/upgrades). Opening reads the small
 * parts (schema, timing, note types, decks) and checks the codes every card and review must have; the notes, cards
 * and reviews are then read whole or a page of cards at a time, so a collection of any size fits in a bounded heap.
 */
final class CollectionReader implements AutoCloseable {
    static final int LEGACY_SCHEMA = 11;
    static final int FIRST_TABLE_SCHEMA = 15;
    static final int LATEST_SCHEMA = 18;
    private static final String FIELD_SEPARATOR = "\u001f";
    private static final String CARD_COLUMNS = "id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses,"
            + " left, odue, odid, flags, data";
    private static final String REVLOG_COLUMNS = "id, cid, ease, ivl, lastIvl, factor, time, type";

    private final ObjectMapper json = new ObjectMapper();
    private final Connection db;
    private final String source;
    private final int schemaVersion;
    private final CollectionTiming timing;
    private final List<NoteType> noteTypes;
    private final List<AnkiDeck> decks;

    private CollectionReader(Connection db, String source) throws SQLException {
        this.db = db;
        this.source = source;
        schemaVersion = schemaVersion(db);
        if (schemaVersion == LEGACY_SCHEMA) {
            JsonNode conf = jsonColumn(db, "conf");
            timing = timing(db, conf.path("schedVer"), conf.path("rollover"), conf.path("creationOffset"));
            noteTypes = legacyNoteTypes(jsonColumn(db, "models"));
            decks = legacyDecks(jsonColumn(db, "decks"));
        } else {
            Map<String, JsonNode> config = config(db);
            timing = timing(db, config.get("schedVer"), config.get("rollover"), config.get("creationOffset"));
            noteTypes = tableNoteTypes(db);
            decks = tableDecks(db);
        }
        checkCodes();
    }

    /**
     * Opens a collection file that is the caller's own copy: it is given the indexes that reading it a page at a
     * time needs (Anki's own files may lack them).
     *
     * @param source how to name the collection in messages, e.g. "deck.apkg: collection.anki21b"
     */
    static CollectionReader open(Path file, String source) {
        Connection db = null;
        try {
            db = CollectionDatabase.open(file, false);
            CollectionReader reader = new CollectionReader(db, source);
            reader.index();
            return reader;
        } catch (SQLException e) {
            closeQuietly(db);
            throw sqlError(e, source);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    private static void closeQuietly(Connection db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException e) {
            // the open failure is what the caller needs to hear about
        }
    }

    @Override
    public void close() {
        closeQuietly(db);
    }

    /** The collection's schema (col.ver). */
    int schemaVersion() {
        return schemaVersion;
    }

    CollectionTiming timing() {
        return timing;
    }

    /** Everything in the collection at once, notes and reviews of no card included: for a small collection. */
    AnkiCollection whole() {
        try {
            return new AnkiCollection(timing, noteTypes, decks, notes(db), cards(db), revlog(db));
        } catch (SQLException e) {
            throw sqlError(e, source);
        }
    }

    /**
     * Hands over the collection {@code size} cards at a time in note order (note id, then template), each page with
     * the notes of its cards and their reviews in time order.
     */
    void forEachPage(int size, Consumer<AnkiCollection> action) {
        Long[] after = null;
        while (true) {
            AnkiCollection page;
            try {
                List<AnkiCard> cards = cardPage(after, size);
                if (cards.isEmpty()) {
                    return;
                }
                AnkiCard last = cards.get(cards.size() - 1);
                after = new Long[] {last.noteId(), (long) last.ord(), last.id()};
                page = new AnkiCollection(timing, noteTypes, decks,
                        notesOf(cards.stream().map(AnkiCard::noteId).distinct().toList()), cards,
                        revlogOf(cards.stream().map(AnkiCard::id).toList()));
            } catch (SQLException e) {
                throw sqlError(e, source);
            }
            action.accept(page);
        }
    }

    /** The indexes a page's cards (in note order) and their reviews (by card) are found with. */
    private void index() throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS prepdeck_cards_in_note_order ON cards (nid, ord, id)");
            statement.execute("CREATE INDEX IF NOT EXISTS prepdeck_revlog_by_card ON revlog (cid, id)");
        }
    }

    /**
     * Refuses an unknown card type, card queue or review type before anything is read or written: a review of a
     * card the collection lacks is never read, yet makes the collection damaged as a whole.
     */
    private void checkCodes() throws SQLException {
        firstUnknown("cards", "type", code -> CardType.of(code), "cardType");
        firstUnknown("cards", "queue", code -> CardQueue.of(code), "cardQueue");
        firstUnknown("revlog", "type", code -> RevlogKind.of(code), "reviewKind");
    }

    private void firstUnknown(String table, String column, IntConsumer known, String problem) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(
                "select " + column + ", min(id) as first from " + table + " group by " + column + " order by first");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                try {
                    known.accept(rows.getInt(1));
                } catch (IllegalArgumentException e) {
                    throw AnkiFormatException.worded(problem, source, String.valueOf(rows.getLong(2)),
                            String.valueOf(rows.getInt(1)));
                }
            }
        }
    }

    private static AnkiFormatException sqlError(SQLException e, String source) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_NOTADB") || message.contains("not a database")) {
            return AnkiFormatException.worded("notSqlite", source).causedBy(e);
        }
        if (message.contains("no such table") || message.contains("no such column")) {
            return AnkiFormatException.worded("notCollection", source, message).causedBy(e);
        }
        return AnkiFormatException.worded("collectionUnreadable", source, message).causedBy(e);
    }

    private int schemaVersion(Connection db) throws SQLException {
        int version;
        try (PreparedStatement statement = db.prepareStatement("select ver from col");
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw AnkiFormatException.worded("emptyCol", source);
            }
            version = rows.getInt(1);
        }
        if (version == LEGACY_SCHEMA || version >= FIRST_TABLE_SCHEMA && version <= LATEST_SCHEMA) {
            return version;
        }
        if (version > LATEST_SCHEMA) {
            throw AnkiFormatException.worded("schemaNewer", source, String.valueOf(version));
        }
        throw AnkiFormatException.worded("schemaUnsupported", source, String.valueOf(version));
    }

    private JsonNode jsonColumn(Connection db, String column) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select " + column + " from col");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return parseJson(rows.getString(1), "col." + column);
        }
    }

    private JsonNode parseJson(String text, String what) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw AnkiFormatException.worded("columnJson", source, what, String.valueOf(e.getOriginalMessage()))
                    .causedBy(e);
        }
    }

    private Map<String, JsonNode> config(Connection db) throws SQLException {
        Map<String, JsonNode> config = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement("select key, val from config");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                byte[] value = rows.getBytes(2);
                String text = value == null ? "null" : new String(value, StandardCharsets.UTF_8);
                try {
                    config.put(rows.getString(1), json.readTree(text));
                } catch (JsonProcessingException e) {
                    // A setting this reader does not use may hold anything; the ones it uses are checked below.
                    config.put(rows.getString(1), null);
                }
            }
        }
        return config;
    }

    private CollectionTiming timing(Connection db, JsonNode schedulerVersion, JsonNode rollover, JsonNode offset)
            throws SQLException {
        long creation;
        try (PreparedStatement statement = db.prepareStatement("select crt from col");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            creation = rows.getLong(1);
        }
        boolean v1 = schedulerVersion == null || !schedulerVersion.canConvertToInt() || schedulerVersion.asInt() < 2;
        // Anki itself sets a missing v2 rollover to 4 am.
        Integer rolloverHour = v1 ? null : rollover != null && rollover.canConvertToInt() ? rollover.asInt() : 4;
        Integer minutesWest = offset != null && offset.canConvertToInt() ? offset.asInt() : null;
        return new CollectionTiming(creation, minutesWest, rolloverHour);
    }

    private List<NoteType> legacyNoteTypes(JsonNode models) {
        List<NoteType> types = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            JsonNode model = it.next().getValue();
            long id = model.path("id").asLong();
            String name = model.path("name").asText();
            List<JsonNode> fields = sortedByOrd(model.path("flds"));
            List<JsonNode> templates = sortedByOrd(model.path("tmpls"));
            List<CardTemplate> cardTemplates = new ArrayList<>();
            for (int i = 0; i < templates.size(); i++) {
                JsonNode t = templates.get(i);
                cardTemplates.add(new CardTemplate(t.path("name").asText(), i, t.path("qfmt").asText(),
                        t.path("afmt").asText()));
            }
            NoteType.Kind kind = model.path("type").asInt() == 1 ? NoteType.Kind.CLOZE : NoteType.Kind.STANDARD;
            types.add(new NoteType(id, name, kind, fields.stream().map(f -> f.path("name").asText()).toList(),
                    cardTemplates, model.path("sortf").asInt(), model.path("css").asText(""),
                    model.path("mod").asLong()));
        }
        types.sort(Comparator.comparingLong(NoteType::id));
        return types;
    }

    /** Fields and templates in "ord" order; a list without ords keeps its own order (the sort is stable). */
    private static List<JsonNode> sortedByOrd(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparingInt(n -> n.path("ord").asInt(0)));
        return items;
    }

    private List<AnkiDeck> legacyDecks(JsonNode decks) {
        List<AnkiDeck> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = decks.fields(); it.hasNext(); ) {
            JsonNode deck = it.next().getValue();
            JsonNode dyn = deck.path("dyn");
            boolean filtered = dyn.isBoolean() ? dyn.asBoolean() : dyn.asInt() == 1;
            result.add(new AnkiDeck(deck.path("id").asLong(), deck.path("name").asText(),
                    deck.path("desc").asText(""), filtered));
        }
        result.sort(Comparator.comparingLong(AnkiDeck::id));
        return result;
    }

    private List<NoteType> tableNoteTypes(Connection db) throws SQLException {
        Map<Long, List<String>> fields = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement("select ntid, name from fields order by ntid, ord");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                fields.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        Map<Long, List<CardTemplate>> templates = new HashMap<>();
        try (PreparedStatement statement =
                     db.prepareStatement("select ntid, ord, name, config from templates order by ntid, ord");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long noteTypeId = rows.getLong(1);
                PackageProtos.TemplateConfig config = decode(() -> PackageProtos.templateConfig(bytes(rows, 4)),
                        "templateConfig", rows.getString(3));
                List<CardTemplate> list = templates.computeIfAbsent(noteTypeId, k -> new ArrayList<>());
                list.add(new CardTemplate(rows.getString(3), list.size(), config.questionFormat(),
                        config.answerFormat()));
            }
        }
        List<NoteType> types = new ArrayList<>();
        try (PreparedStatement statement =
                     db.prepareStatement("select id, name, mtime_secs, config from notetypes order by id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                String name = rows.getString(2);
                PackageProtos.NotetypeConfig config = decode(() -> PackageProtos.notetypeConfig(bytes(rows, 4)),
                        "noteTypeConfig", name);
                types.add(new NoteType(id, name, config.kind() == 1 ? NoteType.Kind.CLOZE : NoteType.Kind.STANDARD,
                        fields.getOrDefault(id, List.of()), templates.getOrDefault(id, List.of()),
                        config.sortFieldIndex(), config.css(), rows.getLong(3)));
            }
        }
        return types;
    }

    private List<AnkiDeck> tableDecks(Connection db) throws SQLException {
        List<AnkiDeck> decks = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("select id, name, kind from decks order by id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(2).replace(FIELD_SEPARATOR, AnkiDeck.SEPARATOR);
                PackageProtos.DeckKind kind = decode(() -> PackageProtos.deckKind(bytes(rows, 3)),
                        "deckKind", name);
                decks.add(new AnkiDeck(rows.getLong(1), name, kind.description(), kind.filtered()));
            }
        }
        return decks;
    }

    private static byte[] bytes(ResultSet rows, int column) throws SQLException {
        byte[] value = rows.getBytes(column);
        return value == null ? new byte[0] : value;
    }

    private interface ProtoRead<T> {
        T read() throws IOException, SQLException;
    }

    /** Reads a protobuf column; {@code problem} names the sentence {@code anki.error.<problem>} about {@code name}. */
    private <T> T decode(ProtoRead<T> read, String problem, String name) throws SQLException {
        try {
            return read.read();
        } catch (IOException e) {
            throw AnkiFormatException.worded(problem, source, name).causedBy(e);
        }
    }

    private List<AnkiNote> notes(Connection db) throws SQLException {
        return notes(db.prepareStatement("select id, guid, mid, mod, tags, flds from notes order by id"));
    }

    private List<AnkiNote> notesOf(List<Long> ids) throws SQLException {
        return notes(bound(db.prepareStatement(
                "select id, guid, mid, mod, tags, flds from notes where id in (" + placeholders(ids.size()) + ")"),
                ids));
    }

    private static List<AnkiNote> notes(PreparedStatement query) throws SQLException {
        List<AnkiNote> notes = new ArrayList<>();
        try (PreparedStatement statement = query; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String tags = rows.getString(5);
                List<String> tagList = tags == null || tags.isBlank()
                        ? List.of() : Arrays.asList(tags.trim().split("\\s+"));
                String fields = rows.getString(6);
                notes.add(new AnkiNote(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                        tagList, Arrays.asList((fields == null ? "" : fields).split(FIELD_SEPARATOR, -1))));
            }
        }
        return notes;
    }

    private List<AnkiCard> cards(Connection db) throws SQLException {
        return cards(db.prepareStatement("select " + CARD_COLUMNS + " from cards order by id"));
    }

    /** The {@code size} cards after {@code after} (note id, template, card id) in that order, else the first ones. */
    private List<AnkiCard> cardPage(Long[] after, int size) throws SQLException {
        String where = after == null ? "" : " where (nid, ord, id) > (?, ?, ?)";
        PreparedStatement query = db.prepareStatement(
                "select " + CARD_COLUMNS + " from cards" + where + " order by nid, ord, id limit " + size);
        return cards(after == null ? query : bound(query, List.of(after)));
    }

    private List<AnkiCard> cards(PreparedStatement query) throws SQLException {
        List<AnkiCard> cards = new ArrayList<>();
        try (PreparedStatement statement = query; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                CardType type;
                CardQueue queue;
                try {
                    type = CardType.of(rows.getInt(6));
                } catch (IllegalArgumentException e) {
                    throw AnkiFormatException.worded("cardType", source, String.valueOf(id), String.valueOf(rows.getInt(6)));
                }
                try {
                    queue = CardQueue.of(rows.getInt(7));
                } catch (IllegalArgumentException e) {
                    throw AnkiFormatException.worded("cardQueue", source, String.valueOf(id), String.valueOf(rows.getInt(7)));
                }
                JsonNode data = cardData(rows.getString(17));
                cards.add(new AnkiCard(id, rows.getLong(2), rows.getLong(3), rows.getInt(4), rows.getLong(5), type,
                        queue, rows.getLong(8), rows.getInt(9), rows.getInt(10), rows.getInt(11), rows.getInt(12),
                        rows.getInt(13), rows.getLong(14), rows.getLong(15), rows.getInt(16), memory(data),
                        data.path("pos").canConvertToLong() ? data.path("pos").asLong() : null));
            }
        }
        return cards;
    }

    /** Like Anki, a card's data that is not a JSON object counts as empty rather than as an error. */
    private JsonNode cardData(String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private static MemoryState memory(JsonNode data) {
        return new MemoryState(number(data, "s"), number(data, "d"), number(data, "dr"), number(data, "decay"),
                data.path("lrt").canConvertToLong() ? data.path("lrt").asLong() : null);
    }

    private static Double number(JsonNode data, String key) {
        JsonNode value = data.path(key);
        return value.isNumber() && Double.isFinite(value.asDouble()) ? value.asDouble() : null;
    }

    private List<RevlogEntry> revlog(Connection db) throws SQLException {
        return revlog(db.prepareStatement("select " + REVLOG_COLUMNS + " from revlog order by id"));
    }

    /** The reviews of these cards, card by card, each card's in time order (the order of their ids). */
    private List<RevlogEntry> revlogOf(List<Long> cardIds) throws SQLException {
        return revlog(bound(db.prepareStatement("select " + REVLOG_COLUMNS + " from revlog where cid in ("
                + placeholders(cardIds.size()) + ") order by cid, id"), cardIds));
    }

    private List<RevlogEntry> revlog(PreparedStatement query) throws SQLException {
        List<RevlogEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = query; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                RevlogKind kind;
                try {
                    kind = RevlogKind.of(rows.getInt(8));
                } catch (IllegalArgumentException e) {
                    throw AnkiFormatException.worded("reviewKind", source, String.valueOf(rows.getLong(1)),
                            String.valueOf(rows.getInt(8)));
                }
                entries.add(new RevlogEntry(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getInt(4),
                        rows.getInt(5), rows.getInt(6), rows.getInt(7), kind));
            }
        }
        return entries;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** The statement with these values bound in order; closed if binding fails. */
    private static PreparedStatement bound(PreparedStatement statement, List<Long> values) throws SQLException {
        try {
            for (int i = 0; i < values.size(); i++) {
                statement.setLong(i + 1, values.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
