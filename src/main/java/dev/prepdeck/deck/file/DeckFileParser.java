package dev.prepdeck.deck.file;

import dev.prepdeck.error.Notice;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/** Reads one deck file. Pure: text in, {@link DeckFile} out. */
public final class DeckFileParser {
    private static final Set<String> FRONT_MATTER_KEYS = Set.of("deck", "name", "description", "tags");

    public DeckFile parse(String fileName, byte[] utf8) throws DeckFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new DeckFormatException(fileName, lineOfByte(utf8, in.position()), "deckfile.error.notUtf8");
        }
        return parse(fileName, out.flip().toString());
    }

    public DeckFile parse(String fileName, String text) throws DeckFormatException {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Reading(fileName, DeckSyntax.lines(DeckSyntax.normaliseLineEndings(source))).read();
    }

    /** Counts line breaks the same way the text reader will once it has normalised them. */
    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private record Value(String text, int line) {
    }

    /** State for reading one file; {@code lines} are the lines handed to commonmark, after any front matter. */
    private static final class Reading {
        private final String fileName;
        private final List<String> fileLines;
        private final Map<String, Value> frontMatter = new HashMap<>();
        private List<String> lines;
        private int offset;

        Reading(String fileName, List<String> fileLines) {
            this.fileName = fileName;
            this.fileLines = fileLines;
        }

        DeckFile read() throws DeckFormatException {
            for (int i = 0; i < fileLines.size(); i++) {
                Notice problem = DeckText.problem(fileLines.get(i), true, Notice.of("deckfile.what.thisLine"));
                if (problem != null) {
                    throw new DeckFormatException(fileName, i + 1, problem);
                }
            }
            readFrontMatter();
            lines = fileLines.subList(offset, fileLines.size());
            Node document = DeckSyntax.MARKDOWN.parse(String.join("\n", lines));

            Heading title = null;
            List<Heading> cardHeadings = new ArrayList<>();
            Node firstBeforeTitle = null;
            for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Heading heading && heading.getLevel() == 2) {
                    cardHeadings.add(heading);
                } else if (node instanceof Heading heading && heading.getLevel() == 1) {
                    if (!cardHeadings.isEmpty()) {
                        throw error(heading, "deckfile.error.titleInCard");
                    }
                    if (title != null) {
                        throw error(heading, "deckfile.error.twoTitles", String.valueOf(lineOf(title)));
                    }
                    if (firstBeforeTitle != null) {
                        throw error(firstBeforeTitle, "deckfile.error.textBeforeTitle");
                    }
                    title = heading;
                } else if (title == null && cardHeadings.isEmpty() && firstBeforeTitle == null) {
                    firstBeforeTitle = node;
                }
            }

            String name = deckName(title);
            String description = description(title, cardHeadings);
            List<String> tags = frontMatter.containsKey("tags")
                    ? DeckSyntax.parseTags(frontMatter.get("tags").text()) : List.of();
            return new DeckFile(name, description, tags, cards(cardHeadings));
        }

        private void readFrontMatter() throws DeckFormatException {
            if (!fileLines.get(0).stripTrailing().equals("---")) {
                return;
            }
            int close = 1;
            while (close < fileLines.size() && !fileLines.get(close).stripTrailing().equals("---")) {
                close++;
            }
            if (close == fileLines.size()) {
                throw new DeckFormatException(fileName, 1, "deckfile.error.frontMatterOpen");
            }
            for (int i = 1; i < close; i++) {
                String line = fileLines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                String key = colon < 0 ? "" : line.substring(0, colon).strip();
                if (key.isEmpty()) {
                    throw new DeckFormatException(fileName, i + 1, "deckfile.error.frontMatterLine");
                }
                if (!FRONT_MATTER_KEYS.contains(key)) {
                    throw new DeckFormatException(fileName, i + 1, "deckfile.error.frontMatterKey", key);
                }
                String slot = key.equals("name") ? "deck" : key;
                if (frontMatter.containsKey(slot)) {
                    throw new DeckFormatException(fileName, i + 1, "deckfile.error.frontMatterTwice", key,
                            String.valueOf(frontMatter.get(slot).line()));
                }
                frontMatter.put(slot, new Value(line.substring(colon + 1).strip(), i + 1));
            }
            offset = close + 1;
        }

        private String deckName(Heading title) throws DeckFormatException {
            Value fromFrontMatter = frontMatter.get("deck");
            String fromTitle = title == null ? null : DeckSyntax.headingText(title, lines);
            if (fromFrontMatter == null && fromTitle == null) {
                throw new DeckFormatException(fileName, 1, "deckfile.error.noDeckName");
            }
            String name = null;
            if (fromFrontMatter != null) {
                name = checkedName(fromFrontMatter.text(), fromFrontMatter.line());
            }
            if (fromTitle != null) {
                String titleName = checkedName(fromTitle, lineOf(title));
                if (name != null && !name.equals(titleName)) {
                    throw error(title, "deckfile.error.namesDiffer", titleName, name,
                            String.valueOf(fromFrontMatter.line()));
                }
                name = titleName;
            }
            return name;
        }

        private String checkedName(String raw, int line) throws DeckFormatException {
            if (raw.isBlank()) {
                throw new DeckFormatException(fileName, line, "deckfile.error.emptyDeckName");
            }
            try {
                return DeckText.deckName(raw);
            } catch (DeckTextException e) {
                throw new DeckFormatException(fileName, line, e.problem());
            }
        }

        private String description(Heading title, List<Heading> cardHeadings) throws DeckFormatException {
            int from = title == null ? 0 : DeckSyntax.lastLine(title) + 1;
            int to = cardHeadings.isEmpty() ? lines.size() : DeckSyntax.firstLine(cardHeadings.get(0));
            String body = DeckSyntax.slice(lines, from, to);
            Value fromFrontMatter = frontMatter.get("description");
            if (fromFrontMatter == null || fromFrontMatter.text().isEmpty()) {
                return body;
            }
            if (!body.isEmpty() && !body.equals(fromFrontMatter.text())) {
                int firstTextLine = from;
                while (lines.get(firstTextLine).isBlank()) {
                    firstTextLine++;
                }
                throw new DeckFormatException(fileName, firstTextLine + offset + 1, "deckfile.error.descriptionTwice",
                        String.valueOf(fromFrontMatter.line()));
            }
            return fromFrontMatter.text();
        }

        private List<CardSource> cards(List<Heading> headings) throws DeckFormatException {
            List<CardSource> cards = new ArrayList<>();
            Map<String, Integer> questionLines = new HashMap<>();
            Map<String, Integer> idLines = new HashMap<>();
            for (int i = 0; i < headings.size(); i++) {
                Heading heading = headings.get(i);
                int end = i + 1 < headings.size() ? DeckSyntax.firstLine(headings.get(i + 1)) : lines.size();
                CardSource card = card(heading, end);
                Integer firstAsked = questionLines.putIfAbsent(card.question(), card.line());
                if (firstAsked != null) {
                    throw error(heading, "deckfile.error.duplicateQuestion", card.question(),
                            String.valueOf(firstAsked));
                }
                if (card.id() != null) {
                    Integer firstId = idLines.putIfAbsent(card.id(), card.line());
                    if (firstId != null) {
                        throw error(heading, "deckfile.error.duplicateId", card.id(), String.valueOf(firstId),
                                String.valueOf(card.line()));
                    }
                }
                cards.add(card);
            }
            return cards;
        }

        /** The card whose heading is {@code heading} and whose answer ends before body line {@code end}. */
        private CardSource card(Heading heading, int end) throws DeckFormatException {
            String question = DeckSyntax.headingText(heading, lines);
            if (question.isEmpty()) {
                throw error(heading, "deckfile.error.emptyQuestion");
            }
            String id = null;
            List<String> tags = List.of();
            Map<String, String> meta = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new HashMap<>();
            int answerStart = DeckSyntax.lastLine(heading) + 1;
            for (Node node = heading.getNext();
                 node != null && DeckSyntax.firstLine(node) < end && DeckSyntax.isMetaBlock(node, lines);
                 node = node.getNext()) {
                for (int line = DeckSyntax.firstLine(node); line <= DeckSyntax.lastLine(node); line++) {
                    Map.Entry<String, String> entry = DeckSyntax.metaComment(lines.get(line));
                    String key = entry.getKey();
                    Integer earlier = keyLines.putIfAbsent(key, line + offset + 1);
                    if (earlier != null) {
                        throw new DeckFormatException(fileName, line + offset + 1, "deckfile.error.metaTwice", question,
                                key, String.valueOf(earlier));
                    }
                    switch (key) {
                        case "id" -> id = checkedId(entry.getValue(), line);
                        case "tags" -> tags = DeckSyntax.parseTags(entry.getValue());
                        default -> meta.put(key, entry.getValue());
                    }
                }
                answerStart = DeckSyntax.lastLine(node) + 1;
            }
            String answer = DeckSyntax.slice(lines, answerStart, end);
            if (answer.isEmpty()) {
                throw error(heading, "deckfile.error.noAnswer", question);
            }
            return new CardSource(id, question, answer, tags, meta, lineOf(heading));
        }

        private String checkedId(String id, int line) throws DeckFormatException {
            try {
                return DeckSyntax.checkId(id);
            } catch (DeckTextException e) {
                throw new DeckFormatException(fileName, line + offset + 1, e.problem());
            }
        }

        private int lineOf(Node node) {
            return DeckSyntax.firstLine(node) + offset + 1;
        }

        private DeckFormatException error(Node node, String key, Object... arguments) {
            return new DeckFormatException(fileName, lineOf(node), key, arguments);
        }
    }
}
