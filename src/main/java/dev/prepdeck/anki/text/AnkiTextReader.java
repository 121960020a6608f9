package dev.prepdeck.anki.text;

import dev.prepdeck.anki.AnkiFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV and TSV files in Anki's text format: optional {@code #key:value} header lines ({@code #separator:},
 * {@code #html:}, {@code #tags:}, {@code #columns:}, {@code #deck:}, {@code #notetype:}, {@code #deck column:},
 * {@code #tags column:}, {@code #guid column:}, {@code #notetype column:}), RFC 4180 quoting, UTF-8 with or without a
 * byte order mark. Without a #separator the separator is detected among tab, pipe, semicolon and comma. Quizlet's
 * export (term, tab, definition, one per line, no quoting) reads as a two-column file.
 */
public final class AnkiTextReader {
    private static final List<Character> CANDIDATES = List.of('\t', '|', ';', ',');
    private static final Map<String, Character> SEPARATOR_NAMES = Map.of("tab", '\t', "comma", ',', "semicolon", ';',
            "pipe", '|', "space", ' ', "colon", ':');
    private static final Pattern HTML = Pattern.compile("(?i)<\\s*/?\\s*[a-z][^>]*>|&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);");
    private static final int DETECTION_ROWS = 50;

    private final long maxBytes;
    private final int maxRows;

    /** At most 50 MiB and 100,000 rows. */
    public AnkiTextReader() {
        this(50L << 20, 100_000);
    }

    public AnkiTextReader(long maxBytes, int maxRows) {
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    public TextFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(String.valueOf(file.getFileName()), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TextFile read(String name, InputStream in) {
        String text = decode(name, readLimited(name, in));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Header header = header(text);
        String body = text.substring(header.bodyStart());
        Character forced = header.separator();
        char separator = forced != null ? forced : detect(body);
        List<Row> rows = parse(name, body, separator, header.lines());
        if (rows.isEmpty()) {
            throw AnkiFormatException.worded("noRows", name);
        }
        int width = rows.get(0).cells().size();
        for (Row row : rows) {
            width = Math.max(width, row.cells().size());
        }
        List<String> labels = header.columnsLine() == null ? List.of() : labels(name, header.columnsLine(), separator);
        List<String> columns = new ArrayList<>(labels);
        while (columns.size() < width) {
            columns.add("Column " + (columns.size() + 1));
        }
        TextHeaders headers = new TextHeaders(forced, header.html(), header.tags(), labels, header.deck(),
                header.notetype(), header.numbers().get("deck column"), header.numbers().get("tags column"),
                header.numbers().get("guid column"), header.numbers().get("notetype column"));
        boolean html = header.html() != null ? header.html()
                : rows.stream().flatMap(r -> r.cells().stream()).anyMatch(cell -> HTML.matcher(cell).find());
        return new TextFile(name, headers, separator, forced == null, html, columns,
                rows.stream().map(Row::cells).toList(), rows.stream().map(Row::line).toList(),
                suggest(headers, columns, width));
    }

    private byte[] readLimited(String name, InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw AnkiFormatException.worded("textTooLarge", name, String.valueOf(maxBytes));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw AnkiFormatException.worded("notUtf8", name);
        }
    }

    private record Header(int bodyStart, int lines, Character separator, Boolean html, List<String> tags,
            String columnsLine, String deck, String notetype, Map<String, Integer> numbers) {
    }

    /** Anki reads header lines only at the top: a legacy "tags:" first line, then lines starting with '#'. */
    private static Header header(String text) {
        int at = 0;
        int lines = 0;
        Character separator = null;
        Boolean html = null;
        List<String> tags = List.of();
        String columns = null;
        String deck = null;
        String notetype = null;
        Map<String, Integer> numbers = new HashMap<>();
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            int next = end < 0 ? text.length() : end + 1;
            String line = text.substring(at, end < 0 ? text.length() : end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String entry;
            if (line.startsWith("#")) {
                entry = line.substring(1);
            } else if (lines == 0 && line.startsWith("tags:")) {
                entry = line;
            } else {
                break;
            }
            int colon = entry.indexOf(':');
            if (colon > 0) {
                String key = entry.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = entry.substring(colon + 1);
                switch (key) {
                    case "separator" -> separator = separator(value);
                    case "html" -> html = switch (value.trim().toLowerCase(Locale.ROOT)) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> html;
                    };
                    case "tags" -> tags = words(value);
                    case "columns" -> columns = value;
                    case "deck" -> deck = value.trim();
                    case "notetype" -> notetype = value.trim();
                    case "deck column", "tags column", "guid column", "notetype column" -> {
                        try {
                            int column = Integer.parseInt(value.trim());
                            if (column > 0) {
                                numbers.put(key, column);
                            }
                        } catch (NumberFormatException e) {
                            // Anki ignores a header it cannot read, and so does this reader
                        }
                    }
                    default -> { }
                }
            }
            at = next;
            lines++;
        }
        return new Header(at, lines, separator, html, tags, columns, deck, notetype, numbers);
    }

    private static Character separator(String value) {
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (SEPARATOR_NAMES.containsKey(name)) {
            return SEPARATOR_NAMES.get(name);
        }
        return value.length() == 1 ? value.charAt(0) : null;
    }

    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String word : value.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The candidate that splits the first rows most consistently into two or more columns; ties go to the earlier
     * of tab, pipe, semicolon and comma. A file with none of them is one column.
     */
    private static char detect(String body) {
        char best = '\t';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            List<Integer> widths = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(new StringReader(body), format(candidate, true))) {
                for (CSVRecord record : parser) {
                    if (!blank(record)) {
                        widths.add(record.size());
                    }
                    if (widths.size() >= DETECTION_ROWS) {
                        break;
                    }
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                // broken quoting further down: judge by the rows before it, and let parsing report the line
            }
            if (widths.isEmpty()) {
                continue;
            }
            Map<Integer, Integer> counts = new HashMap<>();
            widths.forEach(w -> counts.merge(w, 1, Integer::sum));
            int modal = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
            if (modal < 2) {
                continue;
            }
            double score = counts.get(modal) / (double) widths.size();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static CSVFormat format(char separator, boolean quoted) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setQuote(quoted ? Character.valueOf('"') : null)
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
    }

    private record Row(int line, List<String> cells) {
    }

    /**
     * RFC 4180 rows. A tab-separated file whose quotes do not pair up (Quizlet writes no quoting) is read again
     * with quotes as plain text; any other broken quoting is an error naming its line.
     */
    private List<Row> parse(String name, String body, char separator, int headerLines) {
        try {
            return parse(name, body, separator, headerLines, true);
        } catch (AnkiFormatException e) {
            if (separator == '\t') {
                return parse(name, body, separator, headerLines, false);
            }
            throw e;
        }
    }

    private List<Row> parse(String name, String body, char separator, int headerLines, boolean quoted) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format(separator, quoted))) {
            long lineBefore = 0;
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw AnkiFormatException.worded("quoting", name, String.valueOf(headerLines + lineBefore + 1),
                            String.valueOf(rootMessage(e)));
                }
                int line = (int) (headerLines + lineBefore + 1);
                lineBefore = parser.getCurrentLineNumber();
                if (blank(record)) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    throw AnkiFormatException.worded("tooManyRows", name, String.valueOf(maxRows));
                }
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                rows.add(new Row(line, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static List<String> labels(String name, String line, char separator) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), format(separator, true))) {
            List<String> labels = new ArrayList<>();
            for (CSVRecord record : parser) {
                record.forEach(label -> labels.add(label.strip()));
                break;
            }
            return labels;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw AnkiFormatException.worded("columnsHeader", name, String.valueOf(rootMessage(e)));
        }
    }

    /**
     * Meta columns from the headers or named like them; the question and answer are the first two others, or
     * the columns named Front/Question/Term and Back/Answer/Definition. As in Anki, a third plain column after
     * them holds tags.
     */
    private static ColumnMapping suggest(TextHeaders headers, List<String> columns, int width) {
        Integer deck = zeroBased(headers.deckColumn());
        Integer tags = zeroBased(headers.tagsColumn());
        Integer guid = zeroBased(headers.guidColumn());
        Integer notetype = zeroBased(headers.notetypeColumn());
        if (deck == null) {
            deck = named(columns, "deck");
        }
        if (tags == null) {
            tags = named(columns, "tags");
        }
        if (guid == null) {
            guid = named(columns, "guid");
        }
        Set<Integer> meta = new HashSet<>();
        for (Integer column : new Integer[] {deck, tags, guid, notetype}) {
            if (column != null) {
                meta.add(column);
            }
        }
        List<Integer> plain = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (!meta.contains(i)) {
                plain.add(i);
            }
        }
        if (plain.isEmpty()) {
            plain.add(0);
        }
        Integer question = named(columns, "front", "question", "term", "text");
        Integer answer = named(columns, "back", "answer", "definition");
        if (question == null || meta.contains(question)) {
            question = plain.get(0);
        }
        if (answer == null || meta.contains(answer) || answer.equals(question)) {
            int asked = question;
            answer = plain.stream().filter(c -> c != asked).findFirst().orElse(null);
        }
        if (tags == null && plain.size() > 2) {
            int asked = question;
            Integer answered = answer;
            tags = plain.stream().filter(c -> c != asked && !c.equals(answered)).findFirst().orElse(null);
        }
        return new ColumnMapping(question, answer, tags, deck, guid);
    }

    private static Integer zeroBased(Integer oneBased) {
        return oneBased == null ? null : oneBased - 1;
    }

    private static Integer named(List<String> columns, String... names) {
        for (int i = 0; i < columns.size(); i++) {
            for (String name : names) {
                if (columns.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return null;
    }
}
