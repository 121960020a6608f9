package dev.prepdeck.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.OnEachDatabase;
import dev.prepdeck.TestData;
import org.junit.jupiter.api.Test;

/** The home page: every deck nested under its parent with its counts and a Study button. */
class DashboardPageTest extends OnEachDatabase {
    DashboardPageTest() {
        super("networking.md", TestData.NETWORKING_DECK, "database.md", TestData.DATABASE_DECK);
    }

    @Test
    void the_dashboard_lists_nested_decks_with_due_new_and_total_and_a_study_button() {
        collection.site(s -> {
            String page = s.page("/");
            assertThat(page).contains(">Networking</a>").contains("title=\"Interview::Networking\"");
            assertThat(page).contains(">数据库</a>");
            assertThat(page).contains("depth-1");
            assertThat(page).contains("href=\"/study?deck=" + deckId + "\"");
            assertThat(page).contains("5 new today, 5 cards in all.");
        });
    }
}
