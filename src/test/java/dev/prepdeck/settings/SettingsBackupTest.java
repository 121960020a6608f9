package dev.prepdeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's settings live in the collection, so its backup carries them and a restore brings them back. */
class SettingsBackupTest {
    @TempDir
    Path tempDir;

    @Test
    void a_restored_backup_brings_back_the_settings_it_was_taken_with() {
        // SQLite: prepdeck's own backups and restores (PostgreSQL's are its operator's)
        TestCollection collection = TestCollection.of(TestDatabase.SQLITE, tempDir);
        collection.site(s -> {
            s.putJson("/api/settings", """
                    {"language":"zh-CN","timeZone":"Asia/Shanghai","rolloverHour":6,"newCardsPerDay":15,
                     "desiredRetention":0.85,"learningSteps":"2m 20m","answerBox":"on","theme":"dark"}""");
            s.submit("/backups");
            String backup = "test-20260302-100000-000-manual.db";
            collection.clock().advance(Duration.ofMinutes(5));
            s.putJson("/api/settings", """
                    {"language":"en","timeZone":null,"rolloverHour":4,"newCardsPerDay":20,
                     "desiredRetention":null,"learningSteps":null,"answerBox":"auto","theme":"system"}""");
            assertThat(TestSite.json(s.get("/api/settings")).get("theme").asText()).isEqualTo("system");

            assertThat(s.submit("/backups/" + backup + "/restore").code()).isEqualTo(303);

            JsonNode restored = TestSite.json(s.get("/api/settings"));
            assertThat(restored.get("language").asText()).isEqualTo("zh-CN");
            assertThat(restored.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
            assertThat(restored.get("rolloverHour").asInt()).isEqualTo(6);
            assertThat(restored.get("newCardsPerDay").asInt()).isEqualTo(15);
            assertThat(restored.get("desiredRetention").asDouble()).isEqualTo(0.85);
            assertThat(restored.get("learningSteps").asText()).isEqualTo("2m 20m");
            assertThat(restored.get("answerBox").asText()).isEqualTo("on");
            assertThat(restored.get("theme").asText()).isEqualTo("dark");
            assertThat(s.page("/")).as("and the pages follow them at once").contains("<html lang=\"zh-CN\"");
        });
    }
}
