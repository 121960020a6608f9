package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two message bundles say the same things, and a page speaks the language the browser asks for. */
class MessagesTest {
    @TempDir
    Path tempDir;

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void every_key_is_in_both_languages_and_every_pattern_with_arguments_is_a_valid_message_format() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        assertThat(new TreeSet<>(chinese.stringPropertyNames()))
                .as("keys of messages_zh_CN.properties")
                .containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
        for (Properties bundle : new Properties[] {english, chinese}) {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                assertThat(pattern).as(key).isNotBlank();
                if (pattern.contains("{0")) {
                    new MessageFormat(pattern, Locale.ROOT);
                }
            }
        }
    }

    /**
     * Bundles are merged line by line (.gitattributes: merge=union), so two branches adding the same key would both
     * land and the later silently win: each key may appear once.
     */
    @Test
    void no_key_is_defined_twice_in_a_bundle() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            java.util.List<String> twice = new java.util.ArrayList<>();
            try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    int equals = line.indexOf('=');
                    if (line.isEmpty() || line.startsWith("#") || equals < 0) {
                        continue;
                    }
                    String key = line.substring(0, equals).strip();
                    Integer first = seen.putIfAbsent(key, i + 1);
                    if (first != null) {
                        twice.add(name + ":" + (i + 1) + " " + key + " (first at line " + first + ")");
                    }
                }
            }
            assertThat(twice).as("keys defined twice").isEmpty();
        }
    }

    @Test
    void the_browser_language_picks_a_supported_one_and_anything_unreadable_means_english() {
        assertThat(Language.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.fromAcceptLanguage("zh-TW")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.fromAcceptLanguage("fr-FR,zh;q=0.5,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Language.fromAcceptLanguage("de-DE,zh;q=0.7")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.fromAcceptLanguage("zh;q=0,en")).isEqualTo(Locale.ENGLISH);
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Language.fromAcceptLanguage(";;q=bad,,")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void a_pattern_with_arguments_formats_them_and_one_without_keeps_its_apostrophes() {
        assertThat(Messages.format(Locale.ENGLISH, "{0,choice,1#{0} card|1<{0} cards}", 3)).isEqualTo("3 cards");
        assertThat(Messages.format(Locale.ENGLISH, "Don't panic")).isEqualTo("Don't panic");
        assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, "layout.decks")).isEqualTo("卡组");
        assertThat(Messages.text(Locale.GERMAN, "layout.decks")).isEqualTo("Decks");
    }

    @Test
    void a_page_is_drawn_in_the_language_the_browser_asks_for() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        collection.site(s -> {
            Document chinese = Jsoup.parse(new String(
                    s.getBytes("/", "Accept-Language", "zh-CN,zh;q=0.9").body(), StandardCharsets.UTF_8));
            assertThat(chinese.select("html").attr("lang")).isEqualTo("zh-CN");
            assertThat(chinese.select("header nav a[href=/]:not(.brand)").text()).isEqualTo("卡组");
            Document english = Jsoup.parse(s.page("/"));
            assertThat(english.select("html").attr("lang")).isEqualTo("en");
            assertThat(english.select("header nav a[href=/]:not(.brand)").text()).isEqualTo("Decks");
        });
    }
}
