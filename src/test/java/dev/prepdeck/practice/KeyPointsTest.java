package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which key points a model answer yields, rule by rule. */
class KeyPointsTest {
    @Test
    void a_tables_header_names_what_each_rows_cells_are_about() {
        String answer = """
                | | merge | rebase |
                |---|---|---|
                | 历史 | 保留真实的分叉过程 | 一条直线，更整洁 |
                | 风险 | 安全，不改写历史 | 改写历史 |

                | Tool | Role |
                |---|---|
                | Airflow | scheduling and orchestration of the pipelines |
                """;
        assertThat(KeyPoints.columnSubjects(answer)).containsOnlyKeys("历史 · 保留真实的分叉过程 · 一条直线，更整洁",
                "风险 · 安全，不改写历史 · 改写历史");
        assertThat(KeyPoints.columnSubjects(answer).get("风险 · 安全，不改写历史 · 改写历史")).containsExactly("merge", "rebase");
        assertThat(KeyPoints.columnSubjects("- a list, no table")).isEmpty();
    }

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
    void a_table_beside_a_list_gives_points_too_but_rows_of_bare_values_do_not() {
        String answer = """
                | | merge | rebase |
                |---|---|---|
                | History | keeps the real fork | one straight line |

                | user | coins |
                |---|---|
                | u1 | 1 |

                - Never rebase a shared branch.
                """;
        assertThat(KeyPoints.of(answer))
                .containsExactly("History · keeps the real fork · one straight line", "Never rebase a shared branch.");
    }

    @Test
    void a_point_ending_on_a_colon_takes_in_the_table_or_code_it_introduces() {
        String answer = """
                - Without grouping: one total.
                - With group by user: one sum per user:

                | user | sum |
                |---|---|
                | u1 | 5 |
                | u2 | 2 |
                """;
        assertThat(KeyPoints.of(answer))
                .containsExactly("Without grouping: one total.", "With group by user: one sum per user: u1 · 5; u2 · 2");
        assertThat(KeyPoints.of("Run it like this:\n\n```\nmake test\n```\n")).containsExactly("Run it like this: make test");
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
    void code_beside_sentences_is_a_point_of_its_own_so_a_workflow_card_is_not_judged_on_its_footnote() {
        String answer = "```yaml\non: [push]\nsteps:\n  - run: pytest\n```\n\nLater jobs would deploy to staging.\n";
        assertThat(KeyPoints.of(answer)).containsExactly("on: [push]\nsteps:\n  - run: pytest", "Later jobs would deploy to staging.");
    }

    @Test
    void lists_inside_a_block_quote_are_found() {
        assertThat(KeyPoints.of("> - first\n> - second\n")).containsExactly("first", "second");
    }

    @Test
    void an_empty_answer_has_no_points() {
        assertThat(KeyPoints.of("")).isEmpty();
        assertThat(KeyPoints.of(null)).isEmpty();
    }
}
