package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Cramming a search's cards: one by one in the chosen order, ending with a summary, leaving every schedule alone. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CramTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir, "networking.md", TestData.NETWORKING_DECK,
                "database.md", TestData.DATABASE_DECK);
    }

    private List<String> schedules() {
        return collection.list("SELECT card_id || ':' || state || ':' || due || ':' || reps FROM card_state ORDER BY card_id",
                String.class);
    }

    @Test
    void a_cram_goes_through_the_matches_in_order_and_changes_no_schedule() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3", "durationMs", "4000");
            List<String> before = schedules();
            int reviews = collection.one("SELECT COUNT(*) FROM review_log", Integer.class);

            String browse = s.page("/browse?q=deck:Interview*&sort=question");
            assertThat(browse).contains("href=\"/cram?q=deck%3AInterview*&amp;sort=question&amp;order=asc\"");

            String first = s.page("/cram?q=deck:Interview*&sort=question&order=asc");
            assertThat(first).contains("Card <strong>1</strong> of <strong>3</strong>").contains("Compare TCP and UDP.")
                    .contains("<th>TCP</th>")
                    .contains("href=\"/cram?q=deck%3AInterview*&amp;sort=question&amp;order=asc&amp;at=2\"");
            assertThat(s.page("/cram?q=deck:Interview*&sort=question&order=asc&at=2")).contains("What does DNS do?");
            String last = s.page("/cram?q=deck:Interview*&sort=question&order=asc&at=3");
            assertThat(last).contains("Which HTTP method is idempotent but not safe?").contains("<span>Finish</span>");
            assertThat(s.page("/cram?q=deck:Interview*&sort=question&order=asc&at=4"))
                    .contains("Cram finished").contains("You went through <strong>3</strong> of <strong>3</strong>");

            assertThat(schedules()).as("no schedule changed").isEqualTo(before);
            assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(reviews);
        });
    }

    @Test
    void weakest_first_puts_the_least_likely_to_be_recalled_card_first() {
        collection.site(s -> {
            long dns = collection.cardId("What does DNS do?");
            long tcp = collection.cardId("Compare TCP and UDP.");
            s.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "4", "durationMs", "4000");
            s.submit("/study/rate", "cardId", String.valueOf(tcp), "rating", "1", "durationMs", "4000");
            collection.clock().advance(java.time.Duration.ofDays(2));
            String first = s.page("/cram?q=deck:Interview*%20-is:new");
            assertThat(first).contains("weakest first").contains("Compare TCP and UDP.");
        });
    }

    @Test
    void an_unreadable_search_and_an_empty_one_end_with_a_message() {
        collection.site(s -> {
            Response bad = s.get("/cram?q=prop:ivl%3E%3E3");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("expected a number after");
            assertThat(s.page("/cram?q=kubernetes")).contains("Nothing to cram");
        });
    }
}
