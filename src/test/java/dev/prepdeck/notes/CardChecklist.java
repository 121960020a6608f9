package dev.prepdeck.notes;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mechanical part of "a card an interviewer would ask, whose answer fits on one screen", applied the same
 * way to any deck files (so the figures before and after a change come from one rule):
 * <ol>
 *   <li>it asks: ends in '?' / '？', or opens with an interviewer's request (Describe, Tell me about, Walk me
 *       through, Compare, 讲讲, 说说, 介绍, 用一个例子…);</li>
 *   <li>it is not a template laid over a heading ("Explain X." / "请解释X。");</li>
 *   <li>it carries no context prefix or suffix that belongs in the deck name ("Topic: what …", "（Topic）",
 *       " — follow-up") and is at most 100 display columns;</li>
 *   <li>its answer is at most {@link NotesConverter#ONE_SCREEN} characters.</li>
 * </ol>
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.prepdeck.notes.CardChecklist DIR...}
 * where each DIR holds the deck files `notes import --out` wrote for one notes file.
 */
final class CardChecklist {
    private static final Pattern ASKS = Pattern.compile(
            "(?s).*[?？]$|(?i)^(describe|tell me|walk me through|compare|give|talk about|how would)\\b.*|^(用一个例子|讲讲|说说|谈谈|介绍|描述).*");
    private static final Pattern TEMPLATE = Pattern.compile("^(Explain .*\\.|请解释.*。)$");
    private static final Pattern CONTEXT = Pattern.compile(".*(: what |: 「|（[^）]*）[？?。]$|\\([^)]*\\)\\.$| — ).*");

    private CardChecklist() {
    }

    static boolean interviewerWouldAsk(String question) {
        return ASKS.matcher(question).matches() && !TEMPLATE.matcher(question).matches()
                && !CONTEXT.matcher(question).matches() && NotesText.displayWidth(question) <= 100;
    }

    static boolean fitsOneScreen(String answer) {
        return answer.length() <= NotesConverter.ONE_SCREEN;
    }

    static boolean good(CardSource card) {
        return interviewerWouldAsk(card.question()) && fitsOneScreen(card.answer());
    }

    public static void main(String[] args) throws IOException {
        System.out.println("| notes file | cards | asks | fits | both |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String dir : args) {
            List<CardSource> cards;
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                cards = files.sorted().flatMap(f -> parse(f).cards().stream()).toList();
            }
            long asks = cards.stream().filter(c -> interviewerWouldAsk(c.question())).count();
            long fits = cards.stream().filter(c -> fitsOneScreen(c.answer())).count();
            long both = cards.stream().filter(CardChecklist::good).count();
            System.out.printf("| %s | %d | %d | %d | %d (%s) |%n", Path.of(dir).getFileName(), cards.size(), asks, fits,
                    both, cards.isEmpty() ? "-" : Math.round(100.0 * both / cards.size()) + " %");
            cards.stream().filter(c -> !good(c)).forEach(c -> System.err.println(Path.of(dir).getFileName() + ": "
                    + c.question() + " [" + c.answer().length() + " chars]"));
        }
    }

    private static DeckFile parse(Path file) {
        try {
            return new DeckFileParser().parse(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
