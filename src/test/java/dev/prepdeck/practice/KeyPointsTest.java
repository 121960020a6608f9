package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which key points a model answer yields, rule by rule. */
class KeyPointsTest {
    @Test
    void a_key_points_heading_followed_by_a_list_wins_over_everything_else() {
        String answer = """
                A long story about the project, with its own list:

                - first detail that is not a key point
                - second detail

                ### Key points

                - Canary release
                - Automatic **rollback**
                """;
        assertThat(KeyPoints.of(answer)).containsExactly("Canary release", "Automatic rollback");
    }

    @Test
    void the_heading_may_be_written_in_chinese_or_with_a_colon() {
        assertThat(KeyPoints.of("#### 要点\n\n1. 先过滤\n2. 再分组\n")).containsExactly("先过滤", "再分组");
        assertThat(KeyPoints.of("### Key points:\n\n- one\n- two\n")).containsExactly("one", "two");
    }

    @Test
    void without_explicit_points_the_top_level_list_items_are_the_points_with_their_sub_items() {
        String answer = """
                Intro sentence.

                - Build the image
                  - pin the base image
                - Push it to the `registry`
                """;
        assertThat(KeyPoints.of(answer)).containsExactly("Build the image pin the base image", "Push it to the registry");
    }

    @Test
    void without_lists_table_rows_are_the_points() {
        String answer = """
                | Clause | Runs |
                | --- | --- |
                | WHERE | before grouping |
                | HAVING | after grouping |
                """;
        assertThat(KeyPoints.of(answer)).containsExactly("WHERE · before grouping", "HAVING · after grouping");
    }

    @Test
    void otherwise_sentences_are_the_points_in_english_and_chinese() {
        assertThat(KeyPoints.of("Git stores snapshots. Each commit points to its parent! Why? History."))
                .containsExactly("Git stores snapshots.", "Each commit points to its parent!", "Why?", "History.");
        assertThat(KeyPoints.of("先按列分组，再对每组聚合。结果每组一行！能用吗？可以；但要小心"))
                .containsExactly("先按列分组，再对每组聚合。", "结果每组一行！", "能用吗？", "可以；", "但要小心");
    }

    @Test
    void an_answer_that_is_only_code_becomes_one_point_per_code_block() {
        assertThat(KeyPoints.of("```sql\nSELECT a, COUNT(*) FROM t GROUP BY a;\n```\n"))
                .containsExactly("SELECT a, COUNT(*) FROM t GROUP BY a;");
    }

    @Test
    void an_empty_answer_has_no_points() {
        assertThat(KeyPoints.of("")).isEmpty();
        assertThat(KeyPoints.of(null)).isEmpty();
    }
}
