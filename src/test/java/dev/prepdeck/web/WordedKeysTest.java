package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
}
