package dev.prepdeck.notes;

import dev.prepdeck.notes.Block.Kind;
import dev.prepdeck.notes.NotesImport.ImageReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads reStructuredText notes into sections of Markdown blocks, following docutils where it decides what a
 * line is: section levels in the order adornment styles first appear, an underline shorter than its title in
 * display columns is a warning (and plain text when under four characters), and everything docutils only
 * reports (inconsistent title levels, a missing under-line, an unknown directive) is a warning with file:line,
 * never a refusal. Where docutils drops text with an error, the reader keeps what the writer evidently meant
 * (an out-of-place title becomes a sub-section of the section it sits in) and says so in the warning.
 */
final class RstReader {
    private static final Pattern ADORNMENT = Pattern.compile("([!-/:-@\\[-`{-~])\\1*");
    private static final Pattern DIRECTIVE = Pattern.compile("\\.\\.\\s+([\\w:+.-]+?)::(?:\\s+(.*))?");
    private static final Pattern SUBSTITUTION_DEF = Pattern.compile("\\.\\.\\s+\\|([^|]+)\\|\\s+([\\w:-]+)::\\s*(.*)");
    private static final Pattern TARGET = Pattern.compile("\\.\\.\\s+_(`[^`]+`|[^:]+):\\s*(.*)");
    private static final Pattern ANONYMOUS_TARGET = Pattern.compile("__\\s+(\\S.*)");
    private static final Pattern FOOTNOTE_DEF = Pattern.compile("\\.\\.\\s+\\[(#[\\w.-]*|\\*|\\d+|[A-Za-z][\\w.-]*)]\\s*(.*)");
    private static final Pattern FOOTNOTE_REF = Pattern.compile("\\s?\\[(#[\\w.-]*|\\*|\\d+|[A-Za-z][\\w.-]*)]_");
    private static final Pattern SUBSTITUTION_REF = Pattern.compile("\\|([^|\\s](?:[^|]*[^|\\s])?)\\|(__?)?");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("`([^`<]+)`_(?!_)|(?<![\\w`])([A-Za-z0-9][\\w.-]*[A-Za-z0-9]|[A-Za-z0-9])_(?![\\w_])");
    private static final Pattern BULLET = Pattern.compile("([-*+•‣⁃])( +|$)(.*)");
    private static final Pattern ENUMERATED = Pattern.compile("(?:(\\d+|#)[.)]|\\((\\d+|#)\\))( +|$)(.*)");
    private static final Pattern FIELD = Pattern.compile(":([^:`\\s][^:`]*?):(?: +(.*))?");
    private static final Pattern OPTION = Pattern.compile(
            "((?:--?[\\w][\\w-]*|/\\w)(?:[ =][\\w<>\\[\\].*/-]+)?(?:, (?:--?[\\w][\\w-]*|/\\w)(?:[ =][\\w<>\\[\\].*/-]+)?)*)(?: {2,}(.*))?");
    private static final Pattern MD_HEADING = Pattern.compile("(#{1,6})\\s+(.+?)(?:\\s+#+)?\\s*");
    private static final Pattern GRID_BORDER = Pattern.compile("\\+([-=]+\\+)+");
    private static final Pattern SIMPLE_BORDER = Pattern.compile("=+( +=+)+");
    private static final Pattern LEADING_MARKDOWN = Pattern.compile("^([-+*>#]|\\d+[.)])(?=\\s|$)");
    private static final Pattern OPTION_LINE = Pattern.compile(":([\\w-]+):(?:\\s+(.*))?");
    private static final Pattern UNICODE_CODE = Pattern.compile("(?:U\\+|u|0x|\\\\x|&#x)([0-9a-fA-F]+);?|&#(\\d+);?");

    private static final Set<String> ADMONITIONS = Set.of("note", "tip", "hint", "important", "warning", "caution",
            "attention", "danger", "error", "seealso", "todo", "admonition");
    /** Directives whose content is more notes (rendered as it stands, with an optional bold title). */
    private static final Set<String> TEXT_DIRECTIVES = Set.of("only", "container", "compound", "topic", "sidebar",
            "rubric", "epigraph", "highlights", "pull-quote", "glossary", "hlist", "centered", "versionadded",
            "versionchanged", "deprecated", "ifconfig", "tab", "tabs", "group-tab", "card", "dropdown", "class",
            "line-block", "parsed-literal", "cssclass", "table");
    /** Directives whose content is code or markup to show verbatim. */
    private static final Set<String> CODE_DIRECTIVES = Set.of("code-block", "code", "sourcecode", "math",
            "mermaid", "graphviz", "digraph", "graph", "uml", "plantuml", "ipython", "jupyter-execute",
            "testcode", "testoutput", "doctest", "prompt", "highlight-code");
    /** Sphinx plumbing: navigation, indexes and API stubs that carry nothing to learn. */
    private static final Set<String> PLUMBING = Set.of("toctree", "index", "contents", "highlight", "sectnum",
            "section-numbering", "meta", "tabularcolumns", "default-role", "role", "title", "currentmodule",
            "module", "automodule", "autoclass", "autofunction", "automethod", "autosummary", "autodata",
            "sectionauthor", "codeauthor", "moduleauthor", "header", "footer", "target-notes", "default-domain",
            "py:module", "py:currentmodule", "program", "productionlist", "bibliography", "footbibliography");

    record Line(String text, int number) {
    }

    private record Title(String text, String style, int line, int firstLine, int nextLine) {
    }

