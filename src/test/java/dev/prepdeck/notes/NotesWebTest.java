package dev.prepdeck.notes;

import dev.prepdeck.review.Learner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import io.javalin.testtools.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser import through HTTP: upload or paste, preview, untick and edit, save, re-import. */
class NotesWebTest {
    private static final String V1 = """
            Interview
            =========

            What is a deadlock?
            -------------------
            Two transactions each wait for a lock the other holds.

            How do you find a slow query?
            -----------------------------
            Read the plan with ``EXPLAIN``.

            索引有哪些类型？
            ----------------
            B+ 树索引和哈希索引。
            """;

    @TempDir
    Path tempDir;

    private TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir);
    }

    private void web(TestSite.SiteTest test) {
        collection.site(test);
    }

    /** Uploads a notes file to the preview as the import page's file field does. */
    private static Response upload(TestSite site, String fileName, byte[] content, String... fields) {
        return site.upload("/notes/preview", "file", fileName, content, fields);
    }

    private static Response submit(TestSite site, String path, List<String> fields) {
        return site.submit(path, fields.toArray(String[]::new));
    }

    /** The fields the preview form would send back, as name/value pairs, with all cards kept. */
    private static List<String> previewFields(String html) {
        List<String> fields = new ArrayList<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
        while (input.find()) {
            if (!input.group(1).equals("_csrf")) {
                fields.add(input.group(1));
                fields.add(unescape(input.group(2)));
            }
        }
        Matcher question = Pattern.compile("name=\"(question_\\d+)\" value=\"([^\"]*)\"").matcher(html);
        while (question.find()) {
            fields.add(question.group(1));
            fields.add(unescape(question.group(2)));
        }
        Matcher answer = Pattern.compile("name=\"(answer_\\d+)\" rows=\"6\">([^<]*)</textarea>").matcher(html);
        while (answer.find()) {
            fields.add(answer.group(1));
            fields.add(unescape(answer.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static Response save(TestSite site, List<String> fields, int count, int... kept) {
        List<String> all = new ArrayList<>(fields);
        for (int keep : kept) {
            all.add("keep");
            all.add(String.valueOf(keep));
        }
        assertThat(all).contains("count", String.valueOf(count));
        return submit(site, "/notes/save", all);
    }

    private static String set(List<String> fields, String name, String value) {
        int at = fields.indexOf(name);
        return fields.set(at + 1, value);
    }

    @Test
    void an_uploaded_file_is_previewed_and_the_ticked_edited_cards_are_saved() {
        web(site -> {
            Response preview = upload(site, "db-notes.rst", V1.getBytes(StandardCharsets.UTF_8), "prefix", "Prep");
            String html = preview.body().string();
            assertThat(preview.code()).isEqualTo(200);
            assertThat(html).contains("3 cards from db-notes.rst").contains("Prep::Interview")
                    .contains("value=\"How do you find a slow query?\"").contains("Read the plan with `EXPLAIN`.");

            List<String> fields = previewFields(html);
            set(fields, "answer_0", "Each of two transactions waits for the other's lock, so neither can go on.");
            Response saved = save(site, fields, 3, 0, 2);

            assertThat(saved.code()).isEqualTo(200);
            Document result = Jsoup.parse(saved.body().string());
            assertThat(result.select("p").first().text()).isEqualTo("Saved 1 deck: 2 new cards.");
            long deck = collection.one("SELECT id FROM deck WHERE name = 'Prep::Interview'", Long.class);
            assertThat(result.select("ul.saved-decks li").eachText()).containsExactly("Prep::Interview: 2 new cards");
            assertThat(result.select("ul.saved-decks a").attr("href")).as("a link to the deck").isEqualTo("/decks/" + deck);
            assertThat(result.text()).doesNotContain(".rst").doesNotContain("file(s)");
            assertThat(collection.list("SELECT question FROM card ORDER BY position", String.class))
                    .containsExactly("What is a deadlock?", "索引有哪些类型？");
            assertThat(collection.one("SELECT answer FROM card WHERE question = 'What is a deadlock?'", String.class))
                    .startsWith("Each of two transactions");
        });
    }

    @Test
    void pasted_notes_are_previewed_too() {
        web(site -> {
            Response preview = submit(site, "/notes/preview", List.of("text",
                    "# Go\n\n## What is a goroutine?\n\nA cheap thread.\n", "format", "auto", "prefix", ""));
            assertThat(preview.code()).isEqualTo(200);
            assertThat(preview.body().string()).contains("1 card from pasted-notes").contains("What is a goroutine?");
        });
    }

    @Test
    void reimporting_a_newer_version_adds_and_updates_cards_and_keeps_review_history() {
        web(site -> {
            List<String> first = previewFields(upload(site, "db.rst", V1.getBytes(StandardCharsets.UTF_8)).body().string());
            save(site, first, 3, 0, 1, 2);
            long deadlock = collection.one("SELECT id FROM card WHERE question = 'What is a deadlock?'", Long.class);
            new ReviewService(collection.jdbi(), new DeckRepository(), new ReviewRepository(), collection.clock())
                    .rate(Learner.DEFAULT_ID, deadlock, Rating.GOOD, 4000, null);

            String v2 = V1.replace("Two transactions each wait", "Two or more transactions each wait")
                    + "\nWhat is MVCC?\n-------------\nReaders see a snapshot; writers add versions.\n";
            List<String> second = previewFields(upload(site, "db.rst", v2.getBytes(StandardCharsets.UTF_8)).body().string());
            Response saved = save(site, second, 4, 0, 1, 2, 3);

            assertThat(saved.body().string()).contains("1 new card, 1 updated");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(4);
            assertThat(collection.one("SELECT answer FROM card WHERE id = " + deadlock, String.class))
                    .startsWith("Two or more transactions");
            assertThat(collection.one("SELECT COUNT(*) FROM review_log WHERE card_id = " + deadlock, Integer.class))
                    .isEqualTo(1);
        });
    }

    @Test
    void the_largest_notes_file_in_chinese_is_saved_whole_though_its_save_form_is_three_times_longer() {
        StringBuilder notes = new StringBuilder("面试\n======\n\n");
        String answer = "索引按键值排好序，查询先在 B+ 树上找到位置，再读少量数据页。".repeat(20);
        int cards = 0;
        int bytes = notes.toString().getBytes(StandardCharsets.UTF_8).length;
        while (true) {
            String question = "第" + cards + "题：索引怎样加快查询？";
            String section = question + "\n" + "-".repeat(question.length() * 2 + 4) + "\n\n" + answer + "\n\n";
            int sectionBytes = section.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + sectionBytes > NotesReader.MAX_BYTES) {
                break;
            }
            notes.append(section);
            bytes += sectionBytes;
            cards++;
        }
        int count = cards;
        web(site -> {
            Response preview = upload(site, "索引.rst", notes.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(preview.code()).isEqualTo(200);
            Response saved = save(site, previewFields(preview.body().string()), count,
                    IntStream.range(0, count).toArray());

            assertThat(saved.code()).as(saved.body().string()).isEqualTo(200);
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(count);
        });
    }

    @Test
    void a_malformed_or_oversized_upload_gets_a_clear_form_message_and_nothing_is_saved() {
        web(site -> {
            Response malformed = upload(site, "bad.rst", NotesFixtures.bytes("not-utf8.rst"));
            assertThat(malformed.code()).isEqualTo(400);
            assertThat(malformed.body().string()).contains("bad.rst:4: not valid UTF-8");

            byte[] big = ("T\n=\n\n" + "word ".repeat(120_000)).getBytes(StandardCharsets.UTF_8);
            Response oversized = upload(site, "big.rst", big);
            assertThat(oversized.code()).isEqualTo(400);
            assertThat(oversized.body().string()).contains("notes files up to 512 KB can be imported");

            Response empty = submit(site, "/notes/preview", List.of("text", "", "format", "auto", "prefix", ""));
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).contains("Choose a notes file or a .zip of your notes, or paste your notes.");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isZero();
        });
    }

    @Test
    void a_blank_question_or_nothing_ticked_shows_the_preview_again_with_every_edit_and_a_message_naming_the_card() {
        web(site -> {
            List<String> fields = previewFields(upload(site, "db.rst", V1.getBytes(StandardCharsets.UTF_8)).body().string());
            set(fields, "answer_0", "Each waits for a lock the other holds, so neither goes on.");
            set(fields, "question_1", "  ");

            Response blank = save(site, fields, 3, 0, 1);
            String html = blank.body().string();
            assertThat(blank.code()).isEqualTo(400);
            assertThat(html).contains("3 cards from db.rst")
                    .contains("Card 2 (in Interview) has no question: write one, or untick the card to leave it out.")
                    .contains("Each waits for a lock the other holds, so neither goes on.</textarea>")
                    .contains("value=\"索引有哪些类型？\"")
                    .containsPattern("aria-invalid=\"true\"\\s+aria-describedby=\"save-error\"\\s+id=\"question_1\"");
            assertThat(html).as("card 3 stays unticked, cards 1 and 2 ticked")
                    .containsPattern("name=\"keep\" value=\"0\" checked")
                    .containsPattern("name=\"keep\" value=\"1\" checked")
                    .doesNotContainPattern("name=\"keep\" value=\"2\" checked");

            Response none = save(site, fields, 3);
            assertThat(none.code()).isEqualTo(400);
            assertThat(none.body().string()).contains("No card is ticked, so there is nothing to save")
                    .contains("Each waits for a lock the other holds");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isZero();

            set(fields, "question_1", "How do you find a slow query?");
            Response saved = save(site, fields, 3, 0, 1);
            assertThat(saved.code()).isEqualTo(200);
            assertThat(collection.list("SELECT question FROM card ORDER BY position", String.class))
                    .containsExactly("What is a deadlock?", "How do you find a slow query?");
        });
    }

    @Test
    void two_decks_that_would_share_a_source_key_are_refused_before_anything_is_saved() {
        web(site -> {
            List<String> fields = previewFields(upload(site, "db.rst", V1.getBytes(StandardCharsets.UTF_8)).body().string());
            set(fields, "deck_0", "Tools A");
            set(fields, "deck_1", "Tools-A");

            Response saved = save(site, fields, 3, 0, 1);

            assertThat(saved.code()).isEqualTo(400);
            assertThat(saved.body().string())
                    .contains("decks &#39;Tools A&#39; and &#39;Tools-A&#39; would share the file tools-a.md");
            assertThat(collection.one("SELECT COUNT(*) FROM deck", Integer.class)).isZero();
        });
    }

    private static final String SQL_NOTES = """
            SQL
            ===

            What does a JOIN return?
            ------------------------
            Rows of two tables matched on a condition.

            .. image:: /_static/join-venn.png
               :alt: JOIN venn diagram
            """;

    private static byte[] notesZip(String pictureEntry) throws java.io.IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("notes/conf.py", "project = 'notes'\n".getBytes(StandardCharsets.UTF_8));
        entries.put("notes/sql/joins.rst", SQL_NOTES.getBytes(StandardCharsets.UTF_8));
        entries.put("notes/go.md", "# Go\n\n## What is a goroutine?\n\nA cheap thread.\n".getBytes(StandardCharsets.UTF_8));
        entries.put(pictureEntry, NotesImagesTest.PNG);
        return NotesZipTest.zip(entries);
    }

    @Test
    void a_zip_of_a_notes_folder_is_previewed_with_its_images_which_are_stored_with_the_saved_cards_and_served()
            throws Exception {
        byte[] zip = notesZip("notes/_static/join-venn.png");
        web(site -> {
            Response preview = upload(site, "notes.zip", zip);
            String html = preview.body().string();
            assertThat(preview.code()).isEqualTo(200);
            assertThat(html).contains("2 cards from notes.zip (2 notes files)")
                    .contains("1 image found beside the notes, shown in the cards and saved with them: join-venn.png")
                    .contains("Rows of two tables matched on a condition.\n\n![JOIN venn diagram](media/join-venn.png)")
                    .contains("SQL (from sql/joins.rst)").contains("Go (from go.md)");
            assertThat(collection.one("SELECT COUNT(*) FROM media", Integer.class)).as("nothing stored before the save")
                    .isZero();

            Response saved = save(site, previewFields(html), 2, 0, 1);

            assertThat(saved.code()).isEqualTo(200);
            assertThat(saved.body().string()).contains("1 image stored with the cards.");
            assertThat(collection.one("SELECT bytes FROM media WHERE name = 'join-venn.png'", byte[].class))
                    .isEqualTo(NotesImagesTest.PNG);
            Response image = site.get("/media/join-venn.png");
            assertThat(image.code()).isEqualTo(200);
            assertThat(image.headers().get("Content-Type")).containsExactly("image/png");
            assertThat(image.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
            long card = collection.one("SELECT id FROM card WHERE question = 'What does a JOIN return?'", Long.class);
            assertThat(site.page("/cards/" + card)).contains("<img src=\"/media/join-venn.png\" alt=\"JOIN venn diagram\"");
        });
    }

    @Test
    void a_zip_with_an_entry_outside_its_folder_or_a_bomb_is_refused_with_a_form_message_and_nothing_is_stored()
            throws Exception {
        byte[] traversal = notesZip("notes/../../../tmp/x.png");
        byte[] bomb = NotesZipTest.zip(java.util.Map.of("notes/a.md", new byte[9 * 1024 * 1024]));
        web(site -> {
            Response climbing = upload(site, "notes.zip", traversal);
            assertThat(climbing.code()).isEqualTo(400);
            assertThat(climbing.body().string()).contains("notes.zip holds notes/../../../tmp/x.png, which points "
                    + "outside the notes folder (&#39;..&#39;); nothing was imported.");

            Response bombed = upload(site, "bomb.zip", bomb);
            assertThat(bombed.code()).isEqualTo(400);
            assertThat(bombed.body().string()).contains("refused as a likely zip bomb");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isZero();
            assertThat(collection.one("SELECT COUNT(*) FROM media", Integer.class)).isZero();
        });
    }

    @Test
    void a_single_uploaded_file_names_its_images_as_missing_and_the_card_keeps_the_alt_text() {
        web(site -> {
            String html = upload(site, "joins.rst", SQL_NOTES.getBytes(StandardCharsets.UTF_8)).body().string();

            assertThat(html).contains("Rows of two tables matched on a condition.\n\n(figure: JOIN venn diagram)")
                    .contains("warning: joins.rst:8: image /_static/join-venn.png not found: only the notes file was "
                            + "uploaded; upload a .zip of the notes folder to bring its images");
        });
    }

    private static final String WARNED_NOTES = """
            Deploys
            =======

            What is a canary release?
            -----

            Sending a few users to the new version first.

            Rollbacks
            ---------
            """;

    @Test
    void warnings_and_left_out_sections_come_back_after_a_refused_save_and_a_forged_one_is_not_shown() {
        web(site -> {
            String preview = upload(site, "deploys.rst", WARNED_NOTES.getBytes(StandardCharsets.UTF_8)).body().string();
            List<String> leftOut = Jsoup.parse(preview).select("section.notes-skipped li").eachText();
            assertThat(leftOut).containsExactly("deploys.rst:9: 'Rollbacks' skipped: empty section",
                    "warning: deploys.rst:5: title underline too short for 'What is a canary release?'");
            List<String> fields = previewFields(preview);
            fields.addAll(List.of("warning", "Your account is locked: sign in again at evil.example",
                    "warning", "notes.warning.underlineShort deploys.rst 5",
                    "skipped", "notes.error.binary deploys.rst 1"));

            Response refused = save(site, fields, 1);

            assertThat(refused.code()).isEqualTo(400);
            assertThat(Jsoup.parse(refused.body().string()).select("section.notes-skipped li").eachText())
                    .as("the same notices, and none that the form made up").isEqualTo(leftOut);
        });
    }

    @Test
    void a_save_whose_held_images_are_gone_is_refused_and_nothing_is_stored() throws Exception {
        byte[] zip = notesZip("notes/_static/join-venn.png");
        web(site -> {
            List<String> fields = previewFields(upload(site, "notes.zip", zip).body().string());
            set(fields, "images", "0123456789abcdef0123456789abcdef");

            Response saved = save(site, fields, 2, 0, 1);

            assertThat(saved.code()).isEqualTo(400);
            assertThat(saved.body().string()).contains("The images of this upload are no longer held")
                    .contains("2 cards from notes.zip (2 notes files)");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isZero();
        });
    }

    @Test
    void the_nav_links_to_the_import_page() {
        web(site -> assertThat(site.page("/")).contains("href=\"/notes/import\""));
    }
}
