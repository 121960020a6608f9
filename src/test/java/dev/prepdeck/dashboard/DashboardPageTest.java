package dev.prepdeck.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The home page: every deck nested under its parent with its counts and a Study button. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DashboardPageTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir, "networking.md", TestData.NETWORKING_DECK,
                "database.md", TestData.DATABASE_DECK);
        deckId = collection.deckId("Interview::Networking");
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
