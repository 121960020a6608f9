package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher on English, Chinese and mixed answers: model answer, paraphrase, partial, empty, off-topic, rambling. */
class AnswerMatcherTest {
    private static final TermAnalyzer ANALYZER = TermAnalyzer.shipped();
    private static final AnswerMatcher MATCHER = new AnswerMatcher(ANALYZER);
    private static final TermRarity RARITY = LabelledAnswers.shippedRarity(ANALYZER);

    private static final String ROLLOUT = """
            - Ship the new model as a canary to a small share of traffic first.
            - Compare latency, error rate and prediction quality against the current version.
            - Keep the previous version ready so a rollback takes one command.
            - Promote gradually while dashboards and alerts stay green.
            """;

    private static final String WHERE_HAVING = """
            - WHERE 在分组之前筛选原始记录。
            - HAVING 在分组之后筛选分组的结果。
            - HAVING 里可以使用聚合函数，WHERE 里不行。
            """;

    private static final String MONITORING_MIXED = """
            - 监控接口的 latency 和 error rate。
            - 用 Prometheus 采集指标，在 Grafana 上做看板。
            - 发现 data drift 时触发重新训练 (retraining)。
            """;

    private static AnswerMatcher.AnswerCheck check(List<String> points, String answer) {
        return MATCHER.check(points, answer, RARITY);
    }

    private static double coverage(String modelAnswer, String answer) {
        return check(KeyPoints.of(modelAnswer), answer).coverage();
    }

    @Test
    void the_model_answer_itself_covers_every_point_in_english_chinese_and_mixed_cards() {
        assertThat(coverage(ROLLOUT, ROLLOUT)).isEqualTo(1.0);
        assertThat(coverage(WHERE_HAVING, WHERE_HAVING)).isEqualTo(1.0);
        assertThat(coverage(MONITORING_MIXED, MONITORING_MIXED)).isEqualTo(1.0);
    }

