package dev.prepdeck.deck.file;

import dev.prepdeck.error.Notice;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Writes a deck in canonical form, which {@link DeckFileParser} reads back to the same deck.
 * Throws {@link DeckTextException} (an IllegalArgumentException) for a deck that no file could express (a two-line
 * question, a bad id).
 */
public final class DeckFileWriter {
    private static final int MAX_SLUG_LENGTH = 100;

    public String write(DeckFile deck) {
        StringBuilder out = new StringBuilder();
        List<String> deckTags = checkedTags(deck.tags(), Notice.of("deckfile.what.deck"));
        if (!deckTags.isEmpty()) {
            out.append("---\ntags: ").append(String.join(", ", deckTags)).append("\n---\n\n");
        }
        String name = DeckText.deckName(oneLine(deck.name(), Notice.of("deckfile.what.deckName")));
        out.append(DeckSyntax.atxHeading(1, name)).append('\n');
        String description = safeMarkdown(deck.description(), !deck.cards().isEmpty(),
                Notice.of("deckfile.what.description"));
        if (!description.isEmpty()) {
            out.append('\n').append(description).append('\n');
        }
        Set<String> questions = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < deck.cards().size(); i++) {
            CardSource card = deck.cards().get(i);
            String question = oneLine(card.question(), Notice.of("deckfile.what.question"));
            if (!questions.add(question)) {
                throw new DeckTextException("deckfile.error.duplicateQuestionWritten", question);
            }
            if (card.id() != null && !ids.add(DeckSyntax.checkId(card.id()))) {
                throw new DeckTextException("deckfile.error.duplicateIdWritten", card.id());
            }
            out.append('\n').append(DeckSyntax.atxHeading(2, question)).append('\n');
            writeMeta(out, card, question);
            boolean followed = i + 1 < deck.cards().size();
            String answer = safeMarkdown(card.answer(), followed, Notice.of("deckfile.what.answerOf", question));
            if (answer.isEmpty()) {
                throw new DeckTextException("deckfile.error.noAnswer", question);
            }
            Node first = DeckSyntax.MARKDOWN.parse(answer).getFirstChild();
            if (DeckSyntax.isMetaBlock(first, DeckSyntax.lines(answer))) {
                throw new DeckTextException("deckfile.error.answerStartsWithMeta", question);
            }
            out.append('\n').append(answer).append('\n');
        }
        return out.toString();
    }

    /**
     * A file name for exporting a deck: lowercase, letters (any script) and digits kept, other runs
     * become '-', each '::' level becomes '--'. Never empty, never a path.
     */
    public static String slug(String deckName) {
        List<String> parts = new ArrayList<>();
        for (String part : deckName.split("::")) {
            String slug = Normalizer.normalize(part, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{M}\\p{Nd}]+", "-")
                    .replaceAll("^-+|-+$", "");
            if (!slug.isEmpty()) {
                parts.add(slug);
            }
        }
        String slug = String.join("--", parts);
        if (slug.codePointCount(0, slug.length()) > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, slug.offsetByCodePoints(0, MAX_SLUG_LENGTH)).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "deck" : slug) + ".md";
    }

    private static void writeMeta(StringBuilder out, CardSource card, String question) {
        if (card.id() != null) {
            out.append("<!-- id: ").append(card.id()).append(" -->\n");
        }
        List<String> tags = checkedTags(card.tags(), Notice.of("deckfile.what.card", question));
        if (!tags.isEmpty()) {
            out.append("<!-- tags: ").append(String.join(", ", tags)).append(" -->\n");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        card.meta().forEach((rawKey, rawValue) -> {
            String key = rawKey.toLowerCase(Locale.ROOT);
            if (!DeckSyntax.isMetaKey(key) || key.equals("id") || key.equals("tags")) {
                throw new DeckTextException("deckfile.error.badMetaKey", question, rawKey);
            }
            if (meta.put(key, commentValue(rawValue, Notice.of("deckfile.what.metadata", key))) != null) {
                throw new DeckTextException("deckfile.error.metaTwiceWritten", question, key);
            }
        });
        meta.forEach((key, value) ->
                out.append("<!-- ").append(key).append(':').append(value.isEmpty() ? "" : " " + value)
                        .append(" -->\n"));
    }

    private static List<String> checkedTags(List<String> tags, Notice owner) {
        for (String tag : tags) {
            if (DeckSyntax.hasTagSeparator(tag)) {
                throw new DeckTextException("deckfile.error.tagComma", owner, tag);
            }
            commentValue(tag, Notice.of("deckfile.what.tagOf", owner));
        }
        return DeckSyntax.tags(tags);
    }

    private static String commentValue(String value, Notice what) {
        if (value.contains("\n") || value.contains("\r") || value.contains("-->")) {
            throw new DeckTextException("deckfile.error.commentLine", what, value);
        }
        return value.strip();
    }

    private static String oneLine(String text, Notice what) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new DeckTextException("deckfile.error.empty", what);
        }
        if (stripped.contains("\n") || stripped.contains("\r")) {
            throw new DeckTextException("deckfile.error.oneLine", what, stripped);
        }
        DeckText.requireOneLine(stripped, what);
        return stripped;
    }

    /**
     * Markdown that reads back as itself inside a card: headings of level 1-2 (which would start a deck
     * title or a new card) become level 3, and an unclosed code fence is closed when cards follow.
     */
    private static String safeMarkdown(String markdown, boolean followed, Notice what) {
        String normalised = DeckSyntax.normaliseLineEndings(markdown);
        DeckText.requireBlock(normalised, what);
        List<String> lines = DeckSyntax.lines(normalised);
        List<String> safe = new ArrayList<>(lines);
        List<Node> blocks = topLevelBlocks(String.join("\n", lines));
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof Heading heading && heading.getLevel() <= 2) {
                String text = DeckSyntax.headingText(heading, lines);
                int first = DeckSyntax.firstLine(heading);
                safe.subList(first, DeckSyntax.lastLine(heading) + 1).clear();
                safe.add(first, text.isEmpty() ? "###" : DeckSyntax.atxHeading(3, text));
            }
        }
        String text = DeckSyntax.slice(safe, 0, safe.size());
        if (!followed || text.isEmpty()) {
            return text;
        }
        List<Node> safeBlocks = topLevelBlocks(text);
        if (safeBlocks.get(safeBlocks.size() - 1) instanceof FencedCodeBlock fence
                && fence.getClosingFenceLength() == null) {
            text = text + "\n" + String.valueOf(fence.getFenceCharacter()).repeat(fence.getOpeningFenceLength());
        }
        List<Node> probed = topLevelBlocks(text + "\n\n## next card");
        if (!(probed.get(probed.size() - 1) instanceof Heading heading && heading.getLevel() == 2)) {
            throw new DeckTextException("deckfile.error.unclosedHtml", what);
        }
        return text;
    }

    private static List<Node> topLevelBlocks(String markdown) {
        List<Node> blocks = new ArrayList<>();
        for (Node node = DeckSyntax.MARKDOWN.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            blocks.add(node);
        }
        return blocks;
    }
}
