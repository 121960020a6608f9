package dev.prepdeck.practice.bench;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.deck.file.DeckFormatException;
import dev.prepdeck.practice.AnswerMatcher;
import dev.prepdeck.practice.TermAnalyzer;
import dev.prepdeck.practice.TermRarity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
 * building the checker (glossary, smartcn, rarity over the shipped cards) plus its first check. Run as described in
 * BENCHMARKS.md, from the repository root (it reads decks/).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckBenchmark {
    @Param({"story-en", "merge-rebase-zh"})
    public String answer;

    private AnswerMatcher matcher;
    private TermRarity rarity;
    private Map<String, String> answers;
    private String card;
    private String typed;

    @Setup
    public void load() throws IOException, DeckFormatException {
        answers = shippedAnswers();
        if (answer.equals("story-en")) {
            card = answers.get("deploy-production-project-story");
            typed = twoMinutes(answers.get("deploy-production-project-story")
                    + "\n" + answers.get("deploy-workflow-steps"));
        } else {
            card = answers.get("git-merge-vs-rebase");
            typed = twoMinutes(answers.get("git-merge-vs-rebase") + "\n" + answers.get("git-reset-vs-revert")
                    + "\n" + answers.get("git-remote-fetch-pull-push"));
        }
        TermAnalyzer analyzer = TermAnalyzer.shipped();
        matcher = new AnswerMatcher(analyzer);
        rarity = TermRarity.ofAnswers(analyzer, answers.values());
    }

    @Benchmark
    public AnswerMatcher.AnswerCheck check() {
        return matcher.checkCard(card, typed, rarity);
    }

    /**
     * A fresh checker and its first answer: loading the glossary and smartcn, the rarity over the shipped cards (the
     * collection of a new install) and the check; what the first check after start-up costs.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public AnswerMatcher.AnswerCheck startAndCheck() {
        TermAnalyzer analyzer = TermAnalyzer.shipped();
        return new AnswerMatcher(analyzer).checkCard(card, typed, TermRarity.ofAnswers(analyzer, answers.values()));
    }

    /**
     * The same checks timed one by one, by the thread's CPU time (other processes sharing the machine do not count)
     * and by the wall clock: 200 warm-up checks, then 1,000 timed, per answer; the median and the 99th percentile.
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
            long[] cpuNanos = new long[1000];
            long[] wallNanos = new long[1000];
            for (int i = 0; i < cpuNanos.length; i++) {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                b.check();
                wallNanos[i] = System.nanoTime() - wallStart;
                cpuNanos[i] = cpu.getCurrentThreadCpuTime() - cpuStart;
            }
            java.util.Arrays.sort(cpuNanos);
            java.util.Arrays.sort(wallNanos);
            System.out.printf("%s: CPU p50 %.2f ms, p99 %.2f ms; wall p50 %.2f ms, p99 %.2f ms per check%n", name,
                    cpuNanos[500] / 1e6, cpuNanos[990] / 1e6, wallNanos[500] / 1e6, wallNanos[990] / 1e6);
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
