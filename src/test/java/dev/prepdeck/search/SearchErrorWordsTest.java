package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prepdeck.web.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every mistake the search parser reports is a sentence of both bundles: a query for each of its problems, so a new
 * problem without its sentences (or a sentence no query can reach) fails here, and a Chinese page never shows the
 * English one.
 */
class SearchErrorWordsTest {
    /** A query for each problem the parser can report, with the problem's code. */
    private static final Map<String, String> ONE_FOR_EACH = new LinkedHashMap<>();

    static {
        ONE_FOR_EACH.put("a b)", "unmatchedClose");
        ONE_FOR_EACH.put("a or", "orAlone");
        ONE_FOR_EACH.put("or a", "operatorBetween");
        ONE_FOR_EACH.put("a and", "andAlone");
        ONE_FOR_EACH.put("a - b", "minusAlone");
        ONE_FOR_EACH.put("a ()", "emptyParentheses");
        ONE_FOR_EACH.put("a (b", "unclosedParenthesis");
        ONE_FOR_EACH.put("a\\", "loneBackslash");
        ONE_FOR_EACH.put("say \"hi", "unclosedQuote");
        ONE_FOR_EACH.put("deck:", "missing.deck");
        ONE_FOR_EACH.put("tag:", "missing.tag");
        ONE_FOR_EACH.put("is:", "missing.is");
        ONE_FOR_EACH.put("flag:", "missing.flag");
        ONE_FOR_EACH.put("prop:", "missing.prop");
        ONE_FOR_EACH.put("rated:", "missing.rated");
        ONE_FOR_EACH.put("re:", "missing.re");
        ONE_FOR_EACH.put("q:", "missing.text");
        ONE_FOR_EACH.put("added:", "missing.days");
        ONE_FOR_EACH.put("is:sleeping", "unknownState");
        ONE_FOR_EACH.put("flag:9", "flagRange");
        ONE_FOR_EACH.put("prop:ease>2", "unknownProperty");
        ONE_FOR_EACH.put("prop:ivl>1.5", "wholeDays");
        ONE_FOR_EACH.put("prop:reps>1.5", "wholeNumber");
        ONE_FOR_EACH.put("prop:d>2", "difficultyRange");
        ONE_FOR_EACH.put("prop:r>2", "retrievabilityRange");
        ONE_FOR_EACH.put("coverage<2", "coverageRange");
        ONE_FOR_EACH.put("prop:ivl~3", "comparison");
        ONE_FOR_EACH.put("prop:ivl>>3", "number");
        ONE_FOR_EACH.put("added:week", "days");
        ONE_FOR_EACH.put("added:99999", "daysRange");
        ONE_FOR_EACH.put("rated:7:5", "rating");
        ONE_FOR_EACH.put("re:" + "a".repeat(SearchParser.MAX_REGEX_LENGTH + 1), "regexTooLong");
        ONE_FOR_EACH.put("re:*a", "regex.dangling");
        ONE_FOR_EACH.put("\"re:a(\"", "regex.unclosedGroup");
        ONE_FOR_EACH.put("re:[a", "regex.unclosedClass");
        ONE_FOR_EACH.put("\"re:a)\"", "regex.unmatchedClose");
        ONE_FOR_EACH.put("re:a{x}", "regex.repetition");
        ONE_FOR_EACH.put("re:\\y", "regex.escape");
        ONE_FOR_EACH.put("re:\\k", "regex");
    }

    /** Problems of the query's structure rather than of one term; the others start with the term as typed. */
    private static final List<String> BETWEEN_TERMS = List.of("unmatchedClose", "orAlone", "operatorBetween",
            "andAlone", "minusAlone", "emptyParentheses", "unclosedParenthesis", "loneBackslash", "unclosedQuote");

    /** Reported by the search service, not the parser: see RegexSearchTest. */
    private static final String NOT_FROM_THE_PARSER = "search.error.tooMuchWork";

    @Test
    void each_problem_is_reported_with_its_own_code() {
        ONE_FOR_EACH.forEach((query, code) -> {
            SearchSyntaxException e = catchThrowableOfType(() -> SearchParser.parse(query), SearchSyntaxException.class);
            assertThat(e).as(query).isNotNull();
            assertThat(e.code()).as(query).isEqualTo(code);
            assertThat(e.getMessage()).as("the English sentence, whole").doesNotContainPattern("\\{\\d").isNotBlank();
        });
    }

    @Test
    void every_sentence_the_bundles_have_for_search_problems_is_one_the_parser_reports() throws IOException {
        TreeSet<String> inBundle = bundle("messages.properties").stringPropertyNames().stream()
                .filter(k -> k.startsWith("search.error.")).collect(Collectors.toCollection(TreeSet::new));
        inBundle.remove(NOT_FROM_THE_PARSER);
        TreeSet<String> reported = ONE_FOR_EACH.values().stream().map(c -> "search.error." + c)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(reported).isEqualTo(inBundle);
        assertThat(bundle("messages_zh_CN.properties").stringPropertyNames()).containsAll(inBundle)
                .contains(NOT_FROM_THE_PARSER);
    }

    @Test
    void in_chinese_each_problem_keeps_the_term_as_typed_and_says_the_rest_in_chinese() {
        ONE_FOR_EACH.forEach((query, code) -> {
            SearchSyntaxException e = catchThrowableOfType(() -> SearchParser.parse(query), SearchSyntaxException.class);
            String chinese = Messages.text(Locale.SIMPLIFIED_CHINESE, e.key(), e.arguments().toArray());
            assertThat(chinese).as(query).isNotEqualTo(e.getMessage()).containsPattern("\\p{IsHan}");
            if (!BETWEEN_TERMS.contains(code)) {
                assertThat(chinese).as("the term, as the learner typed it").startsWith(query).isNotEqualTo(query);
            }
        });
        SearchSyntaxException number = catchThrowableOfType(() -> SearchParser.parse("deck:SQL prop:ivl>>3"),
                SearchSyntaxException.class);
        assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, number.key(), number.arguments().toArray()))
                .isEqualTo("prop:ivl>>3：“>”后面应为数字");
        assertThat(number.getMessage()).isEqualTo("prop:ivl>>3: expected a number after '>'");
        assertThat(number.position()).isEqualTo(18);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SearchErrorWordsTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
