package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load: a real server process (prepdeck serve, started here) is killed with SIGKILL at random moments
 * while clients rate cards, and started again on the same file. Afterwards every review the server acknowledged is
 * in the log, a review in flight at the kill is stored at most once (its retry carries the same request id), each
 * card's reps equal its reviews, and PRAGMA integrity_check is ok. This is what {@code synchronous=NORMAL} in WAL
 * mode promises for a process crash: a COMMIT that returned is in the WAL file, which the operating system keeps.
 */
class ServerCrashTest {
    private static final int KILLS = 6;
    private static final int CLIENTS = 6;

    @TempDir
    Path tempDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Request id to card of every review the server acknowledged. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    /** Reviews sent when the server died: their outcome is unknown until retried. */
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();

    @Test
    void every_acknowledged_review_survives_kill_9_and_none_is_stored_twice() throws Exception {
        StringBuilder deck = new StringBuilder("# Crash\n\n");
        for (int i = 0; i < 40; i++) {
            deck.append("## Question ").append(i).append("?\n\nAnswer ").append(i).append(".\n\n");
        }
        TestData.write(tempDir.resolve("decks"), "crash.md", deck.toString());
        Path db = tempDir.resolve("crash.db");
        Random random = new Random(19);

        for (int kill = 0; kill < KILLS; kill++) {
            Server server = Server.start(db, tempDir.resolve("decks"));
            List<Long> cards = cardIds(server);
            retryInFlight(server);
            int killAfter = 10 + random.nextInt(60);
            AtomicInteger acknowledgedHere = new AtomicInteger();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = random.nextLong();
                clients.add(CompletableFuture.runAsync(() -> rateUntilTheServerDies(server, cards, new Random(seed),
                        acknowledgedHere, killAfter)));
            }
            // Every client counts its acknowledged reviews; the one that reaches the mark kills the server.
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
        }

        Server last = Server.start(db, tempDir.resolve("decks"));
        retryInFlight(last);
        last.process.destroyForcibly().waitFor();

        assertThat(acknowledged.size()).as("reviews acknowledged over %d kills", KILLS).isGreaterThan(KILLS * 10);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA integrity_check")).isEqualTo("ok");
            Map<String, Long> stored = new HashMap<>();
            try (ResultSet rows = s.executeQuery("SELECT request_id, card_id FROM review_log")) {
                while (rows.next()) {
                    assertThat(stored.put(rows.getString(1), rows.getLong(2))).as("stored once").isNull();
                }
            }
            acknowledged.forEach((requestId, card) ->
                    assertThat(stored.get(requestId)).as("acknowledged review %s", requestId).isEqualTo(card));
            assertThat(stored).as("every review stored was sent by a client").containsOnlyKeys(
                    new ArrayList<>(acknowledged.keySet()));
            assertThat(single(s, """
                    SELECT COUNT(*) FROM card_state st
                    WHERE st.reps <> (SELECT COUNT(*) FROM review_log r WHERE r.card_id = st.card_id)"""))
                    .as("cards whose reps differ from their reviews").isEqualTo("0");
        }
    }

    /** SIGTERM (Ctrl+C, a service stopped): the write-ahead log is copied into the file and emptied before exit. */
    @Test
    void a_server_stopped_cleanly_leaves_its_reviews_in_the_database_file_alone() throws Exception {
        StringBuilder deck = new StringBuilder("# Stop\n\n");
        for (int i = 0; i < 40; i++) {
            deck.append("## Question ").append(i).append("?\n\nAnswer ").append(i).append(".\n\n");
        }
        TestData.write(tempDir.resolve("decks"), "stop.md", deck.toString());
        Path db = tempDir.resolve("stop.db");
        Server server = Server.start(db, tempDir.resolve("decks"));
        List<Long> cards = cardIds(server);
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = rate(server, cards.get(i), UUID.randomUUID().toString(), 3);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        server.process.destroy();

        assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        Path log = Path.of(db + "-wal");
        assertThat(Files.exists(log) ? Files.size(log) : 0).as("bytes left in the write-ahead log").isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT COUNT(*) FROM review_log")).isEqualTo("30");
        }
    }

    private void rateUntilTheServerDies(Server server, List<Long> cards, Random random, AtomicInteger acknowledgedHere,
                                        int killAfter) {
        while (true) {
            long card = cards.get(random.nextInt(cards.size()));
            String requestId = UUID.randomUUID().toString();
            inFlight.put(requestId, card);
            try {
                HttpResponse<String> response = rate(server, card, requestId, 1 + random.nextInt(4));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                inFlight.remove(requestId);
                acknowledged.put(requestId, card);
                if (acknowledgedHere.incrementAndGet() == killAfter) {
                    server.kill();
                }
            } catch (IOException e) {
                // The server is gone; this review stays in flight, to be retried after the restart.
                return;
            }
        }
    }

    /** A client that lost its answer sends the same review again; the server must not rate twice. */
    private void retryInFlight(Server server) throws Exception {
        for (Map.Entry<String, Long> review : new ArrayList<>(inFlight.entrySet())) {
            HttpResponse<String> response = rate(server, review.getValue(), review.getKey(), 3);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            inFlight.remove(review.getKey());
            acknowledged.put(review.getKey(), review.getValue());
        }
    }

    private HttpResponse<String> rate(Server server, long card, String requestId, int rating) throws IOException {
        String json = "{\"cardId\":" + card + ",\"rating\":" + rating + ",\"durationMs\":1000,\"requestId\":\""
                + requestId + "\"}";
        try {
            return http.send(HttpRequest.newBuilder(server.uri("/api/review")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private List<Long> cardIds(Server server) throws Exception {
        String body = http.send(HttpRequest.newBuilder(server.uri("/api/decks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long deck = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        String cards = http.send(HttpRequest.newBuilder(server.uri("/api/decks/" + deck + "/cards")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Long> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"id\":(\\d+)").matcher(cards);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        assertThat(ids).hasSize(40);
        return ids;
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** prepdeck serve in a process of its own, from the classes under test. */
    private record Server(Process process, int port) {
        static Server start(Path db, Path decks) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "dev.prepdeck.Main", "serve", "--port", String.valueOf(port), "--db", db.toString(),
                    "--decks", decks.toString())
                    .redirectErrorStream(true).start();
            CompletableFuture<Void> running = new CompletableFuture<>();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.append(line).append('\n');
                        if (line.startsWith("prepdeck is running")) {
                            running.complete(null);
                        }
                    }
                } catch (IOException e) {
                    // the process was killed
                }
                running.completeExceptionally(new AssertionError("the server stopped before it ran:\n" + output));
            });
            reader.setDaemon(true);
            reader.start();
            running.get(60, TimeUnit.SECONDS);
            return new Server(process, port);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed or closed by the JVM. */
        void kill() {
            process.destroyForcibly();
        }
    }
}
