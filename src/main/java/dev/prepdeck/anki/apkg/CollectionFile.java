package dev.prepdeck.anki.apkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.CollectionSink;
import dev.prepdeck.anki.CollectionTiming;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.anki.render.FieldText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A legacy collection ({@code collection.anki2} at schema 11) written row by row into a SQLite file: each note, card
 * and review goes to the file as it comes, in batches of a fixed size, so a collection of any size is written in
 * bounded memory. The col row, which counts the new cards, is written last by {@link #finish()}; closing without it
 * leaves the file without a collection.
 */
public final class CollectionFile implements CollectionSink, AutoCloseable {
    static final String SCHEMA_11 = """
            create table col (id integer primary key, crt integer not null, mod integer not null,
              scm integer not null, ver integer not null, dty integer not null, usn integer not null,
              ls integer not null, conf text not null, models text not null, decks text not null,
              dconf text not null, tags text not null);
            create table notes (id integer primary key, guid text not null, mid integer not null,
              mod integer not null, usn integer not null, tags text not null, flds text not null,
              sfld integer not null, csum integer not null, flags integer not null, data text not null);
            create table cards (id integer primary key, nid integer not null, did integer not null,
              ord integer not null, mod integer not null, usn integer not null, type integer not null,
              queue integer not null, due integer not null, ivl integer not null, factor integer not null,
              reps integer not null, lapses integer not null, left integer not null, odue integer not null,
              odid integer not null, flags integer not null, data text not null);
            create table revlog (id integer primary key, cid integer not null, usn integer not null,
              ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
              time integer not null, type integer not null);
            create table graves (usn integer not null, oid integer not null, type integer not null);
            create index ix_notes_usn on notes (usn);
            create index ix_cards_usn on cards (usn);
            create index ix_revlog_usn on revlog (usn);
            create index ix_cards_nid on cards (nid);
            create index ix_cards_sched on cards (did, queue, due);
            create index ix_revlog_cid on revlog (cid);
            create index ix_notes_csum on notes (csum);
            """;

    private static final String FIELD_SEPARATOR = "\u001f";
    private static final long DEFAULT_DECK_ID = 1;
    private static final long DEFAULT_CONFIG_ID = 1;
    private static final Pattern FIELD_REFERENCE = Pattern.compile("\\{\\{(?:[^}:#^/]*:)*([^}#^/][^}]*)}}");
    /** Rows held in a JDBC batch before it is sent to SQLite, so the batch stays small whatever the export's size. */
    private static final int BATCH = 1000;

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final CollectionTiming timing;
    private final List<NoteType> noteTypes;
    private final List<AnkiDeck> decks;
    private final Map<Long, NoteType> typesById;
    private final Set<Long> deckIds;
    private final Connection db;
    private final PreparedStatement notes;
    private final PreparedStatement cards;
    private final PreparedStatement revlog;
    private int pendingNotes;
    private int pendingCards;
    private long nextPosition = 1;

    private CollectionFile(Path file, CollectionTiming timing, List<NoteType> noteTypes, List<AnkiDeck> decks,
            Clock clock) throws SQLException {
        this.clock = clock;
        this.timing = timing;
        this.noteTypes = List.copyOf(noteTypes);
        this.decks = List.copyOf(decks);
        this.typesById = noteTypes.stream().collect(Collectors.toMap(NoteType::id, Function.identity()));
        this.deckIds = decks.stream().map(AnkiDeck::id).collect(Collectors.toSet());
        this.db = CollectionDatabase.open(file, false);
        try {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                for (String sql : SCHEMA_11.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            notes = db.prepareStatement("insert into notes values (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')");
            cards = db.prepareStatement("insert into cards values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            revlog = db.prepareStatement("insert or ignore into revlog values (?, ?, 0, ?, ?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Creates the collection's tables in {@code file} (a new, empty file) for notes of these types in these decks.
     *
     * @param clock stamps the collection's modification times
     */
    public static CollectionFile create(Path file, CollectionTiming timing, List<NoteType> noteTypes,
            List<AnkiDeck> decks, Clock clock) {
        try {
            return new CollectionFile(file, timing, noteTypes, decks, clock);
        } catch (SQLException e) {
            throw unwritable(e);
        }
    }

    /** @throws AnkiFormatException when the note's type is not one of the collection's or its fields do not fit it */
    @Override
    public void note(AnkiNote note) {
        NoteType type = typeOf(note, typesById);
        String first = FieldText.stripPreservingMediaNames(note.fields().isEmpty() ? "" : note.fields().get(0));
        int sortIndex = Math.min(type.sortFieldIndex(), Math.max(0, note.fields().size() - 1));
        String sort = note.fields().isEmpty() ? "" : FieldText.stripPreservingMediaNames(note.fields().get(sortIndex));
        try {
            notes.setLong(1, note.id());
            notes.setString(2, note.guid());
            notes.setLong(3, note.noteTypeId());
            notes.setLong(4, note.modifiedSeconds());
            notes.setString(5, note.tags().isEmpty() ? "" : " " + String.join(" ", note.tags()) + " ");
            notes.setString(6, String.join(FIELD_SEPARATOR, note.fields()));
            notes.setString(7, sort);
            notes.setLong(8, fieldChecksum(first));
            notes.addBatch();
            if (++pendingNotes == BATCH) {
                notes.executeBatch();
                pendingNotes = 0;
            }
        } catch (SQLException e) {
            throw unwritable(e);
        }
    }

    /**
     * The note's type among {@code types}.
     *
     * @throws AnkiFormatException when the type is not one of them or the note's fields do not fit it
     */
    static NoteType typeOf(AnkiNote note, Map<Long, NoteType> types) {
        NoteType type = types.get(note.noteTypeId());
        if (type == null) {
            throw AnkiFormatException.worded("exportNoNoteType", String.valueOf(note.id()),
                    String.valueOf(note.noteTypeId()));
        }
        if (note.fields().size() != type.fields().size()) {
            throw AnkiFormatException.worded("exportFieldCount", String.valueOf(note.id()), note.fields().size(),
                    type.name(), type.fields().size());
        }
        return type;
    }

    /** @throws AnkiFormatException when the card's deck is not one of the collection's */
    @Override
    public void card(AnkiCard card) {
        if (!deckIds.contains(card.deckId())) {
            throw AnkiFormatException.worded("exportNoDeck", String.valueOf(card.id()), String.valueOf(card.deckId()));
        }
        if (card.type() == CardType.NEW) {
            nextPosition = Math.max(nextPosition, card.due() + 1);
        }
        try {
            cards.setLong(1, card.id());
            cards.setLong(2, card.noteId());
            cards.setLong(3, card.deckId());
            cards.setInt(4, card.ord());
            cards.setLong(5, card.modifiedSeconds());
            cards.setInt(6, card.type().code());
            cards.setInt(7, card.queue().code());
            cards.setLong(8, card.due());
            cards.setInt(9, card.interval());
            cards.setInt(10, card.easeFactor());
            cards.setInt(11, card.reps());
            cards.setInt(12, card.lapses());
            cards.setInt(13, card.remainingSteps());
            cards.setLong(14, card.originalDue());
            cards.setLong(15, card.originalDeckId());
            cards.setInt(16, card.flags());
            cards.setString(17, cardData(card));
            cards.addBatch();
            if (++pendingCards == BATCH) {
                cards.executeBatch();
                pendingCards = 0;
            }
        } catch (SQLException e) {
            throw unwritable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written at once (not batched): whether the id was free decides the caller's next try. */
    @Override
    public boolean revlog(RevlogEntry entry) {
        try {
            revlog.setLong(1, entry.id());
            revlog.setLong(2, entry.cardId());
            revlog.setInt(3, entry.ease());
            revlog.setInt(4, entry.interval());
            revlog.setInt(5, entry.lastInterval());
            revlog.setInt(6, entry.factor());
            revlog.setInt(7, entry.timeMs());
            revlog.setInt(8, entry.kind().code());
            return revlog.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unwritable(e);
        }
    }

    /** Writes the col row (note types, decks, options, the next new position) and commits the file. */
    public void finish() {
        long nowMs = clock.millis();
        try {
            notes.executeBatch();
            cards.executeBatch();
            pendingNotes = 0;
            pendingCards = 0;
            try (PreparedStatement col = db.prepareStatement(
                    "insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                col.setLong(1, timing.creationSeconds());
                col.setLong(2, nowMs);
                col.setLong(3, nowMs);
                col.setString(4, conf());
                col.setString(5, models());
                col.setString(6, decksJson());
                col.setString(7, deckConfigs());
                col.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            throw unwritable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (db; notes; cards; revlog) {
            if (!db.getAutoCommit()) {
                db.rollback();
            }
        } catch (SQLException e) {
            throw unwritable(e);
        }
    }

    private static AnkiFormatException unwritable(SQLException e) {
        return AnkiFormatException.worded("exportUnwritable", String.valueOf(e.getMessage())).causedBy(e);
    }

    private String conf() throws IOException {
                ObjectNode conf = json.createObjectNode();
        conf.set("activeDecks", json.createArrayNode().add(DEFAULT_DECK_ID));
        conf.put("curDeck", DEFAULT_DECK_ID);
        conf.put("newSpread", 0);
        conf.put("collapseTime", 1200);
        conf.put("timeLim", 0);
        conf.put("estTimes", true);
        conf.put("dueCounts", true);
        if (!noteTypes.isEmpty()) {
            conf.put("curModel", String.valueOf(noteTypes.get(0).id()));
        }
        conf.put("nextPos", nextPosition);
        conf.put("sortType", "noteFld");
        conf.put("sortBackwards", false);
        conf.put("addToCur", true);
        conf.put("dayLearnFirst", false);
        if (timing.rolloverHour() != null) {
            conf.put("schedVer", 2);
            conf.put("sched2021", true);
            conf.put("rollover", timing.rolloverHour());
        }
        if (timing.creationOffsetMinutesWest() != null) {
            conf.put("creationOffset", timing.creationOffsetMinutesWest());
        }
        return json.writeValueAsString(conf);
    }

    private String models() throws IOException {
        ObjectNode models = json.createObjectNode();
        for (NoteType type : noteTypes) {
            ObjectNode model = models.putObject(String.valueOf(type.id()));
            model.put("id", type.id());
            model.put("name", type.name());
            model.put("type", type.kind() == NoteType.Kind.CLOZE ? 1 : 0);
            model.put("mod", type.modifiedSeconds());
            model.put("usn", 0);
            model.put("sortf", type.sortFieldIndex());
            model.putNull("did");
            ArrayNode templates = model.putArray("tmpls");
            for (int i = 0; i < type.templates().size(); i++) {
                CardTemplate template = type.templates().get(i);
                ObjectNode t = templates.addObject();
                t.put("name", template.name());
                t.put("ord", i);
                t.put("qfmt", template.questionFormat());
                t.put("afmt", template.answerFormat());
                t.put("bqfmt", "");
                t.put("bafmt", "");
                t.putNull("did");
                t.put("bfont", "");
                t.put("bsize", 0);
            }
            ArrayNode fields = model.putArray("flds");
            for (int i = 0; i < type.fields().size(); i++) {
                ObjectNode f = fields.addObject();
                f.put("name", type.fields().get(i));
                f.put("ord", i);
                f.put("sticky", false);
                f.put("rtl", false);
                f.put("font", "Arial");
                f.put("size", 20);
                f.putArray("media");
            }
            model.put("css", type.css());
            model.put("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n"
                    + "\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n"
                    + "\\setlength{\\parindent}{0in}\n\\begin{document}\n");
            model.put("latexPost", "\\end{document}");
            model.put("latexsvg", false);
            model.set("req", requirements(type));
            model.putArray("tags");
            model.putArray("vers");
        }
        return json.writeValueAsString(models);
    }

    /**
     * Schema 11's card requirements, which Anki 2.1 before 2.1.28 reads to decide which templates make cards: a
     * template needs any of the fields its front refers to.
     */
    private ArrayNode requirements(NoteType type) {
        ArrayNode requirements = json.createArrayNode();
        if (type.kind() == NoteType.Kind.CLOZE) {
            return requirements;
        }
        for (int i = 0; i < type.templates().size(); i++) {
            Set<Integer> fields = new LinkedHashSet<>();
            Matcher reference = FIELD_REFERENCE.matcher(type.templates().get(i).questionFormat());
            while (reference.find()) {
                int index = type.fieldIndex(reference.group(1).trim());
                if (index >= 0) {
                    fields.add(index);
                }
            }
            ArrayNode requirement = requirements.addArray();
            requirement.add(i);
            requirement.add(fields.isEmpty() ? "none" : "any");
            ArrayNode ords = requirement.addArray();
            fields.forEach(ords::add);
        }
        return requirements;
    }

    private String decksJson() throws IOException {
        ObjectNode all = json.createObjectNode();
        boolean hasDefault = decks.stream().anyMatch(d -> d.id() == DEFAULT_DECK_ID);
        if (!hasDefault) {
            deck(all, new AnkiDeck(DEFAULT_DECK_ID, "Default", "", false));
        }
        for (AnkiDeck deck : decks) {
            deck(all, deck);
        }
        return json.writeValueAsString(all);
    }

    private void deck(ObjectNode decks, AnkiDeck deck) {
        ObjectNode d = decks.putObject(String.valueOf(deck.id()));
        d.put("id", deck.id());
        d.put("mod", 0);
        d.put("name", deck.name());
        d.put("usn", 0);
        for (String today : List.of("lrnToday", "revToday", "newToday", "timeToday")) {
            d.putArray(today).add(0).add(0);
        }
        d.put("collapsed", false);
        d.put("browserCollapsed", false);
        d.put("desc", deck.description());
        if (deck.filtered()) {
            // the fields Anki's filtered-deck JSON requires; it gathers no cards until rebuilt by the learner
            d.put("dyn", 1);
            d.put("resched", true);
            d.putArray("terms").addArray().add("").add(100).add(0);
            d.put("separate", true);
            d.putNull("delays");
            d.put("previewDelay", 10);
        } else {
            d.put("dyn", 0);
            d.put("conf", DEFAULT_CONFIG_ID);
            d.put("extendNew", 0);
            d.put("extendRev", 0);
        }
    }

    /**
     * One options group with Anki's defaults. Its modification time is 0, so importing never replaces the options
     * the learner already has under the same id.
     */
    private String deckConfigs() throws IOException {
        ObjectNode configs = json.createObjectNode();
        ObjectNode c = configs.putObject(String.valueOf(DEFAULT_CONFIG_ID));
        c.put("id", DEFAULT_CONFIG_ID);
        c.put("mod", 0);
        c.put("name", "Default");
        c.put("usn", 0);
        c.put("maxTaken", 60);
        c.put("autoplay", true);
        c.put("timer", 0);
        c.put("replayq", true);
        c.put("dyn", false);
        ObjectNode fresh = c.putObject("new");
        fresh.put("bury", false);
        fresh.putArray("delays").add(1.0).add(10.0);
        fresh.put("initialFactor", 2500);
        fresh.putArray("ints").add(1).add(4).add(0);
        fresh.put("order", 1);
        fresh.put("perDay", 20);
        ObjectNode rev = c.putObject("rev");
        rev.put("bury", false);
        rev.put("ease4", 1.3);
        rev.put("ivlFct", 1.0);
        rev.put("maxIvl", 36500);
        rev.put("perDay", 200);
        rev.put("hardFactor", 1.2);
        ObjectNode lapse = c.putObject("lapse");
        lapse.putArray("delays").add(10.0);
        lapse.put("leechAction", 1);
        lapse.put("leechFails", 8);
        lapse.put("minInt", 1);
        lapse.put("mult", 0.0);
        c.put("desiredRetention", 0.9);
        return json.writeValueAsString(configs);
    }

    /** notes.csum: the first 4 bytes of the SHA-1 of the first field's text, as an unsigned number. */
    static long fieldChecksum(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                    | (digest[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** cards.data with the keys Anki 23.10+ writes: pos, s, d, dr, decay, lrt. */
    private String cardData(AnkiCard card) throws IOException {
        ObjectNode data = json.createObjectNode();
        if (card.originalPosition() != null) {
            data.put("pos", card.originalPosition());
        }
        MemoryState memory = card.memory();
        if (memory.stability() != null) {
            data.put("s", memory.stability());
        }
        if (memory.difficulty() != null) {
            data.put("d", memory.difficulty());
        }
        if (memory.desiredRetention() != null) {
            data.put("dr", memory.desiredRetention());
        }
        if (memory.decay() != null) {
            data.put("decay", memory.decay());
        }
        if (memory.lastReviewSeconds() != null) {
            data.put("lrt", memory.lastReviewSeconds());
        }
        return json.writeValueAsString(data);
    }
}
