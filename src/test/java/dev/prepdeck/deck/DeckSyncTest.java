package dev.prepdeck.deck;

import static dev.prepdeck.TestData.DATABASE_DECK;
import static dev.prepdeck.TestData.NETWORKING_DECK;
import static dev.prepdeck.TestData.list;
import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class DeckSyncTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    Path decks;
    Jdbi jdbi;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    DeckSync sync;

    @BeforeEach
    void setUp() {
        decks = tempDir.resolve("decks");
        jdbi = TestData.database(tempDir);
        sync = new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, clock), clock);
    }

    @Test
    void imports_every_deck_file_with_its_cards_and_creates_parent_decks() {
        write(decks, "networking.md", NETWORKING_DECK);
        write(decks, "zh/database.md", DATABASE_DECK);

        SyncReport report = sync.importFolder(decks);

        assertThat(report.hasErrors()).isFalse();
        assertThat(list(jdbi, "SELECT name FROM deck ORDER BY name", String.class))
                .containsExactly("Interview", "Interview::Networking", "数据库");
        assertThat(list(jdbi, "SELECT question FROM card ORDER BY deck_id, position", String.class)).containsExactly(
                "What does DNS do?", "Compare TCP and UDP.", "Which HTTP method is idempotent but not safe?",
                "什么是索引？", "如何查看查询计划？");
        assertThat(one(jdbi, "SELECT source_path FROM deck WHERE name = '数据库'", String.class)).isEqualTo("zh/database.md");
        assertThat(one(jdbi, "SELECT COUNT(*) FROM card_state WHERE state = 0", Integer.class)).isEqualTo(5);
        assertThat(one(jdbi, "SELECT tags FROM card WHERE uid = 'net-dns'", String.class)).isEqualTo("basics");
    }

    @Test
    void the_report_speaks_in_decks_and_cards_with_singular_and_plural_right() {
        write(decks, "networking.md", NETWORKING_DECK);
        write(decks, "one.md", "# Solo\n\n## What is a deadlock?\n\nTwo waits on each other.\n");

        SyncReport report = sync.importFolder(decks);

        assertThat(report.lines()).containsExactly("networking.md: Interview::Networking, 3 new cards",
                "one.md: Solo, 1 new card");
        assertThat(report.summary()).isEqualTo("2 decks changed, 0 unchanged, 0 rejected; 4 new cards, 0 updated, 0 set aside.");
        assertThat(report.decks()).extracting(SyncReport.DeckResult::deckId)
                .containsExactly(one(jdbi, "SELECT id FROM deck WHERE name = 'Interview::Networking'", Long.class),
                        one(jdbi, "SELECT id FROM deck WHERE name = 'Solo'", Long.class));

        write(decks, "one.md", "# Solo\n\n## What is a deadlock?\n\nTwo transactions wait on each other.\n");
        SyncReport second = sync.importFolder(decks);

        assertThat(second.lines()).containsExactly("networking.md: Interview::Networking, unchanged",
                "one.md: Solo, no new cards, 1 updated");
        assertThat(second.summary()).isEqualTo("1 deck changed, 1 unchanged, 0 rejected; 0 new cards, 1 updated, 0 set aside.");
    }

    @Test
    void a_second_import_changes_nothing() {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        String before = snapshot();
        clock.advance(java.time.Duration.ofHours(1));

        SyncReport second = sync.importFolder(decks);

        assertThat(second.summary()).isEqualTo("0 decks changed, 1 unchanged, 0 rejected; 0 new cards, 0 updated, 0 set aside.");
        assertThat(second.lines()).containsExactly("networking.md: Interview::Networking, unchanged");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void an_edited_card_keeps_its_review_history_matched_by_id_question_or_answer() {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        long dns = cardId("What does DNS do?");
        long put = cardId("Which HTTP method is idempotent but not safe?");
        ReviewService reviews = new ReviewService(jdbi, new DeckRepository(), new ReviewRepository(), clock);
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 4000, null);
        reviews.rate(Learner.DEFAULT_ID, put, Rating.EASY, 3000, null);

        String edited = NETWORKING_DECK
                .replace("## What does DNS do?", "## What is DNS for?")
                .replace("It turns a host name", "It resolves a host name")
                .replace("## Which HTTP method is idempotent but not safe?", "## Name an idempotent, unsafe HTTP method.");
        write(decks, "networking.md", edited);
        SyncReport report = sync.importFolder(decks);

        assertThat(report.hasErrors()).isFalse();
        assertThat(cardId("What is DNS for?")).isEqualTo(dns);
        assertThat(cardId("Name an idempotent, unsafe HTTP method.")).isEqualTo(put);
        assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log WHERE card_id = " + dns, Integer.class)).isEqualTo(1);
        assertThat(one(jdbi, "SELECT state FROM card_state WHERE card_id = " + put, Integer.class)).isEqualTo(2);
        assertThat(one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(3);
    }

    @Test
    void a_card_without_id_is_matched_by_question_when_its_answer_changes() {
        write(decks, "database.md", DATABASE_DECK);
        sync.importFolder(decks);
        long index = cardId("什么是索引？");

        write(decks, "database.md", DATABASE_DECK.replace("常见的是 B+ 树。", "InnoDB 使用 B+ 树。"));
        sync.importFolder(decks);

        assertThat(cardId("什么是索引？")).isEqualTo(index);
        assertThat(one(jdbi, "SELECT answer FROM card WHERE id = " + index, String.class)).contains("InnoDB");
    }

    @Test
    void a_card_removed_from_its_file_is_set_aside_with_its_history_and_comes_back_when_restored() {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        long tcp = cardId("Compare TCP and UDP.");
        new ReviewService(jdbi, new DeckRepository(), new ReviewRepository(), clock).rate(Learner.DEFAULT_ID, tcp, Rating.HARD, 1000, null);
        int tcpStart = NETWORKING_DECK.indexOf("## Compare TCP");
        int tcpEnd = NETWORKING_DECK.indexOf("## Which HTTP");
        write(decks, "networking.md", NETWORKING_DECK.substring(0, tcpStart) + NETWORKING_DECK.substring(tcpEnd));

        SyncReport report = sync.importFolder(decks);

        assertThat(report.summary()).contains("1 set aside");
        assertThat(one(jdbi, "SELECT removed_from_source FROM card WHERE id = " + tcp, Integer.class)).isEqualTo(1);
        assertThat(one(jdbi, "SELECT suspended FROM card_state WHERE card_id = " + tcp, Integer.class)).isEqualTo(1);
        assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log WHERE card_id = " + tcp, Integer.class)).isEqualTo(1);

        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);

        assertThat(one(jdbi, "SELECT removed_from_source FROM card WHERE id = " + tcp, Integer.class)).isZero();
        assertThat(one(jdbi, "SELECT suspended FROM card_state WHERE card_id = " + tcp, Integer.class)).isZero();
    }

    @Test
    void a_malformed_file_is_rejected_with_file_and_line_and_other_files_still_import() {
        write(decks, "good.md", DATABASE_DECK);
        write(decks, "bad.md", "# Broken\n\n## First question\n\nAn answer.\n\n## \n\nNo question above.\n");

        SyncReport report = sync.importFolder(decks);

        assertThat(report.errors()).hasSize(1);
        assertThat(report.errors().get(0)).startsWith("bad.md:7: ");
        assertThat(list(jdbi, "SELECT name FROM deck", String.class)).containsExactly("数据库");
        assertThat(one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(2);
    }

    @Test
    void a_file_broken_by_an_edit_leaves_the_stored_deck_untouched() {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        String before = snapshot();

        write(decks, "networking.md", NETWORKING_DECK.replace("<!-- id: net-tcp-udp -->", "<!-- id: net-dns -->"));
        SyncReport report = sync.importFolder(decks);

        assertThat(report.errors()).singleElement().asString().startsWith("networking.md:").contains("net-dns");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void two_files_claiming_the_same_deck_name_are_refused_for_the_second() {
        write(decks, "a.md", DATABASE_DECK);
        write(decks, "b.md", DATABASE_DECK);

        SyncReport report = sync.importFolder(decks);

        assertThat(report.errors()).singleElement().asString().startsWith("b.md: deck name '数据库' is already used by a.md");
        assertThat(one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(2);
    }

    @Test
    void browser_edits_survive_a_restart_while_the_file_is_unchanged() {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        long dns = cardId("What does DNS do?");
        DeckService service = new DeckService(jdbi, new DeckRepository(), clock);
        service.updateCard(Learner.DEFAULT_ID, dns, new DeckService.CardInput("What does DNS resolve?", "Names to addresses.", List.of()));

        sync.importFolder(decks);

        assertThat(one(jdbi, "SELECT question FROM card WHERE id = " + dns, String.class)).isEqualTo("What does DNS resolve?");
    }

    @Test
    void renaming_the_deck_in_its_file_renames_the_stored_deck_and_keeps_its_cards() {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        long dns = cardId("What does DNS do?");

        write(decks, "networking.md", NETWORKING_DECK.replace("# Interview::Networking", "# Interview::Web"));
        sync.importFolder(decks);

        assertThat(list(jdbi, "SELECT name FROM deck ORDER BY name", String.class)).containsExactly("Interview", "Interview::Web");
        assertThat(cardId("What does DNS do?")).isEqualTo(dns);
    }

    @Test
    void export_then_import_is_lossless_and_changes_nothing() throws Exception {
        write(decks, "networking.md", NETWORKING_DECK);
        write(decks, "database.md", DATABASE_DECK);
        sync.importFolder(decks);
        DeckService service = new DeckService(jdbi, new DeckRepository(), clock);
        long browserDeck = service.createDeck(Learner.DEFAULT_ID, "Interview::Behavioural");
        service.addCard(Learner.DEFAULT_ID, browserDeck, new DeckService.CardInput("Tell me about a conflict <and> how it ended.",
                "Situation, task, action, result.\n\n### Follow-up\n\n```\n## not a heading\n```", List.of("star")));
        String before = snapshot();

        Path exported = tempDir.resolve("exported");
        List<Path> files = new DeckExport(jdbi, new DeckRepository(), new MediaStore(jdbi, clock)).exportTo(DeckRepository.EVERY_DECK, exported)
                .deckFiles();
        SyncReport report = sync.importFolder(exported);

        assertThat(files).hasSize(3);
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.summary()).contains("0 new cards, 0 updated, 0 set aside");
        assertThat(snapshot()).isEqualTo(before);
        String networking = Files.readString(exported.resolve("networking.md"));
        assertThat(networking).contains("<!-- id: net-dns -->").contains("# Interview::Networking");
        List<Path> second = new DeckExport(jdbi, new DeckRepository(), new MediaStore(jdbi, clock))
                .exportTo(DeckRepository.EVERY_DECK, tempDir.resolve("again")).deckFiles();
        for (Path file : second) {
            assertThat(Files.readString(file)).isEqualTo(Files.readString(exported.resolve(file.getFileName().toString())));
        }
    }

    @Test
    void suspension_flags_and_tags_round_trip_through_deck_files_and_only_marked_cards_get_lines() throws Exception {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        jdbi.useHandle(h -> {
            h.execute("UPDATE card_state SET suspended = 1 WHERE card_id = (SELECT id FROM card WHERE uid = 'net-dns')");
            h.execute("UPDATE card_state SET flag = 3 WHERE card_id = (SELECT id FROM card WHERE uid = 'net-tcp-udp')");
        });
        Path exported = tempDir.resolve("exported");
        new DeckExport(jdbi, new DeckRepository(), new MediaStore(jdbi, clock)).exportTo(DeckRepository.EVERY_DECK, exported);
        String file = Files.readString(exported.resolve("networking.md"));
        assertThat(file).contains("<!-- id: net-dns -->\n<!-- tags: basics -->\n<!-- suspended: yes -->\n")
                .contains("<!-- id: net-tcp-udp -->\n<!-- flag: 3 -->\n");
        assertThat(file.split("suspended:", -1)).as("one card is suspended").hasSize(2);
        assertThat(file.split("flag:", -1)).as("one card is flagged").hasSize(2);

        // A fresh collection takes the state from the file, and does not keep the lines as plain metadata.
        Path other = Files.createDirectories(tempDir.resolve("other"));
        Jdbi fresh = TestData.database(other);
        DeckSync freshSync = new DeckSync(fresh, new DeckRepository(), new MediaStore(fresh, clock), clock);
        assertThat(freshSync.importFolder(exported).hasErrors()).isFalse();
        assertThat(one(fresh, "SELECT suspended FROM card_state WHERE card_id = (SELECT id FROM card WHERE uid = 'net-dns')",
                Integer.class)).isEqualTo(1);
        assertThat(one(fresh, "SELECT flag FROM card_state WHERE card_id = (SELECT id FROM card WHERE uid = 'net-tcp-udp')",
                Integer.class)).isEqualTo(3);
        assertThat(list(fresh, "SELECT meta FROM card", String.class)).allMatch(String::isEmpty);
        Path again = tempDir.resolve("again");
        new DeckExport(fresh, new DeckRepository(), new MediaStore(fresh, clock)).exportTo(DeckRepository.EVERY_DECK, again);
        assertThat(Files.readString(again.resolve("networking.md"))).isEqualTo(file);
    }

    @Test
    void a_bad_flag_in_a_deck_file_is_an_error_naming_the_line_and_an_older_file_keeps_app_suspensions() {
        write(decks, "networking.md", NETWORKING_DECK);
        sync.importFolder(decks);
        jdbi.useHandle(h -> h.execute("UPDATE card_state SET suspended = 1"));
        write(decks, "networking.md", NETWORKING_DECK.replace("Questions about", "Questions on"));
        assertThat(sync.importFolder(decks).hasErrors()).isFalse();
        assertThat(one(jdbi, "SELECT MIN(suspended) FROM card_state", Integer.class)).isEqualTo(1);

        write(decks, "networking.md", NETWORKING_DECK.replace("<!-- tags: basics -->", "<!-- tags: basics -->\n<!-- flag: 9 -->"));
        SyncReport report = sync.importFolder(decks);
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.errors()).singleElement().asString().startsWith("networking.md: line 5: ")
                .endsWith("flag must be 0 (none) or 1 to 4, not '9'");
    }

    private long cardId(String question) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM card WHERE question = :q").bind("q", question)
                .mapTo(Long.class).one());
    }

    /** Everything a learner would notice: cards, their content and state, and the review log. */
    private String snapshot() {
        return String.join("\n", list(jdbi, """
                SELECT c.id || '|' || c.deck_id || '|' || c.uid || '|' || c.question || '|' || c.answer || '|' || c.tags
                       || '|' || c.position || '|' || c.removed_from_source || '|' || s.state || '|' || s.due
                       || '|' || s.suspended || '|' || c.updated_at
                FROM card c JOIN card_state s ON s.card_id = c.id ORDER BY c.id""", String.class))
                + "\n" + String.join("\n", list(jdbi, "SELECT id || '|' || name FROM deck ORDER BY id", String.class))
                + "\n" + one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class);
    }
}
