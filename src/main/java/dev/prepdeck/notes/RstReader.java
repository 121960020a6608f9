package dev.prepdeck.notes;

import dev.prepdeck.notes.Block.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads reStructuredText notes into sections of Markdown blocks. Section levels follow the order in which
 * adornment styles first appear, as docutils does; a style reused at a depth it cannot have is an error.
 * Only what interview notes use is understood; other directives, comments and Sphinx boilerplate are dropped.
 */
final class RstReader {
    private static final Pattern ADORNMENT = Pattern.compile("([!-/:-@\\[-`{-~])\\1+");
    private static final Pattern DIRECTIVE = Pattern.compile("\\.\\.\\s+([\\w:+.-]+?)::\\s*(.*)");
    private static final Pattern BULLET = Pattern.compile("([-*+•‣⁃])( +|$)(.*)");
    private static final Pattern ENUMERATED = Pattern.compile("(?:(\\d+|#)[.)]|\\((\\d+|#)\\))( +|$)(.*)");
    private static final Pattern MD_HEADING = Pattern.compile("(#{1,6})\\s+(.+?)(?:\\s+#+)?\\s*");
    private static final Pattern GRID_BORDER = Pattern.compile("\\+([-=]+\\+)+");
    private static final Pattern SIMPLE_BORDER = Pattern.compile("=+( +=+)+");
    private static final Pattern LEADING_MARKDOWN = Pattern.compile("^([-+*>#]|\\d+[.)])(?=\\s|$)");

    record Line(String text, int number) {
    }

    private final String fileName;
    private final List<String> warnings = new ArrayList<>();

    private RstReader(String fileName) {
        this.fileName = fileName;
    }

    static NotesDocument read(String fileName, String text) throws NotesFormatException {
        return new RstReader(fileName).document(NotesText.lines(text));
    }

    private record Title(String text, String style, int line, int firstLine, int nextLine) {
    }

    private NotesDocument document(List<String> lines) throws NotesFormatException {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            Title title = titleAt(lines, i);
            if (title == null) {
                i++;
            } else {
                titles.add(title);
                i = title.nextLine();
            }
        }
        List<String> styles = new ArrayList<>();
        List<NotesSection> roots = new ArrayList<>();
        List<NotesSection> open = new ArrayList<>();
        List<Block> preamble = blocks(numbered(lines, 0, titles.isEmpty() ? lines.size() : titles.get(0).firstLine()));
        for (int t = 0; t < titles.size(); t++) {
            Title title = titles.get(t);
            int level = styles.indexOf(title.style()) + 1;
            if (level == 0) {
                if (styles.size() != open.size()) {
                    throw new NotesFormatException(fileName, title.line(), "section title '" + title.text()
                            + "' uses a new adornment style where a level-" + (open.size() + 1)
                            + " style (" + describe(styles.get(open.size())) + ") is expected; adornments are "
                            + "inconsistent");
                }
                styles.add(title.style());
                level = styles.size();
            } else if (level > open.size() + 1) {
                throw new NotesFormatException(fileName, title.line(), "section title '" + title.text()
                        + "' has the level-" + level + " adornment (" + describe(title.style())
                        + ") but follows a level-" + open.size() + " section; title levels are inconsistent");
            }
            NotesSection section = new NotesSection(NotesText.inline(title.text()), level, title.line());
            while (open.size() >= level) {
                open.remove(open.size() - 1);
            }
            (open.isEmpty() ? roots : open.get(open.size() - 1).children).add(section);
            open.add(section);
            int end = t + 1 < titles.size() ? titles.get(t + 1).firstLine() : lines.size();
            addBody(section, blocks(numbered(lines, title.nextLine(), end)));
        }
        return new NotesDocument(fileName, preamble, roots, List.copyOf(warnings));
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

    private static String describe(String style) {
        return (style.charAt(0) == 'o' ? "over- and underlined with '" : "underlined with '") + style.charAt(1) + "'";
    }

