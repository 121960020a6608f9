package dev.prepdeck.deck;

import static dev.prepdeck.TestData.list;
import static dev.prepdeck.TestData.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.media.MediaStore;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decks that come with prepdeck load cleanly from the build, as `java -jar prepdeck.jar` loads them. */
class ShippedDecksTest {
    @TempDir
    Path tempDir;

    @Test
    void every_shipped_deck_imports_without_errors_and_covers_the_notes_topics() {
        Jdbi jdbi = TestData.database(tempDir);

        SyncReport report = ShippedDecks.importInto(new DeckSync(jdbi, new DeckRepository(),
                new MediaStore(jdbi, TestClock.at("2026-03-02T10:00:00Z")), TestClock.at("2026-03-02T10:00:00Z")));

        assertThat(report.errors()).isEmpty();
        assertThat(one(jdbi, "SELECT COUNT(*) FROM card", Integer.class)).isGreaterThanOrEqualTo(60);
        assertThat(list(jdbi, "SELECT name FROM deck WHERE source_path IS NOT NULL ORDER BY name", String.class))
                .contains("Tools::Git", "Tools::SQL", "Tools::Hadoop Streaming", "ML Interview::Model Deployment",
                        "ML Interview::Model Monitoring", "ML Interview::CI/CD", "ML Interview::ML Lifecycle");
        assertThat(one(jdbi, "SELECT COUNT(*) FROM card c JOIN deck d ON d.id = c.deck_id "
                + "WHERE d.name = 'ML Interview::ML Lifecycle'", Integer.class)).isGreaterThanOrEqualTo(14);
        assertThat(one(jdbi, "SELECT COUNT(*) FROM card WHERE uid LIKE 'c-%'", Integer.class))
                .as("every shipped card carries its own stable id").isZero();
    }
}
