package dev.prepdeck.fsrs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FsrsReplayCommandTest {
    private static final String GOOD_LINE = "{\"params\":{\"request_retention\":0.9},"
            + "\"steps\":[{\"now\":\"2025-03-01T12:45:38.006Z\",\"rating\":3},{\"now\":\"2025-03-01T12:55:40.000Z\",\"rating\":3}],"
            + "\"comment\":\"unknown keys are ignored\"}";

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run replay(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new FsrsReplayCommand(new ByteArrayInputStream(input), out)).execute();
        String text = out.toString(StandardCharsets.UTF_8);
        // every output line ends with a newline
        return new Run(exit, text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1)));
    }

    private static Run replay(String... lines) {
        return replay((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replays_a_card_like_ts_fsrs() {
        Run run = replay(GOOD_LINE);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("{\"steps\":["
                + "{\"state\":\"Learning\",\"stability\":2.3065,\"difficulty\":2.11810397,\"scheduled_days\":0,"
                + "\"learning_steps\":1,\"due\":\"2025-03-01T12:55:38.006Z\",\"reps\":1,\"lapses\":0,\"elapsed_days\":0},"
                + "{\"state\":\"Review\",\"stability\":2.3065,\"difficulty\":2.11121424,\"scheduled_days\":2,"
                + "\"learning_steps\":0,\"due\":\"2025-03-03T12:55:40.000Z\",\"reps\":2,\"lapses\":0,\"elapsed_days\":0}]}");
    }

    @Test
    void malformed_lines_become_errors_in_place_and_the_rest_go_on() {
        Run run = replay(
                GOOD_LINE,
                "{not json",
                "{\"steps\":[{\"now\":\"2025-03-01T12:45:38.006Z\",\"rating\":5}]}",
                "{\"steps\":[{\"now\":\"yesterday\",\"rating\":3}]}",
                "{\"params\":{\"w\":[1,2,3]},\"steps\":[]}",
                "{\"params\":{\"learning_steps\":[\"30s\"]},\"steps\":[]}",
                "{\"steps\":[{\"now\":\"2025-03-02T00:00:00Z\",\"rating\":3},{\"now\":\"2025-03-01T00:00:00Z\",\"rating\":3}]}",
                "",
                GOOD_LINE);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(9);
        assertThat(run.lines().get(0)).startsWith("{\"steps\":[");
        assertThat(run.lines().get(1)).startsWith("{\"error\":\"line 2: not valid JSON");
        assertThat(run.lines().get(2))
                .isEqualTo("{\"error\":\"line 3: step 0: rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), got 5\"}");
        assertThat(run.lines().get(3))
                .isEqualTo("{\"error\":\"line 4: step 0: \\\"now\\\" is not an ISO-8601 time with offset: \\\"yesterday\\\"\"}");
        assertThat(run.lines().get(4)).isEqualTo("{\"error\":\"line 5: \\\"w\\\" must have 17, 19 or 21 numbers, got 3\"}");
        assertThat(run.lines().get(5)).contains("line 6: \\\"learning_steps\\\": invalid learning step unit in \\\"30s\\\"");
        assertThat(run.lines().get(6)).contains("line 7: step 1: review time").contains("earlier day");
        assertThat(run.lines().get(7)).isEqualTo("{\"error\":\"line 8: empty line; expected a JSON object\"}");
        assertThat(run.lines().get(8)).isEqualTo(run.lines().get(0));
    }

    @Test
    void empty_input_gives_empty_output() {
        Run run = replay(new byte[0]);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).isEmpty();
    }

    @Test
    void is_reachable_as_fsrs_replay() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new FsrsCommand());
        cli.setOut(new PrintWriter(help));
        assertThat(cli.execute("replay", "--help")).isZero();
        assertThat(help.toString()).contains("Usage: fsrs replay").contains("Reads JSON Lines on stdin");
    }

    @Test
    void replay_of_the_reference_vectors_equals_ts_fsrs() throws IOException {
        byte[] vectors;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fsrs/reference-vectors.jsonl"))) {
            vectors = in.readAllBytes();
        }
        Run run = replay(vectors);
        String[] inputs = new String(vectors, StandardCharsets.UTF_8).split("\n");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(inputs.length);

        ObjectMapper mapper = new ObjectMapper();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            JsonNode expected = mapper.readTree(inputs[i]).get("expected");
            JsonNode actual = mapper.readTree(run.lines().get(i)).get("steps");
            assertThat(actual.size()).as("steps on line %d", i + 1).isEqualTo(expected.size());
            for (int step = 0; step < expected.size(); step++) {
                String where = "line " + (i + 1) + " step " + step;
                JsonNode e = expected.get(step);
                JsonNode a = actual.get(step);
                for (String field : List.of("stability", "difficulty")) {
                    double x = e.get(field).doubleValue();
                    double y = a.get(field).doubleValue();
                    if (Math.abs(x - y) > 1e-6 * Math.max(Math.abs(x), Math.abs(y))) {
                        mismatches.add(where + ": " + field + " " + y + " != " + x);
                    }
                }
                for (String field : List.of("state", "due", "scheduled_days", "learning_steps", "reps", "lapses", "elapsed_days")) {
                    if (!e.get(field).equals(a.get(field))) {
                        mismatches.add(where + ": " + field + " " + a.get(field) + " != " + e.get(field));
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
