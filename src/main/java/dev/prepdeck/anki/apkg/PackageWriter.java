package dev.prepdeck.anki.apkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.CollectionTiming;
import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.anki.render.FieldText;
import dev.prepdeck.error.Notice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a collection as a legacy .apkg: {@code collection.anki2} at schema 11 with note types, decks and deck
 * options as JSON in the col row, numbered media entries and a JSON media map. This is the layout of Anki's "Support
 * older Anki versions" export, which every current Anki and AnkiDroid imports. The package is written to a temporary
 * file next to {@code out} and moved into place only when complete.
 */
public final class PackageWriter {
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

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public PackageWriter() {
        this(Clock.systemUTC());
    }

    /** @param clock stamps the collection's modification times */
    public PackageWriter(Clock clock) {
        this.clock = clock;
    }

    public void write(AnkiCollection collection, List<MediaFile> media, Path out) {
        check(collection, media);
        Path database = null;
        Path partial = null;
        try {
            database = Files.createTempFile("prepdeck-anki-export-", ".anki2");
            writeCollection(collection, database);
            Path parent = out.toAbsolutePath().getParent();
            partial = Files.createTempFile(parent, ".prepdeck-export-", ".apkg.part");
            try (OutputStream file = Files.newOutputStream(partial);
                 ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
                zip.putNextEntry(new ZipEntry(PackageVersion.LEGACY_1.collectionEntry()));
                Files.copy(database, zip);
                zip.closeEntry();
                ObjectNode map = json.createObjectNode();
                for (int i = 0; i < media.size(); i++) {
                    zip.putNextEntry(new ZipEntry(String.valueOf(i)));
                    zip.write(media.get(i).content());
                    zip.closeEntry();
                    map.put(String.valueOf(i), media.get(i).name());
                }
                zip.putNextEntry(new ZipEntry("media"));
                zip.write(json.writeValueAsBytes(map));
                zip.closeEntry();
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(database);
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }

    /** Refuses a collection Anki's importer would reject or misread, naming the first problem found. */
    private static void check(AnkiCollection collection, List<MediaFile> media) {
        Map<Long, NoteType> types = collection.noteTypesById();
        Map<Long, AnkiNote> notes = collection.notesById();
        Map<Long, AnkiDeck> decks = collection.decksById();
        for (AnkiNote note : collection.notes()) {
            NoteType type = types.get(note.noteTypeId());
            if (type == null) {
                throw AnkiFormatException.worded("exportNoNoteType", String.valueOf(note.id()),
                        String.valueOf(note.noteTypeId()));
            }
            if (note.fields().size() != type.fields().size()) {
                throw AnkiFormatException.worded("exportFieldCount", String.valueOf(note.id()), note.fields().size(),
                        type.name(), type.fields().size());
            }
        }
        Set<Long> cardIds = new HashSet<>();
        for (AnkiCard card : collection.cards()) {
            cardIds.add(card.id());
            AnkiNote note = notes.get(card.noteId());
            if (note == null) {
                throw AnkiFormatException.worded("exportNoNote", String.valueOf(card.id()), String.valueOf(card.noteId()));
            }
            if (!decks.containsKey(card.deckId())) {
                throw AnkiFormatException.worded("exportNoDeck", String.valueOf(card.id()), String.valueOf(card.deckId()));
            }
            NoteType type = types.get(note.noteTypeId());
            if (type.kind() == NoteType.Kind.STANDARD && card.ord() >= type.templates().size()) {
                throw AnkiFormatException.worded("exportNoTemplate", String.valueOf(card.id()), card.ord(), type.name(),
                        type.templates().size());
            }
        }
        Set<Long> revlogIds = new HashSet<>();
        for (RevlogEntry entry : collection.revlog()) {
            if (!cardIds.contains(entry.cardId())) {
                throw AnkiFormatException.worded("exportNoCard", String.valueOf(entry.id()), String.valueOf(entry.cardId()));
            }
            if (!revlogIds.add(entry.id())) {
                throw AnkiFormatException.worded("exportSharedReviewId", String.valueOf(entry.id()));
            }
        }
        Set<String> names = new HashSet<>();
        for (MediaFile file : media) {
            MediaNames.requireSafe(file.name(), Notice.of("anki.error.exportPlace"));
            if (!names.add(file.name())) {
                throw AnkiFormatException.worded("exportMediaTwice", file.name());
            }
        }
    }

    private void writeCollection(AnkiCollection collection, Path database) {
        long nowMs = clock.millis();
        try (Connection db = CollectionDatabase.open(database, false)) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                for (String sql : SCHEMA_11.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            try (PreparedStatement col = db.prepareStatement(
                    "insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                col.setLong(1, collection.timing().creationSeconds());
                col.setLong(2, nowMs);
                col.setLong(3, nowMs);
                col.setString(4, conf(collection));
                col.setString(5, models(collection));
                col.setString(6, decks(collection));
                col.setString(7, deckConfigs());
                col.executeUpdate();
            }
            insertNotes(db, collection);
            insertCards(db, collection);
            insertRevlog(db, collection);
            db.commit();
        } catch (SQLException e) {
            throw AnkiFormatException.worded("exportUnwritable", String.valueOf(e.getMessage())).causedBy(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String conf(AnkiCollection collection) throws IOException {
        CollectionTiming timing = collection.timing();
        ObjectNode conf = json.createObjectNode();
        conf.set("activeDecks", json.createArrayNode().add(DEFAULT_DECK_ID));
        conf.put("curDeck", DEFAULT_DECK_ID);
        conf.put("newSpread", 0);
        conf.put("collapseTime", 1200);
        conf.put("timeLim", 0);
        conf.put("estTimes", true);
        conf.put("dueCounts", true);
        if (!collection.noteTypes().isEmpty()) {
            conf.put("curModel", String.valueOf(collection.noteTypes().get(0).id()));
        }
        conf.put("nextPos", collection.cards().stream().filter(c -> c.type() == CardType.NEW)
                .mapToLong(c -> c.due() + 1).max().orElse(1));
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

    private String models(AnkiCollection collection) throws IOException {
        ObjectNode models = json.createObjectNode();
        for (NoteType type : collection.noteTypes()) {
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

    private String decks(AnkiCollection collection) throws IOException {
        ObjectNode decks = json.createObjectNode();
        boolean hasDefault = collection.decks().stream().anyMatch(d -> d.id() == DEFAULT_DECK_ID);
        if (!hasDefault) {
            deck(decks, new AnkiDeck(DEFAULT_DECK_ID, "Default", "", false));
        }
        for (AnkiDeck deck : collection.decks()) {
            deck(decks, deck);
        }
        return json.writeValueAsString(decks);
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

    private void insertNotes(Connection db, AnkiCollection collection) throws SQLException {
        Map<Long, NoteType> types = collection.noteTypesById();
        try (PreparedStatement insert = db.prepareStatement(
                "insert into notes values (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')")) {
            for (AnkiNote note : collection.notes()) {
                NoteType type = types.get(note.noteTypeId());
                String first = FieldText.stripPreservingMediaNames(note.fields().isEmpty() ? "" : note.fields().get(0));
                int sortIndex = Math.min(type.sortFieldIndex(), Math.max(0, note.fields().size() - 1));
                String sort = note.fields().isEmpty() ? ""
                        : FieldText.stripPreservingMediaNames(note.fields().get(sortIndex));
                insert.setLong(1, note.id());
                insert.setString(2, note.guid());
                insert.setLong(3, note.noteTypeId());
                insert.setLong(4, note.modifiedSeconds());
                insert.setString(5, note.tags().isEmpty() ? "" : " " + String.join(" ", note.tags()) + " ");
                insert.setString(6, String.join(FIELD_SEPARATOR, note.fields()));
                insert.setString(7, sort);
                insert.setLong(8, fieldChecksum(first));
                insert.addBatch();
            }
            insert.executeBatch();
        }
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

    private void insertCards(Connection db, AnkiCollection collection) throws SQLException, IOException {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into cards values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AnkiCard card : collection.cards()) {
                insert.setLong(1, card.id());
                insert.setLong(2, card.noteId());
                insert.setLong(3, card.deckId());
                insert.setInt(4, card.ord());
                insert.setLong(5, card.modifiedSeconds());
                insert.setInt(6, card.type().code());
                insert.setInt(7, card.queue().code());
                insert.setLong(8, card.due());
                insert.setInt(9, card.interval());
                insert.setInt(10, card.easeFactor());
                insert.setInt(11, card.reps());
                insert.setInt(12, card.lapses());
                insert.setInt(13, card.remainingSteps());
                insert.setLong(14, card.originalDue());
                insert.setLong(15, card.originalDeckId());
                insert.setInt(16, card.flags());
                insert.setString(17, cardData(card));
                insert.addBatch();
            }
            insert.executeBatch();
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

    private void insertRevlog(Connection db, AnkiCollection collection) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into revlog values (?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
            for (RevlogEntry entry : collection.revlog()) {
                insert.setLong(1, entry.id());
                insert.setLong(2, entry.cardId());
                insert.setInt(3, entry.ease());
                insert.setInt(4, entry.interval());
                insert.setInt(5, entry.lastInterval());
                insert.setInt(6, entry.factor());
                insert.setInt(7, entry.timeMs());
                insert.setInt(8, entry.kind().code());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
