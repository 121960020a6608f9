package dev.prepdeck.anki.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.anki.apkg.PackageWriter;
import dev.prepdeck.fsrs.FsrsCard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens an exported package the hard way (plain zip and SQLite, none of the reader's code) and checks what Anki's
 * importer relies on: the col row's JSON and the ids it must hold, notes' fields, checksums and sort fields, cards'
 * ordinals and type/queue/due/interval agreement, revlog ids and the media map.
 */
class ExportInvariantsTest {
    private static final Pattern MEDIA_REFERENCE = Pattern.compile("<img[^>]*src=\"([^\"]+)\"|\\[sound:([^\\]]+)]");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Connection db;
    private ZipFile zip;
    private JsonNode models;
    private JsonNode decks;
    private JsonNode dconf;
    private JsonNode conf;
    private long crt;

    @BeforeEach
    void export() throws Exception {
        AnkiExport.Result result = new AnkiExport().build(ExportSamples.cards(), ExportSamples.options());
        assertThat(result.mediaNames()).containsExactlyInAnyOrder("plan.png", "say.mp3");
        Path apkg = dir.resolve("deck.apkg");
        new PackageWriter().write(result.collection(), ExportSamples.media(), apkg);
        zip = new ZipFile(apkg.toFile());
        Path collection = dir.resolve("collection.anki2");
        Files.write(collection, zip.getInputStream(zip.getEntry("collection.anki2")).readAllBytes());
        db = DriverManager.getConnection("jdbc:sqlite:" + collection);
        List<Map<String, Object>> col = rows("select * from col");
        assertThat(col).hasSize(1);
        assertThat(col.get(0).get("ver")).isEqualTo(11);
        crt = ((Number) col.get(0).get("crt")).longValue();
        conf = object(col.get(0).get("conf"));
        models = object(col.get(0).get("models"));
        decks = object(col.get(0).get("decks"));
        dconf = object(col.get(0).get("dconf"));
        assertThat(object(col.get(0).get("tags"))).isEmpty();
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        db.close();
        zip.close();
    }

    private JsonNode object(Object text) throws Exception {
        JsonNode node = json.readTree((String) text);
        assertThat(node.isObject()).as("JSON object: %s", text).isTrue();
        return node;
    }

    private List<Map<String, Object>> rows(String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    @Test
    void note_types_are_complete_and_used_by_every_note() throws Exception {
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode model = entry.getValue();
            assertThat(model.path("id").asText()).isEqualTo(entry.getKey());
            for (String key : List.of("id", "name", "type", "mod", "usn", "sortf", "did", "tmpls", "flds", "css",
                    "latexPre", "latexPost", "latexsvg", "req")) {
                assertThat(model.has(key)).as("model key " + key).isTrue();
            }
            assertThat(model.path("tmpls")).isNotEmpty().allSatisfy(t -> {
                assertThat(t.path("qfmt").asText()).isNotBlank();
                assertThat(t.has("afmt") && t.has("ord") && t.has("name")).isTrue();
            });
            assertThat(model.path("flds")).allSatisfy(f -> assertThat(f.has("name") && f.has("ord")).isTrue());
            assertThat(model.path("req").get(0).get(1).asText()).isEqualTo("any");
        }
        Set<String> guids = new HashSet<>();
        for (Map<String, Object> note : rows("select * from notes")) {
            JsonNode model = models.path(String.valueOf(number(note, "mid")));
            assertThat(model.isObject()).as("note type of note " + note.get("id")).isTrue();
            assertThat(guids.add((String) note.get("guid"))).as("unique guid").isTrue();
            String[] fields = ((String) note.get("flds")).split("\u001f", -1);
            assertThat(fields).hasSize(model.path("flds").size());
            String first = strip(fields[0]);
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(first.getBytes(StandardCharsets.UTF_8));
            long csum = Long.parseLong(String.format("%02x%02x%02x%02x", sha1[0], sha1[1], sha1[2], sha1[3]), 16);
            assertThat(number(note, "csum")).as("csum of " + first).isEqualTo(csum);
            assertThat(String.valueOf(note.get("sfld"))).isEqualTo(strip(fields[model.path("sortf").asInt()]));
            String tags = (String) note.get("tags");
            assertThat(tags.isEmpty() || tags.startsWith(" ") && tags.endsWith(" ")).as("tags " + tags).isTrue();
        }
        assertThat(guids).contains("prepdeck:sql.md#group-by");
    }

    /** Anki's strip_html_preserving_media_filenames, by another route: media tags leave their names. */
    private static String strip(String html) {
        var body = Jsoup.parseBodyFragment(html).body();
        body.select("img").forEach(img -> img.replaceWith(new org.jsoup.nodes.TextNode(" " + img.attr("src") + " ")));
        return body.wholeText().replace('\u00a0', ' ');
    }

    @Test
    void decks_and_options_referenced_by_cards_exist_with_their_parents() {
        Set<String> names = new HashSet<>();
        decks.forEach(deck -> {
            for (String key : List.of("id", "name", "mod", "usn", "lrnToday", "revToday", "newToday", "timeToday",
                    "collapsed", "desc", "dyn", "conf", "extendNew", "extendRev")) {
                assertThat(deck.has(key)).as("deck key " + key).isTrue();
            }
            assertThat(names.add(deck.path("name").asText())).isTrue();
            JsonNode options = dconf.path(deck.path("conf").asText());
            for (String key : List.of("id", "mod", "name", "usn", "maxTaken", "autoplay", "timer", "new", "rev",
                    "lapse")) {
                assertThat(options.has(key)).as("deck options key " + key).isTrue();
            }
            assertThat(options.path("new").path("delays").isArray()).isTrue();
            assertThat(options.path("lapse").path("leechFails").asInt()).isPositive();
        });
        assertThat(decks.has("1")).as("the Default deck").isTrue();
        for (String name : names) {
            int cut = name.lastIndexOf("::");
            if (cut > 0) {
                assertThat(names).as("parent of " + name).contains(name.substring(0, cut));
            }
        }
        assertThat(names).contains("Interview", "Interview::SQL", "Interview::SQL::Joins", "Interview::ML", "Odd");
        assertThat(conf.path("schedVer").asInt()).isEqualTo(2);
    }

    @Test
    void cards_agree_with_their_notes_decks_and_scheduling_state() throws Exception {
        Map<Long, Long> noteTypeOf = new HashMap<>();
        for (Map<String, Object> note : rows("select id, mid from notes")) {
            noteTypeOf.put(number(note, "id"), number(note, "mid"));
        }
        Set<String> noteAndOrd = new HashSet<>();
        long nowSeconds = ExportSamples.NOW.getEpochSecond();
        for (Map<String, Object> card : rows("select * from cards")) {
            long nid = number(card, "nid");
            assertThat(noteTypeOf).containsKey(nid);
            JsonNode model = models.path(String.valueOf(noteTypeOf.get(nid)));
            int ord = (int) number(card, "ord");
            assertThat(ord).isBetween(0, model.path("tmpls").size() - 1);
            assertThat(noteAndOrd.add(nid + "/" + ord)).isTrue();
            assertThat(decks.has(String.valueOf(number(card, "did")))).isTrue();
            assertThat(number(card, "odid")).isZero();
            assertThat(number(card, "odue")).isZero();
            long type = number(card, "type");
            long queue = number(card, "queue");
            long due = number(card, "due");
            long ivl = number(card, "ivl");
            JsonNode data = object(card.get("data"));
            switch ((int) type) {
                case 0 -> {
                    assertThat(queue).isIn(0L, -1L, -2L, -3L);
                    assertThat(ivl).isZero();
                    assertThat(number(card, "reps")).isZero();
                    assertThat(due).as("new position").isBetween(1L, 1_000_000L);
                    assertThat(data.has("s")).isFalse();
                }
                case 2 -> {
                    assertThat(queue).isIn(2L, -1L, -2L, -3L);
                    assertThat(ivl).isPositive();
                    assertThat(number(card, "factor")).isGreaterThanOrEqualTo(1300);
                    assertThat(due).as("day number").isBetween(0L, 100_000L);
                }
                case 1, 3 -> {
                    assertThat(queue).isIn(1L, 3L, -1L, -2L, -3L);
                    if (queue == 1 || queue == -1 && due > 1_000_000_000L) {
                        assertThat(due).as("learning due in seconds").isBetween(crt, nowSeconds + 86_400);
                    } else {
                        assertThat(due).isBetween(0L, 100_000L);
                    }
                    assertThat(number(card, "left")).isPositive();
                }
                default -> throw new AssertionError("card type " + type);
            }
            if (type != 0) {
                assertThat(data.path("s").asDouble()).isPositive();
                assertThat(data.path("d").asDouble()).isBetween(1.0, 10.0);
                assertThat(data.path("dr").asDouble()).isEqualTo(0.9);
                assertThat(data.path("decay").asDouble()).isBetween(0.1, 0.8);
                assertThat(data.path("lrt").asLong()).isBetween(crt, nowSeconds);
            }
        }
        assertThat(noteAndOrd).hasSize(ExportSamples.cards().size());
    }

    /** Day numbers mean the learner's days: rslib's days_elapsed, computed here from conf, lands on the same day. */
    @Test
    void review_due_days_count_from_the_collection_creation_as_anki_counts_them() throws Exception {
        int rollover = conf.path("rollover").asInt();
        ZoneOffset creationOffset = ZoneOffset.ofTotalSeconds(-conf.path("creationOffset").asInt() * 60);
        Map<String, FsrsCard> byGuid = new HashMap<>();
        for (ExportCard card : ExportSamples.cards()) {
            if (card.schedule() != null) {
                byGuid.put("prepdeck:" + card.uid(), card.schedule().card());
            }
        }
        int checked = 0;
        for (Map<String, Object> row : rows("select n.guid, c.due, c.queue from cards c join notes n on n.id = c.nid"
                + " where c.type = 2")) {
            FsrsCard card = byGuid.get((String) row.get("guid"));
            Instant due = card.due();
            ZoneOffset dueOffset = ExportSamples.ZONE.getRules().getOffset(due);
            LocalDateTime created = LocalDateTime.ofEpochSecond(crt, 0, creationOffset);
            LocalDateTime at = LocalDateTime.ofInstant(due, dueOffset);
            long days = at.toLocalDate().toEpochDay() - created.toLocalDate().toEpochDay();
            if (at.getHour() < rollover) {
                days--;
            }
            assertThat(number(row, "due")).as("due day of " + row.get("guid")).isEqualTo(days);
            checked++;
        }
        assertThat(checked).isEqualTo(2);
    }

    @Test
    void revlog_ids_are_unique_milliseconds_of_existing_cards() throws Exception {
        Set<Long> cards = new HashSet<>();
        Map<Long, Long> reps = new HashMap<>();
        for (Map<String, Object> card : rows("select id, reps from cards")) {
            cards.add(number(card, "id"));
            reps.put(number(card, "id"), number(card, "reps"));
        }
        Map<Long, Integer> perCard = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> entry : rows("select * from revlog order by id")) {
            long id = number(entry, "id");
            ids.add(id);
            assertThat(id).as("milliseconds").isBetween(crt * 1000, ExportSamples.NOW.toEpochMilli());
            assertThat(cards).contains(number(entry, "cid"));
            assertThat(number(entry, "ease")).isBetween(1L, 4L);
            assertThat(number(entry, "type")).isBetween(0L, 2L);
            assertThat(number(entry, "time")).isNotNegative();
            long ivl = number(entry, "ivl");
            assertThat(ivl).isNotZero();
            perCard.merge(number(entry, "cid"), 1, Integer::sum);
        }
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).hasSize(12);
        perCard.forEach((card, count) -> assertThat(reps.get(card)).as("reps of " + card).isEqualTo((long) count));
    }

    @Test
    void media_map_matches_the_zip_entries_and_every_reference() throws Exception {
        JsonNode map = json.readTree(zip.getInputStream(zip.getEntry("media")));
        Set<String> numbered = new HashSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.getName().matches("\\d+")) {
                numbered.add(entry.getName());
            }
        }
        Set<String> keys = new HashSet<>();
        map.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(numbered);
        Set<String> names = new HashSet<>();
        map.forEach(name -> names.add(name.asText()));
        assertThat(names).containsExactlyInAnyOrder("plan.png", "say.mp3");
        assertThat(zip.getInputStream(zip.getEntry(keyOf(map, "say.mp3"))).readAllBytes())
                .isEqualTo("ID3 audio".getBytes(StandardCharsets.UTF_8));

        Set<String> referenced = new HashSet<>();
        for (Map<String, Object> note : rows("select flds from notes")) {
            Matcher m = MEDIA_REFERENCE.matcher((String) note.get("flds"));
            while (m.find()) {
                referenced.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(referenced).isEqualTo(names);
    }

    private static String keyOf(JsonNode map, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().asText().equals(name)) {
                return e.getKey();
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void user_markdown_reaches_anki_as_escaped_html() throws Exception {
        String fields = (String) rows("select flds from notes where guid = 'prepdeck:odd.md#hostile'").get(0).get("flds");
        assertThat(fields).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "Fine &amp; dandy &lt; 3");
        String sql = (String) rows("select flds from notes where guid = 'prepdeck:sql.md#group-by'").get(0).get("flds");
        assertThat(sql).contains("<table>", "<code class=\"language-sql\">", "<img src=\"plan.png\" alt=\"plan\" />",
                "[sound:say.mp3]", "<li>aggregates per group</li>");
    }
}
