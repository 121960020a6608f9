package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.search.SearchNode.TextField;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    private static String html(String query, String text, TextField field) {
        return new Highlighter(SearchParser.parse(query)).html(text, field);
    }

    @Test
    void marks_words_in_any_case() {
        assertThat(html("index", "What is a B-Tree INDEX? An index.", TextField.QUESTION))
                .isEqualTo("What is a B-Tree <mark>INDEX</mark>? An <mark>index</mark>.");
    }

    @Test
    void escapes_everything_around_and_inside_the_marks() {
        assertThat(html("b>", "<b>bold</b> & \"quotes\" 'too' a<b>", TextField.ANSWER))
                .isEqualTo("&lt;<mark>b&gt;</mark>bold&lt;/<mark>b&gt;</mark> &amp; &quot;quotes&quot; &#39;too&#39; a&lt;<mark>b&gt;</mark>");
    }

    @Test
    void marks_the_original_spelling_of_accented_wide_and_decomposed_text() {
        assertThat(html("cafe", "Le CAFÉ, le cafe\u0301", TextField.ANSWER))
                .isEqualTo("Le <mark>CAFÉ</mark>, le <mark>cafe\u0301</mark>");
        assertThat(html("sql", "ＳＱＬ or SQL", TextField.ANSWER)).isEqualTo("<mark>ＳＱＬ</mark> or <mark>SQL</mark>");
    }

    @Test
    void marks_chinese_substrings() {
        assertThat(html("索引", "什么是索引？索引很重要", TextField.QUESTION))
                .isEqualTo("什么是<mark>索引</mark>？<mark>索引</mark>很重要");
    }

    @Test
    void marks_each_wildcard_match_as_short_as_it_can_be() {
        assertThat(html("d*ploy", "We deploy, then redeploy.", TextField.ANSWER))
                .isEqualTo("We <mark>deploy</mark>, then re<mark>deploy</mark>.");
        assertThat(html("d_g", "dog, dug, drag", TextField.ANSWER)).isEqualTo("<mark>dog</mark>, <mark>dug</mark>, drag");
    }

    @Test
    void marks_a_phrase_across_a_line_break() {
        assertThat(html("\"balanced tree\"", "a balanced\n  tree", TextField.ANSWER))
                .isEqualTo("a <mark>balanced\n  tree</mark>");
    }

    @Test
    void marks_only_the_field_a_term_was_limited_to() {
        assertThat(html("q:index", "index", TextField.ANSWER)).isEqualTo("index");
        assertThat(html("a:index", "index", TextField.ANSWER)).isEqualTo("<mark>index</mark>");
    }

    @Test
    void does_not_mark_what_the_search_left_out() {
        assertThat(html("tree -index", "index tree", TextField.ANSWER)).isEqualTo("index <mark>tree</mark>");
        assertThat(html("-(index -tree)", "index tree", TextField.ANSWER)).isEqualTo("index <mark>tree</mark>");
    }

    @Test
    void marks_regular_expression_matches_on_the_text_as_written() {
        assertThat(html("re:b.tree", "A B-Tree, a B+Tree", TextField.QUESTION))
                .isEqualTo("A <mark>B-Tree</mark>, a <mark>B+Tree</mark>");
    }

    @Test
    void a_runaway_regular_expression_marks_nothing_instead_of_hanging() {
        String text = "a".repeat(40) + "!";
        assertThat(html("\"re:((a+)+)+b\"", text, TextField.ANSWER)).isEqualTo(text);
    }

    @Test
    void overlapping_matches_become_one_mark() {
        assertThat(html("index dex", "an index", TextField.ANSWER)).isEqualTo("an <mark>index</mark>");
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
