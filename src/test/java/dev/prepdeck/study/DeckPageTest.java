package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deck's page and a card's page: what is in them and how far along each card is. */
class DeckPageTest {
    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK,
                "database.md", TestData.DATABASE_DECK);
        deckId = collection.deckId("Interview::Networking");
    }

    @Test
    void the_deck_page_lists_cards_with_their_state_and_renders_the_description() {
        collection.site(s -> {
            String page = s.page("/decks/" + deckId);
            assertThat(page).contains("<h1>Interview::Networking</h1>");
            assertThat(page).contains("Questions about how the web moves bytes.");
            assertThat(page).contains("What does DNS do?").contains("Compare TCP and UDP.");
            assertThat(page).contains("state-new");
            assertThat(page).contains("Deck file: <code>networking.md</code>");
        });
    }

    @Test
    void a_cards_tags_show_on_the_deck_and_card_pages_as_links_to_their_search() {
        long dns = collection.cardId("What does DNS do?");
        collection.jdbi().useHandle(h -> h.execute("UPDATE card SET tags = 'basics, net::dns' WHERE id = ?", dns));
        collection.site(s -> {
            String link = "<a class=\"tag\" href=\"/browse?q=tag:%22net::dns%22\">net::dns</a>";
            assertThat(s.page("/decks/" + deckId)).contains(link)
                    .contains("<a class=\"tag\" href=\"/browse?q=tag:%22basics%22\">basics</a>");
            assertThat(s.page("/cards/" + dns)).contains("id=\"card-tags\"").contains(link);
            assertThat(s.page("/cards/" + collection.cardId("Compare TCP and UDP."))).doesNotContain("id=\"card-tags\"");
            assertThat(s.page("/browse?q=tag:%22net::dns%22")).as("the link's search").contains("What does DNS do?")
                    .doesNotContain("Compare TCP and UDP.");
        });
    }

    @Test
    void the_card_page_shows_the_answer_state_and_review_history() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            assertThat(s.page("/cards/" + dns)).contains("Not reviewed yet.").contains("example.org");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3", "durationMs", "4200");

            String page = s.page("/cards/" + dns);

            assertThat(page).contains("2026-03-02 10:00").contains("<td>Good</td>").contains("New → Learning")
                    .contains("4.2").contains("2.31").contains("state-learning");
            assertThat(s.get("/cards/999999").code()).isEqualTo(404);
        });
    }

    @Test
    void questions_render_their_inline_markdown_in_the_card_list_and_on_the_card_page() throws IOException {
        TestCollection sql = TestCollection.of(Files.createDirectories(tempDir.resolve("sql")), "sql.md", """
                # SQL

                ## `sid like '%30864_6%'` 能匹配到哪些 sid？

                `_` 匹配任意一个字符。
                """);
        sql.site(s -> {
            long card = sql.cardId("`sid like '%30864_6%'` 能匹配到哪些 sid？");
            String list = s.page("/decks/" + sql.deckId("SQL"));
            assertThat(list).contains("<code>sid like '%30864_6%'</code> 能匹配到哪些 sid？").doesNotContain("`sid like");
            assertThat(Jsoup.parse(list).select("td.actions a").attr("aria-label"))
                    .isEqualTo("Edit: sid like '%30864_6%' 能匹配到哪些 sid？");
            String page = s.page("/cards/" + card);
            assertThat(page).contains("<h1 class=\"question\"><code>sid like '%30864_6%'</code> 能匹配到哪些 sid？</h1>");
            assertThat(Jsoup.parse(page).title()).isEqualTo("sid like '%30864_6%' 能匹配到哪些 sid？ · prepdeck");
            assertThat(s.page("/cards/" + card + "/delete")).contains("<code>sid like '%30864_6%'</code>");
        });
    }
}
