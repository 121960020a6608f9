package dev.prepdeck.fsrs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.optimize.SimulatedLearner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * prepdeck fsrs optimize --db with a PostgreSQL URL (issue 18): the optimizer reads a shared install's review log,
 * with the password from a file, and fits what the same log written as a CSV fits.
 */
class FsrsPostgresCommandTest {
    @TempDir
    Path tempDir;

    private static JsonNode optimize(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new FsrsOptimizeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_review_log_of_a_postgresql_database_fits_as_the_same_log_in_a_csv_does() throws Exception {
        TestCollection studied = TestCollection.at(TestDatabase.POSTGRESQL, tempDir,
                SimulatedLearner.FIRST_DAY.toString(), "interview.md", SimulatedLearner.deck("Interview", 60));
        SimulatedLearner.study(studied, 30, 3.0, 7);
        Path password = TestData.write(tempDir, "password", TestDatabase.password() + "\n");

        JsonNode fromDb = optimize("--db", TestDatabase.POSTGRESQL.commandArgument(studied.jdbi(), tempDir),
                "--db-password-file", password.toString());

        assertThat(fromDb.get("outcome").asText()).isEqualTo("OPTIMIZED");
        assertThat(fromDb.get("db").asText()).startsWith("jdbc:postgresql://");
        assertThat(fromDb.get("reviews").asInt()).isEqualTo(studied.one("SELECT COUNT(*) FROM review_log",
                Integer.class));
        StringBuilder csv = new StringBuilder("card_id,review_rating,review_time,review_duration\n");
        studied.jdbi().useHandle(h -> h.createQuery(
                        "SELECT card_id, rating, reviewed_at, duration_ms FROM review_log ORDER BY id")
                .mapToMap().forEach(row -> csv.append(row.get("card_id")).append(',').append(row.get("rating"))
                        .append(',').append(Instant.ofEpochMilli(((Number) row.get("reviewed_at")).longValue())
                                .atOffset(ZoneOffset.UTC)).append(',').append(row.get("duration_ms")).append('\n')));
        Path log = Files.writeString(tempDir.resolve("log.csv"), csv.toString());
        JsonNode fromCsv = optimize("--revlog", log.toString(), "--timezone", "UTC", "--day-start-hour", "4");
        for (String figure : List.of("parameters", "before", "after", "reviews", "cards", "items")) {
            assertThat(fromDb.get(figure)).as(figure).isEqualTo(fromCsv.get(figure));
        }
    }
}
