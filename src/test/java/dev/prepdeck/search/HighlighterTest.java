package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.prepdeck.search.SearchNode.TextField;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HighlighterTest {
    /**
     * What a search marks in a text, one row a case: what the case shows, the query, the text, the field the text
     * is in, and the HTML with its marks.
     */
    static Stream<Arguments> marked() {
        return Stream.of(
                arguments("marks words in any case", "index", "What is a B-Tree INDEX? An index.", TextField.QUESTION,
                        "What is a B-Tree <mark>INDEX</mark>? An <mark>index</mark>."),
                arguments("escapes everything around and inside the marks", "b>", "<b>bold</b> & \"quotes\" 'too' a<b>",
                        TextField.ANSWER, "&lt;<mark>b&gt;</mark>bold&lt;/<mark>b&gt;</mark> &amp; &quot;quotes&quot; "
                                + "&#39;too&#39; a&lt;<mark>b&gt;</mark>"),
                arguments("marks the original spelling of accented and decomposed text", "cafe", "Le CAFÉ, le cafe\u0301",
                        TextField.ANSWER, "Le <mark>CAFÉ</mark>, le <mark>cafe\u0301</mark>"),
                arguments("marks the original spelling of wide text", "sql", "ＳＱＬ or SQL", TextField.ANSWER,
                        "<mark>ＳＱＬ</mark> or <mark>SQL</mark>"),
                arguments("marks chinese substrings", "索引", "什么是索引？索引很重要", TextField.QUESTION,
                        "什么是<mark>索引</mark>？<mark>索引</mark>很重要"),
                arguments("marks each * wildcard match as short as it can be", "d*ploy", "We deploy, then redeploy.",
                        TextField.ANSWER, "We <mark>deploy</mark>, then re<mark>deploy</mark>."),
                arguments("marks each _ wildcard match", "d_g", "dog, dug, drag", TextField.ANSWER,
                        "<mark>dog</mark>, <mark>dug</mark>, drag"),
                arguments("marks a phrase across a line break", "\"balanced tree\"", "a balanced\n  tree", TextField.ANSWER,
                        "a <mark>balanced\n  tree</mark>"),
                arguments("marks nothing in a field the term was not limited to", "q:index", "index", TextField.ANSWER,
                        "index"),
                arguments("marks the field a term was limited to", "a:index", "index", TextField.ANSWER,
                        "<mark>index</mark>"),
                arguments("does not mark an excluded word", "tree -index", "index tree", TextField.ANSWER,
                        "index <mark>tree</mark>"),
                arguments("does not mark a word of an excluded group", "-(index -tree)", "index tree", TextField.ANSWER,
                        "index <mark>tree</mark>"),
                arguments("marks regular expression matches on the text as written", "re:b.tree", "A B-Tree, a B+Tree",
                        TextField.QUESTION, "A <mark>B-Tree</mark>, a <mark>B+Tree</mark>"),
                arguments("a runaway regular expression marks nothing instead of hanging", "\"re:((a+)+)+b\"",
                        "a".repeat(40) + "!", TextField.ANSWER, "a".repeat(40) + "!"),
                arguments("overlapping matches become one mark", "index dex", "an index", TextField.ANSWER,
                        "an <mark>index</mark>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("marked")
    void marks(String behaviour, String query, String text, TextField field, String html) {
        assertThat(new Highlighter(SearchParser.parse(query)).html(text, field)).isEqualTo(html);
    }

    @Test
    void a_snippet_is_cut_around_the_first_match() {
        String text = "x".repeat(300) + " the B-Tree index " + "y".repeat(300);

        String snippet = new Highlighter(SearchParser.parse("index")).snippet(text, TextField.ANSWER, 100);

        assertThat(snippet).startsWith("…x").endsWith("y…").contains("B-Tree <mark>index</mark>");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).hasSize(102);
    }

    @Test
    void a_snippet_without_a_match_is_the_beginning() {
        String snippet = new Highlighter(SearchParser.parse("deck:x")).snippet("abc".repeat(100), TextField.ANSWER, 10);

        assertThat(snippet).isEqualTo("abcabcabca…");
    }

    @Test
    void a_snippet_does_not_split_a_character_outside_the_basic_plane() {
        String text = "😀".repeat(20);

        String snippet = new Highlighter(SearchParser.parse("")).snippet(text, TextField.ANSWER, 5);

        assertThat(snippet).isEqualTo("😀😀…");
    }
}
