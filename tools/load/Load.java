import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * prepdeck's load harness, run from source with the app's jar on the class path (see run.sh):
 *
 * <pre>
 * java -cp target/prepdeck.jar tools/load/Load.java decks DIR [CARDS]          deck files for `prepdeck import`
 * java -cp target/prepdeck.jar tools/load/Load.java replay DB [REVIEWS] [--keep-analyze]
 * java -cp target/prepdeck.jar tools/load/Load.java study URL SERVER_PID SECONDS CLIENTS... [--static PATH]
 * java -cp target/prepdeck.jar tools/load/Load.java analyze DB | drop-statistics DB | lift-limits DB
 * java -cp target/prepdeck.jar tools/load/Load.java crash-load URL ACKED_FILE   rate until the server dies
 * java -cp target/prepdeck.jar tools/load/Load.java check DB ACKED_FILE        after crashes: acknowledged reviews
 * </pre>
 *
 * {@code replay} studies the imported collection day by day for two years with the app's scheduler and writes each
 * review as the app does (see {@link #replay}). It runs ANALYZE first only to make its own million writes quick, and
 * removes the statistics again at the end (unless --keep-analyze), leaving a collection without them, as every
 * user's is.
 */
public final class Load {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "decks" -> decks(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 100_000);
            case "replay" -> replay(Path.of(args[1]), args.length > 2 && !args[2].startsWith("--")
                    ? Integer.parseInt(args[2]) : 1_000_000, List.of(args).contains("--keep-analyze"));
            case "study" -> study(args);
            case "crash-load" -> crashLoad(args[1], Path.of(args[2]));
            case "check" -> check(Path.of(args[1]), Path.of(args[2]));
            case "analyze" -> sql(Path.of(args[1]), "ANALYZE");
            case "drop-statistics" -> {
                sql(Path.of(args[1]), "DROP TABLE IF EXISTS sqlite_stat1");
                sql(Path.of(args[1]), "DROP TABLE IF EXISTS sqlite_stat4");
            }
            // The decks' daily limits (200 reviews, 20 new) are used up within seconds on a quiet machine; after that
            // GET /api/review/next answers 204 and the study loop rates nothing. Lifted, every phase keeps rating.
            case "lift-limits" -> sql(Path.of(args[1]), "UPDATE deck SET reviews_per_day = 99999, new_per_day = 9999");
            // The collection's own backlog (about 4,600 reviews due) is studied away by the warm-up and the first
            // phase; then most GETs of the later phases answer 204 and the 8- and 32-client phases measure little.
            // Every studied card made due now (in its due order) keeps every phase rating.
            case "all-due" -> allDue(Path.of(args[1]));
            case "study-instances" -> studyInstances(args);
            case "same-cards" -> sameCards(args);
            case "cpu-parts" -> cpuParts(args);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Deck files: 4 top-level decks with 4 sub-decks each (20 files), cards spread evenly, answers of every usual shape.

    private static final String[] TOPICS = {"Databases", "Distributed systems", "Machine learning", "Behavioural"};
    private static final String[] WORDS = ("index query latency replica partition shard commit rollback quorum leader "
            + "follower gradient feature model training inference drift label pipeline batch stream window cache "
            + "eviction consistency availability throughput backpressure retry timeout idempotent transaction "
            + "isolation snapshot lock deadlock schema migration rollout canary metric alert dashboard incident "
            + "postmortem stakeholder deadline tradeoff estimate prototype experiment hypothesis baseline").split(" ");

    static void decks(Path folder, int cards) throws IOException {
        SplittableRandom random = new SplittableRandom(19);
        Files.createDirectories(folder);
        int files = TOPICS.length * 5;
        int card = 0;
        for (int f = 0; f < files; f++) {
            String topic = TOPICS[f / 5];
            String name = f % 5 == 0 ? topic : topic + "::Part " + (f % 5);
            int count = cards / files + (f < cards % files ? 1 : 0);
            StringBuilder text = new StringBuilder("# ").append(name).append("\n\nGenerated for the load harness.\n\n");
            for (int i = 0; i < count; i++, card++) {
                text.append("## ").append(question(random, card)).append("\n<!-- id: load-").append(card)
                        .append(" -->\n");
                if (random.nextInt(3) == 0) {
                    text.append("<!-- tags: ").append(word(random)).append(", ").append(word(random)).append(" -->\n");
                }
                text.append('\n').append(answer(random)).append("\n\n");
            }
            Files.writeString(folder.resolve(String.format(Locale.ROOT, "deck-%02d.md", f)), text);
        }
        System.out.printf("%s: %,d cards in %d deck files%n", folder, cards, files);
    }

    private static String question(SplittableRandom random, int card) {
        String[] openings = {"What is", "How would you explain", "When would you choose", "Why does",
                "Describe a time you handled"};
        return openings[random.nextInt(openings.length)] + " " + phrase(random, 3 + random.nextInt(8))
                + " (" + card + ")?";
    }

    private static String answer(SplittableRandom random) {
        StringBuilder answer = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> answer.append(sentences(random, 1 + random.nextInt(4)));
            case 1 -> {
                answer.append(sentences(random, 1)).append("\n\n");
                for (int i = 0, n = 3 + random.nextInt(5); i < n; i++) {
                    answer.append("- **").append(word(random)).append("**: ").append(phrase(random, 6 + random.nextInt(12)))
                            .append('\n');
                }
            }
            case 2 -> answer.append(sentences(random, 1)).append("\n\n```sql\nSELECT ").append(word(random))
                    .append(", COUNT(*) FROM ").append(word(random)).append(" GROUP BY 1;\n```\n\n")
                    .append(sentences(random, 2));
            default -> {
                answer.append("| term | meaning |\n| --- | --- |\n");
                for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
                    answer.append("| ").append(word(random)).append(" | ").append(phrase(random, 5 + random.nextInt(8)))
                            .append(" |\n");
                }
            }
        }
        return answer.toString().strip();
    }

    private static String sentences(SplittableRandom random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String s = phrase(random, 8 + random.nextInt(20));
            text.append(i == 0 ? "" : " ").append(Character.toUpperCase(s.charAt(0))).append(s.substring(1)).append('.');
        }
        return text.toString();
    }

    private static String phrase(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word(random));
        }
        return text.toString();
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Replay: two years of study through ReviewService.rate.

    /**
     * The learner: one or two sessions a day (a day off now and then), each working through what is due in due
     * order (overdue reviews before the minutes-old learning steps, which is how a backlog strands learning cards)
     * within a budget, with new cards deck by deck in file order until 90 % of the cards are started a month before
     * the end. The last session stops early, as a real collection is left between sessions.
     *
     * <p>Each rating is scheduled by the app's FSRS-6 {@code Scheduler} with the card's deck settings and the
     * learner's zone, and written as {@code ReviewRepository.saveReview} writes it (the review with the state before
     * and after, then the card's state), so the app's triggers keep the statistics tables. The statements are
     * prepared once on one connection, sessions are transactions: a million reviews in minutes, not hours.
     */
    static void replay(Path db, int reviewTarget, boolean keepAnalyze) throws Exception {
        long started = System.nanoTime();
        Jdbi jdbi = Database.open(db);
        org.jdbi.v3.core.Handle h = jdbi.open();
        h.execute("ANALYZE");
        ZoneId zone = h.createQuery("SELECT time_zone FROM learner WHERE id = 1").mapTo(String.class).findOne()
                .map(ZoneId::of).orElse(ZoneId.systemDefault());
        DeckRepository deckRepository = new DeckRepository();
        Map<Long, Scheduler> schedulers = new HashMap<>();
        for (Deck deck : deckRepository.allDecks(h, dev.prepdeck.review.Learner.DEFAULT_ID)) {
            schedulers.put(deck.id(), new Scheduler(DeckSettings.of(deck).toFsrsParameters()));
        }
        List<long[]> cardDecks = h.createQuery(
                        "SELECT c.id, c.deck_id FROM card c JOIN deck d ON d.id = c.deck_id ORDER BY d.name, c.position")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        FsrsCard[] states = new FsrsCard[cardDecks.size()];
        Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int days = 730;
        for (int i = 0; i < states.length; i++) {
            states[i] = FsrsCard.newCard(end.minus(Duration.ofDays(days)));
        }
        Connection c = h.getConnection();
        java.sql.PreparedStatement insert = c.prepareStatement("""
                INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                    state_before, stability_before, difficulty_before, reps_before, lapses_before,
                    learning_steps_before, scheduled_days_before, elapsed_days_before, last_review_before, due_before,
                    state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        java.sql.PreparedStatement update = c.prepareStatement("""
                UPDATE card_state SET state = ?, stability = ?, difficulty = ?, reps = ?, lapses = ?, learning_steps = ?,
                    scheduled_days = ?, elapsed_days = ?, last_review = ?, due = ?
                WHERE card_id = ? AND learner_id = 1""");
        SplittableRandom random = new SplittableRandom(2026);
        int started90 = states.length * 9 / 10;
        long endMs = end.toEpochMilli() - 60_000;
        // due time (ms), card index
        PriorityQueue<long[]> due = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
        int introduced = 0;
        long done = 0;
        for (int day = 0; day < days && done < reviewTarget; day++) {
            long dayStart = end.minus(Duration.ofDays(days - day)).toEpochMilli();
            if (random.nextInt(20) == 0 && day < days - 1) {
                continue;
            }
            int sessions = 1 + random.nextInt(2);
            for (int s = 0; s < sessions && done < reviewTarget; s++) {
                long t = dayStart + (7 + random.nextInt(15)) * 3_600_000L + random.nextLong(3_600_000L);
                double perDay = (started90 - introduced) / (double) Math.max(1, days - 30 - day);
                int newToday = (int) Math.min(started90 - introduced,
                        Math.round(perDay * random.nextDouble(0.5, 1.5) / sessions * 1.05));
                for (int i = 0; i < newToday; i++) {
                    due.add(new long[] {t, introduced++});
                }
                int budget = (int) ((day == days - 1 && s == sessions - 1 ? 300 : 440 + random.nextInt(1240))
                        * (states.length / 100_000.0));
                h.begin();
                for (; budget > 0 && done < reviewTarget && !due.isEmpty(); budget--) {
                    long[] next = due.peek();
                    if (next[0] > t + 20 * 60_000L || t > endMs) {
                        break;
                    }
                    due.poll();
                    t = Math.max(t, next[0]) + 4_000 + random.nextLong(20_000);
                    int card = (int) next[1];
                    Rating rating = Rating.of(rating(random));
                    FsrsCard before = states[card];
                    FsrsCard after = schedulers.get(cardDecks.get(card)[1])
                            .next(before, Instant.ofEpochMilli(t), rating, zone).card();
                    save(insert, update, cardDecks.get(card)[0], before, after, rating, t, 3_000 + random.nextLong(30_000));
                    states[card] = after;
                    long nextDue = after.due().toEpochMilli();
                    // Review cards are studied on the day they fall due or a little later.
                    due.add(new long[] {after.scheduledDays() > 0 ? nextDue + random.nextLong(43_200_000L) : nextDue,
                            card});
                    done++;
                }
                h.commit();
            }
            if (day % 50 == 0) {
                System.out.printf("day %d: %,d reviews, %,d cards started%n", day, done, introduced);
            }
        }
        if (!keepAnalyze) {
            // Gone with the statistics: the file plans its queries as a collection that never ran ANALYZE.
            h.execute("DROP TABLE IF EXISTS sqlite_stat1");
            h.execute("DROP TABLE IF EXISTS sqlite_stat4");
        }
        insert.close();
        update.close();
        h.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        h.close();
        System.out.printf("%s: %,d reviews of %,d cards (%,d started) in %.0f s%n", db, done, states.length,
                introduced, (System.nanoTime() - started) / 1e9);
    }

    /** The review and the card's new state, column for column as the app's ReviewRepository.saveReview stores them. */
    private static void save(java.sql.PreparedStatement insert, java.sql.PreparedStatement update, long cardId,
                             FsrsCard b, FsrsCard a, Rating rating, long now, long durationMs) throws SQLException {
        insert.setLong(1, cardId);
        insert.setLong(2, now);
        insert.setInt(3, rating.value());
        insert.setInt(4, a.elapsedDays());
        insert.setLong(5, durationMs);
        insert.setInt(6, b.state().ordinal());
        insert.setDouble(7, b.stability());
        insert.setDouble(8, b.difficulty());
        insert.setInt(9, b.reps());
        insert.setInt(10, b.lapses());
        insert.setInt(11, b.learningSteps());
        insert.setInt(12, b.scheduledDays());
        insert.setInt(13, b.elapsedDays());
        insert.setObject(14, b.lastReview() == null ? null : b.lastReview().toEpochMilli());
        insert.setLong(15, b.due().toEpochMilli());
        insert.setInt(16, a.state().ordinal());
        insert.setDouble(17, a.stability());
        insert.setDouble(18, a.difficulty());
        insert.setInt(19, a.scheduledDays());
        insert.setLong(20, a.due().toEpochMilli());
        insert.executeUpdate();
        update.setInt(1, a.state().ordinal());
        update.setDouble(2, a.stability());
        update.setDouble(3, a.difficulty());
        update.setInt(4, a.reps());
        update.setInt(5, a.lapses());
        update.setInt(6, a.learningSteps());
        update.setInt(7, a.scheduledDays());
        update.setInt(8, a.elapsedDays());
        update.setObject(9, a.lastReview() == null ? null : a.lastReview().toEpochMilli());
        update.setLong(10, a.due().toEpochMilli());
        update.setLong(11, cardId);
        update.executeUpdate();
    }

    /** Again 12 %, Hard 13 %, Good 65 %, Easy 10 %: interview answers are hard to get exactly right. */
    private static int rating(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 12 ? 1 : r < 25 ? 2 : r < 90 ? 3 : 4;
    }

    /** One statement on the file, waiting up to 30 s for a running server's write lock. */
    /** Makes every studied card due now: due dates after now move to the past minute and hours, in their order. */
    static void allDue(Path db) throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            long before = dueCount(s, now);
            s.execute("""
                    UPDATE card_state SET due = %d - 60000 - ((SELECT MAX(due) FROM card_state) - due) / 1000
                    WHERE state <> 0 AND suspended = 0 AND due > %d""".formatted(now, now));
            System.out.println(db + ": studied cards due now: " + dueCount(s, now) + " (were " + before + ")");
        }
    }

    private static long dueCount(Statement s, long now) throws SQLException {
        try (ResultSet due = s.executeQuery(
                "SELECT COUNT(*) FROM card_state WHERE state <> 0 AND suspended = 0 AND due <= " + now)) {
            due.next();
            return due.getLong(1);
        }
    }

    static void sql(Path db, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            s.execute(statement);
        }
        System.out.println(db + ": " + statement);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Study loop against static files.

    record Sample(long nanos, int status) {
    }

    /** Latencies and outcomes of one kind of request in one phase. */
    static final class Series {
        final String name;
        final List<long[]> perThread = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        /** Answers that are not errors but not a card or a rating either, by kind: counted, kept out of latencies. */
        final Map<String, AtomicLong> otherAnswers = new ConcurrentHashMap<>();

        Series(String name) {
            this.name = name;
        }

        synchronized void add(long[] latencies, int count) {
            perThread.add(Arrays.copyOf(latencies, count));
        }

        void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        void other(String kind) {
            otherAnswers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        long others() {
            return otherAnswers.values().stream().mapToLong(AtomicLong::get).sum();
        }

        long[] sorted() {
            long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return all;
        }
    }

    static void study(String[] args) throws Exception {
        String base = args[1];
        long pid = Long.parseLong(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String staticPath = "/static/keys.js";
        List<Integer> clients = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--static")) {
                staticPath = args[++i];
            } else {
                clients.add(Integer.parseInt(args[i]));
            }
        }
        List<Long> decks = deckIds(base);
        System.out.printf("server pid %d, %d decks, %d s per phase, static file %s%n", pid, decks.size(), seconds,
                staticPath);
        // Warm-up: the JIT compiles both paths before anything is measured.
        phase(base, pid, decks, staticPath, 8, Math.max(5, seconds / 2), false, true);
        phase(base, pid, decks, staticPath, 8, Math.max(5, seconds / 2), true, true);
        System.out.println();
        System.out.println("| clients | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU ms/req | server RSS MB (max) |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int c : clients) {
            phase(base, pid, decks, staticPath, c, seconds, false, false);
            phase(base, pid, decks, staticPath, c, seconds, true, false);
        }
    }

    private static List<Long> deckIds(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/decks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The card's id in GET /api/review/next's answer (the only "id" key in it; keys come in any order). */
    private static final Pattern CARD_ID = Pattern.compile("[{,]\"id\":(\\d+)");

    private static void phase(String base, long pid, List<Long> decks, String staticPath, int clients, int seconds,
                              boolean studyLoop, boolean warmUp) throws Exception {
        Series first = new Series(studyLoop ? "GET /api/review/next" : "GET " + staticPath);
        Series second = new Series("POST /api/review");
        AtomicBoolean stop = new AtomicBoolean();
        long[] cpuBefore = cpuTicks(pid);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                long[] a = new long[1 << 16];
                long[] b = new long[1 << 16];
                int na = 0;
                int nb = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    if (!studyLoop) {
                        long t0 = System.nanoTime();
                        int status = send(http, HttpRequest.newBuilder(URI.create(base + staticPath)).build(), first);
                        if (status == 200 && na < a.length) {
                            a[na++] = System.nanoTime() - t0;
                        }
                        continue;
                    }
                    long deck = decks.get(random.nextInt(decks.size()));
                    long t0 = System.nanoTime();
                    HttpResponse<String> next = sendForBody(http, HttpRequest.newBuilder(
                            URI.create(base + "/api/review/next?deck=" + deck)).build(), first);
                    if (next == null) {
                        continue;
                    }
                    if (next.statusCode() == 204) {
                        // The deck has nothing left to study now: a short answer, not a card; counted apart.
                        first.other("HTTP 204: nothing left to study in that deck");
                        continue;
                    }
                    if (na < a.length) {
                        a[na++] = System.nanoTime() - t0;
                    }
                    Matcher m = CARD_ID.matcher(next.body());
                    if (!m.find()) {
                        first.error("no card id in " + next.body());
                        continue;
                    }
                    String json = "{\"cardId\":" + m.group(1) + ",\"rating\":" + (1 + random.nextInt(4))
                            + ",\"durationMs\":" + (2_000 + random.nextInt(20_000)) + ",\"requestId\":\""
                            + UUID.randomUUID() + "\"}";
                    long t1 = System.nanoTime();
                    int status = send(http, HttpRequest.newBuilder(URI.create(base + "/api/review"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), second);
                    if (status == 200 && nb < b.length) {
                        b[nb++] = System.nanoTime() - t1;
                    }
                }
                first.add(a, na);
                second.add(b, nb);
            });
            thread.start();
            threads.add(thread);
        }
        long rssMax = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            Thread.sleep(200);
            rssMax = Math.max(rssMax, rssKb(pid));
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        long[] cpuAfter = cpuTicks(pid);
        if (warmUp) {
            return;
        }
        long[] la = first.sorted();
        long[] lb = second.sorted();
        long requests = la.length + first.errors.get() + first.others()
                + (studyLoop ? lb.length + second.errors.get() + second.others() : 0);
        double cpuMs = (cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1]) * 10.0;
        String label = studyLoop ? "study loop (both)" : "static " + staticPath;
        System.out.printf(Locale.ROOT, "| %d | %s | %.0f | | | | | %d | %.2f | %d |%n", clients, label,
                requests / (double) seconds, first.errors.get() + second.errors.get(),
                requests == 0 ? 0 : cpuMs / requests, rssMax / 1024);
        row(clients, first, la, seconds);
        if (studyLoop) {
            row(clients, second, lb, seconds);
        }
        for (Series s : List.of(first, second)) {
            s.errorKinds.forEach((kind, n) -> System.out.printf("  %s errors: %d × %s%n", s.name, n.get(), kind));
            s.otherAnswers.forEach((kind, n) -> System.out.printf("  %s, not errors: %d × %s%n", s.name, n.get(), kind));
        }
    }

    /**
     * Server CPU per request of each part of the study loop alone, at one number of clients: a static file, the
     * cheapest authenticated JSON route (GET /api/health: the per-request pipeline with no work of its own), the
     * study loop, and POST /api/review alone (random cards of the collection's ids 1..{@code cards}, so the write is
     * measured without the queue's reads); a comma-separated list of those parts ("/static/keys.js,/api/health,loop,post")
     * runs only those. Wall-clock rates on a shared machine say little; CPU per request does, and so does the heap
     * each request allocates (read with jstat: the young generation is emptied at each collection, so what was
     * allocated is the collections since times eden's size, plus eden's growth).
     */
    static void cpuParts(String[] args) throws Exception {
        String base = args[1];
        long pid = Long.parseLong(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int cards = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        List<String> parts = args.length > 6 ? List.of(args[6].split(","))
                : List.of("/static/keys.js", "/api/health", "loop", "post");
        List<Long> decks = deckIds(base);
        System.out.println("| clients | requests | req/s | server CPU ms/req | KB allocated/req |");
        System.out.println("| ---: | --- | ---: | ---: | ---: |");
        // Each part once unmeasured first, so the JIT has compiled its path (the static file's too) before it counts.
        for (int round = 0; round < 2 * parts.size(); round++) {
            String part = parts.get(round % parts.size());
            boolean warmUp = round < parts.size();
            AtomicLong requests = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            double[] edenBefore = warmUp ? null : eden(pid);
            long[] cpuBefore = cpuTicks(pid);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread thread = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Series series = new Series(part);
                    while (!stop.get()) {
                        if (part.startsWith("/")) {
                            send(http, HttpRequest.newBuilder(URI.create(base + part)).build(), series);
                            requests.incrementAndGet();
                            continue;
                        }
                        if (part.equals("next")) {
                            // the read side alone: the queue and the card shown, nothing rated
                            send(http, HttpRequest.newBuilder(URI.create(base + "/api/review/next?deck="
                                    + decks.get(random.nextInt(decks.size())))).build(), series);
                            requests.incrementAndGet();
                            continue;
                        }
                        String cardId = String.valueOf(1 + random.nextInt(cards));
                        if (part.equals("loop")) {
                            HttpResponse<String> next = sendForBody(http, HttpRequest.newBuilder(URI.create(
                                    base + "/api/review/next?deck=" + decks.get(random.nextInt(decks.size())))).build(),
                                    series);
                            requests.incrementAndGet();
                            Matcher m = next == null ? null : CARD_ID.matcher(next.body());
                            if (m == null || !m.find()) {
                                continue;
                            }
                            cardId = m.group(1);
                        }
                        String json = "{\"cardId\":" + cardId + ",\"rating\":" + (1 + random.nextInt(4))
                                + ",\"durationMs\":" + (2_000 + random.nextInt(20_000)) + ",\"requestId\":\""
                                + UUID.randomUUID() + "\"}";
                        send(http, HttpRequest.newBuilder(URI.create(base + "/api/review"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), series);
                        requests.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            long[] cpuAfter = cpuTicks(pid);
            if (warmUp) {
                continue;
            }
            double[] edenAfter = eden(pid);
            double allocatedKb = edenAfter[1] - edenBefore[1] + (edenAfter[2] - edenBefore[2]) * edenAfter[0];
            double cpuMs = (cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1]) * 10.0;
            System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.3f | %.1f |%n", clients,
                    part.equals("loop") ? "study loop (GET next + POST)" : part.equals("post") ? "POST /api/review alone"
                            : part.equals("next") ? "GET /api/review/next alone"
                            : "GET " + part, requests.get() / (double) seconds, cpuMs / Math.max(1, requests.get()),
                    allocatedKb / Math.max(1, requests.get()));
        }
    }

    private static void row(int clients, Series series, long[] sorted, int seconds) {
        System.out.printf(Locale.ROOT, "| %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | | |%n", clients, series.name,
                sorted.length / (double) seconds, percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, series.errors.get());
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static int send(HttpClient http, HttpRequest request, Series series) {
        HttpResponse<String> response = sendForBody(http, request, series);
        return response == null ? -1 : response.statusCode();
    }

    private static HttpResponse<String> sendForBody(HttpClient http, HttpRequest request, Series series) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                // Two clients were shown the same card and the other one's rating suspended it (a leech): the
                // app refuses this rating as a conflict, as it does for a second browser tab. Not an error.
                series.other("HTTP 409: card suspended since it was shown (another client's rating made it a leech)");
                return null;
            }
            if (response.statusCode() >= 300) {
                String body = response.body();
                series.error("HTTP " + response.statusCode() + " " + body.substring(0, Math.min(120, body.length())));
                return null;
            }
            return response;
        } catch (IOException e) {
            series.error(e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The server's eden size and use in KB and its young collections so far, from {@code jstat -gc}. */
    private static double[] eden(long pid) throws IOException, InterruptedException {
        Process jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid)).start();
        String[] lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        jstat.waitFor();
        List<String> names = List.of(lines[0].strip().split("\\s+"));
        String[] values = lines[1].strip().split("\\s+");
        return new double[] {Double.parseDouble(values[names.indexOf("EC")]), Double.parseDouble(values[names.indexOf("EU")]),
                Double.parseDouble(values[names.indexOf("YGC")])};
    }

    private static long[] cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Crash runs: clients rate until the server dies; each acknowledged review is appended to a file.

    /**
     * Eight clients rate cards until the server stops answering, appending "requestId cardId" of every review the
     * server acknowledged to {@code acked} (and "? requestId cardId" for each review in flight when it died).
     */
    static void crashLoad(String base, Path acked) throws Exception {
        List<Long> decks = deckIds(base);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean dead = new AtomicBoolean();
        AtomicBoolean rating = new AtomicBoolean();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!dead.get()) {
                    long deck = decks.get(random.nextInt(decks.size()));
                    String card;
                    try {
                        HttpResponse<String> next = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/review/next?deck=" + deck)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher m = CARD_ID.matcher(next.body());
                        if (next.statusCode() != 200 || !m.find()) {
                            continue;
                        }
                        card = m.group(1);
                    } catch (IOException | InterruptedException e) {
                        dead.set(true);
                        return;
                    }
                    String requestId = UUID.randomUUID().toString();
                    String json = "{\"cardId\":" + card + ",\"rating\":" + (1 + random.nextInt(4))
                            + ",\"durationMs\":1000,\"requestId\":\"" + requestId + "\"}";
                    try {
                        HttpResponse<String> rated = http.send(HttpRequest.newBuilder(URI.create(base + "/api/review"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (rated.statusCode() == 200) {
                            lines.add(requestId + " " + card);
                            if (rating.compareAndSet(false, true)) {
                                // crash.sh starts its random countdown to the kill from this line
                                System.out.println("rating");
                                System.out.flush();
                            }
                        } else {
                            lines.add("! " + requestId + " " + card + " " + rated.statusCode());
                        }
                    } catch (IOException | InterruptedException e) {
                        lines.add("? " + requestId + " " + card);
                        dead.set(true);
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Files.write(acked, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * After the crashes: PRAGMA integrity_check is ok, every acknowledged review is in the log exactly once, no request
     * id is stored twice, and each card's reps equal its reviews.
     */
    static void check(Path db, Path ackedFile) throws Exception {
        List<String> lines = Files.readAllLines(ackedFile);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            String integrity;
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                integrity = rs.getString(1);
            }
            Set<String> stored = new HashSet<>();
            Map<String, String> cardOf = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT request_id, card_id FROM review_log WHERE request_id IS NOT NULL")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                    cardOf.put(rs.getString(1), rs.getString(2));
                }
            }
            int acked = 0;
            int lost = 0;
            int failed = 0;
            int conflicts = 0;
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f[0].equals("!")) {
                    // 409: another client's rating had suspended the card (a leech); refused as it should be
                    if (f.length > 3 && f[3].equals("409")) {
                        conflicts++;
                    } else {
                        failed++;
                    }
                    if (stored.contains(f[1])) {
                        System.out.println("reported failed but saved: " + line);
                        lost++;
                    }
                } else if (!f[0].equals("?")) {
                    acked++;
                    if (!stored.contains(f[0]) || !cardOf.get(f[0]).equals(f[1])) {
                        System.out.println("acknowledged but missing: " + line);
                        lost++;
                    }
                }
            }
            long repsMismatch;
            try (ResultSet rs = s.executeQuery("""
                    SELECT COUNT(*) FROM card_state s
                    WHERE s.reps <> (SELECT COUNT(*) FROM review_log r WHERE r.card_id = s.card_id AND r.learner_id = s.learner_id)
                    """)) {
                rs.next();
                repsMismatch = rs.getLong(1);
            }
            System.out.printf("integrity_check: %s; %d acknowledged reviews, %d missing or misreported; %d answered "
                    + "with an error; %d refused as conflicts (409: card suspended since shown); %d cards whose reps "
                    + "differ from their reviews%n", integrity, acked, lost, failed, conflicts, repsMismatch);
            if (!integrity.equals("ok") || lost > 0) {
                System.exit(1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Several app instances on one database (issue 18, tools/load/instances.sh): the study loop's clients spread over
    // the instances, the CPU of every instance and of the PostgreSQL backends serving them counted per request.

    /**
     * {@code study-instances BASE,BASE.. PID,PID.. SECONDS [--pg JDBC_URL USER] CLIENTS..}: as {@code study}, client i
     * talking to instance i mod N; with --pg the CPU of the database's client backends (password in
     * PREPDECK_DB_PASSWORD) is counted too, since on SQLite that work is inside the server process.
     */
    static void studyInstances(String[] args) throws Exception {
        List<String> bases = List.of(args[1].split(","));
        List<Long> pids = Arrays.stream(args[2].split(",")).map(Long::parseLong).toList();
        int seconds = Integer.parseInt(args[3]);
        String pgUrl = null;
        String pgUser = null;
        List<Integer> clients = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--pg")) {
                pgUrl = args[++i];
                pgUser = args[++i];
            } else {
                clients.add(Integer.parseInt(args[i]));
            }
        }
        List<Long> decks = deckIds(bases.get(0));
        System.out.printf("%d instance(s), server pids %s, %d decks, %d s per phase%s%n", bases.size(), pids,
                decks.size(), seconds, pgUrl == null ? "" : ", PostgreSQL backends of " + pgUrl + " counted");
        studyAcross(bases, pids, decks, 8, Math.max(5, seconds / 2), pgUrl, pgUser, true);
        System.out.println();
        System.out.println("| instances | clients | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors "
                + "| app CPU ms/req | PostgreSQL CPU ms/req | RSS MB per instance (max) | load average |");
        System.out.println("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (int c : clients) {
            studyAcross(bases, pids, decks, c, seconds, pgUrl, pgUser, false);
        }
    }

    private static void studyAcross(List<String> bases, List<Long> pids, List<Long> decks, int clients, int seconds,
                                    String pgUrl, String pgUser, boolean warmUp) throws Exception {
        Series next = new Series("GET /api/review/next");
        Series rate = new Series("POST /api/review");
        AtomicBoolean stop = new AtomicBoolean();
        long appCpuBefore = 0;
        for (long pid : pids) {
            long[] ticks = cpuTicks(pid);
            appCpuBefore += ticks[0] + ticks[1];
        }
        Map<Long, Long> pgBefore = pgUrl == null ? Map.of() : backendTicks(pgUrl, pgUser);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String base = bases.get(i % bases.size());
            Thread thread = new Thread(() -> rateUntil(stop, base, decks, next, rate, null));
            thread.start();
            threads.add(thread);
        }
        long rssMax = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            Thread.sleep(200);
            for (long pid : pids) {
                rssMax = Math.max(rssMax, rssKb(pid));
            }
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        long appCpuAfter = 0;
        for (long pid : pids) {
            long[] ticks = cpuTicks(pid);
            appCpuAfter += ticks[0] + ticks[1];
        }
        Map<Long, Long> pgAfter = pgUrl == null ? Map.of() : backendTicks(pgUrl, pgUser);
        if (warmUp) {
            return;
        }
        long pgTicks = 0;
        for (Map.Entry<Long, Long> backend : pgAfter.entrySet()) {
            pgTicks += backend.getValue() - pgBefore.getOrDefault(backend.getKey(), 0L);
        }
        long[] la = next.sorted();
        long[] lb = rate.sorted();
        long requests = la.length + lb.length + next.errors.get() + rate.errors.get();
        double appMs = (appCpuAfter - appCpuBefore) * 10.0;
        double pgMs = pgTicks * 10.0;
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.out.printf(Locale.ROOT, "| %d | %d | study loop (both) | %.0f | | | | | %d | %.2f | %s | %d | %s |%n",
                bases.size(), clients, requests / (double) seconds, next.errors.get() + rate.errors.get(),
                requests == 0 ? 0 : appMs / requests, pgUrl == null ? "(in the app)"
                        : String.format(Locale.ROOT, "%.2f", requests == 0 ? 0 : pgMs / requests),
                rssMax / 1024, load);
        for (Series s : List.of(next, rate)) {
            long[] sorted = s == next ? la : lb;
            System.out.printf(Locale.ROOT, "| %d | %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | | | | |%n",
                    bases.size(), clients, s.name, sorted.length / (double) seconds, percentile(sorted, 50),
                    percentile(sorted, 90), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, s.errors.get());
            s.errorKinds.forEach((kind, n) -> System.out.printf("  %s errors: %d × %s%n", s.name, n.get(), kind));
        }
    }

    /**
     * One client's study loop until {@code stop}: a deck at random, its next card, a random rating with a fresh
     * requestId; each acknowledged review is added to {@code acked} as "requestId cardId" when that is given.
     */
    private static void rateUntil(AtomicBoolean stop, String base, List<Long> decks, Series next, Series rate,
                                  List<String> acked) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long[] a = new long[1 << 16];
        long[] b = new long[1 << 16];
        int na = 0;
        int nb = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get()) {
            long deck = decks.get(random.nextInt(decks.size()));
            long t0 = System.nanoTime();
            HttpResponse<String> shown = sendForBody(http, HttpRequest.newBuilder(
                    URI.create(base + "/api/review/next?deck=" + deck)).build(), next);
            if (shown == null) {
                continue;
            }
            if (na < a.length) {
                a[na++] = System.nanoTime() - t0;
            }
            if (shown.statusCode() == 204) {
                continue;
            }
            Matcher m = CARD_ID.matcher(shown.body());
            if (!m.find()) {
                next.error("no card id in " + shown.body());
                continue;
            }
            String requestId = UUID.randomUUID().toString();
            String json = "{\"cardId\":" + m.group(1) + ",\"rating\":" + (1 + random.nextInt(4))
                    + ",\"durationMs\":" + (2_000 + random.nextInt(20_000)) + ",\"requestId\":\"" + requestId + "\"}";
            long t1 = System.nanoTime();
            int status = send(http, HttpRequest.newBuilder(URI.create(base + "/api/review"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), rate);
            if (status == 200) {
                if (nb < b.length) {
                    b[nb++] = System.nanoTime() - t1;
                }
                if (acked != null) {
                    synchronized (acked) {
                        acked.add(requestId + " " + m.group(1));
                    }
                }
            }
        }
        next.add(a, na);
        rate.add(b, nb);
    }

    /** CPU ticks (user + system) of each client backend connected to the database, by pid. */
    private static Map<Long, Long> backendTicks(String jdbcUrl, String user) throws Exception {
        Map<Long, Long> ticks = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, System.getenv("PREPDECK_DB_PASSWORD"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT pid FROM pg_stat_activity
                     WHERE datname = current_database() AND backend_type = 'client backend'
                       AND pid <> pg_backend_pid()""")) {
            while (rs.next()) {
                long pid = rs.getLong(1);
                try {
                    long[] t = cpuTicks(pid);
                    ticks.put(pid, t[0] + t[1]);
                } catch (IOException gone) {
                    // a backend that ended between the query and the read: its work is lost to the count either way
                }
            }
        }
        return ticks;
    }

    /**
     * {@code same-cards BASE,BASE.. SECONDS CLIENTS DECK JDBC_URL USER}: every client studies the same deck, so
     * clients on different instances are shown the same next card and rate it at once; then the database is asked
     * whether every acknowledged review is stored once, nothing else was stored, and each rated card's reps equals
     * its reviews (a lost update would leave reps short).
     */
    static void sameCards(String[] args) throws Exception {
        List<String> bases = List.of(args[1].split(","));
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        List<Long> deck = List.of(Long.parseLong(args[4]));
        String jdbcUrl = args[5];
        String user = args[6];
        long reviewsBefore = pgCount(jdbcUrl, user, "SELECT COUNT(*) FROM review_log");
        Series next = new Series("GET /api/review/next");
        Series rate = new Series("POST /api/review");
        List<String> acked = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String base = bases.get(i % bases.size());
            Thread thread = new Thread(() -> rateUntil(stop, base, deck, next, rate, acked));
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, String> cardOf = new HashMap<>();
        Set<String> cards = new HashSet<>();
        for (String line : acked) {
            String[] f = line.split(" ");
            cardOf.put(f[0], f[1]);
            cards.add(f[1]);
        }
        int missing = 0;
        long stored;
        long repsShort;
        long reviewsAfter;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, System.getenv("PREPDECK_DB_PASSWORD"));
             Statement s = c.createStatement()) {
            Map<String, Integer> copies = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT request_id, card_id FROM review_log WHERE request_id IS NOT NULL")) {
                while (rs.next()) {
                    String requestId = rs.getString(1);
                    if (cardOf.containsKey(requestId)) {
                        copies.merge(requestId, 1, Integer::sum);
                        if (!cardOf.get(requestId).equals(rs.getString(2))) {
                            missing++;
                        }
                    }
                }
            }
            for (String requestId : cardOf.keySet()) {
                if (copies.getOrDefault(requestId, 0) != 1) {
                    missing++;
                }
            }
            stored = copies.size();
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM review_log")) {
                rs.next();
                reviewsAfter = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT COUNT(*) FROM card_state s
                    WHERE s.card_id IN (%s)
                      AND s.reps <> (SELECT COUNT(*) FROM review_log r
                                     WHERE r.card_id = s.card_id AND r.learner_id = s.learner_id)"""
                    .formatted(cards.isEmpty() ? "NULL" : String.join(",", cards)))) {
                rs.next();
                repsShort = rs.getLong(1);
            }
        }
        System.out.printf("%d clients over %d instances on deck %d for %d s (load average %s): %d reviews"
                        + " acknowledged of %d distinct cards, %d stored with their request id, %d new rows in"
                        + " review_log, %d missing or stored twice, %d rated cards whose reps differ from their"
                        + " reviews%n", clients, bases.size(), deck.get(0), seconds,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], acked.size(), cards.size(), stored,
                reviewsAfter - reviewsBefore, missing, repsShort);
        for (Series series : List.of(next, rate)) {
            System.out.printf("  %s: %d errors%n", series.name, series.errors.get());
            series.errorKinds.forEach((kind, n) -> System.out.printf("    %d × %s%n", n.get(), kind));
        }
        if (missing > 0 || repsShort > 0 || reviewsAfter - reviewsBefore != acked.size()) {
            System.exit(1);
        }
    }

    private static long pgCount(String jdbcUrl, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, System.getenv("PREPDECK_DB_PASSWORD"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
