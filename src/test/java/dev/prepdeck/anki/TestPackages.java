package dev.prepdeck.anki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sqlite.Collation;

/**
 * Builds small Anki packages in the tests, independently of the code under test: raw SQL through sqlite-jdbc for a
 * schema-11 collection (JSON in the col row) and a schema-18 one (protobuf configs in tables, zstd throughout).
 */
public final class TestPackages {
    public static final long BASIC = 1001;
    public static final long REVERSED = 1002;
    public static final long CLOZE = 1003;
    public static final long TYPING = 1004;
    public static final long LANGUAGES = 2001;
    public static final long FRENCH = 2002;
    public static final long VERBS = 2003;
    public static final long TECH = 2004;
    public static final long CRAM = 2005;
    public static final String BACK = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}";
    public static final String SQL_ANSWER = "Groups rows:<table><tr><th>a</th><th>count</th></tr>"
            + "<tr><td>x</td><td>2</td></tr></table>"
            + "<pre><code class=\"language-sql\">SELECT a, COUNT(*)<br>FROM t GROUP BY a;</code></pre>";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestPackages() {
    }

    /** Four note types, nested and filtered decks, cards in every state, FSRS data on some, history on others. */
    public static AnkiCollection sample() {
        List<NoteType> types = List.of(
                new NoteType(BASIC, "Basic", NoteType.Kind.STANDARD, List.of("Front", "Back"),
                        List.of(new CardTemplate("Card 1", 0, "{{Front}}", BACK)), 0, ".card {}", 1_700_000_100),
                new NoteType(REVERSED, "Basic (and reversed card)", NoteType.Kind.STANDARD, List.of("Front", "Back"),
                        List.of(new CardTemplate("Card 1", 0, "{{Front}}", BACK),
                                new CardTemplate("Card 2", 1, "{{Back}}", BACK.replace("{{Back}}", "{{Front}}"))),
                        0, ".card {}", 1_700_000_100),
                new NoteType(CLOZE, "Cloze", NoteType.Kind.CLOZE, List.of("Text", "Back Extra"),
                        List.of(new CardTemplate("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")),
                        0, ".cloze {font-weight: bold}", 1_700_000_100),
                new NoteType(TYPING, "Basic (type in the answer)", NoteType.Kind.STANDARD, List.of("Front", "Back"),
                        List.of(new CardTemplate("Card 1", 0, "{{Front}}\n\n{{type:Back}}",
                                "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")), 0, "", 1_700_000_100));
        List<AnkiDeck> decks = List.of(
                new AnkiDeck(1, "Default", "", false),
                new AnkiDeck(LANGUAGES, "Languages", "", false),
                new AnkiDeck(FRENCH, "Languages::French", "", false),
                new AnkiDeck(VERBS, "Languages::French::Verbs", "", false),
                new AnkiDeck(TECH, "Tech", "SQL and friends", false),
                new AnkiDeck(CRAM, "Cram", "", true));
        List<AnkiNote> notes = List.of(
                new AnkiNote(1_700_000_000_001L, "basic-1", BASIC, 1_700_000_500, List.of("sql", "db"),
                        List.of("What does <b>GROUP BY</b> do?", SQL_ANSWER)),
                new AnkiNote(1_700_000_000_002L, "rev-1", REVERSED, 1_700_000_500, List.of("french"),
                        List.of("chat", "cat <img src=\"cat.png\">")),
                new AnkiNote(1_700_000_000_003L, "cloze-1", CLOZE, 1_700_000_500, List.of("geo"),
                        List.of("{{c1::Paris}} is the capital of {{c2::France::country}}; {{c3::Berlin}} is Germany's",
                                "[sound:paris.mp3]")),
                new AnkiNote(1_700_000_000_004L, "type-1", TYPING, 1_700_000_500, List.of(),
                        List.of("être", "to be")));
        List<AnkiCard> cards = List.of(
                card(101, 1, TECH, 0, CardType.REVIEW, CardQueue.REVIEW, 40, 12, 2500, 5, 1, 0, 0, 0, 0,
                        new MemoryState(12.5, 5.25, 0.9, 0.1542, 1_702_000_000L)),
                card(102, 2, FRENCH, 0, CardType.REVIEW, CardQueue.SUSPENDED, 45, 20, 2300, 4, 0, 0, 0, 0, 1,
                        new MemoryState(20.0, 4.0, 0.9, null, null)),
                card(103, 2, FRENCH, 1, CardType.NEW, CardQueue.USER_BURIED, 7, 0, 0, 0, 0, 0, 0, 0, 0,
                        MemoryState.NONE),
                card(104, 3, LANGUAGES, 0, CardType.LEARNING, CardQueue.LEARNING, 1_703_001_500, 0, 2500, 1, 0, 1,
                        0, 0, 0, MemoryState.NONE),
                card(105, 3, LANGUAGES, 1, CardType.LEARNING, CardQueue.DAY_LEARNING, 41, 0, 2500, 2, 0, 1001, 0,
                        0, 0, MemoryState.NONE),
                card(106, 3, CRAM, 2, CardType.NEW, CardQueue.NEW, -100_000, 0, 0, 0, 0, 0, 9, LANGUAGES, 4,
                        MemoryState.NONE),
                card(107, 4, VERBS, 0, CardType.NEW, CardQueue.NEW, 10, 0, 0, 0, 0, 0, 0, 0, 0, MemoryState.NONE));
        List<RevlogEntry> revlog = List.of(
                new RevlogEntry(1_701_400_000_000L, id(101), 3, -600, 0, 0, 5000, RevlogKind.LEARNING),
                new RevlogEntry(1_701_400_600_000L, id(101), 3, 1, -600, 2500, 4000, RevlogKind.LEARNING),
                new RevlogEntry(1_701_500_000_000L, id(101), 1, -600, 1, 2300, 8000, RevlogKind.REVIEW),
                new RevlogEntry(1_701_500_700_000L, id(101), 3, 3, -600, 2300, 3000, RevlogKind.RELEARNING),
                new RevlogEntry(1_702_000_000_000L, id(101), 4, 12, 3, 2500, 2000, RevlogKind.REVIEW),
                new RevlogEntry(1_702_100_000_000L, id(101), 0, 15, 12, 2500, 0, RevlogKind.RESCHEDULED),
                new RevlogEntry(1_702_900_000_000L, id(105), 1, -60, 0, 0, 9000, RevlogKind.LEARNING),
                new RevlogEntry(1_702_900_100_000L, id(105), 3, 1, -60, 2500, 6000, RevlogKind.LEARNING),
                new RevlogEntry(1_702_950_000_000L, id(102), 3, 20, 8, 2300, 6000, RevlogKind.REVIEW),
                new RevlogEntry(1_702_960_000_000L, id(102), 0, 25, 20, 2300, 0, RevlogKind.MANUAL),
                new RevlogEntry(1_702_970_000_000L, id(102), 3, 8, 20, 0, 1000, RevlogKind.FILTERED),
                new RevlogEntry(1_703_000_900_000L, id(104), 3, -600, 0, 0, 7000, RevlogKind.LEARNING));
        return new AnkiCollection(new CollectionTiming(1_699_934_400L, 0, 4), types, decks, notes, cards, revlog);
    }

    /** The deck only the last notes of {@link #large} go to. */
    public static final long LATE = 2006;
    /** In {@link #large}, this note takes the guid of note 1, so its card is skipped on a later page. */
    public static final int SAME_GUID_NOTE = 1001;

    /**
     * {@code notes} notes for imports larger than a page: every third note a reversed pair, the rest basic, spread
     * over the sample's decks, the last 20 in {@link #LATE}. Card ids fall as notes rise, so id order is not note
     * order; most cards are studied, with one to four reviews, some with FSRS memory, some suspended; every 50th
     * note shows cat.png.
     */
    public static AnkiCollection large(int notes) {
        AnkiCollection sample = sample();
        List<NoteType> types = sample.noteTypes().stream().filter(t -> t.id() == BASIC || t.id() == REVERSED).toList();
        List<AnkiDeck> decks = new java.util.ArrayList<>(sample.decks());
        decks.add(new AnkiDeck(LATE, "Late", "", false));
        long[] spread = {TECH, FRENCH, VERBS, LANGUAGES};
        List<AnkiNote> noteRows = new java.util.ArrayList<>();
        List<AnkiCard> cards = new java.util.ArrayList<>();
        List<RevlogEntry> revlog = new java.util.ArrayList<>();
        for (int i = 0; i < notes; i++) {
            long noteId = 1_800_000_000_000L + i;
            long type = i % 3 == 0 ? REVERSED : BASIC;
            String guid = i == SAME_GUID_NOTE ? "big-1" : "big-" + i;
            String picture = i % 50 == 0 ? " <img src=\"cat.png\">" : "";
            noteRows.add(new AnkiNote(noteId, guid, type, 1_700_000_500 + i, List.of("big", "n" + (i % 7)),
                    List.of("Question <b>" + i + "</b>", "Answer " + i + picture)));
            long deck = i >= notes - 20 ? LATE : spread[i % spread.length];
            for (int ord = 0; ord < (type == REVERSED ? 2 : 1); ord++) {
                long cardId = 1_900_000_000_000L - 2L * i - ord;
                if ((i + ord) % 5 == 0) {
                    cards.add(new AnkiCard(cardId, noteId, deck, ord, 1_700_000_600, CardType.NEW, CardQueue.NEW,
                            i, 0, 0, 0, 0, 0, 0, 0, 0, MemoryState.NONE, null));
                    continue;
                }
                int reviews = 1 + (i + ord) % 4;
                MemoryState memory = i % 7 == 0 ? new MemoryState(3.0 + i % 11, 4.5, 0.9, null, null)
                        : MemoryState.NONE;
                CardQueue queue = i % 13 == 0 ? CardQueue.SUSPENDED : CardQueue.REVIEW;
                cards.add(new AnkiCard(cardId, noteId, deck, ord, 1_700_000_600, CardType.REVIEW, queue,
                        45 + i % 20, 3 + i % 30, 2500, reviews, i % 3 == 0 ? 1 : 0, 0, 0, 0, i % 5, memory, null));
                for (int r = 0; r < reviews; r++) {
                    long at = 1_701_000_000_000L + (long) r * 3 * 86_400_000L + i * 1_000L + ord;
                    revlog.add(new RevlogEntry(at, cardId, r == 1 ? 1 : 3, r == 0 ? -600 : 3 * r, 0,
                            r == 0 ? 0 : 2500, 4000 + r, r == 0 ? RevlogKind.LEARNING : RevlogKind.REVIEW));
                }
            }
        }
        return new AnkiCollection(sample.timing(), types, decks, noteRows, cards, revlog);
    }

    public static List<MediaFile> sampleMedia() {
        return List.of(new MediaFile("cat.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3}),
                new MediaFile("paris.mp3", "ID3 pretend audio".getBytes(StandardCharsets.UTF_8)));
    }

    public static long id(int card) {
        return 1_700_000_000_000L + card;
    }

    private static AnkiCard card(int id, int note, long deck, int ord, CardType type, CardQueue queue, long due,
            int interval, int factor, int reps, int lapses, int left, long originalDue, long originalDeck, int flags,
            MemoryState memory) {
        return new AnkiCard(id(id), 1_700_000_000_000L + note, deck, ord, 1_700_000_600, type, queue, due, interval,
                factor, reps, lapses, left, originalDue, originalDeck, flags, memory, null);
    }

    // ---- schema 11 ----------------------------------------------------------------------------------------

    private static final String SCHEMA_11_TABLES = """
            create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
              ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
              models text not null, decks text not null, dconf text not null, tags text not null);
            create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
              usn integer not null, tags text not null, flds text not null, sfld integer not null,
              csum integer not null, flags integer not null, data text not null);
            create table cards (id integer primary key, nid integer not null, did integer not null,
              ord integer not null, mod integer not null, usn integer not null, type integer not null,
              queue integer not null, due integer not null, ivl integer not null, factor integer not null,
              reps integer not null, lapses integer not null, left integer not null, odue integer not null,
              odid integer not null, flags integer not null, data text not null);
            create table revlog (id integer primary key, cid integer not null, usn integer not null,
              ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
              time integer not null, type integer not null);
            create table graves (usn integer not null, oid integer not null, type integer not null)
            """;

    /** A legacy .apkg (collection.anki2, JSON media map) holding {@code collection}. */
    public static Path schema11(AnkiCollection collection, List<MediaFile> media, Path dir) throws Exception {
        Path db = dir.resolve("schema11.anki2");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            execute(c, SCHEMA_11_TABLES);
            try (PreparedStatement col = c.prepareStatement(
                    "insert into col values (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, '{}', '{}')")) {
                col.setLong(1, collection.timing().creationSeconds());
                col.setString(2, JSON.writeValueAsString(conf(collection.timing())));
                col.setString(3, JSON.writeValueAsString(models(collection)));
                col.setString(4, JSON.writeValueAsString(legacyDecks(collection)));
                col.executeUpdate();
            }
            insertRows(c, collection);
        }
        Path apkg = dir.resolve("schema11.apkg");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(apkg))) {
            put(zip, "collection.anki2", Files.readAllBytes(db));
            ObjectNode map = JSON.createObjectNode();
            for (int i = 0; i < media.size(); i++) {
                put(zip, String.valueOf(i), media.get(i).content());
                map.put(String.valueOf(i), media.get(i).name());
            }
            put(zip, "media", JSON.writeValueAsBytes(map));
        }
        return apkg;
    }

    private static ObjectNode conf(CollectionTiming timing) {
        ObjectNode conf = JSON.createObjectNode();
        conf.put("schedVer", 2);
        conf.put("rollover", timing.rolloverHour());
        conf.put("creationOffset", timing.creationOffsetMinutesWest());
        conf.put("curDeck", 1);
        return conf;
    }

    private static ObjectNode models(AnkiCollection collection) {
        ObjectNode models = JSON.createObjectNode();
        for (NoteType type : collection.noteTypes()) {
            ObjectNode m = models.putObject(String.valueOf(type.id()));
            m.put("id", type.id());
            m.put("name", type.name());
            m.put("type", type.kind() == NoteType.Kind.CLOZE ? 1 : 0);
            m.put("mod", type.modifiedSeconds());
            m.put("sortf", type.sortFieldIndex());
            m.put("css", type.css());
            ArrayNode fields = m.putArray("flds");
            for (int i = type.fields().size() - 1; i >= 0; i--) {
                // written out of order on purpose: "ord" decides
                fields.addObject().put("name", type.fields().get(i)).put("ord", i);
            }
            ArrayNode templates = m.putArray("tmpls");
            for (CardTemplate t : type.templates()) {
                templates.addObject().put("name", t.name()).put("ord", t.ord()).put("qfmt", t.questionFormat())
                        .put("afmt", t.answerFormat());
            }
        }
        return models;
    }

    private static ObjectNode legacyDecks(AnkiCollection collection) {
        ObjectNode decks = JSON.createObjectNode();
        for (AnkiDeck deck : collection.decks()) {
            decks.putObject(String.valueOf(deck.id())).put("id", deck.id()).put("name", deck.name())
                    .put("desc", deck.description()).put("dyn", deck.filtered() ? 1 : 0);
        }
        return decks;
    }

    // ---- schema 18 ----------------------------------------------------------------------------------------

    private static final String SCHEMA_18_EXTRA_TABLES = """
            create table notetypes (id integer not null primary key, name text not null collate unicase,
              mtime_secs integer not null, usn integer not null, config blob not null);
            create table fields (ntid integer not null, ord integer not null, name text not null collate unicase,
              config blob not null, primary key (ntid, ord)) without rowid;
            create table templates (ntid integer not null, ord integer not null, name text not null collate unicase,
              mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord))
              without rowid;
            create table decks (id integer primary key not null, name text not null collate unicase,
              mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
            create table deck_config (id integer primary key not null, name text not null collate unicase,
              mtime_secs integer not null, usn integer not null, config blob not null);
            create table config (key text not null primary key collate unicase, usn integer not null,
              mtime_secs integer not null, val blob not null) without rowid;
            create table tags (tag text not null primary key collate unicase, usn integer not null,
              collapsed boolean not null, config blob null) without rowid
            """;

    /** A current .apkg (meta version 3, zstd collection.anki21b at schema 18, protobuf media map, zstd media). */
    public static Path schema18(AnkiCollection collection, List<MediaFile> media, Path dir) throws Exception {
        Path db = dir.resolve("schema18.anki21b");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Collation.create(c, "unicase", new Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return a.compareToIgnoreCase(b);
                }
            });
            execute(c, SCHEMA_11_TABLES);
            execute(c, SCHEMA_18_EXTRA_TABLES);
            try (PreparedStatement col = c.prepareStatement(
                    "insert into col values (1, ?, 0, 0, 18, 0, 0, 0, '', '', '', '', '')")) {
                col.setLong(1, collection.timing().creationSeconds());
                col.executeUpdate();
            }
            try (PreparedStatement config = c.prepareStatement("insert into config values (?, 0, 0, ?)")) {
                for (Map.Entry<String, Integer> e : Map.of("schedVer", 2, "rollover",
                        collection.timing().rolloverHour(), "creationOffset",
                        collection.timing().creationOffsetMinutesWest()).entrySet()) {
                    config.setString(1, e.getKey());
                    config.setBytes(2, String.valueOf(e.getValue()).getBytes(StandardCharsets.UTF_8));
                    config.executeUpdate();
                }
            }
            insertTables(c, collection);
            insertRows(c, collection);
        }
        Path apkg = dir.resolve("schema18.apkg");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(apkg))) {
            put(zip, "meta", new byte[] {0x08, 0x03});
            put(zip, "collection.anki21b", zstd(Files.readAllBytes(db)));
            put(zip, "collection.anki2", "an old Anki would show a please-update note".getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            CodedOutputStream list = CodedOutputStream.newInstance(entries);
            for (int i = 0; i < media.size(); i++) {
                put(zip, String.valueOf(i), zstd(media.get(i).content()));
                list.writeBytes(1, mediaEntry(media.get(i)));
            }
            list.flush();
            put(zip, "media", zstd(entries.toByteArray()));
        }
        return apkg;
    }

    private static ByteString mediaEntry(MediaFile file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream entry = CodedOutputStream.newInstance(bytes);
        entry.writeString(1, file.name());
        entry.writeUInt32(2, file.size());
        entry.writeBytes(3, ByteString.copyFrom(new byte[20]));
        entry.flush();
        return ByteString.copyFrom(bytes.toByteArray());
    }

    private static void insertTables(Connection c, AnkiCollection collection) throws Exception {
        try (PreparedStatement notetype = c.prepareStatement("insert into notetypes values (?, ?, ?, 0, ?)");
             PreparedStatement field = c.prepareStatement("insert into fields values (?, ?, ?, ?)");
             PreparedStatement template = c.prepareStatement("insert into templates values (?, ?, ?, 0, 0, ?)")) {
            for (NoteType type : collection.noteTypes()) {
                notetype.setLong(1, type.id());
                notetype.setString(2, type.name());
                notetype.setLong(3, type.modifiedSeconds());
                notetype.setBytes(4, proto(out -> {
                    out.writeEnum(1, type.kind() == NoteType.Kind.CLOZE ? 1 : 0);
                    out.writeUInt32(2, type.sortFieldIndex());
                    out.writeString(3, type.css());
                    out.writeString(5, "\\documentclass{article}");
                }));
                notetype.executeUpdate();
                for (int i = 0; i < type.fields().size(); i++) {
                    field.setLong(1, type.id());
                    field.setInt(2, i);
                    field.setString(3, type.fields().get(i));
                    field.setBytes(4, proto(out -> out.writeString(3, "Arial")));
                    field.executeUpdate();
                }
                for (CardTemplate t : type.templates()) {
                    template.setLong(1, type.id());
                    template.setInt(2, t.ord());
                    template.setString(3, t.name());
                    template.setBytes(4, proto(out -> {
                        out.writeString(1, t.questionFormat());
                        out.writeString(2, t.answerFormat());
                        out.writeString(6, "Arial");
                    }));
                    template.executeUpdate();
                }
            }
        }
        try (PreparedStatement deck = c.prepareStatement("insert into decks values (?, ?, 0, 0, ?, ?)")) {
            for (AnkiDeck d : collection.decks()) {
                deck.setLong(1, d.id());
                deck.setString(2, d.name().replace(AnkiDeck.SEPARATOR, "\u001f"));
                deck.setBytes(3, proto(out -> out.writeBool(1, true)));
                deck.setBytes(4, proto(out -> {
                    if (d.filtered()) {
                        out.writeBytes(2, ByteString.copyFrom(proto(f -> f.writeBool(1, true))));
                    } else {
                        out.writeBytes(1, ByteString.copyFrom(proto(n -> {
                            n.writeInt64(1, 1);
                            n.writeString(4, d.description());
                        })));
                    }
                }));
                deck.executeUpdate();
            }
        }
    }

    private interface ProtoBody {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] proto(ProtoBody body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    // ---- shared -------------------------------------------------------------------------------------------

    /** Every row in one transaction: a large collection's rows one commit each would take minutes. */
    private static void insertRows(Connection c, AnkiCollection collection) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement note = c.prepareStatement(
                "insert into notes values (?, ?, ?, ?, 0, ?, ?, '', 0, 0, '')")) {
            for (AnkiNote n : collection.notes()) {
                note.setLong(1, n.id());
                note.setString(2, n.guid());
                note.setLong(3, n.noteTypeId());
                note.setLong(4, n.modifiedSeconds());
                note.setString(5, " " + String.join(" ", n.tags()) + " ");
                note.setString(6, String.join("\u001f", n.fields()));
                note.executeUpdate();
            }
        }
        try (PreparedStatement card = c.prepareStatement(
                "insert into cards values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AnkiCard k : collection.cards()) {
                card.setLong(1, k.id());
                card.setLong(2, k.noteId());
                card.setLong(3, k.deckId());
                card.setInt(4, k.ord());
                card.setLong(5, k.modifiedSeconds());
                card.setInt(6, k.type().code());
                card.setInt(7, k.queue().code());
                card.setLong(8, k.due());
                card.setInt(9, k.interval());
                card.setInt(10, k.easeFactor());
                card.setInt(11, k.reps());
                card.setInt(12, k.lapses());
                card.setInt(13, k.remainingSteps());
                card.setLong(14, k.originalDue());
                card.setLong(15, k.originalDeckId());
                card.setInt(16, k.flags());
                card.setString(17, cardData(k.memory()));
                card.executeUpdate();
            }
        }
        try (PreparedStatement review = c.prepareStatement("insert into revlog values (?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
            for (RevlogEntry r : collection.revlog()) {
                review.setLong(1, r.id());
                review.setLong(2, r.cardId());
                review.setInt(3, r.ease());
                review.setInt(4, r.interval());
                review.setInt(5, r.lastInterval());
                review.setInt(6, r.factor());
                review.setInt(7, r.timeMs());
                review.setInt(8, r.kind().code());
                review.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Written by hand, in Anki's key order, as a format sample: {"s":..,"d":..,"dr":..,"decay":..,"lrt":..}. */
    private static String cardData(MemoryState m) {
        StringBuilder out = new StringBuilder("{");
        append(out, "s", m.stability());
        append(out, "d", m.difficulty());
        append(out, "dr", m.desiredRetention());
        append(out, "decay", m.decay());
        append(out, "lrt", m.lastReviewSeconds());
        return out.append('}').toString();
    }

    private static void append(StringBuilder out, String key, Object value) {
        if (value != null) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(key).append("\":").append(value);
        }
    }

    private static void execute(Connection c, String script) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    public static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    public static byte[] zstd(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zstd = new ZstdOutputStream(out)) {
            zstd.write(bytes);
        }
        return out.toByteArray();
    }
}
