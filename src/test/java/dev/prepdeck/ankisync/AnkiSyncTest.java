package dev.prepdeck.ankisync;

import dev.prepdeck.review.Learner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prepdeck.TestCollection;
import dev.prepdeck.anki.TestPackages;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.media.MediaSamples;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anki packages into the database and back out: cards, decks, history, schedule, media, one transaction. */
class AnkiSyncTest {
    /** Answered entries in TestPackages.sample(): card 101 five, 105 two, 102 and 104 one each. */
    private static final int SAMPLE_REVIEWS = 9;
    private static final List<Extension> TABLES = List.of(TablesExtension.create());

    @TempDir
    Path dir;

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static AnkiSync anki(TestCollection collection) {
        return new AnkiSync(collection.jdbi(), new DeckRepository(), new ReviewRepository(),
                new MediaStore(collection.jdbi(), collection.clock()), collection.clock());
    }

    private Path samplePackage() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("packages"));
        return TestPackages.schema18(TestPackages.sample(), TestPackages.sampleMedia(), folder);
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(Objects.requireNonNull(AnkiSyncTest.class.getResource("/anki/" + name)).toURI());
    }

    @Test
    void a_package_brings_its_cards_decks_history_schedule_and_media() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"));
        ImportReport report = anki(collection).importPackage(Learner.DEFAULT_ID, samplePackage(), "Anki");

        assertThat(report.added()).isEqualTo(7);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.reviewsAdded()).isEqualTo(SAMPLE_REVIEWS);
        assertThat(report.mediaStored()).isEqualTo(2);
        assertThat(report.decks()).contains("Anki::Tech", "Anki::Languages::French", "Anki::Languages::French::Verbs");
        assertThat(collection.list("SELECT name FROM deck ORDER BY name", String.class)).containsExactly("Anki",
                "Anki::Languages", "Anki::Languages::French", "Anki::Languages::French::Verbs", "Anki::Tech");
        assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(SAMPLE_REVIEWS);

        long sql = collection.one("SELECT id FROM card WHERE question LIKE '%GROUP BY%'", Long.class);
        assertThat(collection.one("SELECT tags FROM card WHERE id = " + sql, String.class)).isEqualTo("sql, db");
        assertThat(collection.one("SELECT COUNT(*) FROM review_log WHERE card_id = " + sql, Integer.class))
                .as("the rescheduling entry is not a review").isEqualTo(5);
        assertThat(collection.one("SELECT stability FROM card_state WHERE card_id = " + sql, Double.class))
                .as("cards.data's memory state").isEqualTo(12.5);
        assertThat(collection.one("SELECT difficulty FROM card_state WHERE card_id = " + sql, Double.class))
                .isEqualTo(5.25);

        long cat = collection.one("SELECT id FROM card WHERE question = 'chat'", Long.class);
        assertThat(collection.one("SELECT answer FROM card WHERE id = " + cat, String.class))
                .isEqualTo("cat ![](media/cat.png)");
        assertThat(collection.one("SELECT suspended FROM card_state WHERE card_id = " + cat, Integer.class))
                .isEqualTo(1);
        assertThat(collection.one("SELECT flag FROM card_state WHERE card_id = " + cat, Integer.class)).isEqualTo(1);
        assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE buried_until IS NOT NULL", Integer.class))
                .as("the buried reverse card").isEqualTo(1);

        assertThat(collection.list("SELECT question FROM card WHERE question LIKE '%(#cloze)%' ORDER BY question",
                String.class)).as("one card per deletion, its hint shown where Anki shows it").containsExactly(
                "Paris is the capital of France; [\\[...\\]](#cloze) is Germany's",
                "Paris is the capital of [\\[country\\]](#cloze); Berlin is Germany's",
                "[\\[...\\]](#cloze) is the capital of France; Berlin is Germany's");
        assertThat(collection.list("SELECT name FROM media ORDER BY name", String.class))
                .containsExactly("cat.png", "paris.mp3");
        assertThat(collection.list("SELECT answer FROM card WHERE answer LIKE '%paris.mp3%'", String.class))
                .allSatisfy(a -> assertThat(a).contains("(media/paris.mp3)"));
        assertThat(collection.one("SELECT practice_mode FROM deck WHERE name = 'Anki::Languages::French::Verbs'",
                Integer.class)).as("a type-in-the-answer template becomes practice mode").isEqualTo(1);
        assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE practice_mode IS NOT NULL", Integer.class))
                .as("other decks keep the default chosen by answer length").isEqualTo(1);
    }

    @Test
    void importing_the_same_package_again_adds_nothing() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"));
        Path pkg = samplePackage();
        anki(collection).importPackage(Learner.DEFAULT_ID, pkg, "Anki");
        ImportReport again = anki(collection).importPackage(Learner.DEFAULT_ID, pkg, "Anki");

        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(7);
        assertThat(again.reviewsAdded()).isZero();
        assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(7);
        assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(SAMPLE_REVIEWS);

        ImportReport elsewhere = anki(collection).importPackage(Learner.DEFAULT_ID, pkg, "Other");
        assertThat(elsewhere.added()).as("matched by note guid whatever the prefix").isZero();
        assertThat(elsewhere.decks()).as("cards stay in their decks, as in Anki").allMatch(d -> d.startsWith("Anki"));
        assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name LIKE 'Other%'", Integer.class)).isZero();
    }

    @Test
    void a_damaged_file_is_named_in_the_error_and_nothing_is_written() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"));
        Path broken = Files.write(dir.resolve("broken.apkg"), "this is not a zip archive".getBytes());

        assertThatThrownBy(() -> anki(collection).importPackage(Learner.DEFAULT_ID, broken, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("broken.apkg");
        assertThatThrownBy(() -> anki(collection).importPackage(Learner.DEFAULT_ID, samplePackage(), "Anki:: ::x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty level");
        assertThat(collection.one("SELECT COUNT(*) FROM deck", Integer.class)).isZero();
    }

    @Test
    void a_package_refused_half_way_leaves_no_card_review_or_media_behind() throws Exception {
        // the package's last card goes to Languages::French::Verbs, which a deck file owns here
        TestCollection collection = TestCollection.of(folder("db"), "verbs.md", """
                # Anki::Languages::French::Verbs

                ## aller
                to go
                """);
        int cards = collection.one("SELECT COUNT(*) FROM card", Integer.class);

        assertThatThrownBy(() -> anki(collection).importPackage(Learner.DEFAULT_ID, samplePackage(), "Anki"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("verbs.md");
        assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(cards);
        assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
        assertThat(collection.one("SELECT COUNT(*) FROM media", Integer.class)).isZero();
        assertThat(collection.list("SELECT name FROM deck ORDER BY name", String.class))
                .containsExactly("Anki", "Anki::Languages", "Anki::Languages::French",
                        "Anki::Languages::French::Verbs");
    }

    @Test
    void the_shipped_anki_fixtures_import_every_card() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"));
        ImportReport legacy = anki(collection).importPackage(Learner.DEFAULT_ID, fixture("anki-fixture-legacy-anki2-schema11.apkg"), "");
        ImportReport latest = anki(collection).importPackage(Learner.DEFAULT_ID, fixture("anki-fixture-latest-anki21b-schema18.apkg"), "");

        assertThat(legacy.added()).isEqualTo(484);
        assertThat(legacy.skipped()).isEmpty();
        assertThat(latest.added()).isEqualTo(340);
        assertThat(latest.skipped()).isEmpty();
        assertThat(collection.one("SELECT COUNT(*) FROM card c JOIN deck d ON d.id = c.deck_id"
                + " WHERE d.name = 'Gov Vocab'", Integer.class)).isEqualTo(484);
        assertThat(collection.one("SELECT COUNT(*) FROM card c JOIN deck d ON d.id = c.deck_id"
                + " WHERE d.name LIKE 'Music Intervals::%'", Integer.class)).isEqualTo(340);
    }

    @Test
    void a_deck_exported_and_imported_elsewhere_keeps_cards_history_schedule_and_media() throws Exception {
        TestCollection first = TestCollection.of(folder("first"));
        anki(first).importPackage(Learner.DEFAULT_ID, samplePackage(), "Anki");
        Path exported = dir.resolve("out.apkg");
        ExportReport export = anki(first).exportDeck(Learner.DEFAULT_ID, "Anki", exported);
        assertThat(export.cards()).isEqualTo(7);
        assertThat(export.reviews()).isEqualTo(SAMPLE_REVIEWS);
        assertThat(export.mediaFiles()).isEqualTo(2);

        TestCollection second = TestCollection.of(folder("second"));
        ImportReport report = anki(second).importPackage(Learner.DEFAULT_ID, exported, "");
        assertThat(report.added()).isEqualTo(7);
        assertThat(report.skipped()).isEmpty();

        String cards = """
                SELECT d.name || ' | ' || c.uid || ' | ' || c.tags FROM card c JOIN deck d ON d.id = c.deck_id
                ORDER BY c.uid""";
        assertThat(second.list(cards, String.class)).isEqualTo(first.list(cards, String.class));
        for (String uid : first.list("SELECT uid FROM card", String.class)) {
            for (String column : List.of("question", "answer")) {
                String sql = "SELECT " + column + " FROM card WHERE uid = '" + uid + "'";
                assertThat(shown(second.one(sql, String.class))).as(column + " of " + uid)
                        .isEqualTo(shown(first.one(sql, String.class)));
            }
        }
        String history = """
                SELECT c.uid || ' ' || r.reviewed_at || ' ' || r.rating || ' ' || r.duration_ms
                FROM review_log r JOIN card c ON c.id = r.card_id ORDER BY c.uid, r.reviewed_at""";
        assertThat(second.list(history, String.class)).hasSize(SAMPLE_REVIEWS)
                .isEqualTo(first.list(history, String.class));
        String schedule = """
                SELECT c.uid || ' ' || s.state || ' ' || s.suspended || ' ' || s.flag || ' ' || s.reps || ' '
                       || s.lapses || ' ' || CASE WHEN s.state = 0 THEN '' ELSE CAST(s.due AS TEXT) END
                FROM card_state s JOIN card c ON c.id = s.card_id ORDER BY c.uid""";
        assertThat(second.list(schedule, String.class)).isEqualTo(first.list(schedule, String.class));
        for (String uid : first.list("SELECT uid FROM card c JOIN card_state s ON s.card_id = c.id"
                + " WHERE s.stability > 0", String.class)) {
            String memory = "SELECT s.stability FROM card_state s JOIN card c ON c.id = s.card_id WHERE c.uid = '"
                    + uid + "'";
            assertThat(second.one(memory, Double.class)).as("stability of " + uid)
                    .isCloseTo(first.one(memory, Double.class), within(0.01));
        }
        String media = "SELECT name || ' ' || sha256 FROM media ORDER BY name";
        assertThat(second.list(media, String.class)).hasSize(2).isEqualTo(first.list(media, String.class));
    }

    @Test
    void a_studied_deck_file_deck_round_trips_through_anki_with_its_ids_history_and_image() throws Exception {
        Path first = folder("first");
        Files.createDirectories(first.resolve("decks/media"));
        Files.write(first.resolve("decks/media/join.png"), MediaSamples.png());
        TestCollection studied = TestCollection.of(first, "sql.md", """
                # SQL

                ## What does an inner join return?
                <!-- id: sql-inner-join -->
                <!-- tags: sql, joins -->

                The rows that match on both sides. ![join](media/join.png)

                ## What is a primary key?
                <!-- id: sql-primary-key -->

                A column set that identifies each row.
                """);
        ReviewService reviewing = new ReviewService(studied.jdbi(), new DeckRepository(), new ReviewRepository(),
                studied.clock());
        long join = studied.cardWithUid("sql-inner-join");
        reviewing.rate(Learner.DEFAULT_ID, join, Rating.GOOD, 7000, null);
        studied.clock().advance(Duration.ofMinutes(12));
        reviewing.rate(Learner.DEFAULT_ID, join, Rating.GOOD, 4000, null);
        studied.clock().advance(Duration.ofDays(3));
        reviewing.rate(Learner.DEFAULT_ID, join, Rating.HARD, 9000, null);

        Path apkg = dir.resolve("sql.apkg");
        anki(studied).exportDeck(Learner.DEFAULT_ID, "SQL", apkg);
        TestCollection elsewhere = TestCollection.of(folder("second"));
        ImportReport report = anki(elsewhere).importPackage(Learner.DEFAULT_ID, apkg, "");

        assertThat(report.added()).isEqualTo(2);
        assertThat(report.reviewsAdded()).isEqualTo(3);
        String cards = "SELECT d.name || ' | ' || c.uid || ' | ' || c.tags FROM card c JOIN deck d ON d.id = c.deck_id"
                + " ORDER BY c.uid";
        assertThat(elsewhere.list(cards, String.class)).containsExactly("SQL | sql-inner-join | sql, joins",
                "SQL | sql-primary-key | ");
        assertThat(elsewhere.one("SELECT answer FROM card WHERE uid = 'sql-inner-join'", String.class))
                .contains("](media/join.png)");
        String history = "SELECT r.reviewed_at || ' ' || r.rating || ' ' || r.duration_ms FROM review_log r"
                + " ORDER BY r.reviewed_at";
        assertThat(elsewhere.list(history, String.class)).isEqualTo(studied.list(history, String.class));
        // Anki keeps a review card's due date as a day number: the card stays due on the same study day (UTC,
        // starting at 4:00 in these collections), not at the same minute
        String state = "SELECT s.state || ' ' || ((s.due - 14400000) / 86400000) || ' ' || s.reps || ' ' || s.lapses"
                + " FROM card_state s JOIN card c ON c.id = s.card_id WHERE c.uid = 'sql-inner-join'";
        assertThat(elsewhere.one(state, String.class)).isEqualTo(studied.one(state, String.class));
        String memory = "SELECT s.stability FROM card_state s JOIN card c ON c.id = s.card_id"
                + " WHERE c.uid = 'sql-inner-join'";
        assertThat(elsewhere.one(memory, Double.class)).isCloseTo(studied.one(memory, Double.class), within(0.01));
        assertThat(elsewhere.list("SELECT name || ' ' || sha256 FROM media", String.class))
                .isEqualTo(studied.list("SELECT name || ' ' || sha256 FROM media", String.class));
    }

    @Test
    void a_csv_file_with_anki_headers_imports_a_card_per_row_and_again_updates_instead_of_copying() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"));
        Path csv = Files.writeString(dir.resolve("spanish.csv"), """
                \uFEFF#separator:comma
                #html:false
                #tags:imported
                #deck:Spanish
                hola,"hello, hi"
                "gato","cat
                (the animal)"
                """);

        ImportReport report = anki(collection).importFile(Learner.DEFAULT_ID, csv, "Lang");
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.format()).hasToString("text, separated by commas");
        assertThat(collection.list("SELECT d.name || ' | ' || c.question || ' | ' || c.answer || ' | ' || c.tags"
                + " FROM card c JOIN deck d ON d.id = c.deck_id ORDER BY c.position", String.class))
                .containsExactly("Lang::Spanish | hola | hello, hi | imported",
                        "Lang::Spanish | gato | cat\\\n(the animal) | imported");

        ImportReport again = anki(collection).importFile(Learner.DEFAULT_ID, csv, "Lang");
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(2);
    }

    @Test
    void a_quizlet_export_goes_to_a_deck_named_after_the_file_and_a_bad_row_is_named_by_line() throws Exception {
        TestCollection collection = TestCollection.of(folder("db"));
        Path quizlet = Files.writeString(dir.resolve("capitals.txt"), "France\tParis\nJapan\tTokyo\nFrance\tLyon\n");
        ImportReport report = anki(collection).importFile(Learner.DEFAULT_ID, quizlet, "");
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.skipped()).extracting(Object::toString)
                .containsExactly("capitals.txt:3: the same question as line 1");
        assertThat(collection.list("SELECT name FROM deck", String.class)).containsExactly("capitals");

        Path bad = Files.writeString(dir.resolve("bad.tsv"), "Spain\tMadrid\n\tBerlin\n");
        assertThatThrownBy(() -> anki(collection).importFile(Learner.DEFAULT_ID, bad, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.tsv:2");
        assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(2);
    }

    private static String shown(String markdown) {
        Parser parser = Parser.builder().extensions(TABLES).build();
        HtmlRenderer html = HtmlRenderer.builder().extensions(TABLES).escapeHtml(true).build();
        return html.render(parser.parse(markdown)).replaceAll("\\s+", " ").strip();
    }
}
