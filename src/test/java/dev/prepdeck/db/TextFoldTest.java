package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void folds_case_accents_width_and_white_space() {
        assertThat(TextFold.fold("ＳＱＬ Café  naïve\n\tRésumé ÜBUNG")).isEqualTo("sql cafe naive resume ubung");
    }

    @Test
    void keeps_chinese_and_japanese_voicing_marks_but_unifies_full_width_punctuation() {
        assertThat(TextFold.fold("什么是索引？（B+ 树）")).isEqualTo("什么是索引?(b+ 树)");
        assertThat(TextFold.fold("が ガ")).isEqualTo("が ガ");
    }

    @Test
    void decomposed_and_composed_accents_fold_alike() {
        assertThat(TextFold.fold("cafe\u0301")).isEqualTo(TextFold.fold("café")).isEqualTo("cafe");
    }

    @Test
    void every_folded_char_knows_the_original_text_it_came_from() {
        String original = "Ｃafe\u0301  ﬁx";
        TextFold.Folded folded = TextFold.foldWithOffsets(original);

        assertThat(folded.text()).isEqualTo("cafe fix");
        assertThat(source(original, folded, 0)).isEqualTo("Ｃ");
        assertThat(source(original, folded, 3)).isEqualTo("e\u0301");
        assertThat(source(original, folded, 4)).isEqualTo("  "); // one space stands for the run
        assertThat(source(original, folded, 5)).isEqualTo("ﬁ");
        assertThat(source(original, folded, 6)).isEqualTo("ﬁ");
        assertThat(source(original, folded, 7)).isEqualTo("x");
    }

    @Test
    void tags_are_split_on_either_comma_folded_and_without_blanks_or_repeats() {
        assertThat(TextFold.foldTags("SQL, ml::Deploy，数据库, , sql")).containsExactly("sql", "ml::deploy", "数据库");
        assertThat(TextFold.foldTags("")).isEmpty();
    }

    @Test
    void cjk_grams_are_each_character_and_each_adjacent_pair_within_a_run() {
        assertThat(TextFold.cjkGrams("数据库 index 索引")).isEqualTo("数 据 数据 库 据库 索 引 索引");
        assertThat(TextFold.cjkGrams("no chinese")).isEmpty();
    }

    @Test
    void the_sql_functions_give_the_same_folding() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            TextFold.registerSqlFunctions(c);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(
                         "SELECT search_fold('ÉCOLE  Ｎormale'), search_tags('A, \"b\"'), search_cjk('数据')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ecole normale");
                assertThat(rs.getString(2)).isEqualTo("[\"a\",\"\\\"b\\\"\"]");
                assertThat(rs.getString(3)).isEqualTo("数 据 数据");
            }
        }
    }

    private static String source(String original, TextFold.Folded folded, int index) {
        return original.substring(folded.from()[index], folded.to()[index]);
    }
}
