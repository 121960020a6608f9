import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the class-data-sharing archive that makes the server start with less CPU (BENCHMARKS.md, "Measured on
 * branch start19"): runs {@code java -XX:ArchiveClassesAtExit=ARCHIVE -jar JAR} on a fresh database in a temporary
 * folder, asks for the pages a learner opens first, and stops it; the JVM writes the classes it loaded as it exits.
 * The archive is only valid for this jar (its size and time are checked at start-up), so the build makes it right
 * after the jar: {@code mvn package} runs this as {@code java tools/appcds/TrainingRun.java JAR ARCHIVE}.
 */
public final class TrainingRun {
    /** The pages a learner opens first after start: their classes are in the archive, the rest load as usual. */
    private static final List<String> PAGES = List.of("/", "/study", "/api/review/next", "/browse", "/stats");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java tools/appcds/TrainingRun.java JAR ARCHIVE");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path archive = Path.of(args[1]).toAbsolutePath();
        Files.deleteIfExists(archive);
        Path work = Files.createTempDirectory("prepdeck-appcds");
        Path log = work.resolve("server.log");
        int port = freePort();
        // The same java and the same -jar path as the quick start, so the archive's checks pass when it runs.
        Process server = new ProcessBuilder("java", "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(),
                "--port", String.valueOf(port), "--db", work.resolve("training.db").toString(), "--backup-hours", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitDashboard(client, base, server, log);
            for (String page : PAGES.subList(1, PAGES.size())) {
                client.send(HttpRequest.newBuilder(base.resolve(page)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            server.destroy(); // SIGTERM: the JVM runs its exit and writes the archive
            if (!server.waitFor(120, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (!Files.isRegularFile(archive)) {
            fail("no archive was written; the server said:", log);
        }
        deleteTree(work);
    }

    /** Waits for the dashboard's first 200, failing if the server exits or takes more than two minutes. */
    private static void awaitDashboard(HttpClient client, URI base, Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("the server stopped before answering; it said:", log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base.resolve(PAGES.get(0))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the server is still starting
            }
            Thread.sleep(50);
        }
        fail("the server did not answer within two minutes; it said:", log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void fail(String what, Path log) throws IOException {
        System.err.println("appcds training run: " + what);
        System.err.println(Files.readString(log));
        System.exit(1);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
