package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.search.SearchNode.And;
import dev.prepdeck.search.SearchNode.Comparison;
import dev.prepdeck.search.SearchNode.Coverage;
import dev.prepdeck.search.SearchNode.DatedEvent;
import dev.prepdeck.search.SearchNode.Flagged;
import dev.prepdeck.search.SearchNode.InDeck;
import dev.prepdeck.search.SearchNode.InState;
import dev.prepdeck.search.SearchNode.Not;
import dev.prepdeck.search.SearchNode.Or;
import dev.prepdeck.search.SearchNode.Property;
import dev.prepdeck.search.SearchNode.PropertyIs;
import dev.prepdeck.search.SearchNode.Rated;
import dev.prepdeck.search.SearchNode.Regex;
import dev.prepdeck.search.SearchNode.StateFilter;
import dev.prepdeck.search.SearchNode.Tagged;
import dev.prepdeck.search.SearchNode.Text;
import dev.prepdeck.search.SearchNode.TextField;
import dev.prepdeck.search.SearchNode.Untagged;
import dev.prepdeck.search.SearchNode.Within;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SearchParserTest {

    private static SearchNode parse(String query) {
        return SearchParser.parse(query);
    }

    private static Text text(String literal) {
        return new Text(TextField.ANY, Glob.literal(literal));
    }

    private static Glob glob(Glob.Part... parts) {
        return new Glob(List.of(parts));
    }

    private static Glob.Literal lit(String text) {
        return new Glob.Literal(text);
    }

    @Test
    void blank_is_every_card() {
        assertThat(parse("")).isEqualTo(new SearchNode.All());
        assertThat(parse("  \u3000 ")).isEqualTo(new SearchNode.All());
    }

    @Test
    void words_side_by_side_must_all_match() {
        assertThat(parse("index  btree")).isEqualTo(new And(List.of(text("index"), text("btree"))));
        assertThat(parse("index and btree")).isEqualTo(parse("index btree"));
    }

    @Test
    void ideographic_space_separates_chinese_words() {
        assertThat(parse("索引\u3000数据库")).isEqualTo(new And(List.of(text("索引"), text("数据库"))));
    }

    @Test
    void a_quoted_phrase_is_one_term_with_its_spaces() {
        assertThat(parse("\"exact  phrase\"")).isEqualTo(text("exact  phrase"));
        assertThat(parse("\"say \\\"hi\\\" (twice)\"")).isEqualTo(text("say \"hi\" (twice)"));
    }

    @Test
    void minus_leaves_out_a_term_a_phrase_or_a_group() {
        assertThat(parse("-cat")).isEqualTo(new Not(text("cat")));
        assertThat(parse("-\"a b\"")).isEqualTo(new Not(text("a b")));
        assertThat(parse("-(a or b)")).isEqualTo(new Not(new Or(List.of(text("a"), text("b")))));
        assertThat(parse("-deck:x")).isEqualTo(new Not(new InDeck(Glob.literal("x"))));
        assertThat(parse("a\\-b")).isEqualTo(text("a-b"));
        assertThat(parse("\"-b\"")).isEqualTo(text("-b"));
    }

    @Test
    void and_binds_tighter_than_or_as_in_anki() {
        assertThat(parse("a b or c")).isEqualTo(new Or(List.of(new And(List.of(text("a"), text("b"))), text("c"))));
        assertThat(parse("a OR b c")).isEqualTo(new Or(List.of(text("a"), new And(List.of(text("b"), text("c"))))));
        assertThat(parse("a Or b oR c")).isEqualTo(new Or(List.of(text("a"), text("b"), text("c"))));
    }

    @Test
    void or_and_and_inside_a_word_or_in_quotes_are_text() {
        assertThat(parse("orange android")).isEqualTo(new And(List.of(text("orange"), text("android"))));
        assertThat(parse("a \"or\" b")).isEqualTo(new And(List.of(text("a"), text("or"), text("b"))));
    }

    @Test
    void parentheses_group() {
        assertThat(parse("(a or b) c")).isEqualTo(new And(List.of(new Or(List.of(text("a"), text("b"))), text("c"))));
        assertThat(parse("((a))")).isEqualTo(text("a"));
        assertThat(parse("a (b (c or d))")).isEqualTo(new And(List.of(text("a"),
                new And(List.of(text("b"), new Or(List.of(text("c"), text("d"))))))));
    }

    @Test
    void star_and_underscore_are_wildcards_unless_escaped() {
        assertThat(parse("d*g")).isEqualTo(new Text(TextField.ANY, glob(lit("d"), new Glob.AnyRun(), lit("g"))));
        assertThat(parse("d_g")).isEqualTo(new Text(TextField.ANY, glob(lit("d"), new Glob.AnyChar(), lit("g"))));
        assertThat(parse("a\\*b\\_c")).isEqualTo(text("a*b_c"));
        assertThat(parse("\"*\"")).isEqualTo(new Text(TextField.ANY, glob(new Glob.AnyRun())));
    }

    @Test
    void a_backslash_before_anything_else_is_kept() {
        assertThat(parse("C:\\Users")).isEqualTo(text("C:\\Users"));
        assertThat(parse("a\\\\b")).isEqualTo(text("a\\b"));
    }

    @Test
    void unknown_prefixes_are_text_so_code_can_be_searched() {
        assertThat(parse("std::vector")).isEqualTo(text("std::vector"));
        assertThat(parse("http://example.org")).isEqualTo(text("http://example.org"));
        assertThat(parse("deck\\:x")).isEqualTo(text("deck:x"));
    }

    @Test
    void deck_takes_a_name_with_sub_decks_wildcards_and_quotes() {
        assertThat(parse("deck:Tools::SQL")).isEqualTo(new InDeck(Glob.literal("Tools::SQL")));
        assertThat(parse("deck:Tools::*")).isEqualTo(new InDeck(glob(lit("Tools::"), new Glob.AnyRun())));
        assertThat(parse("deck:\"My deck\"")).isEqualTo(new InDeck(Glob.literal("My deck")));
        assertThat(parse("\"deck:My deck\"")).isEqualTo(new InDeck(Glob.literal("My deck")));
        assertThat(parse("DECK:面试::数据库")).isEqualTo(new InDeck(Glob.literal("面试::数据库")));
    }

    @Test
    void tag_takes_a_tag_a_hierarchy_a_wildcard_or_none() {
        assertThat(parse("tag:sql")).isEqualTo(new Tagged(Glob.literal("sql")));
        assertThat(parse("tag:ml::deploy")).isEqualTo(new Tagged(Glob.literal("ml::deploy")));
        assertThat(parse("tag:ml*")).isEqualTo(new Tagged(glob(lit("ml"), new Glob.AnyRun())));
        assertThat(parse("tag:none")).isEqualTo(new Untagged());
        assertThat(parse("tag:NONE")).isEqualTo(new Untagged());
    }

    @ParameterizedTest
    @CsvSource({"is:due,DUE", "is:new,NEW", "is:learn,LEARN", "is:review,REVIEW", "is:suspended,SUSPENDED",
            "is:buried,BURIED", "IS:Due,DUE"})
    void is_takes_the_six_states(String query, StateFilter state) {
        assertThat(parse(query)).isEqualTo(new InState(state));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void flag_takes_0_to_4(int flag) {
        assertThat(parse("flag:" + flag)).isEqualTo(new Flagged(flag));
    }

    @ParameterizedTest
    @CsvSource({
        "prop:ivl>=10, INTERVAL, GREATER_OR_EQUAL, 10",
        "prop:due=-1, DUE, EQUAL, -1",
        "prop:due>1, DUE, GREATER, 1",
        "prop:reps<3, REPS, LESS, 3",
        "prop:lapses!=0, LAPSES, NOT_EQUAL, 0",
        "prop:s>21, STABILITY, GREATER, 21",
        "prop:s<=2.5, STABILITY, LESS_OR_EQUAL, 2.5",
        "prop:d>0.7, DIFFICULTY, GREATER, 0.7",
        "prop:r<0.9, RETRIEVABILITY, LESS, 0.9",
        "PROP:IVL<5, INTERVAL, LESS, 5"})
    void prop_compares_a_scheduling_figure(String query, Property property, Comparison comparison, double value) {
        assertThat(parse(query)).isEqualTo(new PropertyIs(property, comparison, value));
    }

    @Test
    void days_back_for_added_edited_introduced_and_practiced() {
        assertThat(parse("added:7")).isEqualTo(new Within(DatedEvent.ADDED, 7));
        assertThat(parse("edited:1")).isEqualTo(new Within(DatedEvent.EDITED, 1));
        assertThat(parse("introduced:30")).isEqualTo(new Within(DatedEvent.INTRODUCED, 30));
        assertThat(parse("practiced:7")).isEqualTo(new Within(DatedEvent.PRACTICED, 7));
    }

    @Test
    void rated_with_or_without_a_rating() {
        assertThat(parse("rated:7")).isEqualTo(new Rated(7, null));
        assertThat(parse("rated:7:1")).isEqualTo(new Rated(7, 1));
    }

    @Test
    void q_and_a_look_in_one_field() {
        assertThat(parse("q:index")).isEqualTo(new Text(TextField.QUESTION, Glob.literal("index")));
        assertThat(parse("a:\"b tree\"")).isEqualTo(new Text(TextField.ANSWER, Glob.literal("b tree")));
        assertThat(parse("q:re:^what")).isEqualTo(new Regex(TextField.QUESTION, "^what"));
    }

    @Test
    void re_keeps_the_pattern_as_typed() {
        assertThat(parse("re:\\d{3}")).isEqualTo(new Regex(TextField.ANY, "\\d{3}"));
        assertThat(parse("\"re:a (b|c)\"")).isEqualTo(new Regex(TextField.ANY, "a (b|c)"));
        assertThat(parse("re:\"say \\\"hi\\\"\"")).isEqualTo(new Regex(TextField.ANY, "say \"hi\""));
    }

    @Test
    void coverage_compares_the_last_practice_attempt() {
        assertThat(parse("coverage<0.5")).isEqualTo(new Coverage(Comparison.LESS, 0.5));
        assertThat(parse("coverage>=0.8")).isEqualTo(new Coverage(Comparison.GREATER_OR_EQUAL, 0.8));
        assertThat(parse("Coverage=1")).isEqualTo(new Coverage(Comparison.EQUAL, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a  B or (c)|a B or c",
        "(a or b) c|(a or b) c",
        "-(a b) -c|-(a b) -c",
        "\"exact  phrase\"|\"exact  phrase\"",
        "deck:\"My deck\" tag:ml::*|deck:\"My deck\" tag:ml::*",
        "std::vector deck\\:x|std::vector deck\\:x",
        "\"or\" a\\*b d*g|\"or\" a\\*b d*g",
        "prop:d>0.70 prop:ivl>=10 rated:7:1 coverage<0.50|prop:d>0.7 prop:ivl>=10 rated:7:1 coverage<0.5",
        "IS:DUE Flag:1 q:re:^a a:x|is:due flag:1 q:re:^a a:x"})
    void prints_back_normalised(String query, String printed) {
        assertThat(parse(query).toString()).isEqualTo(printed);
        assertThat(parse(printed)).isEqualTo(parse(query));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "prop:ivl>>3|9|prop:ivl>>3: expected a number after '>'",
        "prop:ivl|8|prop:ivl: expected a comparison (<, <=, =, !=, >=, >) after 'ivl'",
        "prop:foo>1|5|prop:foo>1: unknown property 'foo' (prop: takes ivl, due, reps, lapses, s, d or r)",
        "prop:stability>1|5|prop:stability>1: unknown property 'stability' (prop: takes ivl, due, reps, lapses, s, d or r)",
        "prop:ivl>3.5|9|prop:ivl>3.5: ivl is a whole number of days",
        "prop:reps>x|10|prop:reps>x: expected a number after '>'",
        "prop:d>7|7|prop:d>7: difficulty runs from 0 to 1 (0.7 is 70%)",
        "prop:r<=1.5|8|prop:r<=1.5: retrievability runs from 0 to 1 (0.7 is 70%)",
        "is:dude|3|is:dude: unknown state 'dude' (is: takes due, new, learn, review, suspended or buried)",
        "flag:5|5|flag:5: flags are numbered 0 (no flag) to 4",
        "added:0|6|added:0: the number of days must be from 1 to 36500 (1 is today)",
        "added:week|6|added:week: expected a number of days, as in added:7",
        "rated:7:5|8|rated:7:5: the rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
        "rated:x:1|6|rated:x:1: expected a number of days, as in rated:7",
        "coverage<2|9|coverage<2: coverage runs from 0 to 1 (0.5 is half the key points)",
        "coverage<<0.5|9|coverage<<0.5: expected a number after '<'",
        "x deck:|7|deck:: expected a deck name after 'deck:'",
        "a (b|2|unclosed '(': add a ')'",
        "(a or (b)|0|unclosed '(': add a ')'",
        "a b)|3|unexpected ')' without a matching '('",
        "a ()|2|empty parentheses: put a search term between '(' and ')'",
        "say \"hi|4|unclosed quote: add a '\"'",
        "a or|2|'or' must be followed by a search term",
        "a or or b|2|'or' must be followed by a search term",
        "or a|0|'or' must come between two search terms",
        "a (and b)|3|'and' must come between two search terms",
        "a - b|2|'-' must be followed by the search term to leave out",
        "a\\|1|a lone '\\' at the end: write \\\\ for a backslash",
        "\"re:a(\"|4|\"re:a(\": invalid regular expression: Unclosed group",
        "q:re:|5|q:re:: expected a regular expression after 're:'"})
    void a_query_that_cannot_be_parsed_says_where_and_why(String query, int position, String message) {
        assertThatThrownBy(() -> parse(query))
                .isInstanceOfSatisfying(SearchSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @Test
    void a_regular_expression_is_limited_in_length() {
        String query = "re:" + "a".repeat(SearchParser.MAX_REGEX_LENGTH + 1);
        assertThatThrownBy(() -> parse(query))
                .isInstanceOfSatisfying(SearchSyntaxException.class, e -> {
                    assertThat(e.getMessage()).endsWith(": regular expressions are limited to 200 characters");
                    assertThat(e.position()).isEqualTo(3);
                });
    }
}
