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

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
