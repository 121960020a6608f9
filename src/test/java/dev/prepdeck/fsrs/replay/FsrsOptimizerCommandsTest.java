package dev.prepdeck.fsrs.replay;

import static dev.prepdeck.fsrs.replay.Run.assertError;
import static dev.prepdeck.fsrs.replay.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepdeck fsrs optimize / evaluate / retention as a user runs them, on the shared real review log. */
class FsrsOptimizerCommandsTest {
    private static final String LOG = "/fsrs/optimizer/py-fsrs_review_logs_josh_1711744352250_to_1728234780857.csv";

    @TempDir
    static Path folder;
    private static Path revlog;

    @BeforeAll
    static void copyTheLog() throws IOException {
        revlog = folder.resolve("revlog.csv");
        try (InputStream in = Objects.requireNonNull(FsrsOptimizerCommandsTest.class.getResourceAsStream(LOG))) {
            Files.copy(in, revlog);
        }
    }

    private static Path file(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void optimize_prints_the_fitted_parameters_and_both_losses() throws IOException {
        Run run = run(FsrsOptimizeCommand::new, "--revlog", revlog.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json();
        assertThat(json.get("dayCut").get("timezone").asText()).isEqualTo("UTC");
        assertThat(json.get("reviews").asInt()).isEqualTo(12580);
        assertThat(json.get("items").asInt()).isEqualTo(6032);
        assertThat(json.get("outcome").asText()).isEqualTo("OPTIMIZED");
        assertThat(json.get("parameters")).hasSize(21);
        assertThat(json.get("parameters").get(0).asDouble()).isCloseTo(0.1991, within(1e-3));
        double before = json.get("before").get("logLoss").asDouble();
        double after = json.get("after").get("logLoss").asDouble();
        assertThat(before).isCloseTo(0.4539, within(1e-4));
        assertThat(after).isCloseTo(0.4458, within(1e-4)).isLessThan(before);
        assertThat(json.get("after").get("rmseBins").asDouble()).isLessThan(json.get("before").get("rmseBins").asDouble());
    }

    @Test
    void the_day_cut_options_change_the_items() throws IOException {
        Run run = run(FsrsEvaluateCommand::new, "--revlog", revlog.toString(), "--timezone", "Asia/Shanghai",
                "--day-start-hour", "4");
        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("dayCut").get("timezone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(json.get("dayCut").get("dayStartHour").asInt()).isEqualTo(4);
        assertThat(json.get("items").asInt()).isNotEqualTo(6032);
    }

    @Test
    void evaluate_prints_in_sample_and_time_series_split_figures_for_given_parameters() throws IOException {
        Run defaults = run(FsrsEvaluateCommand::new, "--revlog", revlog.toString());
        assertThat(defaults.exitCode()).isZero();
        assertThat(defaults.json().get("inSample").get("logLoss").asDouble()).isCloseTo(0.4539, within(1e-4));
        assertThat(defaults.json().get("timeSeriesSplit").get("logLoss").asDouble()).isCloseTo(0.4493, within(1e-4));
        assertThat(defaults.json().get("timeSeriesSplit").get("items").asInt()).isEqualTo(5027);

        String fitted = "0.1991,0.8948,2.5429,6.1908,6.6017,0.4879,3.2083,0.0455,1.6253,0.2335,0.5719,"
                + "1.5919,0.0316,0.3750,1.8353,0.6003,1.8729,0.7579,0.0928,0.1467,0.2339";
        Run given = run(FsrsEvaluateCommand::new, "--revlog", revlog.toString(), "--parameters", fitted);
        assertThat(given.exitCode()).isZero();
        assertThat(given.json().get("inSample").get("logLoss").asDouble()).isCloseTo(0.4458, within(1e-4));
        assertThat(given.json().get("parameters").get(3).asDouble()).isEqualTo(6.1908);
    }

    @Test
    void retention_prints_a_row_per_desired_retention_and_a_recommendation() throws IOException {
        Run run = run(FsrsRetentionCommand::new, "--revlog", revlog.toString(), "--days", "120", "--new-per-day", "10");
        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("rows")).hasSize(28);
        assertThat(json.get("rows").get(0).get("desiredRetention").asDouble()).isEqualTo(0.70);
        assertThat(json.get("rows").get(27).get("desiredRetention").asDouble()).isEqualTo(0.97);
        assertThat(json.get("simulatedCards").asInt()).isEqualTo(1200);
        double recommended = json.get("recommendedRetention").asDouble();
        JsonNode best = null;
        for (JsonNode row : json.get("rows")) {
            if (best == null || row.get("secondsPerCardRemembered").asDouble()
                    < best.get("secondsPerCardRemembered").asDouble()) {
                best = row;
            }
        }
        assertThat(recommended).isEqualTo(best.get("desiredRetention").asDouble());
        Run again = run(FsrsRetentionCommand::new, "--revlog", revlog.toString(), "--days", "120", "--new-per-day", "10");
        assertThat(again.out()).isEqualTo(run.out());
    }

    @Test
    void a_bad_row_is_reported_with_file_and_line_and_no_stack_trace() throws IOException {
        Path bad = file("bad.csv", "card_id,review_rating,review_time\n1,3,2024-01-01T10:00:00Z\n1,5,2024-01-03T10:00:00Z\n");
        Run run = run(FsrsOptimizeCommand::new, "--revlog", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("error: " + bad
                + ":3: review_rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), got 5");
    }

    @Test
    void other_bad_input_gets_a_clear_message_and_a_non_zero_exit() throws IOException {
        Path time = file("time.csv", "card_id,review_rating,review_time\n7,3,yesterday\n");
        assertError(run(FsrsOptimizeCommand::new, "--revlog", time.toString()),
                time + ":2: review_time is not an ISO-8601 time with an offset: \"yesterday\"");
        Path header = file("header.csv", "card,review_rating,review_time\n");
        assertError(run(FsrsOptimizeCommand::new, "--revlog", header.toString()), header + ":1: no \"card_id\" column");
        Path width = file("width.csv", "card_id,review_rating,review_time\n7,3\n");
        assertError(run(FsrsOptimizeCommand::new, "--revlog", width.toString()),
                width + ":2: expected 3 fields like the header, got 2");
        Path missing = folder.resolve("missing.csv");
        assertError(run(FsrsOptimizeCommand::new, "--revlog", missing.toString()), missing + ": no such file");
        assertError(run(FsrsEvaluateCommand::new, "--revlog", revlog.toString(), "--timezone", "Mars/Olympus"),
                "--timezone: unknown time zone \"Mars/Olympus\"");
        assertError(run(FsrsEvaluateCommand::new, "--revlog", revlog.toString(), "--day-start-hour", "24"),
                "--day-start-hour must be from 0 to 23, got 24");
        Path one = file("one.csv", "card_id,review_rating,review_time\n7,3,2024-01-01T10:00:00Z\n");
        assertError(run(FsrsEvaluateCommand::new, "--revlog", one.toString()), "no items to evaluate");

        Run parameters = run(FsrsEvaluateCommand::new, "--revlog", revlog.toString(), "--parameters", "1,2,3");
        assertThat(parameters.exitCode()).isEqualTo(2);
        assertThat(parameters.err()).contains("expected 21 comma-separated numbers, got 3").doesNotContain("Exception");
    }

    @Test
    void too_little_history_keeps_the_defaults_and_says_so() throws IOException {
        Path small = file("small.csv", "card_id,review_rating,review_time,review_duration\n"
                + "1,3,2024-01-01T10:00:00+02:00,5000\n1,3,2024-01-04T10:00:00+02:00,4000\n");
        Run run = run(FsrsOptimizeCommand::new, "--revlog", small.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("outcome").asText()).isEqualTo("DEFAULTS");
        assertThat(json.get("note").asText()).contains("too little review history");
        assertThat(json.get("parameters").get(0).asDouble()).isEqualTo(0.212);
        Run evaluate = run(FsrsEvaluateCommand::new, "--revlog", small.toString());
        assertThat(evaluate.json().get("timeSeriesSplit").isNull()).isTrue();
    }
}
