package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Contradictions the verdict layer finds in plain sentences, and the correct answers it must leave alone. */
class ContradictionsTest {
    private static final TermAnalyzer ANALYZER = TermAnalyzer.shipped();
    private static final AnswerMatcher MATCHER = new AnswerMatcher(ANALYZER);
    private static final TermRarity RARITY = LabelledAnswers.shippedRarity(ANALYZER);

    /** hadoop-dag-graph's points: each opens with the vertices it is about, and names others later. */
    private static final List<String> DAG = List.of(
            "顶点 0 和 3 是两个 map 入口，各自处理一类输入。",
            "顶点 1 是中间 reduce，只接收顶点 0 的输出。",
            "顶点 2 是最终 reduce，汇合两条分支（顶点 1 的结果 + 顶点 3 的输出）完成 join 并产出最终结果。");

    private static AnswerMatcher.AnswerCheck check(List<String> points, String answer) {
        return MATCHER.check(points, answer, RARITY);
    }

    @Test
    void a_claim_given_to_another_points_number_is_contradicted_in_either_language() {
        AnswerMatcher.AnswerCheck english = check(DAG, "Vertices 0 and 1 are the two map entry points, each on its "
                + "own input. Vertex 3 is the intermediate reduce and only takes vertex 0's output. Vertex 2 is the "
                + "final reduce that joins both branches and writes the result.");
        assertThat(english.points().get(0).contradicted()).as("map entries given vertex 1").isTrue();
        assertThat(english.points().get(1).contradicted()).as("the intermediate reduce given vertex 3").isTrue();
        assertThat(english.points().get(1).why().in(Locale.ENGLISH))
                .isEqualTo("Contradicted: your answer says \"3\" where the point says \"1\".");
        assertThat(english.points().get(1).why().in(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("有矛盾：你的答案说的是“3”，而要点说的是“1”。");
        assertThat(english.points().get(2).contradicted()).as("vertex 2 is told right").isFalse();
        assertThat(english.contradicted()).isTrue();
    }

    @Test
    void the_numbers_told_right_or_mentioned_later_in_a_clause_contradict_nothing() {
        AnswerMatcher.AnswerCheck right = check(DAG, "顶点 0 和 3 是两个 map 入口，各自处理一类输入；顶点 1 是中间 "
                + "reduce，只接收顶点 0 的输出；顶点 2 是最终 reduce，汇合顶点 1 和顶点 3 两条分支，完成 join 产出最终结果。");
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);

        AnswerMatcher.AnswerCheck english = check(DAG, "Vertices 0 and 3 are the map entry points, each with its own "
                + "input; vertex 1 is the intermediate reduce that only takes vertex 0's output; vertex 2 is the final "
                + "reduce joining both branches, vertex 1's result and vertex 3's output.");
        assertThat(english.contradicted()).isFalse();
    }

    @Test
    void saying_a_required_step_is_not_needed_contradicts_the_point_that_requires_it() {
        List<String> gitignore = List.of(
                ".gitignore 列出不希望 Git 跟踪的文件，比如日志、构建产物和密钥。",
                "已经提交过的文件需要先 git rm --cached 文件名 取消跟踪，忽略规则才会起作用。");
        AnswerMatcher.AnswerCheck denied = check(gitignore, ".gitignore lists files Git should not track, like logs, "
                + "builds and secrets. Adding an already committed file to it stops tracking it, so you don't need git rm.");
        assertThat(denied.points().get(1).contradicted()).isTrue();
        assertThat(denied.points().get(1).why().in(Locale.ENGLISH)).contains("don't need");

        AnswerMatcher.AnswerCheck right = check(gitignore, ".gitignore lists files Git should not track, like logs, "
                + "builds and secrets. A file that is already committed needs git rm --cached first, then the rule works.");
        assertThat(right.points().get(1).contradicted()).isFalse();
    }

    @Test
    void only_against_a_bold_claim_that_says_also_is_contradicted_and_the_claim_told_right_is_not() {
        List<String> mlCi = List.of(
                "CI also tests data and models: schema and data validation, feature checks, and model tests, "
                        + "not just unit tests on code.",
                "Artifacts: besides the image, you version datasets, features and trained models.");
        AnswerMatcher.AnswerCheck only = check(mlCi, "ML CI only runs unit tests on the code. You version datasets, "
                + "features and trained models.");
        assertThat(only.points().get(0).contradicted()).isTrue();
        assertThat(only.points().get(0).why().in(Locale.ENGLISH))
                .isEqualTo("Contradicted: your answer says \"only\" where the point says \"not just\".");
        assertThat(only.points().get(0).why().in(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("有矛盾：你的答案说的是“only”，而要点说的是“not just”。");
        assertThat(only.points().get(1).contradicted()).isFalse();

        AnswerMatcher.AnswerCheck right = check(mlCi, "CI tests not only the code with unit tests but also the data "
                + "and the models: schema validation, feature checks, model tests. You version datasets and models.");
        assertThat(right.contradicted()).isFalse();
        assertThat(right.points().get(0).covered()).isTrue();
    }

    /** hadoop-slowstart's labelled upside and cost. */
    private static final List<String> SLOWSTART = List.of(
            "mapred.reduce.slowstart.completed.maps=0.9：map 完成 90% 后才启动 reduce。",
            "好处：reduce 不会过早启动、长期占着槽位空等 map，把资源让给 map 阶段。",
            "代价：shuffle 与 map 的重叠变少；数据量大时整体耗时可能略增。");

    @Test
    void an_upside_told_as_the_downside_is_contradicted_in_either_language() {
        AnswerMatcher.AnswerCheck english = check(SLOWSTART, "Reduces only start once 90% of the maps are done. The "
                + "downside is that reduces start too early and sit on their slots waiting for maps, and the upside is "
                + "that shuffle overlaps more with the map phase.");
        assertThat(english.points().get(1).contradicted()).as("the upside told as the downside").isTrue();
        assertThat(english.points().get(2).contradicted()).as("the cost told as the upside").isTrue();
        assertThat(english.points().get(1).why().in(Locale.ENGLISH))
                .isEqualTo("Contradicted: your answer says \"downside\" where the point says \"好处\".");
        assertThat(english.points().get(2).why().in(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("有矛盾：你的答案说的是“upside”，而要点说的是“代价”。");
        assertThat(english.points().get(0).contradicted()).isFalse();

        AnswerMatcher.AnswerCheck chinese = check(SLOWSTART, "map 完成 90% 时 reduce 才启动。这样设的好处是 reduce 能更早开始 "
                + "shuffle，和 map 重叠得更多，整体更快；缺点是 reduce 会长时间占着槽位干等。");
        assertThat(chinese.points().get(1).contradicted()).isTrue();
        assertThat(chinese.points().get(2).contradicted()).isTrue();
    }

    @Test
    void an_upside_and_a_cost_told_the_right_way_round_contradict_nothing() {
        AnswerMatcher.AnswerCheck english = check(SLOWSTART, "Reduces start after 90% of the maps finish. The upside: "
                + "reduces do not start too early, so they do not sit on their slots waiting for maps. The cost is less overlap "
                + "between shuffle and map, so the whole job may take a bit longer.");
        assertThat(english.contradicted()).isFalse();
        assertThat(english.coverage()).isEqualTo(1.0);

        AnswerMatcher.AnswerCheck chinese = check(SLOWSTART, "map 完成 90% 才启动 reduce。好处是 reduce 不会过早占着槽位空等"
                + " map；缺点是 shuffle 和 map 重叠少了，整体耗时可能略长。");
        assertThat(chinese.contradicted()).isFalse();
    }

    /** lifecycle-09-model-tuning's points: the second rules the test set out. */
    private static final List<String> TUNING = List.of(
            "Objective: squeeze more performance out of the model.",
            "Activities: Search over hyperparameters (settings not learned in training, like learning rate or tree "
                    + "depth) with grid search, random search or Bayesian optimization. Judge each setting with "
                    + "cross-validation or the validation set, never the test set.");

    @Test
    void doing_what_a_point_rules_out_with_never_is_contradicted_in_either_language() {
        AnswerMatcher.AnswerCheck english = check(TUNING, "Search hyperparameters like learning rate with grid or "
                + "random search, and keep whichever setting scores best on the test set.");
        assertThat(english.points().get(1).contradicted()).isTrue();
        assertThat(english.points().get(1).why().in(Locale.ENGLISH)).isEqualTo("Contradicted: your answer states "
                + "what the point denies: \"keep whichever setting scores best on the test set\".");

        AnswerMatcher.AnswerCheck chinese = check(TUNING, "用网格搜索或随机搜索调超参数，每组参数在测试集上比，挑分数最高的。");
        assertThat(chinese.points().get(1).contradicted()).isTrue();
        assertThat(chinese.points().get(1).why().in(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("有矛盾：你的答案肯定了要点所否定的：“每组参数在测试集上比”。");
    }

    @Test
    void the_ruled_out_thing_kept_aside_or_denied_contradicts_nothing() {
        for (String answer : List.of(
                "Search hyperparameters like learning rate with grid or random search; compare settings by "
                        + "cross-validation or on the validation set, and keep the test set untouched for the final score.",
                "Grid, random or Bayesian search over hyperparameters such as the learning rate, judged by "
                        + "cross-validation, not the test set.",
                "用网格搜索调超参数，用验证集比较，测试集留到最后评估一次。")) {
            AnswerMatcher.AnswerCheck right = check(TUNING, answer);
            assertThat(right.points().get(1).contradicted()).as(answer).isFalse();
            assertThat(right.points().get(1).covered()).as(answer).isTrue();
        }
        List<String> rollback = List.of("What makes it easy: immutable, versioned artifacts (image tags by commit SHA, "
                + "never reusing latest), keeping the previous version deployable.");
        AnswerMatcher.AnswerCheck avoided = check(rollback, "让回滚容易的关键是 artifact 不可变、有版本：镜像用 commit SHA "
                + "打 tag，别复用 latest，旧版本随时能部署。");
        assertThat(avoided.contradicted()).isFalse();
    }

    /** deploy-docker-image-vs-container's first two points. */
    private static final List<String> DOCKER = List.of(
            "Image: a read-only, layered template (filesystem + metadata + start command), built from a Dockerfile "
                    + "and stored in a registry.",
            "Container: a running (or stopped) instance of an image, with its own writable layer, process space and "
                    + "network.");

    @Test
    void roles_swapped_after_a_speakers_fillers_are_contradicted_and_told_right_are_not() {
        AnswerMatcher.AnswerCheck swapped = check(DOCKER, "嗯 so basically container 是那个 read-only 的 template，用 "
                + "Dockerfile build 出来存在 registry 里；image 就是 container 跑起来以后的 instance，有自己的 writable layer。");
        assertThat(swapped.points().get(0).covered()).as("the image's claim went to the container").isFalse();
        assertThat(swapped.points().get(1).contradicted()).isTrue();
        assertThat(swapped.points().get(1).why().in(Locale.ENGLISH))
                .isEqualTo("Contradicted: your answer gives \"Image\"'s description under \"Container\".");

        AnswerMatcher.AnswerCheck right = check(DOCKER, "嗯 so basically image 是那个 read-only 的 template，用 "
                + "Dockerfile build 出来存在 registry 里；container 就是 image 跑起来以后的 instance，有自己的 writable layer。");
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
    }
}
