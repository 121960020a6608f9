package dev.prepdeck.fsrs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** One run of an fsrs command as the command line makes it: its exit code and what it printed on each stream. */
record Run(int exitCode, String out, String err) {

    /** A command writing to the streams it is given, as the optimizer commands' package constructors take them. */
    interface CommandFactory {
        Callable<Integer> create(PrintStream out, PrintStream err);
    }

    /** Parses {@code args} and runs the command as picocli does for {@code prepdeck fsrs ...}. */
    static Run run(CommandFactory factory, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine line = new CommandLine(factory.create(new PrintStream(out, true, StandardCharsets.UTF_8), errStream));
        line.setErr(new PrintWriter(errStream, true));
        int exit = line.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A failed run: exit code 1, nothing on standard output, one "error: ..." line with {@code message}, no trace. */
    static void assertError(Run run, String message) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out);
    }
}
