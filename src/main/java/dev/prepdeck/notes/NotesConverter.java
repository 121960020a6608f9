package dev.prepdeck.notes;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.notes.AnswerParts.Part;
import dev.prepdeck.notes.Block.Kind;
import dev.prepdeck.notes.NotesImport.ImageReference;
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
 * one card per item and one for the order. An answer longer than one screen that has structure of its own
 * (pseudo-headings, sub-sections) becomes an overview card plus one card per part, and a long command becomes
 * a card about what it does, with repeated options condensed.
 */
final class NotesConverter {
    /** About what fits on one phone screen; longer answers are split where the notes give a place to split. */
    static final int ONE_SCREEN = 1200;
    private static final int LONG_CODE = 800;
    private static final Pattern FIELD_LINE = Pattern.compile("(?:\\*\\*)?([^:：*<>\\[\\]]{1,30}?)(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?\\s*(.+)");
    private static final Pattern BOLD_LINE = Pattern.compile("\\*\\*(.+?)\\*\\*[:：]?");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)[.)、]\\s*(.*)");
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*]\\([^)]*\\)|<https?://[^>]+>|https?://\\S+");
    private static final Pattern FENCE = Pattern.compile("(?s)^(`{3,})(\\S*)\\n(.*)\\n\\1$");
    private static final Pattern OPTION_TOKEN = Pattern.compile("^\\s*(--?[A-Za-z][\\w.-]*)");
    private static final int SHORT_LABEL = 40;
    private static final int MAX_FOLLOW_UP_QUESTION = 100;

    private final String fileName;
    private final String prefix;
    private final Map<String, List<CardSource>> decks = new LinkedHashMap<>();
    private final Map<String, Set<String>> questions = new LinkedHashMap<>();
    private final List<NotesNotice> skipped = new ArrayList<>();
    private final List<ImageReference> images = new ArrayList<>();

    private NotesConverter(String fileName, String prefix, List<Figures.Figure> figures) {
        this.fileName = fileName;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.strip() + "::";
        figures.forEach(f -> images.add(f.reference()));
    }

    static NotesImport convert(NotesDocument document, String deckPrefix) {
        NotesConverter converter = new NotesConverter(document.fileName(), deckPrefix, document.figures());
        List<Block> text = document.preamble().stream()
                .filter(b -> b.kind() != Kind.FIGURE && b.kind() != Kind.FIELDS).toList();
        if (!text.isEmpty()) {
            converter.skipped.add(NotesNotice.skipped(converter.fileName, text.get(0).line(), "beforeFirstTitle"));
        }
        if (document.sections().isEmpty()) {
            converter.skipped.add(NotesNotice.skipped(converter.fileName, 1, "noTitles"));
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
        return new NotesImport(files, converter.skipped, document.warnings(), converter.images);
    }

    private void root(NotesSection root) {
        if (QuestionRules.isQuestion(root.title)) {
            questionCards(root, prefix + stem(fileName));
            return;
        }
        String deck = prefix + root.title;
        int before = skipped.size();
        topicCards(root, deck);
        for (NotesSection child : root.children) {
            if (!QuestionRules.isQuestion(child.title) && !child.children.isEmpty()) {
                String sub = child.title.equals(root.title) ? deck : deck + "::" + child.title;
                topicCards(child, sub);
                for (NotesSection grandchild : child.children) {
                    section(grandchild, sub);
                }
            } else {
                section(child, deck);
            }
        }
        if (countCards(deck) == 0 && root.children.isEmpty() && skipped.size() == before) {
            skip(root.line, "noCards", root.title);
        }
    }

    private int countCards(String deckPrefix) {
        return decks.entrySet().stream().filter(e -> e.getKey().equals(deckPrefix)
                || e.getKey().startsWith(deckPrefix + "::")).mapToInt(e -> e.getValue().size()).sum();
    }

    private void section(NotesSection section, String deck) {
        if (QuestionRules.isQuestion(section.title)) {
            questionCards(section, deck);
            return;
        }
        topicCards(section, deck);
        for (NotesSection child : section.children) {
            section(child, deck);
        }
    }

    private void questionCards(NotesSection section, String deck) {
        List<Block> blocks = new ArrayList<>(AnswerParts.clean(section.blocks));
        String question = QuestionRules.asQuestion(section.title);
        if (!blocks.isEmpty() && isFollowUp(blocks.get(0)) && (blocks.size() > 1 || !section.children.isEmpty())) {
            Block first = blocks.remove(0);
            String followUp = NotesText.plain(first.markdown()).replace('\n', ' ');
            blocks = new ArrayList<>(AnswerParts.clean(blocks));
            if (question.length() + followUp.length() < MAX_FOLLOW_UP_QUESTION) {
                boolean ends = question.matches(".*[.。?？!！]$");
                question = NotesText.hasHan(question) ? question + followUp
                        : question.replaceAll("\\.$", "") + (ends && !question.endsWith(".") ? " " : ". ") + followUp;
            } else {
                // a long follow-up stays with the answer, so the question stays short
                blocks.add(0, Block.withLines(Kind.PARAGRAPH, "*Follow-up: " + followUp + "*", List.of(), first.line()));
            }
        }
        Items items = Items.find(blocks);
        String topic = QuestionRules.topicOf(NotesText.plain(section.title));
        if (items != null) {
            add(deck, question, join(items.before, orderList(items), join(items.after, section.children)),
                    section.line, blocks);
            itemCards(items, deck.endsWith("::" + topic) ? deck : deck + "::" + topic);
            return;
        }
        if (blocks.isEmpty() && section.children.isEmpty()) {
            skip(section.line, "noAnswer", section.title);
            return;
        }
        if (onlyFigures(blocks) && section.children.isEmpty() && !anyFound(blocks)) {
            skip(section.line, "answerOnlyMissingFigure", section.title, figureNames(blocks));
            placeImages(blocks, deck, null);
            return;
        }
        List<Part> parts = new ArrayList<>(AnswerParts.of(blocks));
        for (NotesSection child : section.children) {
            parts.add(new Part(child.title, flatten(child), child.line));
        }
        cards(deck, question, parts, section.line, deck + "::" + shortTopic(topic), language(section.title, blocks));
    }

    /** A section's own blocks followed by its sub-sections' as bold-titled text, for answers that include them. */
    private static List<Block> flatten(NotesSection section) {
        List<Block> out = new ArrayList<>(AnswerParts.clean(section.blocks));
        for (NotesSection child : section.children) {
            out.add(Block.withLines(Kind.PARAGRAPH, "**" + child.title + "**", List.of("**" + child.title + "**"), child.line));
            out.addAll(flatten(child));
        }
        return out;
    }

    /**
     * One card when the answer fits on a screen (pseudo-headings shown as sub-headings); otherwise an overview
     * card with the introduction and the list of parts, plus a card per part in {@code partsDeck}.
     */
    private void cards(String deck, String question, List<Part> parts, int line, String partsDeck, boolean chinese) {
        List<Block> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.blocks()));
        String whole = AnswerParts.render(condensed(parts), 3);
        List<Part> headed = parts.stream().filter(p -> p.heading() != null && !p.blocks().isEmpty()).toList();
        boolean intro = parts.get(0).heading() == null && !parts.get(0).blocks().isEmpty();
        if (whole.length() <= ONE_SCREEN || headed.size() < (intro ? 1 : 2)) {
            add(deck, question, whole, line, all);
            return;
        }
        Part first = intro ? parts.get(0) : new Part(null, List.of(), line);
        StringBuilder overview = new StringBuilder(AnswerParts.render(condensed(List.of(first)), 3));
        overview.append(overview.length() == 0 ? "" : "\n\n").append(chinese ? "*详见：* " : "*In more detail:* ");
        overview.append(String.join(" · ", headed.stream().map(Part::heading).toList()));
        add(deck, question, overview.toString().strip(), line, first.blocks());
        for (Part part : headed) {
            String answer = AnswerParts.render(condensed(List.of(new Part(null, part.blocks(), part.line()))), 3);
            add(partsDeck, QuestionRules.partQuestion(part.heading(), chinese), answer, part.line(), part.blocks());
        }
    }

    private static List<Part> condensed(List<Part> parts) {
        List<Part> out = new ArrayList<>();
        for (Part part : parts) {
            out.add(new Part(part.heading(), part.blocks().stream().map(NotesConverter::condense).toList(), part.line()));
        }
        return out;
    }

    /**
     * A very long command keeps its shape but not every repeated option: of four or more lines in a row that
     * start with the same option, the first two stay and a comment counts the rest.
     */
    static Block condense(Block block) {
        if (block.kind() != Kind.CODE || block.markdown().length() <= LONG_CODE) {
            return block;
        }
        Matcher fence = FENCE.matcher(block.markdown());
        if (!fence.matches()) {
            return block;
        }
        List<String> lines = fence.group(3).lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            String option = optionOf(lines.get(i));
            int end = i + 1;
            while (option != null && end < lines.size() && option.equals(optionOf(lines.get(end)))) {
                end++;
            }
            if (end - i >= 4) {
                out.add(lines.get(i));
                out.add(lines.get(i + 1));
                String indent = lines.get(i).substring(0, NotesText.indent(lines.get(i)));
                out.add(indent + "# … " + (end - i - 2) + " more " + option + " lines");
            } else {
                out.addAll(lines.subList(i, end));
            }
            i = end;
        }
        if (out.size() == lines.size()) {
            return block;
        }
        return new Block(Kind.CODE, RstReader.fenced(fence.group(2), out), List.of(), 0, block.line(), block.images());
    }

    private static String optionOf(String line) {
        Matcher m = OPTION_TOKEN.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** "-D ×11: mapred.job.name, mapred.reduce.tasks, …" for each option that starts a line of a long command. */
    private static String optionSummary(String code) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        Pattern token = Pattern.compile("(?:^|\\s)(--?[A-Za-z][\\w.-]*)(?:[ =]+([^\\s\\\\]+))?");
        List<String> lines = code.lines().toList();
        StringBuilder starts = new StringBuilder(lines.isEmpty() ? "" : lines.get(0).replaceAll("\"[^\"]*\"", "\"\""));
        lines.stream().skip(1).filter(l -> OPTION_TOKEN.matcher(l).find())
                .forEach(l -> starts.append('\n').append(l.replaceFirst("^(\\s*--?[A-Za-z][\\w.-]*[ =]+\\S+).*", "$1")));
        Matcher m = token.matcher(starts);
        while (m.find()) {
            List<String> values = options.computeIfAbsent(m.group(1), o -> new ArrayList<>());
            if (m.group(2) != null && !m.group(2).startsWith("-")) {
                values.add(m.group(2).replaceAll("=.*$", "").replaceAll("^\"|\"$", ""));
            }
        }
        StringBuilder md = new StringBuilder();
        options.forEach((option, values) -> {
            md.append("- `").append(option).append('`');
            if (values.size() > 1) {
                md.append(" ×").append(values.size());
            }
            if (!values.isEmpty()) {
                md.append(": ");
                List<String> shown = values.stream().distinct().limit(2)
                        .map(v -> v.length() > 40 ? "…" + v.substring(v.length() - 30) : v).toList();
                md.append(String.join(", ", shown.stream().map(v -> "`" + v.replace("`", "'") + "`").toList()));
                if (values.stream().distinct().count() > 2) {
                    md.append(", …");
                }
            }
            md.append('\n');
        });
        return md.toString().strip();
    }

    private static boolean isFollowUp(Block block) {
        if (block.kind() != Kind.PARAGRAPH) {
            return false;
        }
        String text = NotesText.plain(block.markdown());
        return text.length() <= 200 && (text.endsWith("?") || text.endsWith("？"));
    }

    private void topicCards(NotesSection section, String deck) {
        List<Block> blocks = AnswerParts.clean(section.blocks);
        if (blocks.isEmpty()) {
            if (section.children.isEmpty()) {
                skip(section.line, "empty", section.title);
            }
            return;
        }
        if (onlyFigures(blocks)) {
            if (anyFound(blocks)) {
                skip(section.line, "onlyFigure", section.title, figureNames(blocks));
            } else {
                skip(section.line, "onlyMissingFigure", section.title, figureNames(blocks));
            }
            placeImages(blocks, deck, null);
            return;
        }
        boolean chinese = language(section.title, blocks);
        Items items = Items.find(blocks);
        if (items != null) {
            String topic = section.title;
            String question = QuestionRules.orderQuestion(topic, items.items.size(), items.numbered, chinese);
            add(deck, question, join(items.before, orderList(items), join(items.after, List.of())), section.line, blocks);
            itemCards(items, lastPart(deck).equals(topic) ? deck : deck + "::" + topic);
            return;
        }
        if (onlyLinks(blocks, section.title)) {
            String about = QuestionRules.isResourceTitle(section.title) ? lastPart(deck) : section.title;
            add(deck, QuestionRules.resourceQuestion(about, chinese), join(blocks, List.of()), section.line, blocks);
            return;
        }
        Block command = longCommand(blocks);
        if (command != null) {
            String code = FENCE.matcher(command.markdown()).replaceFirst("$3");
            List<Block> answer = new ArrayList<>();
            for (Block block : blocks) {
                if (block == command) {
                    answer.add(Block.withLines(Kind.PARAGRAPH, "**Options:**", List.of("**Options:**"), block.line()));
                    answer.add(Block.of(Kind.LIST, optionSummary(code), block.line()));
                    answer.add(Block.withLines(Kind.PARAGRAPH, "**Example:**", List.of(), block.line()));
                }
                answer.add(condense(block));
            }
            add(deck, QuestionRules.commandQuestion(section.title, commandName(code), chinese),
                    join(answer, List.of()), section.line, blocks);
            return;
        }
        if (blocks.stream().filter(b -> b.kind() != Kind.FIGURE).allMatch(NotesConverter::isOptionList)) {
            add(deck, QuestionRules.optionsQuestion(section.title, chinese), join(blocks, List.of()), section.line, blocks);
            return;
        }
        String language = mainCodeLanguage(blocks);
        String question = QuestionRules.isWalkthrough(section.title)
                ? QuestionRules.walkthroughQuestion(lastPart(deck), chinese)
                : QuestionRules.topicQuestion(section.title, language, chinese);
        cards(deck, question, AnswerParts.of(blocks),
                section.line, deck, chinese);
    }

    private static boolean isOptionList(Block block) {
        List<String> items = block.markdown().lines().filter(l -> l.startsWith("- ")).toList();
        return block.kind() == Kind.LIST && !items.isEmpty() && items.stream().allMatch(l -> l.startsWith("- `-"));
    }

    /** The one code block that carries the section, when it is a long shell command with options. */
    private static Block longCommand(List<Block> blocks) {
        List<Block> code = blocks.stream().filter(b -> b.kind() == Kind.CODE).toList();
        if (code.size() != 1 || code.get(0).markdown().length() <= LONG_CODE) {
            return null;
        }
        String body = FENCE.matcher(code.get(0).markdown()).replaceFirst("$3");
        long options = body.lines().filter(l -> OPTION_TOKEN.matcher(l).find()).count();
        return options >= 5 ? code.get(0) : null;
    }

    /** "hadoop streaming" from "$HADOOP_HOME/bin/hadoop streaming -conf ...". */
    private static String commandName(String code) {
        String first = code.strip().lines().findFirst().orElse("").replaceFirst("^\\$\\s+", "");
        String[] tokens = first.split("\\s+");
        String name = tokens[0].substring(tokens[0].lastIndexOf('/') + 1);
        if (tokens.length > 1 && tokens[1].matches("[a-z][\\w-]*")) {
            name += " " + tokens[1];
        }
        return name;
    }

    /** The language of the code when code is most of the section, else null. */
    private static String mainCodeLanguage(List<Block> blocks) {
        int code = 0;
        int text = 0;
        String language = null;
        for (Block block : blocks) {
            if (block.kind() == Kind.CODE) {
                code += block.markdown().length();
                Matcher fence = FENCE.matcher(block.markdown());
                language = language == null && fence.matches() ? fence.group(2) : language;
            } else {
                text += block.markdown().length();
            }
        }
        return code > 2 * text && language != null ? language : null;
    }

    private void itemCards(Items items, String deck) {
        boolean chinese = QuestionRules.chinese(items.items.get(0).title, items.items.get(0).fields.keySet().toString());
        for (Item item : items.items) {
            List<String> names = item.fields.keySet().stream().toList();
            String question = QuestionRules.itemQuestion(item.title, names, chinese);
            StringBuilder answer = new StringBuilder();
            item.fields.forEach((name, value) -> answer.append("- **").append(name).append(":** ").append(value)
                    .append('\n'));
            add(deck, question, answer.toString().strip(), item.line, List.of());
        }
    }

    private static String orderList(Items items) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < items.items.size(); i++) {
            md.append(items.numbered ? (i + 1) + ". " : "- ").append(items.items.get(i).title).append('\n');
        }
        return md.toString().strip();
    }

    private static String join(List<Block> blocks, List<NotesSection> children) {
        List<String> parts = new ArrayList<>();
        blocks.forEach(b -> parts.add(condense(b).markdown()));
        for (NotesSection child : children) {
            String body = join(child.blocks, child.children);
            if (!body.isBlank()) {
                parts.add("### " + child.title);
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

    /**
     * Whether to ask in Chinese: the section's own text decides (code aside), then its title; a section in
     * English under a Chinese parent is asked in English.
     */
    private static boolean language(String title, List<Block> blocks) {
        StringBuilder all = new StringBuilder();
        blocks.stream().filter(b -> b.kind() != Kind.CODE).forEach(b -> all.append(NotesText.plain(b.markdown())));
        String text = all.toString().replaceAll("https?://\\S+", "");
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        long latin = text.codePoints().filter(cp -> cp < 128 && Character.isLetter(cp)).count();
        if (han + latin < 20) {
            return NotesText.hasHan(title);
        }
        return han * 3 > latin;
    }

    private void add(String deck, String question, String answer, int line, List<Block> sources) {
        Set<String> taken = questions.computeIfAbsent(deck, d -> new HashSet<>());
        String unique = question;
        for (int n = 2; !taken.add(unique); n++) {
            unique = question + " (" + n + ")";
        }
        String id = cardId(deck, unique);
        decks.computeIfAbsent(deck, d -> new ArrayList<>())
                .add(new CardSource(id, unique, answer, List.of(), Map.of(), line));
        placeImages(sources, deck, id);
    }

    /** Records where each image of the blocks landed: the first card that shows it. */
    private void placeImages(List<Block> blocks, String deck, String cardId) {
        for (Block block : blocks) {
            for (int index : block.images()) {
                if (images.get(index).cardId() == null) {
                    images.set(index, images.get(index).placedIn(deck, cardId));
                }
            }
        }
    }

    private boolean anyFound(List<Block> blocks) {
        return blocks.stream().flatMap(b -> b.images().stream()).anyMatch(i -> images.get(i).media() != null);
    }

    private String figureNames(List<Block> blocks) {
        return String.join(", ", blocks.stream().flatMap(b -> b.images().stream())
                .map(i -> images.get(i).target().replaceAll("^.*/", "")).toList());
    }

    /** The section titled {@code title} is left out, for the reason {@code notes.skipped.<problem>}. */
    private void skip(int line, String problem, String title, Object... details) {
        List<Object> arguments = new ArrayList<>(List.of(NotesText.plain(title)));
        arguments.addAll(List.of(details));
        skipped.add(NotesNotice.skipped(fileName, line, problem, arguments.toArray()));
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

    /** A deck name for the parts of a long answer: the question's topic, cut at a word near 60 characters. */
    private static String shortTopic(String topic) {
        String plain = NotesText.plain(topic).replace("::", ":");
        if (plain.length() <= 60) {
            return plain;
        }
        String cut = plain.substring(0, 60);
        int space = cut.lastIndexOf(' ');
        return (space > 30 ? cut.substring(0, space) : cut).strip();
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
