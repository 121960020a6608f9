package dev.prepdeck.notes;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers shared by the readers: strict decoding, line splitting, RST inline markup to Markdown. */
final class NotesText {
    private static final int TAB_WIDTH = 8;
    static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`（）【】「」《》，。、；：！？]+");
    private static final Pattern CODE = Pattern.compile("``(.+?)``");
    private static final Pattern LINK = Pattern.compile("`([^`<]*?)\\s*<([^`>]+)>`__?");
    private static final Pattern ROLE = Pattern.compile(":([a-z][a-z0-9:+-]*):`([^`]+)`");
    private static final Pattern REFERENCE = Pattern.compile("`([^`]+)`__?");
    private static final Pattern INTERPRETED = Pattern.compile("`([^`]+)`");
    private static final Pattern NAMED_REF = Pattern.compile("(?<![\\w`])([A-Za-z0-9][\\w-]*)__?(?![\\w])");
    private static final Pattern STRONG = Pattern.compile("(?<![A-Za-z0-9*\\\\])\\*\\*(\\S(?:.*?\\S)?)\\*\\*(?![A-Za-z0-9*])");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![A-Za-z0-9*\\\\])\\*(\\S(?:[^*]*?\\S)?)\\*(?![A-Za-z0-9*])");

    private NotesText() {
    }

    /** Decodes UTF-8 strictly; NUL bytes mean a binary file. */
    static String decode(String fileName, byte[] bytes) throws NotesFormatException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new NotesFormatException(fileName, lineOfByte(bytes, i), "binary");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new NotesFormatException(fileName, lineOfByte(bytes, in.position()), "notUtf8");
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** Lines with CRLF/CR normalised, tabs expanded to docutils' 8-column stops and trailing blanks removed. */
    static List<String> lines(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        for (String line : normal.split("\n", -1)) {
            lines.add(expandTabs(line).stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '\t') {
                do {
                    out.append(' ');
                } while (out.length() % TAB_WIDTH != 0);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Columns a title takes in a fixed-width editor: East Asian wide characters count two, as in docutils. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /**
     * RST inline markup to Markdown: ``code``, `text <url>`_ links, roles, **strong**, *em*, bare URLs as
     * autolinks; characters Markdown would misread (a stray '*', '_' at a word edge) are escaped. Strong and
     * emphasis are accepted next to CJK text too, since notes writers rarely add docutils' escaped spaces.
     */
    static String inline(String rst) {
        List<String> kept = new ArrayList<>();
        String text = replace(CODE, rst, m -> keep(kept, codeSpan(m.group(1))));
        text = replace(LINK, text, m -> {
            String label = m.group(1).isBlank() ? m.group(2) : m.group(1).strip();
            return keep(kept, "[" + label + "](" + m.group(2).strip() + ")");
        });
        text = replace(ROLE, text, m -> {
            String role = m.group(1);
            String body = m.group(2).replaceAll("\\s*<[^>]*>$", "").strip();
            if (body.isEmpty()) {
                body = m.group(2).replaceAll("^<|>$", "");
            }
            if (!m.group(2).contains("<") && (role.endsWith("ref") || role.equals("doc") || role.equals("term"))) {
                // a bare label or path: Sphinx shows the target's title, which reads like the label's words
                body = body.substring(body.lastIndexOf('/') + 1).replaceAll("[-_]+", " ");
            }
            boolean code = role.matches("code|file|command|kbd|samp|program|envvar|option|literal|math|py:.*|func|class|meth|mod|attr|data|exc|obj|any");
            return keep(kept, code ? codeSpan(body) : escape(body.replace("-->", "→")));
        });
        text = replace(REFERENCE, text, m -> keep(kept, escape(m.group(1))));
        text = replace(INTERPRETED, text, m -> keep(kept, "*" + escape(m.group(1)) + "*"));
        text = replace(URL, text, m -> {
            String url = m.group();
            String tail = "";
            while (!url.isEmpty() && ".,;:!?)".indexOf(url.charAt(url.length() - 1)) >= 0) {
                tail = url.charAt(url.length() - 1) + tail;
                url = url.substring(0, url.length() - 1);
            }
            return keep(kept, "<" + url + ">") + tail;
        });
        text = replace(STRONG, text, m -> keep(kept, "**" + escape(m.group(1)) + "**"));
        text = replace(EMPHASIS, text, m -> keep(kept, "*" + escape(m.group(1)) + "*"));
        text = replace(NAMED_REF, text, m -> m.group(1));
        text = escape(text);
        for (int i = kept.size() - 1; i >= 0; i--) {
            text = text.replace(placeholder(i), kept.get(i));
        }
        return text;
    }

    /** Plain words of an inline Markdown string, for headings-as-questions and the link-list check. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\[([^\\]]*)]\\(([^)]*)\\)", "$1 $2").replaceAll("<(https?://[^>]+)>", "$1")
                .replaceAll("\\*\\*|\\*", "").replace("\\", "").strip();
    }

    private static String codeSpan(String code) {
        return code.contains("`") ? "`` " + code + " ``" : "`" + code + "`";
    }

    /** Escapes what Markdown would read as markup but RST treats as text. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || (c == '_' && !(i > 0 && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1))))) {
                out.append('\\');
            }
            if (c == '\\' && i + 1 < text.length() && "*_`|".indexOf(text.charAt(i + 1)) >= 0) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String keep(List<String> kept, String markdown) {
        kept.add(markdown);
        return placeholder(kept.size() - 1);
    }

    private static String placeholder(int i) {
        return "\uE000" + i + "\uE001";
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
