package dev.prepdeck.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The notes fixtures and the check that no RST markup reached a card. */
final class NotesFixtures {
    private static final Pattern ADORNMENT_LINE = Pattern.compile("([=\\-~^*#+`'\".:_])\\1{3,}");

    private NotesFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = NotesFixtures.class.getResourceAsStream("/notes-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static NotesImport read(String name, String text) throws NotesFormatException {
        return new NotesReader().read(name, text.getBytes(StandardCharsets.UTF_8), NotesReader.Format.AUTO, null);
    }

    static CardSource card(NotesImport result, String question) {
        return result.decks().stream().flatMap(d -> d.cards().stream()).filter(c -> c.question().equals(question))
                .findFirst().orElseThrow(() -> new AssertionError("no card '" + question + "' among "
                        + questions(result)));
    }

    static List<String> questions(NotesImport result) {
        return result.decks().stream().flatMap(d -> d.cards().stream()).map(CardSource::question).toList();
    }

    /**
     * Fails naming the card and the leftover when any card carries RST or note-app markup outside code:
     * "::", ".. " lines, "``", "`_", roles, substitution references, adornment lines, "|" line-block markers,
     * Obsidian "[[links]]" and callout markers, footnote markers, HTML tags, unbalanced "**".
     */
    static void assertNoRstMarkup(NotesImport result) {
        List<String> problems = new ArrayList<>();
        for (DeckFile deck : result.decks()) {
            for (CardSource card : deck.cards()) {
                assertThat(card.question()).as("question in " + deck.name()).isNotBlank();
                assertThat(card.answer()).as("answer of " + card.question()).isNotBlank();
                check(card.question(), card.question(), problems);
                check(card.question(), card.answer(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static final Pattern LEFTOVER = Pattern.compile(
            "::|``|`_|:[a-z][a-z:+-]*:`|(?<![\\w|])\\|[^|\\s][^|]*\\|(?![\\w|])|\\[\\[|]]|\\[![a-z]+]|\\[\\^|</?(?:details|summary|img|br|div|span)\\b");

    private static void check(String question, String text, List<String> problems) {
        boolean inFence = false;
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            String prose = line.replaceAll("`[^`]*`", "");
            boolean tableRow = line.startsWith("|") && line.strip().endsWith("|");
            String outsideTable = tableRow ? "" : prose;
            boolean unbalancedStrong = (prose.length() - prose.replace("**", "").length()) / 2 % 2 != 0;
            if (LEFTOVER.matcher(outsideTable).find() || prose.contains("::") || line.strip().startsWith(".. ")
                    || line.strip().equals("..") || ADORNMENT_LINE.matcher(line.strip()).matches()
                    || (line.startsWith("|") && !tableRow) || unbalancedStrong) {
                problems.add("'" + question + "': " + line);
            }
        }
    }
}