    private Title titleAt(List<String> lines, int i) throws NotesFormatException {
        String line = lines.get(i);
        if (isAdornment(line) && i + 1 < lines.size() && !lines.get(i + 1).isBlank() && !isAdornment(lines.get(i + 1))) {
            String text = lines.get(i + 1).strip();
            if (i + 2 >= lines.size() || !isAdornment(lines.get(i + 2))) {
                throw new NotesFormatException(fileName, i + 1, "over-line above '" + text
                        + "' has no matching under-line");
            }
            String under = lines.get(i + 2);
            if (under.charAt(0) != line.charAt(0) || under.length() != line.length()) {
                throw new NotesFormatException(fileName, i + 3, "under-line of '" + text
                        + "' does not match its over-line (same character and length needed)");
            }
            if (line.length() < NotesText.displayWidth(text)) {
                warnings.add(fileName + ":" + (i + 1) + ": title over-line shorter than '" + text + "'");
            }
            return new Title(text, "o" + line.charAt(0), i + 2, i, i + 3);
        }
        if (line.isBlank() || NotesText.indent(line) > 0 || isAdornment(line) || i + 1 >= lines.size()
                || !isAdornment(lines.get(i + 1))) {
            return null;
        }
        String under = lines.get(i + 1);
        String text = line.strip();
        int width = NotesText.displayWidth(text);
        if (under.length() < width && under.length() < 4) {
            return null;
        }
        if (under.length() < width) {
            warnings.add(fileName + ":" + (i + 2) + ": title underline shorter than '" + text + "'");
        }
        if (i > 0 && !lines.get(i - 1).isBlank() && !isAdornment(lines.get(i - 1))) {
            warnings.add(fileName + ":" + (i + 1) + ": section title '" + text + "' has no blank line before it");
        }
        return new Title(text, "u" + under.charAt(0), i + 1, i, i + 2);
    }

    /** ".." alone is an empty comment, not an adornment. */
    private static boolean isAdornment(String line) {
        return ADORNMENT.matcher(line).matches() && !line.equals("..");
    }

