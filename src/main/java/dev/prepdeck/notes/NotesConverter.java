package dev.prepdeck.notes;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.notes.Block.Kind;
import dev.prepdeck.notes.NotesImport.Skipped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a read notes file into decks.
 *
 * <p>Each top-level section is a deck. Below it, a topic section that has sub-sections of its own becomes a
 * sub-deck ("Deck::Topic"), because such topics (SQL, Hadoop) are what a learner picks to study; a sub-section
 * with the deck's own title adds its cards to the deck instead of nesting "X::X". Question sections are cards;
 * topic sections yield cards from their sub-sections plus one for their own text; bold-titled item lists yield
 * one card per item and one for the order.
 */
final class NotesConverter {
    private static final Pattern BOLD_LINE = Pattern.compile("\\*\\*(.+?)\\*\\*[:：]?");
    private static final Pattern FIELD_LINE = Pattern.compile("(?:\\*\\*)?([^:：*<>\\[\\]]{1,30}?)(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?\\s*(.+)");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)[.)、]\\s*(.*)");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\([^)]*\\)|<https?://[^>]+>|https?://\\S+");
    private static final int SHORT_LABEL = 40;

    private final String fileName;
    private final String prefix;
    private final Map<String, List<CardSource>> decks = new LinkedHashMap<>();
    private final Map<String, Set<String>> questions = new LinkedHashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();

    private NotesConverter(String fileName, String prefix) {
        this.fileName = fileName;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.strip() + "::";
    }

    static NotesImport convert(NotesDocument document, String deckPrefix) {
        NotesConverter converter = new NotesConverter(document.fileName(), deckPrefix);
        if (document.preamble().stream().anyMatch(b -> b.kind() != Kind.FIGURE)) {
            Block first = document.preamble().get(0);
            converter.skip(first.line(), "(text before the first title)", "not under any section title");
        }
        for (NotesSection root : document.sections()) {
            converter.root(root);
        }
        List<DeckFile> files = new ArrayList<>();
        converter.decks.forEach((name, cards) -> {
            if (!cards.isEmpty()) {
                files.add(new DeckFile(name, "Imported from " + baseName(document.fileName()) + ".", List.of(), cards));
            }
        });
        return new NotesImport(files, converter.skipped, document.warnings());
    }

    private void root(NotesSection root) {
        if (QuestionRules.isQuestion(root.title)) {
            questionCards(root, prefix + stem(fileName));
            return;
        }
        String deck = prefix + root.title;
        int before = skipped.size();
        topicCards(root, deck, null);
        for (NotesSection child : root.children) {
            if (!QuestionRules.isQuestion(child.title) && !child.children.isEmpty()) {
                String sub = child.title.equals(root.title) ? deck : deck + "::" + child.title;
                topicCards(child, sub, null);
                for (NotesSection grandchild : child.children) {
                    section(grandchild, sub, child.title);
                }
            } else {
                section(child, deck, null);
            }
        }
        if (countCards(deck) == 0 && root.children.isEmpty() && skipped.size() == before) {
            skip(root.line, root.title, "no cards in this section");
        }
    }

    private int countCards(String deckPrefix) {
        return decks.entrySet().stream().filter(e -> e.getKey().equals(deckPrefix)
                || e.getKey().startsWith(deckPrefix + "::")).mapToInt(e -> e.getValue().size()).sum();
    }

    private void section(NotesSection section, String deck, String context) {
        if (QuestionRules.isQuestion(section.title)) {
            questionCards(section, deck);
            return;
        }
        topicCards(section, deck, context);
        for (NotesSection child : section.children) {
            section(child, deck, section.title);
        }
    }

    private void questionCards(NotesSection section, String deck) {
        List<Block> blocks = new ArrayList<>(section.blocks);
        String question = QuestionRules.asQuestion(section.title);
        if (!blocks.isEmpty() && isFollowUp(blocks.get(0)) && (blocks.size() > 1 || !section.children.isEmpty())) {
            question = question + " — " + blocks.remove(0).markdown().replace('\n', ' ');
        }
        Items items = Items.find(blocks);
        String answer;
        if (items != null) {
            String topic = QuestionRules.topicOf(NotesText.plain(section.title));
            answer = join(items.before, orderList(items), join(items.after, "", 3, section.children));
        } else {
            answer = join(blocks, "", 3, section.children);
        }
        if (answer.isBlank()) {
            skip(section.line, section.title, "a question with no answer under it");
        } else if (onlyFigures(blocks) && section.children.isEmpty()) {
            skip(section.line, section.title, "its answer is only a figure, which cannot be imported");
        } else {
            add(deck, question, answer, section.line);
        }
        if (items != null) {
            itemCards(items, QuestionRules.topicOf(NotesText.plain(section.title)), deck, section);
        }
    }

    private static boolean isFollowUp(Block block) {
        if (block.kind() != Kind.PARAGRAPH) {
            return false;
        }
        String text = NotesText.plain(block.markdown());
        return text.length() <= 200 && (text.endsWith("?") || text.endsWith("？"));
    }

    private void topicCards(NotesSection section, String deck, String context) {
        List<Block> blocks = section.blocks;
        if (blocks.isEmpty()) {
            if (section.children.isEmpty()) {
                skip(section.line, section.title, "empty section");
            }
            return;
        }
        if (onlyFigures(blocks)) {
            List<String> names = blocks.stream().map(b -> b.markdown().replaceAll("^\\(figure omitted: |\\)$", ""))
                    .toList();
            skip(section.line, section.title, "only a figure (" + String.join(", ", names) + "), no text to learn");
            return;
        }
        boolean chinese = QuestionRules.chinese(section.title, context, text(blocks));
        Items items = Items.find(blocks);
        if (items != null) {
            String topic = section.title;
            String question = QuestionRules.orderQuestion(topic, items.items.size(), items.numbered, chinese);
            add(deck, question, join(items.before, orderList(items), join(items.after, "", 3, List.of())),
                    section.line);
            itemCards(items, topic, deck, section);
            return;
        }
        if (onlyLinks(blocks, section.title)) {
            String about = QuestionRules.isResourceTitle(section.title)
                    ? (context != null ? context : lastPart(deck)) : section.title;
            add(deck, QuestionRules.resourceQuestion(about, chinese), join(blocks, "", 3, List.of()), section.line);
            return;
        }
        boolean example = blocks.stream().anyMatch(b -> b.kind() == Kind.CODE || b.kind() == Kind.TABLE);
        add(deck, QuestionRules.topicQuestion(section.title, context, example, chinese),
                join(blocks, "", 3, List.of()), section.line);
    }

    private void itemCards(Items items, String topic, String deck, NotesSection section) {
        boolean chinese = QuestionRules.chinese(topic, items.items.get(0).title);
        for (Item item : items.items) {
            List<String> names = item.fields.keySet().stream().toList();
            String question = QuestionRules.itemQuestion(topic, item.title, names, chinese);
            StringBuilder answer = new StringBuilder();
            item.fields.forEach((name, value) -> answer.append("- **").append(name).append(":** ").append(value)
                    .append('\n'));
            add(deck, question, answer.toString().strip(), item.line);
        }
    }

    private static String orderList(Items items) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < items.items.size(); i++) {
            md.append(items.numbered ? (i + 1) + ". " : "- ").append(items.items.get(i).title).append('\n');
        }
        return md.toString().strip();
    }

    private static String join(List<Block> blocks, String tail, int headingLevel, List<NotesSection> children) {
        List<String> parts = new ArrayList<>();
        blocks.forEach(b -> parts.add(b.markdown()));
        if (!tail.isBlank()) {
            parts.add(tail);
        }
        for (NotesSection child : children) {
            String body = join(child.blocks, "", headingLevel + 1, child.children);
            if (!body.isBlank()) {
                parts.add("#".repeat(Math.min(headingLevel, 6)) + " " + child.title);
                parts.add(body);
            }
        }
        return String.join("\n\n", parts).strip();
    }

    private static String join(List<Block> before, String middle, String after) {
        List<String> parts = new ArrayList<>();
        before.forEach(b -> parts.add(b.markdown()));
        parts.add(middle);
        if (!after.isBlank()) {
            parts.add(after);
        }
        return String.join("\n\n", parts).strip();
    }

    private static boolean onlyFigures(List<Block> blocks) {
        return !blocks.isEmpty() && blocks.stream().allMatch(b -> b.kind() == Kind.FIGURE);
    }

    /** A section of links with short labels (a reading list), as opposed to prose that cites a link. */
    private static boolean onlyLinks(List<Block> blocks, String title) {
        boolean anyLink = false;
        boolean shortLabels = true;
        for (Block block : blocks) {
            if (block.kind() == Kind.FIGURE) {
                continue;
            }
            if (block.kind() == Kind.CODE || block.kind() == Kind.TABLE) {
                return false;
            }
            List<String> units = block.lines().isEmpty() ? block.markdown().lines().toList() : block.lines();
            for (String unit : units) {
                Matcher m = LINK.matcher(unit);
                boolean link = m.find();
                anyLink |= link;
                String rest = NotesText.plain(LINK.matcher(unit).replaceAll("")).replaceAll("^[-*\\d.\\s]+", "");
                if (rest.codePointCount(0, rest.length()) > SHORT_LABEL || (!link && rest.length() > SHORT_LABEL / 2)) {
                    shortLabels = false;
                }
            }
        }
        return anyLink && (shortLabels || QuestionRules.isResourceTitle(title));
    }

    private static String text(List<Block> blocks) {
        StringBuilder all = new StringBuilder();
        blocks.stream().filter(b -> b.kind() != Kind.CODE).forEach(b -> all.append(b.markdown()));
        String text = all.toString();
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        long latin = text.codePoints().filter(cp -> cp < 128 && Character.isLetter(cp)).count();
        return han * 2 > latin ? text : "";
    }

    private void add(String deck, String question, String answer, int line) {
        Set<String> taken = questions.computeIfAbsent(deck, d -> new HashSet<>());
        String unique = question;
        for (int n = 2; !taken.add(unique); n++) {
            unique = question + " (" + n + ")";
        }
        decks.computeIfAbsent(deck, d -> new ArrayList<>())
                .add(new CardSource(cardId(deck, unique), unique, answer, List.of(), Map.of(), line));
    }

    private void skip(int line, String title, String reason) {
        skipped.add(new Skipped(fileName, line, NotesText.plain(title), reason));
    }

    /** Readable and stable: ASCII words of the question plus a hash of deck and question. */
    static String cardId(String deck, String question) {
        String words = question.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > 40) {
            words = words.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((deck + "\n" + question).getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, 10);
            return words.isEmpty() ? "n-" + hash : words + "-" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String lastPart(String deck) {
        int cut = deck.lastIndexOf("::");
        return cut < 0 ? deck : deck.substring(cut + 2);
    }

    private static String baseName(String fileName) {
        return fileName.substring(fileName.lastIndexOf('/') + 1);
    }

    private static String stem(String fileName) {
        String base = baseName(fileName);
        return base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
    }

    private record Item(String title, Map<String, String> fields, int line) {
    }

    /** A run of bold-titled items ("**1. Problem Definition**" then "Objective: ..." lines) and the text around it. */
    private record Items(List<Block> before, List<Item> items, List<Block> after, boolean numbered) {
        static Items find(List<Block> blocks) {
            List<Item> items = new ArrayList<>();
            int first = -1;
            int last = -1;
            for (int i = 0; i < blocks.size(); i++) {
                List<Item> found = itemsIn(blocks.get(i));
                if (found == null) {
                    if (first >= 0) {
                        break;
                    }
                    continue;
                }
                if (first < 0) {
                    first = i;
                }
                last = i;
                items.addAll(found);
            }
            if (items.size() < 2) {
                return null;
            }
            boolean numbered = items.stream().allMatch(it -> NUMBERED.matcher(it.title).matches());
            List<Item> titled = items.stream().map(it -> numbered
                    ? new Item(NUMBERED.matcher(it.title).replaceFirst("$2"), it.fields, it.line) : it).toList();
            return new Items(blocks.subList(0, first), titled, blocks.subList(last + 1, blocks.size()), numbered);
        }

        private static List<Item> itemsIn(Block block) {
            if ((block.kind() != Kind.LINE_BLOCK && block.kind() != Kind.PARAGRAPH) || block.lines().size() < 2) {
                return null;
            }
            List<Item> items = new ArrayList<>();
            for (String line : block.lines()) {
                Matcher bold = BOLD_LINE.matcher(line.strip());
                Matcher field = FIELD_LINE.matcher(line.strip().replaceAll("\\s*\\\\$", ""));
                if (bold.matches()) {
                    items.add(new Item(bold.group(1).strip(), new LinkedHashMap<>(), block.line()));
                } else if (!items.isEmpty() && field.matches()) {
                    items.get(items.size() - 1).fields.put(QuestionRules.capitalise(field.group(1).strip()),
                            field.group(2).strip());
                } else {
                    return null;
                }
            }
            return items.stream().allMatch(it -> !it.fields.isEmpty()) ? items : null;
        }
    }
}
