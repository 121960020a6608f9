package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error pages read as plain words: their heading and tab title are the status and the message is the problem,
 * never template code (a fragment parameter of the layout once shadowed the page's own title, and every error
 * page showed {@code <title th:text="|${title} · prepdeck|">}).
 */
class ErrorPagesTest {
    @TempDir
    Path tempDir;

    TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
    }

    private static Document errorPage(Response response, int status) {
        assertThat(response.code()).isEqualTo(status);
        String html = response.body().string();
        assertNoTemplateCode(html);
        return Jsoup.parse(html);
    }

    /** What a page must never show: a Thymeleaf attribute or expression that was not processed. */
    static void assertNoTemplateCode(String html) {
        assertThat(html).doesNotContainPattern("(?<![A-Za-z-])th:[a-z]").doesNotContain("${");
    }

    @Test
    void a_missing_card_a_missing_page_and_a_path_id_that_is_not_a_number_are_plain_404_pages() {
        collection.site(s -> {
            for (String path : new String[] {"/cards/99999", "/nope", "/decks/abc"}) {
                Document page = errorPage(s.get(path), 404);
                assertThat(page.title()).as(path).isEqualTo("Not Found · prepdeck");
                assertThat(page.select("h1").text()).as(path).isEqualTo("Not Found");
                assertThat(page.select("[role=alert]").text()).as(path).isNotBlank();
            }
            assertThat(errorPage(s.get("/cards/99999"), 404).select("[role=alert]").text())
                    .isEqualTo("no card with id 99999");
        });
    }

    @Test
    void a_query_value_that_is_not_a_number_is_a_plain_400_page_naming_it() {
        collection.site(s -> {
            Document page = errorPage(s.get("/study?deck=abc"), 400);
            assertThat(page.title()).isEqualTo("Bad Request · prepdeck");
            assertThat(page.select("h1").text()).isEqualTo("Bad Request");
            assertThat(page.select("[role=alert]").text()).contains("deck").contains("'abc'");
        });
    }

    @Test
    void a_form_with_a_bad_value_or_without_its_token_gets_a_plain_error_page() {
        collection.site(s -> {
            long card = collection.cardId("What does DNS do?");
            Document rated = errorPage(s.submit("/study/rate", "cardId", String.valueOf(card), "rating", "9"), 400);
            assertThat(rated.title()).isEqualTo("Bad Request · prepdeck");
            assertThat(rated.select("[role=alert]").text()).contains("rating must be 1 (Again)");

            Document forged = errorPage(s.submitWithoutToken("/decks", "name", "Forged"), 403);
            assertThat(forged.title()).isEqualTo("Forbidden · prepdeck");
            assertThat(forged.select("h1").text()).isEqualTo("Forbidden");
        });
    }

    @Test
    void a_form_shown_again_with_its_message_is_plain_text_too() {
        collection.site(s -> {
            long deck = collection.deckId("Interview::Networking");
            Response response = s.submit("/decks/" + deck + "/settings", "newPerDay", "many", "reviewsPerDay", "200");
            assertThat(response.code()).isEqualTo(400);
            String html = response.body().string();
            assertNoTemplateCode(html);
            Document page = Jsoup.parse(html);
            assertThat(page.title()).isEqualTo("Settings of Interview::Networking · prepdeck");
            assertThat(page.select("[role=alert]").text()).isEqualTo("new cards per day must be a whole number");
        });
    }

    @Test
    void every_page_of_a_study_session_is_free_of_template_code() {
        collection.site(s -> {
            long deck = collection.deckId("Interview::Networking");
            for (String path : new String[] {"/", "/decks/" + deck, "/decks/" + deck + "/settings", "/study?deck=" + deck,
                    "/stats", "/mock", "/notes/import", "/decks/new"}) {
                assertNoTemplateCode(s.page(path));
            }
            TestSite.location(s.submit("/study/rate", "cardId",
                    String.valueOf(collection.cardId("What does DNS do?")), "rating", "3"));
            assertNoTemplateCode(s.page("/study?deck=" + deck));
        });
    }
}
