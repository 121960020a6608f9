package dev.prepdeck.web;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestData.write;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deck pages as a person uses them: browse, add, edit with preview, rename, delete with confirmation. */
class PagesTest {
    @TempDir
    Path tempDir;

    Jdbi jdbi;
    TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    long deckId;

    @BeforeEach
    void setUp() {
        jdbi = TestData.database(tempDir);
        write(tempDir.resolve("decks"), "networking.md", TestData.NETWORKING_DECK);
        write(tempDir.resolve("decks"), "database.md", TestData.DATABASE_DECK);
        new DeckSync(jdbi, new DeckRepository(), clock).importFolder(tempDir.resolve("decks"));
        deckId = one(jdbi, "SELECT id FROM deck WHERE name = 'Interview::Networking'", Long.class);
    }

    private void site(TestSite.SiteTest test) {
        TestSite.run(jdbi, clock, test);
    }

    private long cardId(String question) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM card WHERE question = :q").bind("q", question)
                .mapTo(Long.class).one());
    }

    @Test
    void the_dashboard_lists_nested_decks_with_due_new_and_total_and_a_study_button() {
        site(s -> {
            String page = s.page("/");
            assertThat(page).contains(">Networking</a>").contains("title=\"Interview::Networking\"");
            assertThat(page).contains(">数据库</a>");
            assertThat(page).contains("depth-1");
            assertThat(page).contains("href=\"/study?deck=" + deckId + "\"");
            assertThat(page).contains("<strong>5</strong> new today");
        });
    }

    @Test
    void the_deck_page_lists_cards_with_their_state_and_renders_the_description() {
        site(s -> {
            String page = s.page("/decks/" + deckId);
            assertThat(page).contains("<h1>Interview::Networking</h1>");
            assertThat(page).contains("Questions about how the web moves bytes.");
            assertThat(page).contains("What does DNS do?").contains("Compare TCP and UDP.");
            assertThat(page).contains("state-new");
            assertThat(page).contains("from <code>networking.md</code>");
        });
    }

    @Test
    void adding_a_card_with_preview_then_editing_and_deleting_it() {
        site(s -> {
            String answer = "Use **EXPLAIN**:\n\n```sql\nEXPLAIN SELECT 1;\n```";
            Response preview = s.submit("/decks/" + deckId + "/cards", "question", "How do you read a plan?",
                    "answer", answer, "tags", "sql", "action", "preview");
            assertThat(preview.code()).isEqualTo(200);
            assertThat(preview.body().string()).contains("<strong>EXPLAIN</strong>")
                    .contains("<code class=\"language-sql\">EXPLAIN SELECT 1;");
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card WHERE question = 'How do you read a plan?'", Integer.class)).isZero();

            Response saved = s.submit("/decks/" + deckId + "/cards", "question", "How do you read a plan?",
                    "answer", answer, "tags", "sql, performance", "action", "save");
            assertThat(saved.code()).isEqualTo(303);
            assertThat(location(saved)).isEqualTo("/decks/" + deckId);
            long cardId = cardId("How do you read a plan?");
            assertThat(one(jdbi, "SELECT tags FROM card WHERE id = " + cardId, String.class)).isEqualTo("sql, performance");

            assertThat(s.page("/cards/" + cardId + "/edit")).contains("value=\"How do you read a plan?\"");
            Response edited = s.submit("/cards/" + cardId, "question", "How do you read a query plan?",
                    "answer", "Run EXPLAIN.", "tags", "", "action", "save");
            assertThat(edited.code()).isEqualTo(303);
            assertThat(one(jdbi, "SELECT answer FROM card WHERE id = " + cardId, String.class)).isEqualTo("Run EXPLAIN.");

            assertThat(s.page("/cards/" + cardId + "/delete")).contains("Delete this card?").contains("0 reviews");
            assertThat(s.submit("/cards/" + cardId + "/delete").code()).isEqualTo(303);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card WHERE id = " + cardId, Integer.class)).isZero();
        });
    }

    @Test
    void an_invalid_card_form_is_shown_again_with_a_message_and_the_typed_text() {
        site(s -> {
            Response bad = s.submit("/decks/" + deckId + "/cards", "question", "  ", "answer", "Keep this text",
                    "tags", "", "action", "save");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("question must not be empty").contains("Keep this text");
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(5);
        });
    }

    @Test
    void creating_renaming_and_deleting_a_deck_with_a_confirmation_that_counts_what_goes() {
        site(s -> {
            Response created = s.submit("/decks", "name", "Behavioural::Leadership");
            assertThat(created.code()).isEqualTo(303);
            long created_id = Long.parseLong(location(created).replace("/decks/", ""));
            assertThat(one(jdbi, "SELECT COUNT(*) FROM deck WHERE name = 'Behavioural'", Integer.class)).isEqualTo(1);

            Response duplicate = s.submit("/decks", "name", "Behavioural::Leadership");
            assertThat(duplicate.code()).isEqualTo(400);
            assertThat(duplicate.body().string()).contains("already exists");

            assertThat(s.submit("/decks/" + created_id + "/rename", "name", "Behavioural::Teamwork").code()).isEqualTo(303);
            assertThat(one(jdbi, "SELECT name FROM deck WHERE id = " + created_id, String.class)).isEqualTo("Behavioural::Teamwork");
            Response badRename = s.submit("/decks/" + created_id + "/rename", "name", "");
            assertThat(badRename.code()).isEqualTo(400);
            assertThat(badRename.body().string()).contains("deck name must not be empty");

            long interview = one(jdbi, "SELECT id FROM deck WHERE name = 'Interview'", Long.class);
            long dns = cardId("What does DNS do?");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3");
            String confirm = s.page("/decks/" + interview + "/delete");
            assertThat(confirm).contains("2 decks (with sub-decks)").contains("3 cards").contains("1 reviews");

            assertThat(s.submit("/decks/" + interview + "/delete").code()).isEqualTo(303);
            assertThat(one(jdbi, "SELECT COUNT(*) FROM deck WHERE name LIKE 'Interview%'", Integer.class)).isZero();
            assertThat(one(jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(2);
        });
    }

    @Test
    void hostile_card_text_is_escaped_and_never_executed() {
        site(s -> {
            String hostile = "<script>alert('q')</script><img src=x onerror=alert(1)>";
            s.submit("/decks/" + deckId + "/cards", "question", "Is this safe? " + hostile,
                    "answer", hostile + "\n\n[click](javascript:alert(2))\n\n<iframe src=\"https://evil.example\"></iframe>",
                    "tags", "", "action", "save");
            long cardId = cardId("Is this safe? " + hostile);

            for (String path : new String[] {"/decks/" + deckId, "/cards/" + cardId + "/edit", "/study?deck=" + deckId + "&card=" + cardId}) {
                String page = s.page(path);
                assertThat(page).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
                        .doesNotContain("<iframe").doesNotContain("href=\"javascript:");
                assertThat(page).as(path).contains("&lt;script&gt;");
            }
            Response study = s.get("/study?deck=" + deckId + "&card=" + cardId);
            assertThat(study.headers().get("Content-Security-Policy").get(0)).contains("script-src 'self'");
        });
    }

    @Test
    void settings_are_validated_with_a_message_naming_the_problem() {
        site(s -> {
            Response bad = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "desiredRetention", "0.5", "maximumInterval", "", "learningSteps", "", "relearningSteps", "", "weights", "");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("desired retention must be between 0.70 and 0.99");

            Response badSteps = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "desiredRetention", "", "maximumInterval", "", "learningSteps", "1m ten", "relearningSteps", "", "weights", "");
            assertThat(badSteps.body().string()).contains("step &#39;ten&#39; is not a duration");

            Response badWeights = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "desiredRetention", "", "maximumInterval", "", "learningSteps", "", "relearningSteps", "", "weights", "1, 2, 3");
            assertThat(badWeights.body().string()).contains("weights must be 21 numbers");

            Response good = s.submit("/decks/" + deckId + "/settings", "newPerDay", "5", "reviewsPerDay", "50",
                    "desiredRetention", "0.85", "maximumInterval", "365", "learningSteps", "10m 1h", "relearningSteps", "none", "weights", "");
            assertThat(good.code()).isEqualTo(303);
            assertThat(one(jdbi, "SELECT new_per_day || ',' || desired_retention || ',' || learning_steps || ',' || relearning_steps "
                    + "FROM deck WHERE id = " + deckId, String.class)).isEqualTo("5,0.85,10m 1h,none");
        });
    }

    @Test
    void the_card_page_shows_the_answer_state_and_review_history() {
        site(s -> {
            long dns = cardId("What does DNS do?");
            assertThat(s.page("/cards/" + dns)).contains("Not reviewed yet.").contains("example.org");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3", "durationMs", "4200");

            String page = s.page("/cards/" + dns);

            assertThat(page).contains("2026-03-02 10:00").contains("<td>Good</td>").contains("New → Learning")
                    .contains("4.2").contains("2.31").contains("state-learning");
            assertThat(s.get("/cards/999999").code()).isEqualTo(404);
        });
    }

    @Test
    void unknown_pages_get_a_readable_404_page() {
        site(s -> {
            Response missing = s.get("/decks/424242");
            assertThat(missing.code()).isEqualTo(404);
            assertThat(missing.body().string()).contains("no deck with id 424242").contains("Back to your decks");
            assertThat(s.get("/no/such/page").code()).isEqualTo(404);
            assertThat(s.get("/cards/abc/edit").code()).isEqualTo(404);
        });
    }

    @Test
    void static_assets_are_served() {
        site(s -> {
            assertThat(s.get("/static/app.css").body().string()).contains("prefers-color-scheme: dark");
            assertThat(s.get("/static/keys.js").body().string()).contains("rate-");
        });
    }
}
