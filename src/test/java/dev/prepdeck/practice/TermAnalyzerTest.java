package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How text becomes comparable terms: the glossary across languages, identifiers, keywords, unknown Chinese words. */
class TermAnalyzerTest {
    private static final TermAnalyzer ANALYZER = TermAnalyzer.shipped();

    private static List<String> keys(String text) {
        return ANALYZER.terms(text).stream().map(Term::key).toList();
    }

    @Test
    void glossary_words_compare_equal_across_english_and_chinese() {
        assertThat(keys("金丝雀")).isEqualTo(keys("canary"));
        assertThat(keys("镜像")).isEqualTo(keys("images"));
        assertThat(keys("只读")).isEqualTo(keys("read-only"));
        assertThat(keys("滚动更新")).isEqualTo(keys("rolling update"));
        assertThat(keys("持续集成")).isEqualTo(keys("CI")).isEqualTo(keys("continuous integration"));
    }

    @Test
    void chinese_is_cut_at_glossary_words_before_segmentation() {
        // smartcn alone splits 暂存区 into single characters; the glossary keeps it one term.
        assertThat(keys("改动放进暂存区")).containsSubsequence(keys("staging area"));
        assertThat(keys("WHERE 在分组之前过滤")).containsAll(keys("where before group filter"));
    }

    @Test
    void identifiers_give_the_whole_name_and_its_parts() {
        assertThat(keys("feed_nid_cuid_mapper.py")).contains("feed_nid_cuid_mapper.py", "nid", "cuid")
                .containsAll(keys("mapper"));
        assertThat(keys("stream.map.streamprocessor.0")).contains("streamprocessor");
        assertThat(keys("KeyFieldBasedPartitioner")).contains("keyfieldbasedpartition")
                .containsAll(keys("partitioner"));
    }

    @Test
    void stop_words_written_as_keywords_are_kept() {
        assertThat(keys("SELECT a FROM t AS x")).contains("from", "as");
        assertThat(keys("data from the table")).doesNotContain("from");
        assertThat(keys("用 in 匹配列表")).contains("in");
    }

    @Test
    void spoken_fillers_beside_chinese_are_not_read_as_keywords() {
        assertThat(keys("嗯 so basically container 是只读的")).isEqualTo(keys("container 是只读的"));
        assertThat(keys("so库")).isEqualTo(keys("shared library"));
    }

    @Test
    void a_chinese_glossary_word_is_made_of_the_glossary_words_inside_it() {
        assertThat(ANALYZER.partsOf("提交历史")).containsExactlyInAnyOrder(keys("提交").get(0), keys("历史").get(0));
        assertThat(ANALYZER.partsOf("匹配不到")).isEmpty();
        assertThat(ANALYZER.partsOf("健康检查接口")).containsAll(keys("health check"));
        assertThat(ANALYZER.partsOf("commit history")).isEmpty();
        assertThat(ANALYZER.partsOf("蓝莓酱")).isEmpty();
    }

    @Test
    void words_stemming_would_confuse_stay_apart() {
        assertThat(keys("containers")).isNotEqualTo(keys("contains"));
        assertThat(keys("production")).isNotEqualTo(keys("products"));
        assertThat(keys("deploying")).isEqualTo(keys("deployment"));
    }

    @Test
    void an_inflection_whose_stem_two_glossary_words_share_goes_to_the_word_it_was_cut_from() {
        // "schedule" and "schedulable" share the stem "schedul": "scheduling" is scheduling, 调度.
        assertThat(keys("scheduling")).isEqualTo(keys("schedule")).isEqualTo(keys("调度"));
        assertThat(keys("configured")).isEqualTo(keys("配置")).isNotEqualTo(keys("configuration"));
        assertThat(keys("schedulable")).isNotEqualTo(keys("schedule"));
    }

    @Test
    void software_data_and_statistics_terms_compare_across_languages() {
        assertThat(keys("hotfix")).isEqualTo(keys("修 bug")).isEqualTo(keys("紧急修复"));
        assertThat(keys("sample size")).isEqualTo(keys("样本量"));
        assertThat(keys("worktree")).isEqualTo(keys("工作区"));
        assertThat(keys("idempotent")).isEqualTo(keys("幂等"));
        assertThat(keys("data skew")).isEqualTo(keys("数据倾斜"));
    }

    @Test
    void one_chinese_character_inside_a_mixed_glossary_alternative_is_not_a_word_of_its_own() {
        // "修 bug" and "大o" are phrases: 修 and 大 alone stay what segmentation makes of them (here, bigrams).
        TermAnalyzer analyzer = TermAnalyzer.of(List.of(), List.of(new TermAnalyzer.Line(1, "blue team, 蓝 team")), "g");
        List<String> keys = analyzer.terms("蓝莓酱").stream().map(Term::key).toList();
        assertThat(keys).isEqualTo(List.of("蓝莓", "莓酱"));
    }

    @Test
    void a_comparison_sign_before_a_number_reads_as_its_word_and_other_angle_brackets_do_not() {
        assertThat(keys("PSI < 0.1")).isEqualTo(keys("PSI below 0.1")).isEqualTo(keys("PSI 小于 0.1"));
        assertThat(keys("> 0.25 要重训")).isEqualTo(keys("超过 0.25 要重训"));
        assertThat(keys("count(*) >= 100")).containsAll(keys("above"));
        assertThat(keys("git reset <commit>")).doesNotContainAnyElementsOf(keys("below"));
        assertThat(keys("train -> deploy")).doesNotContainAnyElementsOf(keys("above"));
    }

    @Test
    void chinese_position_words_left_on_their_own_are_not_terms() {
        assertThat(keys("在测试集中评估")).isEqualTo(keys("测试集评估"));
        assertThat(keys("提交时由 CI 检查")).isEqualTo(keys("提交 CI 检查"));
    }

    @Test
    void a_one_character_glossary_word_is_not_cut_out_of_a_longer_word() {
        // 数 is "count" and 推 is "push", but not inside 大多数 (most) or 推荐 (recommend).
        assertThat(keys("大多数引擎会报错")).doesNotContainAnyElementsOf(keys("count"));
        assertThat(keys("推荐使用")).doesNotContainAnyElementsOf(keys("push"));
        assertThat(keys("把表推上去")).containsAll(keys("table"));
    }

    @Test
    void adverbs_that_only_order_what_is_said_are_not_terms() {
        assertThat(keys("先想清楚需求，再选择合适的人，最后讨论")).isEqualTo(keys("想清楚需求，选择合适的人，讨论"));
    }

    @Test
    void unknown_chinese_words_split_into_single_characters_are_read_as_bigrams() {
        assertThat(keys("蓝莓酱")).isEqualTo(List.of("蓝莓", "莓酱"));
    }

    @Test
    void a_glossary_alternative_in_two_groups_is_refused_naming_both_lines() {
        List<TermAnalyzer.Line> glossary = List.of(new TermAnalyzer.Line(3, "canary, 金丝雀"),
                new TermAnalyzer.Line(9, "canary release, canaries"));
        assertThatThrownBy(() -> TermAnalyzer.of(List.of(), glossary, "g.txt"))
                .hasMessageContaining("g.txt:9: 'canaries' is already in the group on line 3");
    }
}
