package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem the code words by key (a refused field, a notes or Anki file, a media file) names a sentence both
 * bundles hold, so no error page falls back to English or fails for want of its sentence. The scan reads the
 * sources for the ways a key is given; a problem thrown with a key no bundle has would otherwise only show when it
 * happens.
 */
class WordedKeysTest {
    private static final Path SOURCES = Path.of("src/main/java");

    /** How each way of raising a worded problem spells its key, and the prefix its key gets. */
    private static final Map<Pattern, String> KEYS = Map.of(
            Pattern.compile("Messages\\.invalid\\([^,]+, \"([\\w.-]+)\""), "",
            Pattern.compile("AnkiFormatException\\.worded\\(\"([\\w.]+)\""), "anki.error.",
            Pattern.compile("new NotesFormatException\\(\\w+, [^\"]*\"(\\w+)\""), "notes.error.",
            Pattern.compile("\\brefused\\(\"(\\w+)\""), "notes.zip.",
            Pattern.compile("MediaNames\\.invalid\\(\"(\\w+)\"|throw invalid\\(\"(\\w+)\""), "media.error.",
            Pattern.compile("new Refusal\\(HttpStatus\\.\\w+, \"([\\w.]+)\""), "",
            // notes files' warnings and left-out sections, at their file:line
            Pattern.compile("\\bwarn\\([^,;]+, \"(\\w+)\"|NotesNotice\\.warning\\([^;]*?, \"([\\w.]+)\""), "notes.warning.",
            Pattern.compile("\\bskip\\([^,;]+, \"(\\w+)\"|NotesNotice\\.skipped\\([^;]*?, \"(\\w+)\""), "notes.skipped.",
            Pattern.compile("new Missing\\(\"(\\w+)\"|NotesImages\\.none\\(\"(\\w+)\"|addAlone\\([^;]*, \"(\\w+)\"\\);"),
            "notes.warning.image.",
            // an Anki collection's protobuf columns, named by the sentence about each
            Pattern.compile("decode\\(\\(\\) -> [^;]*?,\\s+\"(\\w+)\""), "anki.error.");

    @Test
    void every_key_a_problem_is_raised_with_is_in_both_bundles() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                KEYS.forEach((pattern, prefix) -> {
                    Matcher raised = pattern.matcher(source);
                    while (raised.find()) {
                        String key = prefix + IntStream.rangeClosed(1, raised.groupCount()).mapToObj(raised::group)
                                .filter(Objects::nonNull).findFirst().orElseThrow();
                        if (key.endsWith(".")) {
                            continue; // a helper that adds the problem's name: its callers are scanned instead
                        }
                        found.add(key);
                        if (Messages.pattern(Locale.ENGLISH, key) == null
                                || Messages.pattern(Locale.SIMPLIFIED_CHINESE, key).equals(Messages.pattern(Locale.ENGLISH, key))) {
                            missing.add(SOURCES.relativize(file) + ": " + key);
                        }
                    }
                });
            }
        }
        assertThat(found).as("the scan finds the worded problems").hasSizeGreaterThan(60)
                .contains("notes.error.binary", "notes.zip.bomb", "anki.error.emptyQuestion", "media.error.path",
                        "error.csrf", "param.error.range", "notes.warning.underlineShort", "notes.warning.levelOverlinedNew",
                        "notes.skipped.empty", "notes.skipped.noTitles", "notes.warning.image.uploadedAlone",
                        "notes.warning.image.noSuchFileLookedFor", "notes.warning.image.folderUnsearchable",
                        "anki.error.entryBomb", "anki.error.schemaNewer", "anki.error.templateConfig",
                        "anki.error.mediaNamePath", "anki.error.entryExpandsBomb");
        assertThat(missing).as("keys without a sentence of their own in both bundles").isEmpty();
    }

    /**
     * A string literal shaped like a key whose first part is one the bundles use ({@code "browse.error.flagNeeded"},
     * {@code "anki.warning.mediaMissing"}) is a key, however it reaches {@link Messages}: through a helper that
     * passes it on ({@code required(flag, "flag", key)}), a notice or a map. Each must be in both bundles; literals of
     * that shape that are not keys (file names) are listed with the reason.
     */
    @Test
    void every_key_written_in_the_code_is_in_both_bundles() throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        Set<String> prefixes = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            prefixes.add(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')));
        }
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = KEY_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String key = literal.group(1);
                    String first = key.substring(0, key.indexOf('.'));
                    if (!prefixes.contains(first) || NOT_KEYS.matcher(key).matches()) {
                        continue;
                    }
                    found.add(key);
                    if (!english.containsKey(key) || !chinese.containsKey(key)) {
                        missing.add(SOURCES.relativize(file) + ": " + key);
                    }
                }
            }
        }
        assertThat(found).as("the scan finds keys however they are passed").hasSizeGreaterThan(300)
                .contains("browse.error.flagNeeded", "browse.error.moveNeeded", "anki.warning.mediaMissing",
                        "sync.warning.mediaMissing", "deckfile.error.noAnswer", "anki.error.uploadTooLarge");
        assertThat(missing).as("keys the code uses that the bundles do not hold").isEmpty();
    }

    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/i18n", file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** A quoted literal of dot-separated words, not glued to code before it. */
    private static final Pattern KEY_LITERAL = Pattern.compile("(?<![\\w\\\\])\"([a-zA-Z]+(?:\\.[\\w-]+)+)\"");
    /** Literals of a key's shape that name files: a deck file, an Anki collection's entry, an image. */
    private static final Pattern NOT_KEYS = Pattern.compile(".*\\.(md|rst|txt|csv|tsv|png|apkg|colpkg|anki2|anki21|anki21b|json|zip|html|sql)");
}
