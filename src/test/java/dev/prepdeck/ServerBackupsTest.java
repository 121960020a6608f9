package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A real server process: it backs up as it starts, and holds the database against a restore until it ends. */
class ServerBackupsTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void serve_backs_up_at_start_and_restore_refuses_until_the_server_is_gone() throws Exception {
        Path db = tempDir.resolve("prepdeck.db");
        Path saved = tempDir.resolve("saved.db");
        TestData.write(tempDir.resolve("decks"), "networking.md", TestData.NETWORKING_DECK);
        assertThat(new CommandLine(new ImportCommand()).execute(tempDir.resolve("decks").toString(), "--db", db.toString()))
                .isZero();
        assertThat(new CommandLine(new BackupCommand()).execute("--out", saved.toString(), "--db", db.toString())).isZero();
        // The import backed up first; without that backup of today, the server's start is the day's first write.
        try (var files = Files.list(tempDir.resolve("backups"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port",
                String.valueOf(port), "--db", db.toString(), "--decks", tempDir.resolve("decks").toString())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            assertThat(line).startsWith("prepdeck is running at");
            try (var files = Files.list(tempDir.resolve("backups"))) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertThat(names).anyMatch(name -> name.startsWith("prepdeck-") && name.endsWith("-start.db"));
            }

            output.reset();
            assertThat(new CommandLine(new RestoreCommand()).execute(saved.toString(), "--db", db.toString()))
                    .isEqualTo(1);
            assertThat(output.err()).isEqualTo("error: " + db + ": a prepdeck server is running on it (process "
                    + server.pid() + "); stop it first, or restore from its Backups page\n");
        } finally {
            server.destroyForcibly();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        output.reset();
        assertThat(new CommandLine(new RestoreCommand()).execute(saved.toString(), "--db", db.toString()))
                .as("the lock went with the killed process").isZero();
    }
}