    private final String fileName;
    private final List<NotesNotice> warnings = new ArrayList<>();
    private final Map<String, String> substitutions = new HashMap<>();
    private final Map<String, String> imageSubstitutions = new HashMap<>();
    private final Figures figures = new Figures();
    private final Map<String, String> targets = new HashMap<>();
    private final Map<String, Integer> footnoteLabels = new HashMap<>();
    private final Set<Integer> dropped = new java.util.HashSet<>();
    private int autoFootnoteReferences;
    private int autoFootnoteDefinitions;
    private int symbolReferences;
    private int symbolDefinitions;

    private RstReader(String fileName) {
        this.fileName = fileName;
    }

    static NotesDocument read(String fileName, String text) {
        return new RstReader(fileName).document(NotesText.lines(text));
    }

    /** The warning {@code notes.warning.<problem>} at this file's {@code line}, quoting {@code details}. */
    private void warn(int line, String problem, Object... details) {
        warnings.add(NotesNotice.warning(fileName, line, problem, details));
    }

    private NotesDocument document(List<String> lines) {
        collectDefinitions(lines);
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            int[] next = {i + 1};
            Title title = titleAt(lines, i, next);
            if (title != null) {
                titles.add(title);
            }
            i = next[0];
        }
        List<String> styles = new ArrayList<>();
        Map<String, Integer> placed = new HashMap<>();
        List<NotesSection> roots = new ArrayList<>();
        List<NotesSection> open = new ArrayList<>();
        List<Block> preamble = blocks(numbered(lines, 0, titles.isEmpty() ? lines.size() : titles.get(0).firstLine()));
        for (int t = 0; t < titles.size(); t++) {
            Title title = titles.get(t);
            int level = level(title, styles, placed, open.size());
            NotesSection section = new NotesSection(inline(title.text(), title.line()), level, title.line());
            while (open.size() >= level) {
                open.remove(open.size() - 1);
            }
            (open.isEmpty() ? roots : open.get(open.size() - 1).children).add(section);
            open.add(section);
            int end = t + 1 < titles.size() ? titles.get(t + 1).firstLine() : lines.size();
            addBody(section, blocks(numbered(lines, title.nextLine(), end)));
        }
        return new NotesDocument(fileName, preamble, roots, List.copyOf(warnings), figures.all());
    }

    /**
     * The level docutils gives the title, or, where docutils reports "Title level inconsistent" and drops the
     * title, one level below the open section (so its text stays with the section it was written in). A style
     * placed that way keeps its level for its siblings.
     */
    private int level(Title title, List<String> styles, Map<String, Integer> placed, int depth) {
        int known = styles.indexOf(title.style()) + 1;
        Integer earlier = placed.get(title.style());
        if (known == 0 && earlier != null && earlier <= depth + 1) {
            return earlier;
        }
        if (known == 0 && styles.size() == depth) {
            styles.add(title.style());
            return styles.size();
        }
        if (known > 0 && known <= depth + 1) {
            return known;
        }
        int level = earlier != null && earlier <= depth + 1 ? earlier : depth + 1;
        placed.put(title.style(), level);
        String adornment = String.valueOf(title.style().charAt(1));
        boolean overlined = title.style().charAt(0) == 'o';
        if (known > 0 && overlined) {
            warn(title.line(), "levelOverlinedKnown", title.text(), adornment, known, depth);
        } else if (known > 0) {
            warn(title.line(), "levelUnderlinedKnown", title.text(), adornment, known, depth);
        } else if (overlined) {
            warn(title.line(), "levelOverlinedNew", title.text(), adornment, depth);
        } else {
            warn(title.line(), "levelUnderlinedNew", title.text(), adornment, depth);
        }
        return level;
    }

    /** Places body blocks in the section; Markdown headings inside an RST body open sub-sections. */
    private static void addBody(NotesSection section, List<Block> blocks) {
        List<NotesSection> open = new ArrayList<>();
        List<Integer> hashes = new ArrayList<>();
        for (Block block : blocks) {
            if (block.kind() == Kind.HEADING) {
                while (!hashes.isEmpty() && hashes.get(hashes.size() - 1) >= block.level()) {
                    hashes.remove(hashes.size() - 1);
                    open.remove(open.size() - 1);
                }
                NotesSection parent = open.isEmpty() ? section : open.get(open.size() - 1);
                NotesSection child = new NotesSection(block.markdown(), parent.level + 1, block.line());
                parent.children.add(child);
                open.add(child);
                hashes.add(block.level());
            } else {
                (open.isEmpty() ? section : open.get(open.size() - 1)).blocks.add(block);
            }
        }
    }

    /** Substitution definitions and hyperlink targets, wherever they are, since references may come first. */
    private void collectDefinitions(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher sub = SUBSTITUTION_DEF.matcher(line);
            Matcher target = TARGET.matcher(line);
            if (sub.matches()) {
                String name = sub.group(1).strip();
                String type = sub.group(2).toLowerCase(Locale.ROOT);
                StringBuilder value = new StringBuilder(sub.group(3).strip());
                String alt = "";
                for (int k = i + 1; k < lines.size() && NotesText.indent(lines.get(k)) > 0; k++) {
                    Matcher option = OPTION_LINE.matcher(lines.get(k).strip());
                    if (option.matches()) {
                        alt = option.group(1).equals("alt") && option.group(2) != null ? option.group(2).strip() : alt;
                    } else {
                        value.append(' ').append(lines.get(k).strip());
                    }
                }
                switch (type) {
                    case "replace" -> substitutions.put(name, value.toString());
                    case "unicode" -> substitutions.put(name, unicode(value.toString()));
                    case "image" -> imageSubstitutions.put(name, value + "\n" + (alt.isEmpty() ? name : alt));
                    default -> substitutions.put(name, name);
                }
            } else if (target.matches() && !target.group(2).isBlank()) {
                String name = target.group(1).replaceAll("^`|`$", "");
                targets.put(normalise(name), target.group(2).strip());
            }
        }
    }

    private static String unicode(String codes) {
        StringBuilder out = new StringBuilder();
        for (String token : codes.replaceAll("\\s\\.\\..*$", "").split("\\s+")) {
            Matcher m = UNICODE_CODE.matcher(token);
            if (m.matches()) {
                out.appendCodePoint(m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2)));
            } else if (token.matches("\\d+")) {
                out.appendCodePoint(Integer.parseInt(token));
            } else {
                out.append(token);
            }
        }
        return out.toString();
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * The title starting at line {@code i}, or null; {@code next[0]} is set to the first line after what was
     * consumed (docutils drops the three lines of a broken over-lined title, so they are skipped here too).
     */
    private Title titleAt(List<String> lines, int i, int[] next) {
        String line = lines.get(i);
        String following = i + 1 < lines.size() ? lines.get(i + 1) : "";
        if (isAdornment(line) && line.length() >= 4 && !following.isBlank() && !isAdornment(following)) {
            String text = following.strip();
            String under = i + 2 < lines.size() ? lines.get(i + 2) : "";
            if (!isAdornment(under)) {
                warn(i + 1, "overlineAlone", text);
                next[0] = Math.min(i + 3, lines.size());
                for (int k = i; k < next[0]; k++) {
                    dropped.add(k);
                }
                return null;
            }
            if (under.charAt(0) != line.charAt(0) || under.length() != line.length()) {
                warn(i + 3, "adornmentsDiffer", text);
            }
            if (line.length() < NotesText.displayWidth(text)) {
                warn(i + 1, "overlineShort", text);
            }
            next[0] = i + 3;
            return new Title(text, "o" + line.charAt(0), i + 2, i, i + 3);
        }
        if (line.isBlank() || NotesText.indent(line) > 0 || isAdornment(line) || !isAdornment(following)
                || line.startsWith(".. ") || isListItem(line)) {
            return null;
        }
        String text = line.strip();
        int width = NotesText.displayWidth(text);
        if (following.length() < width && following.length() < 4) {
            warn(i + 2, "possibleUnderline", text);
            return null;
        }
        if (following.length() < width) {
            warn(i + 2, "underlineShort", text);
        }
        if (i > 0 && !lines.get(i - 1).isBlank() && !isAdornment(lines.get(i - 1))) {
            warn(i + 1, "noBlankBeforeTitle", text);
        }
        next[0] = i + 2;
        return new Title(text, "u" + following.charAt(0), i + 1, i, i + 2);
    }

    /** ".." alone is an empty comment, not an adornment. */
    private static boolean isAdornment(String line) {
        return ADORNMENT.matcher(line).matches() && !line.equals("..");
    }

    private static boolean isListItem(String line) {
        return (BULLET.matcher(line).matches() && !line.matches("[-*+]+")) || ENUMERATED.matcher(line).matches();
    }

    private List<Line> numbered(List<String> lines, int from, int to) {
        List<Line> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Line(dropped.contains(i) ? "" : lines.get(i), i + 1));
        }
        return out;
    }

    /** Body elements of lines indented relative to column 0. */
    List<Block> blocks(List<Line> lines) {
        List<Block> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String text = lines.get(i).text();
            if (text.isBlank()) {
                i++;
            } else if (NotesText.indent(text) > 0) {
                int end = indentedEnd(lines, i);
                out.addAll(blocks(dedent(lines.subList(i, end))));
                i = end;
            } else if (text.equals("..") || text.startsWith(".. ")) {
                i = explicit(lines, i, out);
            } else if (text.startsWith("__ ")) {
                i = indentedEnd(lines, i);
            } else if (isAdornment(text) && text.length() >= 4) {
                i++;
            } else if (text.equals("::")) {
                i = literal(lines, i + 1, out, lines.get(i).number());
            } else if (text.equals("|") || text.startsWith("| ")) {
                i = lineBlock(lines, i, out);
            } else if (text.startsWith("```") || text.startsWith("~~~")) {
                i = fence(lines, i, out);
            } else if (text.startsWith(">>> ")) {
                i = doctest(lines, i, out);
            } else if (MD_HEADING.matcher(text).matches()) {
                Matcher m = MD_HEADING.matcher(text);
                m.matches();
                out.add(new Block(Kind.HEADING, inline(m.group(2), lines.get(i).number()), List.of(),
                        m.group(1).length(), lines.get(i).number(), List.of()));
                i++;
            } else if (GRID_BORDER.matcher(text).matches()) {
                i = gridTable(lines, i, out);
            } else if (SIMPLE_BORDER.matcher(text).matches()) {
                i = simpleTable(lines, i, out);
            } else if (isListItem(text)) {
                i = list(lines, i, out);
            } else if (FIELD.matcher(text).matches() && !text.matches(":[\\w:+-]+:`.*")) {
                i = fieldList(lines, i, out);
            } else if (OPTION.matcher(text).matches() && text.startsWith("-") && optionListAt(lines, i)) {
                i = optionList(lines, i, out);
            } else {
                i = paragraph(lines, i, out);
            }
        }
        return out;
    }

    /** End (exclusive) of the indented lines starting at {@code from}, blank lines inside included. */
    private static int indentedEnd(List<Line> lines, int from) {
        int end = from;
        int lastText = from;
        while (end < lines.size() && (lines.get(end).text().isBlank() || NotesText.indent(lines.get(end).text()) > 0)) {
            if (!lines.get(end).text().isBlank()) {
                lastText = end;
            }
            end++;
        }
        return Math.max(lastText + 1, from + 1);
    }

    private static List<Line> dedent(List<Line> lines) {
        int min = Integer.MAX_VALUE;
        for (Line line : lines) {
            if (!line.text().isBlank()) {
                min = Math.min(min, NotesText.indent(line.text()));
            }
        }
        List<Line> out = new ArrayList<>();
        for (Line line : lines) {
            out.add(new Line(line.text().isBlank() ? "" : line.text().substring(Math.min(min, line.text().length())),
                    line.number()));
        }
        return out;
    }

    private int explicit(List<Line> lines, int i, List<Block> out) {
        Line first = lines.get(i);
        int next = i + 1;
        while (next < lines.size() && lines.get(next).text().isBlank()) {
            next++;
        }
        int end = next < lines.size() && NotesText.indent(lines.get(next).text()) > 0 ? indentedEnd(lines, i + 1) : i + 1;
        List<Line> body = end > i + 1 ? dedent(lines.subList(i + 1, end)) : List.of();
        String text = first.text();
        Matcher footnote = FOOTNOTE_DEF.matcher(text);
        if (SUBSTITUTION_DEF.matcher(text).matches() || TARGET.matcher(text).matches()) {
            return end;
        }
        if (footnote.matches()) {
            StringBuilder note = new StringBuilder(footnote.group(2).strip());
            body.forEach(l -> note.append(' ').append(l.text().strip()));
            String label = footnoteLabel(footnote.group(1), false);
            out.add(Block.withLines(Kind.PARAGRAPH, "[" + label + "] " + inline(note.toString().strip(), first.number()),
                    List.of(), first.number()));
            return end;
        }
        Matcher directive = DIRECTIVE.matcher(text);
        if (!directive.matches()) {
            return end;
        }
        String name = directive.group(1).toLowerCase(Locale.ROOT).replaceFirst("^(?:rst|std|sphinx):", "");
        String argument = directive.group(2) == null ? "" : directive.group(2).strip();
        int contentStart = 0;
        Map<String, String> options = new HashMap<>();
        while (contentStart < body.size() && !body.get(contentStart).text().isBlank()) {
            Matcher option = OPTION_LINE.matcher(body.get(contentStart).text());
            if (!option.matches()) {
                break;
            }
            options.put(option.group(1).toLowerCase(Locale.ROOT), option.group(2) == null ? "" : option.group(2).strip());
            contentStart++;
        }
        List<Line> content = body.subList(contentStart, body.size());
        int line = first.number();
        if (name.equals("image") || name.equals("figure")) {
            figure(name, argument, options, content, line, out);
        } else if (CODE_DIRECTIVES.contains(name)) {
            List<String> code = new ArrayList<>();
            content.forEach(l -> code.add(l.text()));
            if (options.containsKey("caption")) {
                out.add(Block.withLines(Kind.PARAGRAPH, "*" + inline(options.get("caption"), line) + "*", List.of(), line));
            }
            String language = name.equals("math") ? "math" : argument.split("\\s+")[0];
            if (name.equals("math") && !argument.isEmpty()) {
                code.add(0, argument);
            }
            out.add(Block.of(Kind.CODE, fenced(language, trimBlank(code)), line));
        } else if (ADMONITIONS.contains(name)) {
            admonition(name, argument, content, line, out);
        } else if (name.equals("csv-table")) {
            csvTable(argument, options, content, line, out);
        } else if (name.equals("list-table")) {
            listTable(argument, options, content, line, out);
        } else if (TEXT_DIRECTIVES.contains(name)) {
            if (!argument.isEmpty() && Set.of("topic", "sidebar", "rubric", "table", "dropdown", "card", "tab",
                    "group-tab").contains(name)) {
                out.add(Block.withLines(Kind.PARAGRAPH, "**" + inline(argument, line) + "**",
                        List.of("**" + inline(argument, line) + "**"), line));
            } else if (Set.of("versionadded", "versionchanged", "deprecated").contains(name)) {
                String label = switch (name) {
                    case "versionadded" -> "New in version ";
                    case "versionchanged" -> "Changed in version ";
                    default -> "Deprecated since version ";
                };
                out.add(Block.withLines(Kind.PARAGRAPH, "*" + label + inline(argument, line) + "*", List.of(), line));
            }
            out.addAll(blocks(content));
        } else if (name.equals("raw")) {
            if (argument.isEmpty()) {
                warn(line, "raw");
            } else {
                warn(line, "rawFormat", argument);
            }
        } else if (name.equals("include") || name.equals("literalinclude")) {
            warn(line, "includeNotFollowed", name, argument);
        } else if (!PLUMBING.contains(name)) {
            warn(line, "unknownDirective", name);
            out.addAll(blocks(content));
        }
        return end;
    }

    private void figure(String name, String argument, Map<String, String> options, List<Line> content, int line,
                        List<Block> out) {
        List<Block> caption = name.equals("figure") ? blocks(content) : List.of();
        String alt = options.getOrDefault("alt", "");
        if (alt.isEmpty() && !caption.isEmpty()) {
            alt = NotesText.plain(caption.get(0).markdown());
        }
        String target = argument.strip();
        ImageReference image = new ImageReference(fileName, line, target, alt, null, null, null);
        List<Integer> shown = new ArrayList<>();
        // a caption is shown below the image either way, so a missing image need not repeat it
        String marker = figures.add(image, Figures.fallback(caption.isEmpty() ? alt : options.getOrDefault("alt", ""),
                target), shown);
        out.add(Block.of(Kind.FIGURE, marker, line).withImages(shown));
        out.addAll(caption);
    }

    private void admonition(String name, String argument, List<Line> content, int line, List<Block> out) {
        String label = name.equals("admonition") ? inline(argument, line)
                : name.equals("seealso") ? "See also" : name.equals("todo") ? "To do"
                : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<Line> all = new ArrayList<>();
        if (!argument.isEmpty() && !name.equals("admonition")) {
            all.add(new Line(argument, line));
            all.add(new Line("", line));
        }
        all.addAll(content);
        List<Block> inner = blocks(all);
        if (inner.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        inner.forEach(b -> parts.add(b.markdown()));
        String quoted = ("**" + label + ":** " + String.join("\n\n", parts)).replace("\n", "\n> ")
                .replaceAll("\n> (?=\n)", "\n>");
        List<Integer> images = new ArrayList<>();
        inner.forEach(b -> images.addAll(b.images()));
        out.add(Block.of(Kind.QUOTE, "> " + quoted, line).withImages(images));
    }

    private void csvTable(String title, Map<String, String> options, List<Line> content, int line, List<Block> out) {
        if (options.containsKey("file") || options.containsKey("url")) {
            warn(line, "csvNotFollowed", options.getOrDefault("file", options.get("url")));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        boolean header = options.containsKey("header");
        if (header) {
            rows.add(csvCells(options.get("header"), line));
        }
        StringBuilder record = new StringBuilder();
        for (Line l : content) {
            if (l.text().isBlank() && record.length() == 0) {
                continue;
            }
            record.append(record.length() == 0 ? "" : "\n").append(l.text());
            if (balancedQuotes(record)) {
                rows.add(csvCells(record.toString(), l.number()));
                record.setLength(0);
            }
        }
        int headerRows = header ? 1 : parseInt(options.get("header-rows"));
        if (!title.isEmpty()) {
            out.add(Block.withLines(Kind.PARAGRAPH, "**" + inline(title, line) + "**", List.of(), line));
        }
        out.add(Block.of(Kind.TABLE, gfmTable(rows, headerRows > 0), line));
    }

    private static boolean balancedQuotes(CharSequence text) {
        return text.chars().filter(c -> c == '"').count() % 2 == 0;
    }

    private List<String> csvCells(String record, int line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < record.length(); k++) {
            char c = record.charAt(k);
            if (c == '"') {
                if (quoted && k + 1 < record.length() && record.charAt(k + 1) == '"') {
                    cell.append('"');
                    k++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(inline(cell.toString().strip().replace('\n', ' '), line));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(inline(cell.toString().strip().replace('\n', ' '), line));
        return cells;
    }

    private void listTable(String title, Map<String, String> options, List<Line> content, int line, List<Block> out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = null;
        List<Line> cell = null;
        for (Line l : content) {
            String text = l.text();
            if (text.startsWith("* ") || text.equals("*")) {
                flushCell(row, cell);
                row = new ArrayList<>();
                rows.add(row);
                cell = null;
                String rest = text.substring(1).strip();
                if (rest.startsWith("- ") || rest.equals("-")) {
                    cell = new ArrayList<>(List.of(new Line(rest.substring(1).strip(), l.number())));
                }
            } else if (row != null && (text.strip().startsWith("- ") || text.strip().equals("-"))
                    && NotesText.indent(text) <= 4) {
                flushCell(row, cell);
                cell = new ArrayList<>(List.of(new Line(text.strip().substring(1).strip(), l.number())));
            } else if (cell != null) {
                cell.add(new Line(text.isBlank() ? "" : text.strip(), l.number()));
            }
        }
        flushCell(row, cell);
        if (!title.isEmpty()) {
            out.add(Block.withLines(Kind.PARAGRAPH, "**" + inline(title, line) + "**", List.of(), line));
        }
        out.add(Block.of(Kind.TABLE, gfmTable(rows, parseInt(options.get("header-rows")) > 0), line));
    }

    private void flushCell(List<String> row, List<Line> cell) {
        if (row == null || cell == null) {
            return;
        }
        List<String> parts = new ArrayList<>();
        blocks(cell).forEach(b -> parts.add(b.markdown().replace("\n", " ")));
        row.add(String.join(" ", parts));
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Auto-numbered footnotes count in order, named ones ("[#name]") keep the number they first got. */
    private String footnoteLabel(String label, boolean reference) {
        if (label.equals("*")) {
            int n = reference ? ++symbolReferences : ++symbolDefinitions;
            return String.valueOf("†‡§¶".charAt((n - 1) % 4));
        }
        if (label.equals("#")) {
            return String.valueOf(reference ? ++autoFootnoteReferences : ++autoFootnoteDefinitions);
        }
        if (label.startsWith("#")) {
            return String.valueOf(footnoteLabels.computeIfAbsent(label, l -> ++autoFootnoteDefinitions));
        }
        return label;
    }

    /**
     * RST inline text to Markdown: substitutions, footnote and citation references, and named hyperlink
     * references are resolved here (they need the whole document), the rest by {@link NotesText#inline}.
     */
    private String inline(String rst, int line) {
        return NotesText.inline(resolve(rst, line, new ArrayList<>()));
    }

    private String resolve(String rst, int line, List<Integer> images) {
        Matcher sub = SUBSTITUTION_REF.matcher(rst);
        StringBuilder out = new StringBuilder();
        while (sub.find()) {
            String name = sub.group(1);
            String replacement;
            if (substitutions.containsKey(name)) {
                replacement = substitutions.get(name);
            } else if (imageSubstitutions.containsKey(name)) {
                String[] image = imageSubstitutions.get(name).split("\n", 2);
                replacement = figures.add(new ImageReference(fileName, line, image[0], image[1], null, null, null),
                        Figures.fallback(image[1], image[0]), images);
            } else if (sub.start() > 0 && !Character.isWhitespace(rst.charAt(sub.start() - 1))
                    && "([{<'\"-/:".indexOf(rst.charAt(sub.start() - 1)) < 0) {
                replacement = sub.group();
            } else {
                warn(line, "undefinedSubstitution", name);
                replacement = name;
            }
            sub.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        sub.appendTail(out);
        Matcher note = FOOTNOTE_REF.matcher(out.toString());
        StringBuilder withNotes = new StringBuilder();
        while (note.find()) {
            String label = footnoteLabel(note.group(1), true);
            note.appendReplacement(withNotes, Matcher.quoteReplacement(" [" + label + "]"));
        }
        note.appendTail(withNotes);
        Matcher reference = NAMED_REFERENCE.matcher(withNotes.toString());
        StringBuilder withLinks = new StringBuilder();
        while (reference.find()) {
            String label = reference.group(1) != null ? reference.group(1) : reference.group(2);
            String url = targets.get(normalise(label));
            String replacement = url == null ? reference.group()
                    : "`" + label.strip() + " <" + url + ">`_";
            reference.appendReplacement(withLinks, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(withLinks);
        return withLinks.toString();
    }

    private int lineBlock(List<Line> lines, int i, List<Block> out) {
        List<String> items = new ArrayList<>();
        int start = lines.get(i).number();
        while (i < lines.size()) {
            String text = lines.get(i).text();
            if (text.equals("|") || text.startsWith("| ")) {
                String item = text.substring(1).strip();
                if (item.isEmpty()) {
                    addLineBlock(items, start, out);
                    items = new ArrayList<>();
                    start = i + 1 < lines.size() ? lines.get(i + 1).number() : start;
                } else {
                    items.add(item);
                }
            } else if (!text.isBlank() && NotesText.indent(text) > 0 && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + text.strip());
            } else {
                break;
            }
            i++;
        }
        addLineBlock(items, start, out);
        return i;
    }

    private void addLineBlock(List<String> rawItems, int line, List<Block> out) {
        if (rawItems.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        List<Integer> images = new ArrayList<>();
        rawItems.forEach(item -> items.add(NotesText.inline(resolve(item, line, images))));
        out.add(Block.withLines(Kind.LINE_BLOCK, lineBlockMarkdown(items), items, line).withImages(images));
    }

    /** A line block as a list; a short line ending in a colon with lines after it is a caption above them. */
    static String lineBlockMarkdown(List<String> items) {
        StringBuilder md = new StringBuilder();
        for (int k = 0; k < items.size(); k++) {
            String item = items.get(k);
            boolean caption = k + 1 < items.size() && (item.endsWith(":") || item.endsWith("："))
                    && NotesText.displayWidth(NotesText.plain(item)) <= 40;
            if (caption) {
                md.append(k == 0 ? "" : "\n").append(item.startsWith("**") ? item : "**" + item + "**").append("\n\n");
            } else {
                md.append("- ").append(item.replaceFirst("^(\\d+)([.)])(?=\\s)", "$1\\\\$2")).append('\n');
            }
        }
        return md.toString().strip();
    }

    private static int fence(List<Line> lines, int i, List<Block> out) {
        String marker = lines.get(i).text().substring(0, 3);
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).text().startsWith(marker)) {
            end++;
        }
        List<String> code = new ArrayList<>();
        lines.subList(i + 1, Math.min(end, lines.size())).forEach(l -> code.add(l.text()));
        String language = lines.get(i).text().substring(3).strip();
        out.add(Block.of(Kind.CODE, fenced(language, code), lines.get(i).number()));
        return Math.min(end + 1, lines.size());
    }

    private static int doctest(List<Line> lines, int i, List<Block> out) {
        List<String> code = new ArrayList<>();
        int start = lines.get(i).number();
        while (i < lines.size() && !lines.get(i).text().isBlank()) {
            code.add(lines.get(i).text());
            i++;
        }
        out.add(Block.of(Kind.CODE, fenced("python", code), start));
        return i;
    }

    static String fenced(String language, List<String> code) {
        String fence = "```";
        for (String line : code) {
            while (line.strip().startsWith(fence)) {
                fence += "`";
            }
        }
        return fence + language + "\n" + String.join("\n", code) + "\n" + fence;
    }

    private static List<String> trimBlank(List<String> code) {
        int from = 0;
        int to = code.size();
        while (from < to && code.get(from).isBlank()) {
            from++;
        }
        while (to > from && code.get(to - 1).isBlank()) {
            to--;
        }
        return code.subList(from, to);
    }

    private int gridTable(List<Line> lines, int i, List<Block> out) {
        int start = i;
        String border = lines.get(i).text();
        List<Integer> cuts = new ArrayList<>();
        for (int c = 0; c < border.length(); c++) {
            if (border.charAt(c) == '+') {
                cuts.add(c);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        boolean header = false;
        List<StringBuilder> row = null;
        i++;
        while (i < lines.size() && !lines.get(i).text().isBlank()) {
            String text = lines.get(i).text();
            if (GRID_BORDER.matcher(text.strip()).matches() || text.strip().matches("\\+[-=+]*\\+")) {
                if (row != null) {
                    int number = lines.get(i).number();
                    rows.add(row.stream().map(b -> inline(b.toString().strip(), number)).toList());
                    row = null;
                }
                if (text.contains("=")) {
                    header = true;
                }
            } else {
                if (row == null) {
                    row = new ArrayList<>();
                    for (int c = 1; c < cuts.size(); c++) {
                        row.add(new StringBuilder());
                    }
                }
                for (int c = 1; c < cuts.size(); c++) {
                    String cell = slice(text, cuts.get(c - 1) + 1, cuts.get(c));
                    row.get(c - 1).append(' ').append(cell.strip());
                }
            }
            i++;
        }
        out.add(Block.of(Kind.TABLE, gfmTable(rows, header), lines.get(start).number()));
        return i;
    }

    private int simpleTable(List<Line> lines, int i, List<Block> out) {
        int start = i;
        String border = lines.get(i).text();
        List<int[]> columns = new ArrayList<>();
        Matcher run = Pattern.compile("=+").matcher(border);
        while (run.find()) {
            columns.add(new int[] {run.start(), run.end()});
        }
        List<List<String>> rows = new ArrayList<>();
        boolean header = false;
        i++;
        while (i < lines.size()) {
            String text = lines.get(i).text();
            if (SIMPLE_BORDER.matcher(text).matches() || text.matches("=+")) {
                boolean more = i + 1 < lines.size() && !lines.get(i + 1).text().isBlank();
                i++;
                if (!more) {
                    break;
                }
                header = rows.size() > 0 && !header;
                continue;
            }
            if (text.isBlank()) {
                i++;
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int from = columns.get(c)[0];
                int to = c + 1 < columns.size() ? columns.get(c + 1)[0] : Integer.MAX_VALUE;
                cells.add(slice(text, from, to).strip());
            }
            if (cells.get(0).isEmpty() && !rows.isEmpty()) {
                List<String> last = new ArrayList<>(rows.get(rows.size() - 1));
                for (int c = 0; c < cells.size(); c++) {
                    last.set(c, (last.get(c) + " " + cells.get(c)).strip());
                }
                rows.set(rows.size() - 1, last);
            } else {
                rows.add(cells);
            }
            i++;
        }
        List<List<String>> converted = new ArrayList<>();
        int number = lines.get(start).number();
        rows.forEach(r -> converted.add(r.stream().map(cell -> inline(cell, number)).toList()));
        out.add(Block.of(Kind.TABLE, gfmTable(converted, header), number));
        return i;
    }

    /** The characters between display columns {@code from} and {@code to}: wide CJK characters take two. */
    private static String slice(String text, int from, int to) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = NotesText.displayWidth(new String(Character.toChars(cp)));
            if (column >= from && column < to) {
                out.appendCodePoint(cp);
            }
            column += width;
            i += Character.charCount(cp);
        }
        return out.toString().replace("|", " ");
    }

    /** GFM needs a header row: without one in the source, the first row serves. */
    private static String gfmTable(List<List<String>> rows, boolean header) {
        if (rows.isEmpty()) {
            return "";
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder md = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            md.append('|');
            for (int c = 0; c < width; c++) {
                String cell = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                md.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            md.append('\n');
            if (r == 0) {
                md.append('|').append(" --- |".repeat(width)).append('\n');
            }
        }
        return md.toString().strip();
    }

    private int list(List<Line> lines, int i, List<Block> out) {
        boolean bullet = BULLET.matcher(lines.get(i).text()).matches();
        char bulletChar = lines.get(i).text().charAt(0);
        int start = lines.get(i).number();
        StringBuilder md = new StringBuilder();
        List<Integer> images = new ArrayList<>();
        int number = 1;
        while (i < lines.size()) {
            String text = lines.get(i).text();
            Matcher b = BULLET.matcher(text);
            Matcher e = ENUMERATED.matcher(text);
            boolean isItem = bullet ? b.matches() && text.charAt(0) == bulletChar : e.matches();
            if (!isItem) {
                break;
            }
            String first = bullet ? b.group(3) : e.group(4);
            int column = text.length() - first.length();
            if (first.isEmpty()) {
                column = text.length() + 1;
            }
            List<Line> content = new ArrayList<>();
            content.add(new Line(first, lines.get(i).number()));
            i++;
            while (i < lines.size()) {
                String next = lines.get(i).text();
                if (next.isBlank()) {
                    int after = i;
                    while (after < lines.size() && lines.get(after).text().isBlank()) {
                        after++;
                    }
                    if (after < lines.size() && NotesText.indent(lines.get(after).text()) >= Math.min(column, 2)) {
                        content.add(new Line("", lines.get(i).number()));
                        i++;
                        continue;
                    }
                    break;
                }
                int indent = NotesText.indent(next);
                if (indent == 0 && (isListItem(next) || next.startsWith(".. ") || isAdornment(next))) {
                    break;
                }
                content.add(new Line(next.substring(Math.min(indent, column)), lines.get(i).number()));
                i++;
            }
            String marker = bullet ? "- " : (number++) + ". ";
            List<String> parts = new ArrayList<>();
            for (Block block : blocks(content)) {
                parts.add(block.markdown());
                images.addAll(block.images());
            }
            String item = String.join("\n\n", parts);
            md.append(marker).append(item.replace("\n", "\n" + " ".repeat(marker.length()))
                    .replaceAll("\n +\n", "\n\n")).append('\n');
            while (i < lines.size() && lines.get(i).text().isBlank()) {
                int after = i;
                while (after < lines.size() && lines.get(after).text().isBlank()) {
                    after++;
                }
                if (after < lines.size() && (bullet ? BULLET : ENUMERATED).matcher(lines.get(after).text()).matches()) {
                    i = after;
                } else {
                    break;
                }
            }
        }
        out.add(Block.of(Kind.LIST, md.toString().strip(), start).withImages(images));
        return i;
    }

    /** ":Name: value" fields, shown as a list of bold names. */
    private int fieldList(List<Line> lines, int i, List<Block> out) {
        int start = lines.get(i).number();
        List<String> items = new ArrayList<>();
        while (i < lines.size()) {
            Matcher field = FIELD.matcher(lines.get(i).text());
            if (!field.matches()) {
                break;
            }
            StringBuilder value = new StringBuilder(field.group(2) == null ? "" : field.group(2).strip());
            i++;
            while (i < lines.size() && !lines.get(i).text().isBlank() && NotesText.indent(lines.get(i).text()) > 0) {
                value.append(' ').append(lines.get(i).text().strip());
                i++;
            }
            while (i < lines.size() && lines.get(i).text().isBlank() && i + 1 < lines.size()
                    && FIELD.matcher(lines.get(i + 1).text()).matches()) {
                i++;
            }
            items.add("**" + inline(field.group(1).strip(), start) + ":** " + inline(value.toString(), start));
        }
        StringBuilder md = new StringBuilder();
        items.forEach(item -> md.append("- ").append(item).append('\n'));
        out.add(Block.withLines(Kind.FIELDS, md.toString().strip(), items, start));
        return i;
    }

    /** An option list needs its description on the same line after two spaces, or indented below. */
    private static boolean optionListAt(List<Line> lines, int i) {
        Matcher m = OPTION.matcher(lines.get(i).text());
        if (!m.matches()) {
            return false;
        }
        return m.group(2) != null || (i + 1 < lines.size() && NotesText.indent(lines.get(i + 1).text()) > 0);
    }

    private int optionList(List<Line> lines, int i, List<Block> out) {
        int start = lines.get(i).number();
        StringBuilder md = new StringBuilder();
        while (i < lines.size() && optionListAt(lines, i)) {
            Matcher m = OPTION.matcher(lines.get(i).text());
            m.matches();
            StringBuilder description = new StringBuilder(m.group(2) == null ? "" : m.group(2).strip());
            i++;
            while (i < lines.size() && !lines.get(i).text().isBlank() && NotesText.indent(lines.get(i).text()) > 0) {
                description.append(' ').append(lines.get(i).text().strip());
                i++;
            }
            while (i < lines.size() && lines.get(i).text().isBlank() && i + 1 < lines.size() && optionListAt(lines, i + 1)) {
                i++;
            }
            md.append("- `").append(m.group(1)).append("`: ").append(inline(description.toString(), start)).append('\n');
        }
        out.add(Block.of(Kind.LIST, md.toString().strip(), start));
        return i;
    }

    /**
     * A literal block after "::". Docutils wants a blank line between; without it, it reads a definition list
     * whose term is "::", which no writer means, so the block is taken as literal with a warning.
     */
    private int literal(List<Line> lines, int next, List<Block> out, int markerLine) {
        if (next < lines.size() && !lines.get(next).text().isBlank() && NotesText.indent(lines.get(next).text()) > 0) {
            warn(markerLine, "noBlankAfterLiteral");
        }
        while (next < lines.size() && lines.get(next).text().isBlank()) {
            next++;
        }
        if (next < lines.size() && NotesText.indent(lines.get(next).text()) > 0) {
            int end = indentedEnd(lines, next);
            List<String> code = new ArrayList<>();
            dedent(lines.subList(next, end)).forEach(l -> code.add(l.text()));
            out.add(Block.of(Kind.CODE, fenced("", trimBlank(code)), lines.get(next).number()));
            return end;
        }
        warn(markerLine, "literalExpected");
        return next;
    }

    private int paragraph(List<Line> lines, int i, List<Block> out) {
        int start = lines.get(i).number();
        List<String> raw = new ArrayList<>();
        raw.add(lines.get(i).text());
        i++;
        if (i < lines.size() && !lines.get(i).text().isBlank() && NotesText.indent(lines.get(i).text()) > 0
                && !raw.get(0).endsWith("::")) {
            int end = indentedEnd(lines, i);
            String term = inline(raw.get(0).strip().replaceFirst(" : .*$", ""), start);
            out.add(Block.withLines(Kind.PARAGRAPH, "**" + term + "**", List.of("**" + term + "**"), start));
            out.addAll(blocks(dedent(lines.subList(i, end))));
            return end;
        }
        while (i < lines.size() && !lines.get(i).text().isBlank() && !(lines.get(i).text().startsWith(".. ")
                && NotesText.indent(lines.get(i).text()) == 0)) {
            String text = lines.get(i).text();
            if (raw.get(raw.size() - 1).endsWith("::") && NotesText.indent(text) > 0) {
                break;
            }
            if (isAdornment(text) && NotesText.indent(text) == 0) {
                i++;
                continue;
            }
            raw.add(text.strip());
            i++;
        }
        String last = raw.get(raw.size() - 1);
        boolean literal = last.endsWith("::");
        if (literal) {
            String cut = last.equals("::") ? "" : last.endsWith(" ::") ? last.substring(0, last.length() - 3)
                    : last.substring(0, last.length() - 1);
            raw.set(raw.size() - 1, cut.stripTrailing());
            if (raw.get(raw.size() - 1).isEmpty()) {
                raw.remove(raw.size() - 1);
            }
        }
        if (!raw.isEmpty()) {
            List<Integer> images = new ArrayList<>();
            String resolved = resolve(String.join("\n", raw), start, images);
            List<String> converted = new ArrayList<>();
            for (String line : NotesText.inline(resolved).split("\n")) {
                String stripped = line.strip();
                converted.add(converted.isEmpty() ? stripped : LEADING_MARKDOWN.matcher(stripped).replaceFirst("\\\\$1"));
            }
            out.add(Block.withLines(Kind.PARAGRAPH, String.join("\n", converted), converted, start).withImages(images));
        }
        return literal ? literal(lines, i, out, lines.get(i - 1).number()) : i;
    }
}
