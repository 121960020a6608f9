package dev.prepdeck.search.bench;

import static dev.prepdeck.bench.BenchCollection.DAY_MS;

import dev.prepdeck.bench.BenchCollection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        long started = System.nanoTime();
        SearchCollectionGenerator generator = new SearchCollectionGenerator(corpus(Path.of("decks")));
        BenchCollection.create(file, (c, now) -> generator.generate(c, cards, reviews, now));
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
        BenchCollection.learnerAndDecks(c, List.of(DECKS), now);
        try (BenchCollection collection = new BenchCollection(c, random, now, cardCount, reviewCount);
             PreparedStatement card = c.prepareStatement("""
                INSERT INTO card (id, deck_id, uid, question, answer, tags, position, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement attempt = c.prepareStatement("""
                INSERT INTO practice_attempt (card_id, learner_id, attempted_at, answer, seconds, coverage, key_points)
                VALUES (?, 1, ?, 'typed answer', ?, ?, '[]')""")) {
            for (int id = 1; id <= cardCount; id++) {
                int deckIndex = random.nextInt(DECKS.length);
                boolean chinese = DECKS[deckIndex].startsWith("面试") ? random.nextInt(10) < 8 : random.nextInt(10) < 3;
                int n = collection.reviewsOf(id);
                long studiedSince = collection.start();
                long created = n == 0 ? now - random.nextLong(60 * DAY_MS) : studiedSince;
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

                BenchCollection.History history = collection.reviews(id, n, created, () -> random.nextLong(3_600_000));
                collection.state(id, history, n == 0 ? created : collection.dueNearToday(), random.nextInt(100) == 0,
                        random.nextInt(50) == 0 ? 1 + random.nextInt(4) : 0,
                        n > 0 && random.nextInt(200) == 0 ? now + DAY_MS : null);
                if (n > 0 && random.nextInt(20) == 0) {
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        attempt.setInt(1, id);
                        attempt.setLong(2, history.last() - random.nextLong(90 * DAY_MS));
                        attempt.setInt(3, 20 + random.nextInt(160));
                        attempt.setDouble(4, Math.round(random.nextDouble() * 100) / 100.0);
                        attempt.addBatch();
                    }
                }
                if (id % 1000 == 0) {
                    flush(card, collection, attempt);
                }
            }
            flush(card, collection, attempt);
        }
    }

    /** Cards first: the states refer to them. */
    private static void flush(PreparedStatement card, BenchCollection collection, PreparedStatement attempt)
            throws SQLException {
        card.executeBatch();
        collection.flush();
        attempt.executeBatch();
    }
}
