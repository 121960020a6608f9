package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees in the terminal when the server starts: one line with the address and the database, and the
 * deck import and web server details only with --verbose. Runs prepdeck as its own process, as a person does,
 * since logging is set up once per process.
 */
class StartupOutputTest {
    @TempDir
    Path tempDir;

    /** Standard output up to and including the running line, and everything on standard error until it stopped. */
    private record Started(List<String> out, String err) {
    }

    private Started serve(String... options) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--port", String.valueOf(port), "--db", tempDir.resolve("startup.db").toString()));
        command.addAll(List.of(options));
        // standard error to a file: stopping a process closes its pipes, and log lines must not be lost with them
        Path errors = tempDir.resolve("stderr-" + port + ".txt");
        Process process = new ProcessBuilder(command).directory(tempDir.toFile()).redirectError(errors.toFile()).start();
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
                if (line.startsWith("prepdeck is running at")) {
                    break;
                }
            }
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the server stops on a plain kill").isTrue();
        }
        return new Started(out, Files.readString(errors));
    }

    @Test
    void start_up_prints_one_line_with_the_address_and_the_database_and_nothing_else() throws Exception {
        Started started = serve();

        assertThat(started.out()).hasSize(1);
        assertThat(started.out().get(0)).startsWith("prepdeck is running at http://127.0.0.1:")
                .contains(tempDir.resolve("startup.db").toString());
        assertThat(started.err()).as("no library log lines").isEmpty();
        assertThat(String.join("\n", started.out())).doesNotContain("\u001b");
    }

    @Test
    void verbose_start_up_adds_the_deck_import_and_the_web_server_log() throws Exception {
        Started started = serve("--verbose");

        assertThat(started.out()).anyMatch(line -> line.startsWith("decks: ") && line.contains("new cards"));
        assertThat(started.out().get(started.out().size() - 1)).startsWith("prepdeck is running at");
        assertThat(started.err()).contains("INFO io.javalin.Javalin");
    }
}
