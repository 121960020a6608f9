package dev.prepdeck.practice.bench;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.deck.file.DeckFormatException;
import dev.prepdeck.practice.AnswerMatcher;
import dev.prepdeck.practice.KeyPoints;
import dev.prepdeck.practice.TermAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long one practice check takes for a two-minute answer (about 300 English words, or 560 Chinese characters),
 * against the shipped card with the most key points and against a Chinese comparison card; and, as a single shot,
 * building the checker (glossary, smartcn, rarity over the shipped decks) plus its first check. Run as described in
 * BENCHMARKS.md, from the repository root (it reads decks/).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckBenchmark {
    @Param({"story-en", "merge-rebase-zh"})
    public String answer;

    private AnswerMatcher matcher;
    private List<String> points;
    private String typed;

    @Setup
    public void load() throws IOException, DeckFormatException {
        Map<String, String> answers = shippedAnswers();
        if (answer.equals("story-en")) {
            points = KeyPoints.of(answers.get("deploy-production-project-story"));
            typed = twoMinutes(answers.get("deploy-production-project-story")
                    + "\n" + answers.get("deploy-workflow-steps"));
        } else {
            points = KeyPoints.of(answers.get("git-merge-vs-rebase"));
            typed = twoMinutes(answers.get("git-merge-vs-rebase") + "\n" + answers.get("git-reset-vs-revert")
                    + "\n" + answers.get("git-remote-fetch-pull-push"));
        }
        matcher = new AnswerMatcher(TermAnalyzer.shipped());
    }

    @Benchmark
    public AnswerMatcher.AnswerCheck check() {
        return matcher.check(points, typed);
    }

    /** A fresh checker and its first answer: what the first check after start-up costs. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public AnswerMatcher.AnswerCheck startAndCheck() {
        return new AnswerMatcher(TermAnalyzer.shipped()).check(points, typed);
    }

    /**
     * The same checks timed by the thread's CPU time rather than the wall clock, so that other processes sharing the
     * machine do not count: 200 warm-up checks, then the best of 20 rounds of 50, per answer.
     */
    public static void main(String[] args) throws Exception {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String name : new String[] {"story-en", "merge-rebase-zh"}) {
            CheckBenchmark b = new CheckBenchmark();
            b.answer = name;
            b.load();
            for (int i = 0; i < 200; i++) {
                b.check();
            }
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 20; round++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 50; i++) {
                    b.check();
                }
                best = Math.min(best, (cpu.getCurrentThreadCpuTime() - start) / 50);
            }
            System.out.printf("%s: %.2f ms of CPU per check%n", name, best / 1e6);
        }
    }

    /** Model answers as a learner would type them (no Markdown), cut to what two minutes of speech holds. */
    static String twoMinutes(String markdown) {
        String text = markdown.replaceAll("[|*`#>]", " ").replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder();
        int words = 0;
        double seconds = 0;
        for (String word : text.split(" ")) {
            long han = word.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
            seconds += han > 0 ? han * 0.21 : 0.4;
            if (seconds > 120) {
                break;
            }
            out.append(word).append(' ');
            words++;
        }
        return words == 0 ? text : out.toString().strip();
    }

    private static Map<String, String> shippedAnswers() throws IOException, DeckFormatException {
        DeckFileParser parser = new DeckFileParser();
        Map<String, String> answers = new HashMap<>();
        try (var files = Files.list(Path.of("decks"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                for (CardSource c : parser.parse(f.getFileName().toString(), Files.readAllBytes(f)).cards()) {
                    answers.put(c.id(), c.answer());
                }
            }
        }
        return answers;
    }
}
