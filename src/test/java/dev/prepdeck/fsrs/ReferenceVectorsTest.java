package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.fsrs.replay.ReplayCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Differential test against ts-fsrs 5.4.2: every review in tools/fsrs-reference's vectors must come
 * out the same (stability and difficulty to 1e-6 relative, everything else exactly).
 */
class ReferenceVectorsTest {
    static final String VECTORS = "/fsrs/reference-vectors.jsonl";
    private static final double RELATIVE_TOLERANCE = 1e-6;

    @Test
    void every_review_matches_ts_fsrs() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> mismatches = new ArrayList<>();
        int lines = 0;
        int steps = 0;
        int fuzzed = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream(VECTORS)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                JsonNode root = mapper.readTree(line);
                JsonNode expected = root.get("expected");
                ReplayCase input = ReplayCase.parse(root);
                if (input.parameters().enableFuzz()) {
                    fuzzed++;
                }
                List<FsrsCard> actual;
                try {
                    actual = input.replay();
                } catch (IllegalArgumentException e) {
                    mismatches.add("line " + lines + ": " + e.getMessage());
                    continue;
                }
                for (int i = 0; i < expected.size(); i++) {
                    steps++;
                    compare("line " + lines + " step " + i, expected.get(i), actual.get(i), mismatches);
                }
            }
        }
        assertThat(lines).as("cards in the vectors").isGreaterThanOrEqualTo(1000);
        assertThat(steps).as("reviews in the vectors").isGreaterThanOrEqualTo(10_000);
        assertThat(fuzzed).as("cards with fuzz on").isGreaterThan(0);
        assertThat(mismatches).as("%d mismatches, first ones", mismatches.size())
                .isEmpty();
    }

    @Test
    void previews_give_every_rating_the_outcome_that_answering_gives() throws IOException {
        // The differential test checks next(); the review screen shows preview()'s due times, so both
        // preview forms must agree with next() for all four ratings at every point of every history.
        ObjectMapper mapper = new ObjectMapper();
        int checked = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream(VECTORS)), StandardCharsets.UTF_8))) {
            String line;
            int lines = 0;
            while ((line = reader.readLine()) != null) {
                lines++;
                ReplayCase input = ReplayCase.parse(mapper.readTree(line));
                Scheduler scheduler = new Scheduler(input.parameters());
                FsrsCard card = null;
                for (ReplayCase.Review review : input.reviews()) {
                    Instant now = review.now();
                    FsrsCard before = card == null ? FsrsCard.newCard(now) : card;
                    Map<Rating, ScheduledReview> preview = scheduler.preview(before, now, ZoneOffset.UTC);
                    Preview outcomes = scheduler.previewOutcomes(before, now, ZoneOffset.UTC);
                    for (Rating rating : Rating.values()) {
                        ScheduledReview answered = scheduler.next(before, now, rating, ZoneOffset.UTC);
                        assertThat(preview.get(rating)).as("line %d, %s, preview", lines, rating).isEqualTo(answered);
                        assertThat(outcomes.outcome(rating)).as("line %d, %s, outcomes", lines, rating).isEqualTo(answered);
                        assertThat(outcomes.due(rating)).isEqualTo(answered.card().due());
                        checked++;
                    }
                    card = scheduler.next(before, now, review.rating(), ZoneOffset.UTC).card();
                }
            }
        }
        assertThat(checked).as("outcomes compared").isGreaterThanOrEqualTo(40_000);
    }

    static void compare(String where, JsonNode expected, FsrsCard actual, List<String> mismatches) {
        List<String> problems = new ArrayList<>();
        String state = expected.get("state").asText();
        if (!state.equals(actual.state().label())) {
            problems.add("state " + actual.state().label() + " != " + state);
        }
        checkClose("stability", expected.get("stability").doubleValue(), actual.stability(), problems);
        checkClose("difficulty", expected.get("difficulty").doubleValue(), actual.difficulty(), problems);
        checkExact("scheduled_days", expected.get("scheduled_days").intValue(), actual.scheduledDays(), problems);
        checkExact("learning_steps", expected.get("learning_steps").intValue(), actual.learningSteps(), problems);
        checkExact("reps", expected.get("reps").intValue(), actual.reps(), problems);
        checkExact("lapses", expected.get("lapses").intValue(), actual.lapses(), problems);
        if (expected.has("elapsed_days")) {
            checkExact("elapsed_days", expected.get("elapsed_days").intValue(), actual.elapsedDays(), problems);
        }
        Instant due = Instant.parse(expected.get("due").asText());
        if (!due.equals(actual.due())) {
            problems.add("due " + actual.due() + " != " + due);
        }
        if (!problems.isEmpty() && mismatches.size() < 30) {
            mismatches.add(where + ": " + String.join(", ", problems));
        } else if (!problems.isEmpty()) {
            mismatches.add(where);
        }
    }

    private static void checkClose(String field, double expected, double actual, List<String> problems) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (Math.abs(expected - actual) > RELATIVE_TOLERANCE * scale) {
            problems.add(field + " " + actual + " != " + expected);
        }
    }

    private static void checkExact(String field, int expected, int actual, List<String> problems) {
        if (expected != actual) {
            problems.add(field + " " + actual + " != " + expected);
        }
    }
}
