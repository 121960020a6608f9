package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A request parameter that cannot be read is refused with a sentence naming the field, in the page's language: every
 * label or parameter name a handler gives {@link Params} has its words in both bundles, so a Chinese page never says
 * "new cards per day".
 */
class FieldLabelsTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** Params.formInt(ctx, "name", "label") and the like: the label names the field in the sentence. */
    private static final Pattern LABELLED = Pattern.compile(
            "(?:Params\\.\\w+|\\bcolumn)\\(ctx, \"([\\w-]+)\", \"([^\"]+)\"");
    /** Params.queryInt(ctx, "name", ...) and the choices: the parameter's own name names it. */
    private static final Pattern NAMED = Pattern.compile(
            "Params\\.(?:queryInt|queryChoice|formChoice|queryId|formId|requiredFormId|formIdChoices|formIndexes|"
                    + "queryIdList|formIdList)\\(ctx, \"([\\w-]+)\"");

    @Test
    void every_field_a_handler_reads_is_named_in_both_languages() throws IOException {
        List<String> labels = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher labelled = LABELLED.matcher(source);
                while (labelled.find()) {
                    labels.add(labelled.group(2));
                }
                Matcher named = NAMED.matcher(source);
                while (named.find()) {
                    labels.add(named.group(1));
                }
            }
        }
        assertThat(labels).as("the scan finds the handlers' fields").hasSizeGreaterThan(40)
                .contains("new cards per day", "The question column", "pageSize");
        List<String> unnamed = new ArrayList<>();
        for (String label : labels) {
            Messages.Label field = new Messages.Label(label);
            if (Messages.pattern(Locale.ENGLISH, field.key()) == null
                    || Messages.pattern(Locale.SIMPLIFIED_CHINESE, field.key()).equals(Messages.pattern(Locale.ENGLISH, field.key()))) {
                unnamed.add(label + " (" + field.key() + ")");
            }
        }
        assertThat(unnamed).as("fields without their words in both bundles").isEmpty();
    }

    @Test
    void the_english_sentence_keeps_the_label_as_the_handler_wrote_it_and_the_chinese_one_translates_it() {
        Messages.Label field = new Messages.Label("new cards per day");
        assertThat(field.key()).isEqualTo("field.new-cards-per-day");
        assertThat(Messages.text(Locale.ENGLISH, "param.error.range", field, "0", "9999", "lots"))
                .isEqualTo("new cards per day must be a whole number from 0 to 9999, got 'lots'");
        assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, "param.error.range", field, "0", "9999", "lots"))
                .isEqualTo("每日新卡片数必须是 0 到 9999 之间的整数，而不是“lots”");
        assertThat(new Messages.Label("the preview's card count").key()).isEqualTo("field.the-preview-s-card-count");
        assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, "param.error.wholeNumber", new Messages.Label("no such field")))
                .as("a label without words of its own stays as written").isEqualTo("no such field必须是整数");
    }
}