    private static List<Line> numbered(List<String> lines, int from, int to) {
        List<Line> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Line(lines.get(i), i + 1));
        }
        return out;
    }

    /** Body elements of lines indented relative to column 0. */
    static List<Block> blocks(List<Line> lines) {
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
            } else if (text.equals("|") || text.startsWith("| ")) {
                i = lineBlock(lines, i, out);
            } else if (text.startsWith("```") || text.startsWith("~~~")) {
                i = fence(lines, i, out);
            } else if (MD_HEADING.matcher(text).matches()) {
                Matcher m = MD_HEADING.matcher(text);
                m.matches();
                out.add(new Block(Kind.HEADING, NotesText.inline(m.group(2)), List.of(), m.group(1).length(),
                        lines.get(i).number()));
                i++;
            } else if (GRID_BORDER.matcher(text).matches()) {
                i = gridTable(lines, i, out);
            } else if (SIMPLE_BORDER.matcher(text).matches()) {
                i = simpleTable(lines, i, out);
            } else if (BULLET.matcher(text).matches() || ENUMERATED.matcher(text).matches()) {
                i = list(lines, i, out);
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
            out.add(new Line(line.text().isBlank() ? "" : line.text().substring(min), line.number()));
        }
        return out;
    }

    private static int explicit(List<Line> lines, int i, List<Block> out) {
        Line first = lines.get(i);
        int next = i + 1;
        while (next < lines.size() && lines.get(next).text().isBlank()) {
            next++;
        }
        int end = next < lines.size() && NotesText.indent(lines.get(next).text()) > 0 ? indentedEnd(lines, i + 1) : i + 1;
        List<Line> body = end > i + 1 ? dedent(lines.subList(i + 1, end)) : List.of();
        Matcher directive = DIRECTIVE.matcher(first.text());
        if (!directive.matches()) {
            return end;
        }
        String name = directive.group(1).toLowerCase();
        String argument = directive.group(2).strip();
        int contentStart = 0;
        while (contentStart < body.size() && body.get(contentStart).text().startsWith(":")) {
            contentStart++;
        }
        List<Line> content = body.subList(contentStart, body.size());
        switch (name) {
            case "image", "figure" -> {
                String file = argument.substring(argument.lastIndexOf('/') + 1);
                out.add(Block.of(Kind.FIGURE, "(figure omitted: " + file + ")", first.number()));
            }
            case "code-block", "code", "sourcecode" -> {
                List<String> code = new ArrayList<>();
                content.forEach(l -> code.add(l.text()));
                out.add(Block.of(Kind.CODE, fenced(argument, trimBlank(code)), first.number()));
            }
            case "note", "tip", "hint", "important", "warning", "caution", "attention", "danger", "seealso",
                 "admonition" -> {
                List<Line> all = new ArrayList<>();
                if (!argument.isEmpty()) {
                    all.add(new Line(argument, first.number()));
                    all.add(new Line("", first.number()));
                }
                all.addAll(content);
                out.addAll(blocks(all));
            }
            default -> {
                // toctree, index, contents, raw, only, include and the rest are Sphinx plumbing, not notes
            }
        }
        return end;
    }

    private static int lineBlock(List<Line> lines, int i, List<Block> out) {
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

    private static void addLineBlock(List<String> rawItems, int line, List<Block> out) {
        if (rawItems.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        rawItems.forEach(item -> items.add(NotesText.inline(item)));
        out.add(Block.withLines(Kind.LINE_BLOCK, lineBlockMarkdown(items), items, line));
    }

    /** A line block as a list; a first line ending in a colon is the list's caption. */
    static String lineBlockMarkdown(List<String> items) {
        StringBuilder md = new StringBuilder();
        int from = 0;
        String first = items.get(0);
        if (items.size() > 1 && (first.endsWith(":") || first.endsWith("："))) {
            md.append(first.startsWith("**") ? first : "**" + first + "**").append("\n\n");
            from = 1;
        }
        for (int k = from; k < items.size(); k++) {
            md.append("- ").append(items.get(k).replaceFirst("^(\\d+)([.)])(?=\\s)", "$1\\\\$2")).append('\n');
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

    private static int gridTable(List<Line> lines, int i, List<Block> out) {
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
            if (GRID_BORDER.matcher(text).matches()) {
                if (row != null) {
                    rows.add(row.stream().map(b -> NotesText.inline(b.toString().strip())).toList());
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

    private static int simpleTable(List<Line> lines, int i, List<Block> out) {
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
        rows.forEach(r -> converted.add(r.stream().map(NotesText::inline).toList()));
        out.add(Block.of(Kind.TABLE, gfmTable(converted, header), lines.get(start).number()));
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

    private static int list(List<Line> lines, int i, List<Block> out) {
        boolean bullet = BULLET.matcher(lines.get(i).text()).matches();
        int start = lines.get(i).number();
        StringBuilder md = new StringBuilder();
        int number = 1;
        while (i < lines.size()) {
            String text = lines.get(i).text();
            Matcher b = BULLET.matcher(text);
            Matcher e = ENUMERATED.matcher(text);
            boolean isItem = bullet ? b.matches() : e.matches();
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
                if (indent == 0 && (BULLET.matcher(next).matches() || ENUMERATED.matcher(next).matches())) {
                    break;
                }
                content.add(new Line(next.substring(Math.min(indent, column)), lines.get(i).number()));
                i++;
            }
            String marker = bullet ? "- " : (number++) + ". ";
            List<String> parts = new ArrayList<>();
            for (Block block : blocks(content)) {
                parts.add(block.markdown());
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
        out.add(Block.of(Kind.LIST, md.toString().strip(), start));
        return i;
    }

    private static int paragraph(List<Line> lines, int i, List<Block> out) {
        int start = lines.get(i).number();
        List<String> raw = new ArrayList<>();
        raw.add(lines.get(i).text());
        i++;
        if (i < lines.size() && !lines.get(i).text().isBlank() && NotesText.indent(lines.get(i).text()) > 0
                && !raw.get(0).endsWith("::")) {
            int end = indentedEnd(lines, i);
            out.add(Block.withLines(Kind.PARAGRAPH, "**" + NotesText.inline(raw.get(0).strip()) + "**",
                    List.of("**" + NotesText.inline(raw.get(0).strip()) + "**"), start));
            out.addAll(blocks(dedent(lines.subList(i, end))));
            return end;
        }
        while (i < lines.size() && !lines.get(i).text().isBlank()) {
            raw.add(lines.get(i).text().strip());
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
            List<String> converted = new ArrayList<>();
            for (String line : NotesText.inline(String.join("\n", raw)).split("\n")) {
                String stripped = line.strip();
                converted.add(converted.isEmpty() ? stripped : LEADING_MARKDOWN.matcher(stripped).replaceFirst("\\\\$1"));
            }
            out.add(Block.withLines(Kind.PARAGRAPH, String.join("\n", converted), converted, start));
        }
        if (literal) {
            int next = i;
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
        }
        return i;
    }
}