    @Test
    void an_english_paraphrase_in_other_words_covers_most_points() {
        String paraphrase = "I'd send a few percent of requests to the new model as a canary, watch its latency and "
                + "errors next to the current version, and keep the old version around so we can roll back in one "
                + "step. While the alerts stay quiet I promote it gradually.";
        assertThat(coverage(ROLLOUT, paraphrase)).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void columns_of_a_table_row_told_the_wrong_way_round_are_contradicted_in_either_language() {
        String card = """
                | | merge | rebase |
                |---|---|---|
                | 历史 | 保留真实的分叉过程，图上有分叉/汇合 | 一条直线，更整洁 |
                | 提交哈希 | 原有提交不变 | 被搬动的提交会生成新的哈希 |
                """;
        AnswerMatcher.AnswerCheck swapped = MATCHER.checkCard(card,
                "Rebase keeps the real forked history with its merge points; merge makes it one straight line.", RARITY);
        assertThat(swapped.points().get(0).covered()).isFalse();
        assertThat(swapped.points().get(0).reason()).isEqualTo(
                "Contradicted: your answer gives \"merge\"'s description under \"rebase\".");
        assertThat(swapped.contradicted()).isTrue();

        AnswerMatcher.AnswerCheck right = MATCHER.checkCard(card,
                "merge 保留真实的分叉过程，提交哈希不变；rebase 让历史变成一条直线，被搬动的提交生成新的哈希。", RARITY);
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
    }

    @Test
    void thresholds_said_in_chinese_cover_an_english_tables_rows() {
        String card = """
                | PSI | Reading |
                |---|---|
                | below 0.1 | No significant shift |
                | 0.1 to 0.25 | Moderate shift, investigate |
                | above 0.25 | Major shift, likely act (retrain / review) |
                """;
        AnswerMatcher.AnswerCheck result = MATCHER.checkCard(card,
                "一般小于 0.1 认为没有明显偏移；0.1 到 0.25 是中等偏移，要去查一下；超过 0.25 就是大的偏移，通常要重训。", RARITY);
        assertThat(result.points()).extracting(AnswerMatcher.PointResult::covered).containsExactly(true, true, true);
    }

    @Test
    void a_range_given_another_rows_reading_is_contradicted_in_either_language() {
        String card = """
                | Score | Meaning |
                |---|---|
                | below 0.2 | Stable, nothing to do |
                | 0.2 to 0.5 | Some change, look into it |
                | above 0.5 | Large change, retrain |
                """;
        AnswerMatcher.AnswerCheck backwards = MATCHER.checkCard(card,
                "Below 0.2 it is a large change and you retrain; between 0.2 and 0.5 it's stable, nothing to do.", RARITY);
        assertThat(backwards.points().get(0).covered()).isFalse();
        assertThat(backwards.points().get(0).reason())
                .isEqualTo("Contradicted: your answer gives \"above 0.5\"'s description under \"below 0.2\".");
        assertThat(backwards.points().get(1).covered()).isFalse();
        assertThat(backwards.contradicted()).isTrue();
        AnswerMatcher.AnswerCheck inChinese = MATCHER.checkCard(card, "小于 0.2 说明变化很大，要重训；大于 0.5 是稳定的。", RARITY);
        assertThat(inChinese.points().get(0).covered()).isFalse();
        assertThat(inChinese.points().get(0).why().in(java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("有矛盾：你的答案把 \"above 0.5\" 的描述放在了 \"below 0.2\" 名下。");

        AnswerMatcher.AnswerCheck right = MATCHER.checkCard(card, "Under 0.2 it's stable, nothing to do; from 0.2 to "
                + "0.5 there is some change, look into it; above 0.5 it is a large change, retrain.", RARITY);
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
        AnswerMatcher.AnswerCheck rightInChinese = MATCHER.checkCard(card,
                "小于 0.2 很稳定，不用管；0.2 到 0.5 有些变化，要查一查；大于 0.5 变化很大，要重训。", RARITY);
        assertThat(rightInChinese.contradicted()).isFalse();
        assertThat(rightInChinese.coverage()).isEqualTo(1.0);
    }

    @Test
    void a_complete_answer_in_the_other_language_is_deep_enough_for_easy() {
        String card = LabelledAnswers.shippedCards().get("git-branch-switch").answer();
        String english = "checkout does two jobs, switching branches and restoring files, which is easy to misuse; "
                + "since Git 2.23 that's split into switch for branches and restore for files. A branch is only a "
                + "movable pointer to a commit, so making one is nearly free.";
        AnswerMatcher.AnswerCheck result = check(KeyPoints.of(card), english);
        assertThat(result.coverage()).isEqualTo(1.0);
        // Words such as 身兼两职 or 语义 have no English counterpart to echo; depth counts the ones that do.
        assertThat(result.depth()).isGreaterThanOrEqualTo(SuggestedRating.EASY_DEPTH);
    }

    @Test
    void the_words_inside_a_chinese_compound_count_towards_the_point_that_uses_it() {
        // "已共享的分支" is one glossary word; "推送给别人的分支" says its branch without saying it.
        String card = LabelledAnswers.shippedCards().get("git-merge-vs-rebase").answer();
        String risk = "风险 · 安全，不改写历史 · 改写历史，对已共享的分支使用会让别人出问题";
        AnswerMatcher.AnswerCheck result = check(KeyPoints.of(card),
                "merge 会把提交搬到目标分支后面。不过改写历史的是 rebase，所以不要 rebase 已经推送给别人的分支。");
        assertThat(result.points()).filteredOn(p -> p.text().equals(risk)).singleElement()
                .satisfies(p -> assertThat(p.covered()).isTrue());
    }

    @Test
    void a_text_is_chinese_when_it_has_more_chinese_words_than_latin_ones() {
        assertThat(Script.mostlyChinese("滚动更新是一批一批替换；蓝绿是两套环境")).isTrue();
        assertThat(Script.mostlyChinese("HPA 根据 CPU、内存或者自定义指标自动加减 Pod")).isTrue();
        assertThat(Script.mostlyChinese("git fetch 下载 new commits into origin/main without merging")).isFalse();
        assertThat(Script.mostlyChinese("")).isFalse();
    }

    @Test
    void a_partial_answer_scores_between_nothing_and_everything() {
        double partial = coverage(ROLLOUT, "Start with a canary: the new model only gets a small share of traffic.");
        assertThat(partial).isEqualTo(0.25);
    }

    @Test
    void steps_joined_by_arrows_are_separate_clauses_so_each_credits_its_own_step() {
        List<String> steps = List.of("Train and validate the model", "Containerization (Docker image + Dockerfile)",
                "API development (Flask / FastAPI)", "Deployment on Kubernetes", "Monitoring and logging",
                "Security measures (JWT, SSL/TLS)", "Automation and retraining (Kubeflow, Airflow)");
        AnswerMatcher.AnswerCheck arrows = check(steps, "train + validate → Dockerfile/image → Flask or FastAPI API → "
                + "k8s → Prometheus/Grafana + request logs → JWT + TLS → Kubeflow/Airflow retraining");
        assertThat(arrows.points()).filteredOn(p -> p.text().startsWith("Security")).allMatch(p -> p.covered());
        assertThat(arrows.points()).filteredOn(p -> p.text().startsWith("Container")).allMatch(p -> p.covered());
    }

    @Test
    void empty_off_topic_and_keyword_free_answers_score_zero() {
        assertThat(coverage(ROLLOUT, "")).isZero();
        assertThat(coverage(ROLLOUT, "   \n ")).isZero();
        assertThat(coverage(ROLLOUT, "A B-tree index keeps keys sorted, so a lookup reads only a few pages.")).isZero();
        assertThat(coverage(ROLLOUT, "Honestly I would just be careful and make sure everything is fine, you know, "
                + "do it properly, think it through and get it right.")).isZero();
        assertThat(coverage(WHERE_HAVING, "我周末喜欢去爬山，然后回家做饭。")).isZero();
        assertThat(coverage(WHERE_HAVING, "嗯，这个问题其实挺重要的，我觉得要认真对待，好好想一想。")).isZero();
    }

    @Test
    void an_answer_about_something_else_covers_nothing_even_when_it_shares_some_of_the_cards_words() {
        String jwt = "- JWT for authentication: callers present a signed token, and the API verifies the signature "
                + "and expiry before returning a prediction.\n- TLS to encrypt traffic in transit.\n";
        assertThat(coverage(jwt, "Security at the airport checks your boarding token and passport before you can fly."))
                .isZero();
        String ci = "- CI: developers merge small changes into the main branch often; every push builds and tests "
                + "the code, so integration problems surface within minutes.\n- CD: every change that passes goes out.\n";
        assertThat(coverage(ci, "A CD is a compact disc; the band integrates the tracks in the studio and delivers "
                + "the masters to the label.")).isZero();
        assertThat(coverage(jwt, "JWT auth: the caller sends a signed token, the API checks the signature and expiry."))
                .isEqualTo(0.5);
    }

    @Test
    void a_chinese_paraphrase_with_other_verbs_covers_the_points() {
        String paraphrase = "WHERE 先过滤每一行原始数据再分组；HAVING 是分组之后再过滤结果，所以能写 sum 这种聚合函数。";
        assertThat(coverage(WHERE_HAVING, paraphrase)).isEqualTo(1.0);
        assertThat(coverage(WHERE_HAVING, "WHERE 在分组之前过滤。")).isGreaterThan(0).isLessThan(0.7);
    }

    @Test
    void a_mixed_answer_matches_english_terms_inside_chinese_points_and_synonyms_across_languages() {
        String answer = "上线以后 monitor 接口 latency 和 error rate，Prometheus 采集 metrics，Grafana 看板展示；"
                + "发现 drift 就 retrain。";
        assertThat(coverage(MONITORING_MIXED, answer)).isEqualTo(1.0);
        assertThat(coverage(MONITORING_MIXED, "用 Grafana 看板。")).isGreaterThan(0).isLessThan(0.4);
    }

    @Test
    void abbreviations_and_full_width_text_match_their_expansions() {
        List<String> points = List.of("Run the service on Kubernetes behind continuous integration checks.");
        assertThat(check(points, "k8s with CI").points().get(0).covered()).isTrue();
        assertThat(check(List.of("Kubernetes"), "ＫＵＢＥＲＮＥＴＥＳ").coverage()).isEqualTo(1.0);
    }

    @Test
    void matched_words_are_reported_as_written_in_the_point() {
        AnswerMatcher.PointResult point = check(List.of("Deploying the model behind an API"),
                "we deployed both models behind a REST api").points().get(0);
        assertThat(point.matched()).containsExactly("Deploying", "model", "behind", "API");
    }

    @Test
    void one_shared_common_word_does_not_cover_a_longer_point() {
        AnswerMatcher.AnswerCheck check = check(
                List.of("Compare latency, error rate and prediction quality against the current version."),
                "The latency of my home internet is terrible.");
        assertThat(check.points().get(0).matched()).containsExactly("latency");
        assertThat(check.points().get(0).covered()).isFalse();
    }

    @Test
    void ticking_points_by_hand_replaces_the_matchers_verdict() {
        AnswerMatcher.AnswerCheck check = check(KeyPoints.of(ROLLOUT), "");
        assertThat(check.withTicks(java.util.Set.of(0, 2)).coverage()).isEqualTo(0.5);
    }

    private static final String JOINS = """
            | 类型 | 结果 |
            |------|------|
            | `INNER JOIN` | 只保留两表都能按条件匹配上的行 |
            | `LEFT JOIN` | 保留左表全部行；右表匹配不到的列填 `NULL` |
            | `RIGHT JOIN` | 保留右表全部行；左表匹配不到的列填 `NULL` |
            | `FULL JOIN` | 两表的行都保留，哪边匹配不上哪边填 `NULL` |
            """;

    private static final String IMAGE_CONTAINER = """
            - **Image:** a read-only, layered template, built from a Dockerfile and stored in a registry.
            - **Container:** a running (or stopped) instance of an image, with its own writable layer and process space.
            """;

    @Test
    void a_sentence_about_one_row_does_not_also_cover_the_rows_that_share_its_words() {
        AnswerMatcher.AnswerCheck check = check(KeyPoints.of(JOINS),
                "INNER JOIN 只留两边都匹配上的行。LEFT JOIN 保留左表所有行，右表没匹配上就是 NULL。");
        assertThat(check.points()).extracting(AnswerMatcher.PointResult::covered)
                .containsExactly(true, true, false, false);
    }

    @Test
    void an_answer_that_swaps_two_roles_covers_neither_and_says_why() {
        AnswerMatcher.AnswerCheck check = check(KeyPoints.of(IMAGE_CONTAINER),
                "A container is the file you build from a Dockerfile and push to the registry; an image is what "
                        + "actually runs, with its own writable layer and process.");
        assertThat(check.coverage()).isZero();
        assertThat(check.contradicted()).isTrue();
        assertThat(check.points().get(1).reason()).contains("Image").contains("Container");
        assertThat(check(KeyPoints.of(IMAGE_CONTAINER), "镜像是只读的模板，由 Dockerfile 构建；容器是镜像跑起来的实例，有自己可写的一层。")
                .coverage()).isEqualTo(1.0);
    }

    @Test
    void swapping_which_side_a_join_keeps_is_a_contradiction_in_either_language() {
        AnswerMatcher.AnswerCheck swapped = check(KeyPoints.of(JOINS),
                "LEFT JOIN keeps every row of the right table and fills the left side with NULL.");
        assertThat(swapped.points().get(1).covered()).isFalse();
        assertThat(swapped.points().get(1).reason()).contains("right");
        assertThat(check(KeyPoints.of(JOINS),
                "A left join keeps all rows of the left table and fills the right side with nulls.").contradicted())
                .isFalse();
    }

    @Test
    void naming_each_thing_with_its_siblings_claim_is_caught_even_without_a_head_at_the_start_of_a_point() {
        String kubernetes = """
                - Put a Service in front of the pods for a stable internal address and load balancing.
                - Add an Ingress (controller) to route external HTTP(S) traffic to the API.
                """;
        AnswerMatcher.AnswerCheck check = check(KeyPoints.of(kubernetes),
                "The Ingress gives the pods a stable internal address and load-balances between them, and the Service "
                        + "routes external HTTP traffic from outside the cluster.");
        assertThat(check.coverage()).isZero();
        assertThat(check.contradicted()).isTrue();
        assertThat(check(KeyPoints.of(kubernetes), "A Service gives the pods a stable address and load "
                + "balancing; an Ingress routes external HTTP traffic in.").coverage()).isEqualTo(1.0);
    }

    @Test
    void where_and_having_told_the_wrong_way_round_are_contradicted() {
        AnswerMatcher.AnswerCheck check = check(KeyPoints.of(WHERE_HAVING),
                "HAVING filters the rows before grouping, and WHERE filters the groups afterwards.");
        assertThat(check.contradicted()).isTrue();
        assertThat(check.coverage()).isZero();
    }

    @Test
    void denying_what_a_point_states_is_a_contradiction_in_either_language_and_says_so() {
        List<String> alerts = List.of("Require the condition to hold for a while (Prometheus for: clause) to avoid "
                + "paging on noise.");
        AnswerMatcher.AnswerCheck english = check(alerts,
                "The alert fires on the first sample over the line: the condition need not hold for a while.");
        assertThat(english.points().get(0).covered()).isFalse();
        assertThat(english.points().get(0).reason()).startsWith("Contradicted: your answer denies what the point states");
        assertThat(check(alerts, "Only page when the condition holds for a while, with Prometheus's for: clause, "
                + "so noise never wakes anyone.").points().get(0).covered()).isTrue();

        List<String> validation = List.of("Each retrained model is validated before it replaces the current one.");
        AnswerMatcher.AnswerCheck chinese = check(validation, "新训练出来的模型直接替换线上的模型，不需要再验证模型。");
        assertThat(chinese.points().get(0).covered()).isFalse();
        assertThat(chinese.contradicted()).isTrue();
        assertThat(check(validation, "每个重新训练的模型先要通过验证，然后才替换线上的模型。").points().get(0).covered())
                .isTrue();
    }

    @Test
    void stating_what_a_point_denies_is_a_contradiction_in_either_language() {
        List<String> gzip = List.of("注意：gzip 文件不可切分，下游作业读取时一个文件只能由一个 map 处理，单个文件不宜过大。");
        AnswerMatcher.AnswerCheck english = check(gzip, "Note that gzip files are splittable, so downstream many maps "
                + "can read one file.");
        assertThat(english.points().get(0).covered()).isFalse();
        assertThat(english.contradicted()).isTrue();
        assertThat(check(gzip, "Careful: gzip files can't be split, so downstream one map reads each whole file; "
                + "keep files small.").points().get(0).covered()).isTrue();
        assertThat(check(gzip, "gzip 文件可以切分，下游作业读取时多个 map 一起处理一个文件。").contradicted()).isTrue();
        assertThat(check(gzip, "gzip 不能切分，下游一个文件只能由一个 map 读取。").points().get(0).covered()).isTrue();
    }

    @Test
    void next_and_previous_one_and_any_number_concurrent_and_total_are_opposites() {
        List<String> head = List.of("HEAD~1 表示上一个提交，HEAD~2 表示再往前一个。");
        assertThat(check(head, "HEAD~1 is the next commit after HEAD.").contradicted()).isTrue();
        assertThat(check(head, "HEAD~1 是下一个提交。").contradicted()).isTrue();
        assertThat(check(head, "HEAD~1 is the previous commit, HEAD~2 the one before it.").points().get(0).covered())
                .isTrue();
        assertThat(check(head, "HEAD~1 是上一个提交。").points().get(0).covered()).isTrue();

        List<String> underscore = List.of("_ 本身是通配符，匹配恰好一个任意字符，并不只是下划线。");
        assertThat(check(underscore, "In LIKE, _ is a wildcard that matches any number of characters.").contradicted())
                .isTrue();
        assertThat(check(underscore, "_ 是通配符，匹配任意多个字符。").contradicted()).isTrue();
        assertThat(check(underscore, "_ is a wildcard matching exactly one character, not just an underscore.")
                .points().get(0).covered()).isTrue();

        List<String> capacity = List.of("mapred.job.map.capacity=1800：该作业最多同时运行的 map 任务数（并发上限），"
                + "不是 map 总数；map 总数由输入切片决定。");
        assertThat(check(capacity, "mapred.job.map.capacity=1800 is the total number of map tasks the job runs.")
                .contradicted()).isTrue();
        assertThat(check(capacity, "mapred.job.map.capacity=1800 caps how many map tasks run at the same time, a "
                + "concurrency limit; the number of maps comes from the input splits.").points().get(0).covered())
                .isTrue();
    }

    @Test
    void a_sequence_told_out_of_order_is_contradicted_where_it_breaks_the_order() {
        String order = """
                1. `FROM`（含 `JOIN`）：确定数据来源
                2. `WHERE`：逐行过滤
                3. `GROUP BY`：分组
                4. `HAVING`：过滤分组
                5. `SELECT`：计算输出列和别名
                6. `ORDER BY`：排序
                """;
        AnswerMatcher.AnswerCheck inOrder = check(KeyPoints.of(order),
                "先 FROM 确定数据来源，然后 WHERE 逐行过滤，再 GROUP BY 分组，HAVING 过滤分组，之后 SELECT 算列和别名，最后 ORDER BY 排序。");
        assertThat(inOrder.contradicted()).isFalse();
        assertThat(inOrder.coverage()).isEqualTo(1.0);
        AnswerMatcher.AnswerCheck shuffled = check(KeyPoints.of(order),
                "先 FROM 确定数据来源，然后 SELECT 计算输出列，再 WHERE 逐行过滤，然后 GROUP BY 分组，最后 ORDER BY 排序。");
        assertThat(shuffled.points().get(4).reason()).contains("out of order");
        assertThat(shuffled.points().get(1).covered()).isTrue();
    }

    @Test
    void swapping_the_labelled_parts_inside_one_point_is_a_contradiction() {
        String cd = """
                - **CD:** automates what happens after CI. It stands for one of two things:
                  - **Continuous delivery:** every passing change is releasable; going to production is a manual, \
                one-click decision.
                  - **Continuous deployment:** every passing change goes to production automatically, with no \
                human approval.
                """;
        AnswerMatcher.AnswerCheck swapped = check(KeyPoints.of(cd), "CD automates the release. Continuous "
                + "delivery ships every passing change automatically with no human in the loop; continuous deployment "
                + "needs someone to click to release.");
        assertThat(swapped.points().get(0).reason()).contains("Continuous deployment");
        AnswerMatcher.AnswerCheck right = check(KeyPoints.of(cd), "CD automates the release. Continuous "
                + "delivery keeps every change releasable but a manual click puts it in production; continuous "
                + "deployment ships every passing change automatically, no human approval.");
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
    }

    private static final String SECURITY = """
            - **OAuth tokens** for authentication: every caller presents a signed token and the gateway checks its \
            signature and expiry.
            - **HTTPS** encrypts the traffic between clients and the service, so nobody can read or alter it on the wire.
            """;

    @Test
    void a_bold_name_given_its_siblings_claim_is_contradicted_in_either_language_and_says_why() {
        AnswerMatcher.AnswerCheck swapped = MATCHER.checkCard(SECURITY, "OAuth tokens encrypt the traffic between "
                + "clients and the service. HTTPS is how callers authenticate with a signed token.", RARITY);
        assertThat(swapped.points().get(0).covered()).isFalse();
        assertThat(swapped.points().get(0).reason()).startsWith("Contradicted: your answer gives \"HTTPS")
                .contains("under \"OAuth tokens");
        assertThat(swapped.points().get(0).why().in(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("有矛盾：你的答案把");
        assertThat(swapped.contradicted()).isTrue();

        AnswerMatcher.AnswerCheck inChinese = MATCHER.checkCard(SECURITY,
                "OAuth 负责加密客户端和服务之间的流量；HTTPS 用来认证，调用方出示签名的令牌。", RARITY);
        assertThat(inChinese.contradicted()).isTrue();
        assertThat(inChinese.points().get(0).covered()).isFalse();

        AnswerMatcher.AnswerCheck right = MATCHER.checkCard(SECURITY, "OAuth tokens authenticate callers: each "
                + "presents a signed token whose signature and expiry are checked. HTTPS encrypts traffic between "
                + "clients and the service so it cannot be read on the wire.", RARITY);
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
        AnswerMatcher.AnswerCheck rightInChinese = MATCHER.checkCard(SECURITY,
                "OAuth 令牌做认证：调用方出示签名的令牌，网关校验签名和过期时间。HTTPS 加密客户端和服务之间的流量，线路上读不到也改不了。",
                RARITY);
        assertThat(rightInChinese.contradicted()).isFalse();
        assertThat(rightInChinese.coverage()).isEqualTo(1.0);
    }

    @Test
    void two_commands_whose_comments_are_exchanged_are_contradicted_in_either_language() {
        String stash = """
                ```bash
                git stash list    # 查看所有收起的记录
                git stash pop     # 恢复最近一次，并从列表删除
                git stash apply   # 恢复，但保留在列表中
                ```
                """;
        AnswerMatcher.AnswerCheck swapped = check(KeyPoints.of(stash), "git stash list shows the entries. git stash "
                + "apply restores the latest and removes it from the list, while git stash pop restores it but keeps "
                + "it in the list.");
        assertThat(swapped.points().get(0).covered()).isFalse();
        assertThat(swapped.points().get(0).reason()).contains("\"git stash pop\"").contains("\"git stash apply\"");
        assertThat(check(KeyPoints.of(stash), "git stash apply 恢复最近一次并从列表删除，git stash pop 恢复但保留在列表中。")
                .contradicted()).isTrue();

        AnswerMatcher.AnswerCheck right = check(KeyPoints.of(stash), "git stash list shows the entries; git stash pop "
                + "restores the latest and removes it from the list, while git stash apply restores it but keeps it.");
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
        assertThat(check(KeyPoints.of(stash), "git stash list 查看记录，git stash pop 恢复并从列表删除，git stash apply 恢复但保留。")
                .contradicted()).isFalse();
    }

    @Test
    void names_whose_bracketed_roles_are_exchanged_are_contradicted_and_the_right_roles_are_credited() {
        String split = "- Git 2.23 起拆成 git switch（切换分支）和 git restore（恢复文件），语义更清楚。\n";
        AnswerMatcher.AnswerCheck swapped = check(KeyPoints.of(split),
                "Since Git 2.23 git restore switches branches and git switch restores files.");
        assertThat(swapped.points().get(0).covered()).isFalse();
        assertThat(swapped.points().get(0).reason()).contains("\"restore\"").contains("\"switch\"");
        assertThat(check(KeyPoints.of(split), "Git 2.23 以后 git switch 用来恢复文件，git restore 用来切换分支。")
                .contradicted()).isTrue();

        AnswerMatcher.AnswerCheck right = check(KeyPoints.of(split),
                "Since Git 2.23 git switch switches branches and git restore restores files, which reads clearer.");
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
    }

    @Test
    void a_point_is_named_by_what_sets_its_head_apart_so_reset_and_revert_told_backwards_are_caught() {
        String undo = """
                - **`git revert <提交>`**：新建一个反向提交来抵消某次改动，历史不被改写，适合已经推送到公共分支的提交。
                - **`git reset <提交>`**：把当前分支指针移回到指定提交，属于改写历史，只适合本地未共享的提交。
                """;
        assertThat(check(KeyPoints.of(undo), "reset 是新建一个反向提交来抵消改动，不改写历史，适合公共分支；"
                + "revert 会把分支指针移回去，改写历史。").contradicted()).isTrue();
        AnswerMatcher.AnswerCheck right = check(KeyPoints.of(undo),
                "revert 新建一个反向提交抵消改动，不改写历史；reset 把分支指针移回去，改写历史，只在本地用。");
        assertThat(right.contradicted()).isFalse();
        assertThat(right.coverage()).isEqualTo(1.0);
    }

    @Test
    void each_point_says_why_it_is_covered_or_not_in_the_points_own_words() {
        AnswerMatcher.AnswerCheck check = check(KeyPoints.of(ROLLOUT),
                "A canary gets a small share of traffic. We also watch errors.");
        assertThat(check.points().get(0).reason()).startsWith("Covered: your answer says")
                .contains("\u201ccanary\u201d").contains("\u201ctraffic\u201d");
        assertThat(check.points().get(1).covered()).isFalse();
        assertThat(check.points().get(1).reason()).startsWith("Not covered: your answer says \u201c")
                .contains("\u201cerror\u201d but not");
        assertThat(check.points().get(3).reason()).startsWith("Not covered: your answer says nothing of it")
                .contains("\u201cgradually\u201d");
        AnswerMatcher.AnswerCheck swapped = check(KeyPoints.of(WHERE_HAVING),
                "HAVING filters the rows before grouping, and WHERE filters the groups afterwards.");
        assertThat(swapped.points()).filteredOn(AnswerMatcher.PointResult::contradicted).isNotEmpty()
                .allSatisfy(p -> assertThat(p.reason()).startsWith("Contradicted: your answer ")
                        .contains(p.contradiction()));
    }
}
