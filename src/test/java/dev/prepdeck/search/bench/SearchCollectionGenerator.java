package dev.prepdeck.search.bench;

import dev.prepdeck.db.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds a large collection for the search benchmark: {@code cards} cards with mixed Chinese and English Markdown in
 * 24 decks (two levels), tags (some hierarchical), per-learner states with flags, burying and suspension, {@code
 * reviews} reviews over the two years before now and practice attempts, in one transaction. Text is made from the
 * shipped decks: whole lines of them, and new sentences drawn from their English words and Chinese character pairs
 * by frequency, so common terms are common and rare ones rare. No ANALYZE, as users have it. Seeded: the same
 * arguments give the same file.
 *
 * <p>Usage: {@code java -cp target/prepdeck.jar:target/test-classes dev.prepdeck.search.bench.SearchCollectionGenerator
 * FILE [cards] [reviews]} (run from the repository root: it reads {@code decks/}).
 */
public final class SearchCollectionGenerator {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z][A-Za-z-]+");
    private static final Pattern CHINESE_RUN = Pattern.compile("[\\x{4e00}-\\x{9fff}]+");
    private static final String[] ACCENTED = {"café", "naïve", "résumé", "Übung", "façade", "Ärger", "coördinate"};
    static final String[] DECKS = {
        "Tools", "Tools::SQL", "Tools::Git", "Tools::Hadoop", "Tools::Docker", "Tools::SQL::Indexes",
        "ML", "ML::Deployment", "ML::Monitoring", "ML::Lifecycle", "ML::Features", "ML::Training",
        "面试", "面试::数据库", "面试::分布式", "面试::项目", "面试::行为", "面试::算法",
        "Systems", "Systems::Caching", "Systems::Queues", "Systems::Storage", "Systems::Networking", "Systems::Design"};
    private static final String[] TAGS = {
        "sql", "sql::index", "sql::join", "git", "git::branch", "ml", "ml::deploy", "ml::training", "ml::features",
        "docker", "kubernetes", "cicd", "monitoring", "drift", "hadoop", "streaming", "basics", "interview",
        "behavioural", "design", "cache", "queue", "storage", "network", "数据库", "分布式", "项目", "算法", "高频",
        "leech", "python", "java", "linux", "testing", "security", "performance", "api", "batch", "pipeline", "mlops"};

    private final SplittableRandom random = new SplittableRandom(20261201);
    private final List<String> lines;
    private final List<String> englishWords;
    private final List<String> chinesePairs;

    private SearchCollectionGenerator(List<String> lines) {
        this.lines = lines;
        this.englishWords = byFrequency(lines, ENGLISH_WORD, false);
        this.chinesePairs = byFrequency(lines, CHINESE_RUN, true);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int cards = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int reviews = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Files.deleteIfExists(file);
        long started = System.nanoTime();
        Jdbi jdbi = Database.open(file);
        SearchCollectionGenerator generator = new SearchCollectionGenerator(corpus(Path.of("decks")));
        jdbi.useHandle(h -> {
            Connection c = h.getConnection();
            c.setAutoCommit(false);
            generator.generate(c, cards, reviews, Instant.now().toEpochMilli());
            c.commit();
            c.setAutoCommit(true);
        });
        System.out.printf("%s: %,d cards, %,d reviews in %.1f s, %,d bytes%n", file, cards, reviews,
                (System.nanoTime() - started) / 1e9, Files.size(file));
    }

    /** Text lines of the shipped deck files, without headings' markers, ids and blank lines. */
    static List<String> corpus(Path decks) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(decks)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String text = line.replaceFirst("^#+ ", "").strip();
                    if (!text.isEmpty() && !text.startsWith("<!--") && !text.startsWith("```") && !text.equals("---")) {
                        lines.add(text);
                    }
                }
            }
        }
        return lines;
    }

    private static List<String> byFrequency(List<String> lines, Pattern pattern, boolean pairs) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                String run = m.group();
                if (pairs) {
                    for (int i = 0; i + 2 <= run.length(); i++) {
                        counts.merge(run.substring(i, i + 2), 1, Integer::sum);
                    }
                } else {
                    counts.merge(run, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** A Zipf-like draw: rank r is picked with probability about 1/r. */
    private String zipf(List<String> ranked) {
        double u = random.nextDouble();
        int index = (int) Math.floor(Math.pow(ranked.size() + 1.0, u)) - 1;
        return ranked.get(Math.min(Math.max(index, 0), ranked.size() - 1));
    }

    private String englishSentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(random.nextInt(200) == 0 ? ACCENTED[random.nextInt(ACCENTED.length)]
                    : zipf(englishWords));
        }
        return s.toString();
    }

    private String chineseSentence(int pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            s.append(random.nextInt(8) == 0 ? " " + zipf(englishWords) + " " : zipf(chinesePairs));
        }
        return s.toString().strip();
    }

    private String question(boolean chinese, int id) {
        String q = chinese ? chineseSentence(3 + random.nextInt(6)) + "？" : capitalised(englishSentence(4 + random.nextInt(9))) + "?";
        return random.nextInt(4) == 0 ? lines.get(random.nextInt(lines.size())) + " (" + id + ")" : q;
    }

    private String answer(boolean chinese) {
        int n = 2 + random.nextInt(5);
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String line = random.nextInt(10) < 3 ? lines.get(random.nextInt(lines.size()))
                    : "- " + (chinese ^ random.nextInt(5) == 0 ? chineseSentence(6 + random.nextInt(20)) + "。"
                    : capitalised(englishSentence(6 + random.nextInt(18))) + ".");
            a.append(line).append('\n');
        }
        return a.toString().strip();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String tags() {
        int n = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(3);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tag = TAGS[(int) Math.min(TAGS.length - 1, Math.floor(Math.pow(TAGS.length + 1.0, random.nextDouble())) - 1)];
            if (!chosen.contains(tag)) {
                chosen.add(tag);
            }
        }
        return String.join(", ", chosen);
    }

    void generate(Connection c, int cardCount, int reviewCount, long now) throws Exception {
        try (var s = c.createStatement()) {
            s.execute("UPDATE learner SET time_zone = 'Europe/Berlin', rollover_hour = 4 WHERE id = 1");
        }
        try (PreparedStatement deck = c.prepareStatement(
                "INSERT INTO deck (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
            for (int d = 0; d < DECKS.length; d++) {
                deck.setInt(1, d + 1);
                deck.setString(2, DECKS[d]);
                deck.setLong(3, now);
                deck.setLong(4, now);
                deck.addBatch();
            }
            deck.executeBatch();
        }
        int studied = cardCount * 9 / 10;
        long span = 730 * DAY_MS;
        try (PreparedStatement card = c.prepareStatement("""
                INSERT INTO card (id, deck_id, uid, question, answer, tags, position, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement state = c.prepareStatement("""
                INSERT INTO card_state (card_id, learner_id, state, stability, difficulty, reps, lapses, scheduled_days,
                                        last_review, due, suspended, flag, buried_until)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement review = c.prepareStatement("""
                INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                    state_before, stability_before, difficulty_before, reps_before, lapses_before, learning_steps_before,
                    scheduled_days_before, elapsed_days_before, last_review_before, due_before,
                    state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement attempt = c.prepareStatement("""
                INSERT INTO practice_attempt (card_id, learner_id, attempted_at, answer, seconds, coverage, key_points)
                VALUES (?, 1, ?, 'typed answer', ?, ?, '[]')""")) {
            int reviewsLeft = reviewCount;
            for (int id = 1; id <= cardCount; id++) {
                int deckIndex = random.nextInt(DECKS.length);
                boolean chinese = DECKS[deckIndex].startsWith("面试") ? random.nextInt(10) < 8 : random.nextInt(10) < 3;
                int n = id > studied ? 0 : reviewsLeft / (studied - id + 1);
                long created = now - span + (long) (random.nextDouble() * (span - 30 * DAY_MS));
                if (n == 0) {
                    created = now - random.nextLong(60 * DAY_MS);
                }
                card.setInt(1, id);
                card.setInt(2, deckIndex + 1);
                card.setString(3, "bench-" + id);
                card.setString(4, question(chinese, id));
                card.setString(5, answer(chinese));
                card.setString(6, tags());
                card.setInt(7, id);
                card.setLong(8, created);
                card.setLong(9, random.nextInt(10) == 0 ? now - random.nextLong(30 * DAY_MS) : created);
                card.addBatch();

                reviewsLeft -= n;
                long last = 0;
                int stateNow = 0;
                double stability = 0;
                double difficulty = 1 + random.nextDouble() * 9;
                int interval = 0;
                int lapses = 0;
                for (int k = 0; k < n; k++) {
                    long at = created + (long) ((now - created) * Math.pow((k + 1.0) / (n + 1), 1.4))
                            + random.nextLong(3_600_000);
                    int rating = rating();
                    int before = k == 0 ? 0 : stateNow;
                    int after = rating == 1 ? (before == 2 ? 3 : 1) : (before == 0 ? 1 : 2);
                    double newStability = rating == 1 ? Math.max(0.5, stability * 0.3) : Math.max(1, stability * 2.2 + 1);
                    int newInterval = after == 2 ? (int) Math.max(1, Math.round(newStability)) : 0;
                    lapses += before == 2 && rating == 1 ? 1 : 0;
                    review.setInt(1, id);
                    review.setLong(2, at);
                    review.setInt(3, rating);
                    review.setInt(4, last == 0 ? 0 : (int) ((at - last) / DAY_MS));
                    review.setLong(5, 2_000 + random.nextLong(40_000));
                    review.setInt(6, before);
                    review.setDouble(7, stability);
                    review.setDouble(8, difficulty);
                    review.setInt(9, k);
                    review.setInt(10, lapses);
                    review.setInt(11, interval);
                    if (last == 0) {
                        review.setNull(12, Types.INTEGER);
                    } else {
                        review.setLong(12, last);
                    }
                    review.setLong(13, last + interval * DAY_MS);
                    review.setInt(14, after);
                    review.setDouble(15, newStability);
                    review.setDouble(16, difficulty);
                    review.setInt(17, newInterval);
                    review.setLong(18, at + newInterval * DAY_MS + (newInterval == 0 ? 600_000 : 0));
                    review.addBatch();
                    stateNow = after;
                    stability = newStability;
                    interval = newInterval;
                    last = at;
                }
                state.setInt(1, id);
                state.setInt(2, stateNow);
                state.setDouble(3, stability);
                state.setDouble(4, n == 0 ? 0 : difficulty);
                state.setInt(5, n);
                state.setInt(6, lapses);
                state.setInt(7, interval);
                if (last == 0) {
                    state.setNull(8, Types.INTEGER);
                } else {
                    state.setLong(8, last);
                }
                // due dates from three weeks ago to four months ahead, so "due today" has work in it
                state.setLong(9, n == 0 ? created : now - 20 * DAY_MS + random.nextLong(120 * DAY_MS));
                state.setInt(10, random.nextInt(100) == 0 ? 1 : 0);
                state.setInt(11, random.nextInt(50) == 0 ? 1 + random.nextInt(4) : 0);
                if (n > 0 && random.nextInt(200) == 0) {
                    state.setLong(12, now + DAY_MS);
                } else {
                    state.setNull(12, Types.INTEGER);
                }
                state.addBatch();
                if (n > 0 && random.nextInt(20) == 0) {
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        attempt.setInt(1, id);
                        attempt.setLong(2, last - random.nextLong(90 * DAY_MS));
                        attempt.setInt(3, 20 + random.nextInt(160));
                        attempt.setDouble(4, Math.round(random.nextDouble() * 100) / 100.0);
                        attempt.addBatch();
                    }
                }
                if (id % 1000 == 0) {
                    flush(card, state, review, attempt);
                }
            }
            flush(card, state, review, attempt);
        }
    }

    private static void flush(PreparedStatement... statements) throws Exception {
        for (PreparedStatement statement : statements) {
            statement.executeBatch();
        }
    }

    /** Again 10%, Hard 10%, Good 70%, Easy 10%. */
    private int rating() {
        int r = random.nextInt(10);
        return r == 0 ? 1 : r == 1 ? 2 : r == 9 ? 4 : 3;
    }
}
