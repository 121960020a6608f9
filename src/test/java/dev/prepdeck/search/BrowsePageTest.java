package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /browse page and the tag page over HTTP: searching, sorting, errors, and bulk edits from the form. */
class BrowsePageTest {
    @TempDir
    Path tempDir;

    TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK,
                "database.md", TestData.DATABASE_DECK);
    }

    private String id(String question) {
        return String.valueOf(collection.cardId(question));
    }

    @Test
    void the_menu_has_a_search_box_that_leads_to_browse() {
        collection.site(s -> {
            String home = s.page("/");
            assertThat(home).contains("<form class=\"menu-search\" method=\"get\" action=\"/browse\" role=\"search\">")
                    .contains("name=\"q\"");
        });
    }

    @Test
    void a_chinese_search_finds_its_card_and_marks_the_match() {
        collection.site(s -> {
            String page = s.page("/browse?q=" + enc("索引"));
            assertThat(page).contains("<strong>1</strong> <span>card matches</span>")
                    .contains("什么是<mark>索引</mark>？")
                    .doesNotContain("What does DNS do?");
            assertThat(page).contains("value=\"索引\"");
            assertThat(page).as("one card is spoken of as one").contains("Cram this card").contains("the 1 matching card")
                    .doesNotContain("1 cards");
        });
    }

    @Test
    void every_card_is_listed_with_the_browse_columns_when_the_query_is_empty() {
        collection.site(s -> {
            String page = s.page("/browse");
            assertThat(page).contains("<strong>5</strong>");
            for (String column : List.of("Question", "Deck", "Tags", "State", "Due", "Interval", "Stability",
                    "Difficulty", "Recall now", "Reviews", "Lapses", "Added", "Last review")) {
                assertThat(page).contains(">" + column + "</a>");
            }
            assertThat(page).contains("href=\"/browse?q=tag:%22basics%22\"");
        });
    }

    @Test
    void sorting_by_question_descending_orders_the_rows_and_says_so_to_screen_readers() {
        collection.site(s -> {
            String page = s.page("/browse?q=deck:Interview*&sort=question&order=desc");
            int which = page.indexOf("Which HTTP method");
            int dns = page.indexOf("What does DNS do?");
            int tcp = page.indexOf("Compare TCP and UDP.");
            assertThat(which).isPositive().isLessThan(dns);
            assertThat(dns).isLessThan(tcp);
            assertThat(page).contains("aria-sort=\"descending\"")
                    .contains("href=\"/browse?q=deck%3AInterview*&amp;sort=question\"");
        });
    }

    @Test
    void a_query_that_cannot_be_parsed_is_a_form_message_saying_where() {
        collection.site(s -> {
            Response response = s.get("/browse?q=" + enc("tag:sql prop:ivl>>3"));
            String page = response.body().string();
            assertThat(response.code()).isEqualTo(400);
            assertThat(page).contains("expected a number after")
                    .contains("At character <strong>18</strong>")
                    .contains("aria-invalid=\"true\"")
                    .doesNotContain("Exception");
        });
    }

    @Test
    void a_bad_sort_column_is_a_400_naming_the_parameter() {
        collection.site(s -> {
            Response response = s.get("/browse?sort=colour");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("sort must be one of question, deck");
        });
    }

    @Test
    void suspending_the_selected_cards_redirects_back_with_a_message_shown_once() {
        collection.site(s -> {
            Response done = s.submit("/browse/bulk", "q", "deck:数据库", "card", id("什么是索引？"),
                    "card", id("如何查看查询计划？"), "action", "suspend");
            assertThat(done.code()).isEqualTo(303);
            assertThat(TestSite.location(done)).isEqualTo("/browse?q=" + enc("deck:数据库"));
            assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE suspended = 1", Integer.class)).isEqualTo(2);

            Response next = s.get(TestSite.location(done));
            assertThat(next.body().string()).contains("Suspended 2 cards.").contains(">Suspended</span>");
            assertThat(s.get(TestSite.location(done)).body().string()).doesNotContain("Suspended 2 cards.");
        });
    }

    @Test
    void moving_every_match_moves_them_all_to_the_chosen_deck() {
        collection.site(s -> {
            long networking = collection.deckId("Interview::Networking");
            Response done = s.submit("/browse/bulk", "q", "deck:数据库", "scope", "matches", "action", "move",
                    "deckId", String.valueOf(networking));
            assertThat(done.code()).isEqualTo(303);
            assertThat(collection.one("SELECT COUNT(*) FROM card WHERE deck_id = " + networking, Integer.class))
                    .isEqualTo(5);
            assertThat(s.get("/browse?q=" + enc("deck:数据库")).body().string()).contains("Moved 2 cards.");
        });
    }

    @Test
    void nothing_selected_is_a_form_message_and_changes_nothing() {
        collection.site(s -> {
            Response response = s.submit("/browse/bulk", "q", "", "action", "suspend");
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("select at least one card").contains("role=\"alert\"");
            assertThat(collection.one("SELECT COUNT(*) FROM card_state WHERE suspended = 1", Integer.class)).isZero();
        });
    }

    @Test
    void a_move_that_would_repeat_a_question_in_the_deck_moves_no_card() {
        collection.site(s -> {
            long networking = collection.deckId("Interview::Networking");
            long database = collection.deckId("数据库");
            s.submit("/decks/" + database + "/cards", "question", "What does DNS do?", "answer", "Names to numbers.",
                    "tags", "");
            Response response = s.submit("/browse/bulk", "q", "deck:数据库", "scope", "matches", "action", "move",
                    "deckId", String.valueOf(networking));
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.body().string()).contains("already has a card asking &quot;What does DNS do?&quot;");
            assertThat(collection.one("SELECT COUNT(*) FROM card WHERE deck_id = " + database, Integer.class))
                    .as("all or nothing").isEqualTo(3);
        });
    }

    @Test
    void delete_asks_first_and_deletes_only_when_confirmed() {
        collection.site(s -> {
            String dns = id("What does DNS do?");
            Response ask = s.submit("/browse/bulk", "q", "dns", "card", dns, "action", "delete");
            assertThat(ask.code()).isEqualTo(200);
            assertThat(ask.body().string()).contains("Delete 1 card?").contains("name=\"confirmed\"");
            assertThat(collection.one("SELECT COUNT(*) FROM card WHERE id = " + dns, Integer.class)).isEqualTo(1);

            Response done = s.submit("/browse/bulk", "q", "dns", "card", dns, "action", "delete", "confirmed", "yes");
            assertThat(done.code()).isEqualTo(303);
            assertThat(collection.one("SELECT COUNT(*) FROM card WHERE id = " + dns, Integer.class)).isZero();
        });
    }

    @Test
    void a_bulk_form_from_another_site_is_refused() {
        collection.site(s -> {
            Response response = s.submitWithoutToken("/browse/bulk", "q", "", "scope", "matches", "action", "delete",
                    "confirmed", "yes");
            assertThat(response.code()).isEqualTo(403);
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(5);
        });
    }

    @Test
    void tags_are_added_listed_with_counts_renamed_and_deleted() {
        collection.site(s -> {
            s.submit("/browse/bulk", "q", "deck:数据库", "scope", "matches", "action", "add-tags", "tags", "sql::basics, db");
            String tags = s.page("/tags");
            assertThat(tags).contains(">sql::basics</a>").contains(">basics</a>");

            Response renamed = s.submit("/tags/rename", "tag", "SQL", "newName", "database");
            assertThat(renamed.code()).isEqualTo(303);
            assertThat(collection.list("SELECT tags FROM card WHERE deck_id = " + collection.deckId("数据库"), String.class))
                    .containsOnly("database::basics, db");
            assertThat(s.get("/tags").body().string()).contains("Renamed SQL to database on 2 cards.");

            s.submit("/tags/delete", "tag", "database");
            assertThat(collection.list("SELECT tags FROM card WHERE deck_id = " + collection.deckId("数据库"), String.class))
                    .containsOnly("db");
            assertThat(s.page("/browse?q=tag:database")).contains("<strong>0</strong>");
        });
    }

    @Test
    void results_come_fifty_to_a_page_with_links_that_keep_the_query_and_sort(@TempDir Path other) {
        StringBuilder deck = new StringBuilder("# Many\n\n");
        for (int i = 1; i <= 55; i++) {
            deck.append("## Question number ").append(String.format("%02d", i)).append("?\n\nAnswer ").append(i).append(".\n\n");
        }
        TestCollection.of(other, "many.md", deck.toString()).site(s -> {
            String first = s.page("/browse?q=number&sort=question&order=desc");
            assertThat(first).contains("<strong>55</strong>").contains("page <span>1</span> of <span>2</span>")
                    .contains("Question <mark>number</mark> 55?").doesNotContain("Question <mark>number</mark> 05?")
                    .contains("href=\"/browse?q=number&amp;sort=question&amp;order=desc&amp;page=2\" rel=\"next\"");
            String second = s.page("/browse?q=number&sort=question&order=desc&page=2");
            assertThat(second).contains("Question <mark>number</mark> 05?").contains("Question <mark>number</mark> 01?")
                    .doesNotContain("Question <mark>number</mark> 06?").contains("rel=\"prev\"");
        });
    }

    @Test
    void the_last_bulk_edit_is_undone_from_the_page_with_how_many_cards_it_restored() {
        collection.site(s -> {
            s.submit("/browse/bulk", "q", "deck:数据库", "scope", "matches", "action", "delete", "confirmed", "yes");
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(3);
            String page = s.page("/browse?q=" + enc("deck:数据库"));
            assertThat(page).contains("Deleted 2 cards.").contains("id=\"undo-bulk\">Undo delete</button>");

            Response undone = s.submit("/browse/undo", "q", "deck:数据库");
            assertThat(undone.code()).isEqualTo(303);
            assertThat(TestSite.location(undone)).isEqualTo("/browse?q=" + enc("deck:数据库"));
            assertThat(collection.one("SELECT COUNT(*) FROM card", Integer.class)).isEqualTo(5);
            String after = s.page(TestSite.location(undone));
            assertThat(after).contains("Undid the delete: 2 cards restored with their reviews.")
                    .contains("什么是索引？").doesNotContain("id=\"undo-bulk\"");
            assertThat(s.get("/browse").body().string()).doesNotContain("Undid");

            s.submit("/browse/undo", "q", "");
            assertThat(s.page("/browse")).contains("There is no change to many cards to undo.");
        });
    }

    @Test
    void set_due_date_from_the_form_says_how_many_cards_and_a_bad_range_is_a_form_message() {
        collection.site(s -> {
            s.submit("/study/rate", "cardId", id("什么是索引？"), "rating", "3");
            Response done = s.submit("/browse/bulk", "q", "", "scope", "matches", "action", "set-due", "days", "2-3!");
            assertThat(done.code()).isEqualTo(303);
            assertThat(s.page("/browse")).contains("Set the due date of 1 card.");
            assertThat(s.page("/browse?q=" + enc("prop:due>=2 prop:due<=3"))).contains("<strong>1</strong>");

            Response bad = s.submit("/browse/bulk", "q", "", "scope", "matches", "action", "set-due", "days", "next week");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("set the due date as days from today")
                    .contains("id=\"bulk-days\"");
        });
    }

    @Test
    void searches_are_saved_listed_in_the_sidebar_run_and_deleted() {
        collection.site(s -> {
            Response saved = s.submit("/browse/saved", "q", "deck:数据库 -is:suspended", "name", "Chinese DB");
            assertThat(saved.code()).isEqualTo(303);
            String page = s.page(TestSite.location(saved));
            assertThat(page).contains("Saved the search as “Chinese DB”.")
                    .contains("href=\"/browse?q=deck:%E6%95%B0%E6%8D%AE%E5%BA%93%20-is:suspended\"");
            assertThat(s.page("/browse")).contains(">Chinese DB</a>");
            long searchId = collection.one("SELECT id FROM saved_search", Long.class);

            Response noName = s.submit("/browse/saved", "q", "dns", "name", "  ");
            assertThat(noName.code()).isEqualTo(400);
            assertThat(noName.body().string()).contains("give the search a name");
            Response badQuery = s.submit("/browse/saved", "q", "prop:ivl>>3", "name", "broken");
            assertThat(badQuery.code()).isEqualTo(400);
            assertThat(collection.one("SELECT COUNT(*) FROM saved_search", Integer.class)).isEqualTo(1);

            Response deleted = s.submit("/browse/saved/delete", "id", String.valueOf(searchId), "q", "");
            assertThat(deleted.code()).isEqualTo(303);
            assertThat(s.page("/browse")).contains("Deleted the saved search.").doesNotContain(">Chinese DB</a>");
            assertThat(s.submit("/browse/saved/delete", "id", String.valueOf(searchId), "q", "").code()).isEqualTo(404);
        });
    }

    @Test
    void tag_rename_and_delete_errors_are_messages_on_the_tag_page() {
        collection.site(s -> {
            s.submit("/browse/bulk", "q", "deck:数据库", "scope", "matches", "action", "add-tags", "tags", "sql, db");
            Response empty = s.submit("/tags/rename", "tag", "sql", "newName", " ");
            assertThat(empty.code()).isEqualTo(400);
            assertThat(empty.body().string()).contains("The tag was not changed").contains("type a tag name")
                    .contains("<h1>Tags</h1>");
            Response clash = s.submit("/tags/rename", "tag", "sql", "newName", "DB");
            assertThat(clash.code()).isEqualTo(400);
            assertThat(clash.body().string()).contains("a tag DB exists already");
            Response badLevel = s.submit("/tags/rename", "tag", "sql", "newName", "sql::");
            assertThat(badLevel.body().string()).contains("has an empty level");
            Response comma = s.submit("/tags/rename", "tag", "sql", "newName", "a,b");
            assertThat(comma.body().string()).contains("must not contain commas");
            Response unknown = s.submit("/tags/delete", "tag", "nosuchtag");
            assertThat(unknown.code()).isEqualTo(400);
            assertThat(unknown.body().string()).contains("no card has the tag nosuchtag");
            assertThat(collection.list("SELECT tags FROM card WHERE deck_id = " + collection.deckId("数据库"), String.class))
                    .containsOnly("sql, db");

            Response merged = s.submit("/tags/rename", "tag", "sql", "newName", "DB", "merge", "on");
            assertThat(merged.code()).isEqualTo(303);
            assertThat(collection.list("SELECT tags FROM card WHERE deck_id = " + collection.deckId("数据库"), String.class))
                    .containsOnly("DB");
            assertThat(s.page("/tags")).contains("Undo tag rename");
        });
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
