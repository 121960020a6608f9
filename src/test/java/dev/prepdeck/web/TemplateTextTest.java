package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * No interface text is written into a template: every word a person reads or hears comes from the bundles through
 * {@code #{...}}, so a Chinese page has no English left in it. The scan reads each template as HTML and looks at what
 * Thymeleaf would leave in place: text not replaced by th:text/th:utext (or a fragment), and the attributes people
 * see or hear (title, alt, aria-label, placeholder, a submit input's value) unless a th: attribute sets them.
 */
class TemplateTextTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Literal text a template may keep, each with why it needs no translation. */
    private static final Map<String, String> ALLOWED_TEXT = Map.of(
            "prepdeck", "the product's name (the brand link in the menu)",
            "reStructuredText", "the name of a markup language, an option of the notes format",
            "Markdown", "the name of a markup language, an option of the notes format",
            "(Markdown)", "the name of a markup language, as the answer field's hint",
            "U", "a key on the keyboard (undo)",
            "N", "a key on the keyboard (next card)",
            "RMSE(bins)", "the name of a metric, as FSRS papers and Anki write it",
            ".apkg", "a file extension, the link's accessible name says what it downloads",
            ".csv", "a file extension, the link's accessible name says what it downloads",
            ".tsv", "a file extension, the link's accessible name says what it downloads");

    /** Attributes a person sees (tooltip, placeholder) or hears (accessible names). */
    private static final List<String> SHOWN_ATTRIBUTES = List.of("title", "alt", "aria-label", "placeholder");

    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{2,}");
    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)");

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void templates_hold_no_literal_interface_text_outside_the_bundles() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> templates = templates();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(36);
        for (Path template : templates) {
            Document page = Jsoup.parse(Files.readString(template));
            String name = TEMPLATES.relativize(template).toString();
            for (Element element : page.getAllElements()) {
                if (replacedByThymeleaf(element) || element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    String literal = text.text().strip();
                    if (isEnglish(literal)) {
                        found.add(name + ": text \"" + literal + "\" in <" + element.tagName() + ">");
                    }
                }
                for (String attribute : shownAttributes(element)) {
                    String literal = element.attr(attribute).strip();
                    if (!setByThymeleaf(element, attribute) && isEnglish(literal)) {
                        found.add(name + ": " + attribute + "=\"" + literal + "\" on <" + element.tagName() + ">");
                    }
                }
            }
        }
        assertThat(found).as("literal English in templates; put it in the bundles and use #{...}").isEmpty();
    }

    @Test
    void the_scan_catches_literal_text_and_attributes_but_not_what_thymeleaf_replaces() {
        Document page = Jsoup.parse("""
                <p>Your decks</p><h1 th:text="#{dashboard.heading}">Your decks</h1>
                <a title="Edit the card" th:title="#{card.edit}">x</a><button aria-label="Close">x</button>
                <input type="submit" value="Save"><kbd>U</kbd>""");
        List<String> flagged = new ArrayList<>();
        for (Element element : page.body().getAllElements()) {
            if (!replacedByThymeleaf(element)) {
                element.textNodes().stream().map(t -> t.text().strip()).filter(TemplateTextTest::isEnglish).forEach(flagged::add);
                shownAttributes(element).stream().filter(a -> !setByThymeleaf(element, a))
                        .map(element::attr).filter(TemplateTextTest::isEnglish).forEach(flagged::add);
            }
        }
        assertThat(flagged).containsExactly("Your decks", "Close", "Save");
    }

    @Test
    void every_key_a_template_names_is_in_both_bundles() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher key = STATIC_KEY.matcher(Files.readString(template));
            while (key.find()) {
                for (Locale language : Messages.LANGUAGES) {
                    if (Messages.pattern(language, key.group(1)) == null
                            || (!language.equals(Locale.ENGLISH) && !bundle("messages_zh_CN.properties").containsKey(key.group(1)))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + key.group(1) + " (" + language + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Words the Chinese bundle keeps in Latin letters: names of products, formats and protocols, keys on the
     * keyboard, units, and the search syntax's own words. Addresses, identifiers with digits or underscores and
     * placeholders are left out before the check.
     */
    private static final List<String> LATIN_IN_CHINESE = List.of("prepdeck", "AnkiDroid", "Anki", "FSRS", "Markdown",
            "reStructuredText", "Sphinx", "Quizlet", "CSV", "TSV", "HTML", "RMSE", "bins", "MB", "KB", "git", "Ctrl",
            "Enter", "Esc", "Shift", "Git", "ML Interview", "Spanish", "Title", "apkg", "colpkg", "zip", "rst", "md", "txt", "csv", "tsv",
            "deck:SQL tag:joins is:due", "sql", "or", "deck", "tag", "Space", "OpenAI", "API", "Ollama", "llama",
            "cpp", "server", "LM Studio", "vLLM", "HTTP", "https", "localhost", "WebM", "Ogg", "SQLite",
            // commands and HTTP headers the reader types as they are
            "user add NAME", "--allowed-host NAME", "JSON",
            // names of systems, tools and byte values a file problem mentions: the learner finds them under these names
            "macOS", "Windows", "markdown", "columns" /* the #columns header of an Anki text file */,
            "protobuf" /* the encoding of an Anki package's media list and configs, named when one is damaged */,
            // media formats by the names their files go by
            "PNG", "JPEG", "GIF", "WebP", "SVG", "Vorbis", "Opus", "WAV", "AAC", "Authorization: Bearer TOKEN",
            // the tag a leech gets, which searches use as it is (tag:leech)
            "leech",
            // the search syntax's operators, keys and values, which a search error names as they are typed
            "and", "is", "re", "prop", "ivl", "due", "reps", "lapses", "new", "learn", "review", "suspended", "buried",
            // a language named in its own language, as language switches do
            "English",
            // values the settings API takes as they are, named in its error messages, and zone names as IANA writes them
            "auto", "on", "off", "en", "zh-CN", "browser", "system", "light", "dark", "none", "Asia/Shanghai",
            "Europe/Berlin",
            // a deck file's front matter keys and metadata values, which the file holds as written
            "description", "name", "tags", "suspended", "yes", "no", "flag",
            // a shared install's database and the operator's backup tool, named where the backups page sends there
            "PostgreSQL", "pg_dump");

    @Test
    void chinese_sentences_have_no_english_left_in_them() throws IOException {
        Properties chinese = bundle("messages_zh_CN.properties");
        List<String> english = new ArrayList<>();
        for (String key : chinese.stringPropertyNames()) {
            if (key.startsWith("format.")) {
                continue; // date patterns, letters are pattern symbols
            }
            String text = chinese.getProperty(key)
                    .replaceAll("<code>.*?</code>", " ")
                    .replaceAll("<[^>]+>", " ")
                    .replaceAll("https?://[\\w./:-]*", " ")
                    .replaceAll("\\{\\w+(,(number|date|time)[^{}]*)?}|\\{\\d+,choice,", " ")
                    .replaceAll("[\\w.:-]*[\\d_][\\w.:-]*", " ")
                    .replaceAll("\"[^\"]*\"", " ");
            for (String allowed : LATIN_IN_CHINESE) {
                text = text.replaceAll("(?<![A-Za-z])" + Pattern.quote(allowed) + "(?![A-Za-z])", " ");
            }
            Matcher word = WORD.matcher(text);
            if (word.find()) {
                english.add(key + " = " + chinese.getProperty(key) + " (\"" + word.group() + "\")");
            }
        }
        assertThat(english).as("English words in messages_zh_CN.properties").isEmpty();
    }

    @Test
    void a_pattern_with_arguments_doubles_its_apostrophes() throws IOException {
        List<String> lost = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties bundle = bundle(file);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (pattern.matches("(?s).*\\{\\d.*") && pattern.replace("''", "").contains("'")) {
                    lost.add(file + ": " + key + " (MessageFormat drops a single apostrophe)");
                }
            }
        }
        assertThat(lost).isEmpty();
    }

    private static boolean isEnglish(String literal) {
        return !literal.isEmpty() && !ALLOWED_TEXT.containsKey(literal) && WORD.matcher(literal).find();
    }

    /** The element's content is replaced when the page is drawn, so its literal text is only a preview. */
    private static boolean replacedByThymeleaf(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> shownAttributes(Element element) {
        List<String> shown = new ArrayList<>(SHOWN_ATTRIBUTES.stream().filter(element::hasAttr).toList());
        boolean submitInput = element.tagName().equals("input")
                && List.of("submit", "button", "reset").contains(element.attr("type"));
        if (submitInput && element.hasAttr("value")) {
            shown.add("value");
        }
        return shown;
    }

    private static boolean setByThymeleaf(Element element, String attribute) {
        return element.hasAttr("th:" + attribute)
                || Pattern.compile("(^|,)\\s*" + Pattern.quote(attribute) + "\\s*=").matcher(element.attr("th:attr")).find();
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TemplateTextTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
