package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A big deck's page lists its cards a hundred at a time, in the deck's order, with links between the pages. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DeckPagingTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    TestCollection collection;
    long big;

    @BeforeEach
    void setUp() {
        String cards = IntStream.rangeClosed(1, 250)
                .mapToObj(i -> "## Question %03d?\n\nAnswer %d.\n".formatted(i, i)).collect(Collectors.joining("\n"));
        collection = TestCollection.of(database, tempDir, "big.md", "# Big\n\n" + cards,
                "small.md", "# Big::Small\n\n## A sub-deck's question?\n\nIts answer.\n");
        big = collection.deckId("Big");
    }

    private static List<String> questions(Document page) {
        return page.select("table.cards td.question > a").eachText();
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "Question %03d?".formatted(i)).toList();
    }

    @Test
    void the_first_page_lists_the_first_hundred_cards_with_the_total_sub_decks_and_a_link_to_the_next() {
        collection.site(s -> {
            Document page = Jsoup.parse(s.page("/decks/" + big));
            assertThat(questions(page)).isEqualTo(numbered(1, 100));
            assertThat(page.select("h2#cards .count").text()).isEqualTo("(250)");
            assertThat(page.text()).contains("Cards 1 to 100 of 250.").contains("Page 1 of 3")
                    .contains("251 cards with its sub-decks");
            assertThat(page.select("nav.pages a[rel=prev]")).isEmpty();
            assertThat(page.select("nav.pages a[rel=next]").attr("href")).isEqualTo("/decks/" + big + "?page=2");
            assertThat(page.select("a[href=/decks/" + collection.deckId("Big::Small") + "]").text()).isEqualTo("Small");
            assertThat(page.select("a#browse-deck").attr("href")).isEqualTo("/browse?q=deck:%22Big%22");
            assertThat(Jsoup.parse(s.page(page.select("a#browse-deck").attr("href"))).text())
                    .as("the search it links to").contains("251 cards match");
        });
    }

    @Test
    void a_middle_page_lists_its_hundred_cards_with_their_state_and_links_both_ways() {
        long rated = collection.cardId("Question 150?");
        collection.site(s -> {
            s.submit("/study/rate", "cardId", String.valueOf(rated), "rating", "3", "durationMs", "4000");

            Document page = Jsoup.parse(s.page("/decks/" + big + "?page=2"));

            assertThat(questions(page)).isEqualTo(numbered(101, 200));
            assertThat(page.text()).contains("Cards 101 to 200 of 250.").contains("Page 2 of 3");
            assertThat(page.select("nav.pages a[rel=prev]").attr("href")).isEqualTo("/decks/" + big + "?page=1");
            assertThat(page.select("nav.pages a[rel=next]").attr("href")).isEqualTo("/decks/" + big + "?page=3");
            List<String> states = page.select("table.cards tbody tr").stream()
                    .map(row -> row.select("td.question > a").text() + " " + row.select(".state").text() + " "
                            + row.select("td.num").text())
                    .toList();
            assertThat(states).contains("Question 150? Learning 1", "Question 151? New 0");
        });
    }

    @Test
    void the_last_page_lists_the_rest_without_a_next_link() {
        collection.site(s -> {
            Document page = Jsoup.parse(s.page("/decks/" + big + "?page=3"));
            assertThat(questions(page)).isEqualTo(numbered(201, 250));
            assertThat(page.text()).contains("Cards 201 to 250 of 250.").contains("Page 3 of 3");
            assertThat(page.select("nav.pages a[rel=next]")).isEmpty();
            assertThat(page.select("nav.pages a[rel=prev]").attr("href")).isEqualTo("/decks/" + big + "?page=2");
        });
    }

    @Test
    void a_page_past_the_last_or_not_a_page_number_is_a_bad_request_naming_the_pages() {
        collection.site(s -> {
            Response past = s.get("/decks/" + big + "?page=4");
            assertThat(past.code()).isEqualTo(400);
            assertThat(past.body().string()).contains("this deck&#39;s cards fill pages 1 to 3");
            for (String bad : List.of("0", "-1", "two", "2.5", "99999999999")) {
                Response response = s.get("/decks/" + big + "?page=" + bad);
                assertThat(response.code()).as("page=" + bad).isEqualTo(400);
                assertThat(response.body().string()).as("page=" + bad).contains("page");
            }
            assertThat(s.get("/decks/" + big + "?page=").code()).as("a blank page is the first").isEqualTo(200);
        });
    }

    @Test
    void an_empty_deck_has_one_page_without_links() {
        collection.site(s -> {
            long empty = Long.parseLong(TestSite.location(s.submit("/decks", "name", "Empty")).replaceAll("\\D", ""));
            Document page = Jsoup.parse(s.page("/decks/" + empty));
            assertThat(page.text()).contains("No cards in this deck yet.").doesNotContain("Page 1");
            assertThat(page.select("nav.pages")).isEmpty();
            assertThat(page.select("h2#cards .count").text()).isEqualTo("(0)");
            assertThat(s.get("/decks/" + empty + "?page=2").code()).isEqualTo(400);
        });
    }
}
