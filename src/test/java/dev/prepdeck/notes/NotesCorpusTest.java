package dev.prepdeck.notes;

import static dev.prepdeck.notes.NotesFixtures.assertNoRstMarkup;
import static dev.prepdeck.notes.NotesFixtures.card;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.notes.NotesImport.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Notes written the way people write Sphinx and Markdown study notes (src/test/resources/notes-corpus), each
 * mixing many constructs: every file imports, with the decks, cards and warnings a user would expect.
 */
class NotesCorpusTest {
    static Stream<String> corpus() {
        return Stream.of("sphinx-index-crlf.rst", "python-basics.rst", "sql-study.rst", "ml-algorithms.rst",
                "linux-commands.rst", "mlops-project.rst", "nlp-notes.rst", "docker-k8s.rst",
                "recsys-interview.md", "llm-obsidian.md", "cv-notes.md", "behavioral.md");
    }

    /** Reads a corpus file from its folder on disk, so its images are found as {@code notes import} finds them. */
    static NotesImport read(String name) throws NotesFormatException {
        try {
            Path file = Path.of(NotesCorpusTest.class.getResource("/notes-corpus/" + name).toURI());
            NotesImages images = NotesImages.onDisk();
            return new NotesReader().read(name, Files.readAllBytes(file), NotesReader.Format.AUTO, null, images,
                    images.pathOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> questions(NotesImport result, String deck) {
        return result.decks().stream().filter(d -> d.name().equals(deck)).flatMap(d -> d.cards().stream())
                .map(CardSource::question).toList();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void every_file_imports_with_cards_and_no_markup_left_in_any_card(String name) throws Exception {
        NotesImport result = read(name);

        assertThat(result.cardCount()).isPositive();
        assertNoRstMarkup(result);
        assertThat(result.decks()).allSatisfy(d -> assertThat(d.cards()).allSatisfy(c ->
                assertThat(c.question()).doesNotContain("Explain ").doesNotContain("请解释").doesNotContain(" (2)")));
    }

    @Test
    void crlf_tabs_and_a_title_level_jump_under_an_over_lined_title_are_read_with_warnings() throws Exception {
        NotesImport result = read("sphinx-index-crlf.rst");

        assertThat(result.decks()).extracting(DeckFile::name)
                .containsExactly("工具箱::Git 常用操作", "system Design::Rate limiting");
        assertThat(questions(result, "system Design::Rate limiting")).containsExactly(
                "How does a token bucket rate limiter work?",
                "What is the difference between a token bucket and a leaky bucket?");
        assertThat(card(result, "What is the difference between a token bucket and a leaky bucket?").answer())
                .startsWith("| Property | Token bucket | Leaky bucket |\n| --- | --- | --- |\n| Bursts |");
        assertThat(card(result, "rebase 和 merge 有什么区别？").answer())
                .contains("- rebase 把提交\"搬\"到目标分支之后，历史是一条直线\n\n  - 不要对已经推送的公共分支 rebase");
        assertThat(card(result, "分支用哪些命令？").answer()).isEqualTo(
                "```bash\ngit switch -c feature/login\ngit rebase -i HEAD~3\n```");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "sphinx-index-crlf.rst:39: title level inconsistent: 'Rate limiting' is underlined with '-', a level-3 "
                        + "style, under a level-1 section; read as a sub-section of the section above it",
                "sphinx-index-crlf.rst:42: title level inconsistent: 'How does a token bucket rate limiter work?' is "
                        + "underlined with '^', a style not used above, under a level-2 section; read as a sub-section "
                        + "of the section above it");
    }

    @Test
    void a_literal_marker_alone_on_its_line_and_at_line_ends_doctests_roles_and_definition_lists() throws Exception {
        NotesImport result = read("python-basics.rst");

        assertThat(questions(result, "Python 基础")).containsExactly("列表去重怎么写？",
                "What is the difference between a list and a tuple?", "What are decorators?", "GIL 是什么？");
        assertThat(card(result, "列表去重怎么写？").answer()).isEqualTo(
                "保持顺序去重：\n\n```\ns = [1,2,3,1,4,6]\nlist(dict.fromkeys(s))\n```\n\n不关心顺序时直接用集合:\n\n```\nset(s)\n```");
        assertThat(card(result, "What is the difference between a list and a tuple?").answer())
                .contains("```python\n>>> d = {(1, 2): \"point\"}\n>>> d[(1, 2)]\n'point'\n```")
                .contains("Use `tuple` to freeze a list and `list` to thaw it, see\nmutability and data model.");
        assertThat(card(result, "What are decorators?").answer())
                .startsWith("### decorator\n\nA callable that takes a function and returns a new one.\n\n### wrapper")
                .contains("@functools.wraps(func)");
        assertThat(card(result, "GIL 是什么？").answer()).contains("2. 对 I/O 密集型任务影响小：\n\n   - 线程在等待 I/O 时会释放 GIL");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly("python-basics.rst:9: blank line missing after '::'; the "
                + "indented lines below are read as a literal block");
    }

    @Test
    void grid_simple_csv_and_list_tables_line_blocks_and_a_structured_section() throws Exception {
        NotesImport result = read("sql-study.rst");

        assertThat(questions(result, "SQL::基础语法")).containsExactly("基础语法有哪些学习资料？", "什么是查询模板？",
                "WHERE 和 HAVING 有什么区别？", "常见 JOIN 有哪些？");
        assertThat(card(result, "WHERE 和 HAVING 有什么区别？").answer()).isEqualTo(
                "| 子句 | 作用时机 | 能否用聚合函数 |\n| --- | --- | --- |\n| WHERE | 分组前过滤行 | 不能 |\n| HAVING | 分组后过滤组 | 能 |");
        assertThat(card(result, "常见 JOIN 有哪些？").answer()).startsWith("### JOIN 类型\n\n| 类型 | 结果 |")
                .contains("| FULL JOIN | 两表全部行, 不匹配的一侧补 NULL |")
                .endsWith("![JOIN 维恩图](media/join-venn.png)");
        String template = card(result, "什么是查询模板？").answer();
        assertThat(template).contains("```sql\nselect event_type").contains("### select\n\nselect 决定结果表的样子")
                .contains("### where\n\n- where 在分组之前逐行过滤").contains("| cuid1 | 4 |");
        assertThat(template.length()).isLessThanOrEqualTo(NotesConverter.ONE_SCREEN);
        assertThat(result.images()).containsExactly(new ImageReference("sql-study.rst", 88,
                "../../_static/sql/join-venn.png", "JOIN 维恩图", "join-venn.png", "SQL::基础语法",
                card(result, "常见 JOIN 有哪些？").id()));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void substitutions_footnotes_citations_math_field_lists_admonitions_and_figures() throws Exception {
        NotesImport result = read("ml-algorithms.rst");

        assertThat(result.decks()).extracting(DeckFile::name)
                .containsExactly("Machine Learning::Logistic regression", "Machine Learning::Bias and variance");
        String loss = card(result, "What loss does logistic regression minimise?").answer();
        assertThat(loss).contains("cross-entropy (log loss) [1] between").contains("prediction is σ of a linear score")
                .contains("```math\np = \\sigma(w^\\top x + b)").contains("The gradient is `(p - y)x`")
                .contains("[scikit-learn](https://scikit-learn.org/stable/)").contains("[1] Also called binary cross-entropy.")
                .endsWith("> **Note:** Without regularisation the weights grow without bound on separable data.");
        assertThat(card(result, "What are bias and variance?").answer()).startsWith(
                "- **Bias:** error from wrong assumptions; the model underfits.\n- **Variance:**")
                .contains("> **Warning:** More data lowers variance, not bias.")
                .contains("Total error is bias squared plus variance plus noise [HTF2009].")
                .contains("[HTF2009] Hastie, Tibshirani, Friedman.");
        assertThat(card(result, "How do you reduce overfitting?").answer()).contains("- Regularise:\n\n  - L1 (lasso)");
        assertThat(result.images()).extracting(ImageReference::target, ImageReference::alt, ImageReference::line,
                        ImageReference::media)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/_static/ml/bias-variance.png",
                        "Bias-variance trade-off curve", 41, "bias-variance.png"));
        assertThat(card(result, "What are bias and variance?").answer())
                .contains("![Bias-variance trade-off curve](media/bias-variance.png)");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void option_lists_a_long_command_block_quotes_and_directives_sphinx_would_include_or_pass_through()
            throws Exception {
        NotesImport result = read("linux-commands.rst");

        assertThat(questions(result, "Linux 与 Hadoop")).containsExactly("grep 有哪些常用参数？",
                "`hadoop streaming` 命令（hadoop 提交任务）做什么？主要参数是什么意思？", "awk 和 sed 有什么区别？");
        assertThat(card(result, "grep 有哪些常用参数？").answer()).isEqualTo(
                "- `-i, --ignore-case`: 忽略大小写\n- `-r`: 递归搜索目录\n- `-n`: 显示行号\n- `--include=GLOB`: 只搜索匹配 GLOB 的文件");
        String command = card(result, "`hadoop streaming` 命令（hadoop 提交任务）做什么？主要参数是什么意思？").answer();
        assertThat(command).startsWith("**Options:**\n\n- `-D` ×11: `mapred.job.name`, `mapred.reduce.tasks`, …")
                .contains("- `-file` ×4: `./mapper.py`, `./reducer.py`, …").contains("**Example:**")
                .contains("    -D mapred.reduce.tasks=100 \\\n    # … 9 more -D lines\n    -partitioner");
        assertThat(command.length()).isLessThanOrEqualTo(NotesConverter.ONE_SCREEN);
        assertThat(card(result, "awk 和 sed 有什么区别？").answer()).startsWith("awk 按列处理结构化文本")
                .contains("```console\n$ awk");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "linux-commands.rst:16: raw html block left out: cards show text, never raw markup",
                "linux-commands.rst:23: include of '../snippets/hadoop-env.rst' not followed: only this file is imported");
    }

    @Test
    void a_long_project_story_becomes_an_overview_and_a_card_per_part_without_the_aside() throws Exception {
        NotesImport result = read("mlops-project.rst");

        String overview = card(result, "Tell me about a project where you took a model to production").answer();
        assertThat(overview).startsWith("*Follow-up: What did you own, and what did you build it with?*\n\n"
                + "Project: Churn prediction").doesNotContain("ChatGPT")
                .contains("- Cost: keeping the GPU and storage bill inside the monthly budget.")
                .endsWith("*In more detail:* Stack · Release process · Outcome");
        assertThat(questions(result, "MLOps::Projects::A project where you took a model to production"))
                .containsExactly("What is the stack?", "What does the release process look like?", "What was the outcome?");
        assertThat(card(result, "What does the release process look like?").answer())
                .startsWith("**Offline check:**\n\n- Compare the candidate");
        assertThat(card(result, "What was the outcome?").answer()).startsWith("Churn among the contacted customers");
        assertThat(result.decks()).allSatisfy(d -> assertThat(d.cards()).allSatisfy(c ->
                assertThat(c.answer().length()).isLessThanOrEqualTo(NotesConverter.ONE_SCREEN)));
        assertThat(questions(result, "Monitoring::Drift")).containsExactly("What is data drift and how do you detect it?");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly("mlops-project.rst:62: title level inconsistent: 'Drift' is "
                + "underlined with '~', a style not used above, under a level-1 section; read as a sub-section of the "
                + "section above it");
    }

    @Test
    void chinese_titles_with_short_underlines_a_broken_over_line_transitions_and_references() throws Exception {
        NotesImport result = read("nlp-notes.rst");

        assertThat(questions(result, "分词")).containsExactly("中文分词有哪些方法？", "Self-attention 的计算过程是怎样的？");
        assertThat(questions(result, "分词::词向量")).containsExactly("Word2Vec 的两种模型分别是什么？", "负采样为什么能加速训练？");
        assertThat(card(result, "负采样为什么能加速训练？").answer()).contains("详见 negative sampling 和 [原论文](https://arxiv.org/abs/1310.4546)")
                .doesNotContain("Attention");
        assertThat(card(result, "Self-attention 的计算过程是怎样的？").answer())
                .contains("2. 用 Q 和 K 的点积除以 `\\sqrt{d_k}` 得到注意力分数")
                .endsWith("参考 [Transformer](https://arxiv.org/abs/1706.03762) 论文。");
        assertThat(result.skipped()).extracting(Object::toString)
                .containsExactly("nlp-notes.rst:1: '自然语言处理' skipped: empty section");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "nlp-notes.rst:8: title underline too short for '中文分词有哪些方法？'",
                "nlp-notes.rst:15: title underline too short for '词向量'",
                "nlp-notes.rst:31: over-line above 'Attention' has no matching under-line; Sphinx shows these lines as "
                        + "an error, so they are left out");
    }

    @Test
    void tab_indented_definition_lists_nested_lists_code_options_admonitions_and_a_too_short_underline()
            throws Exception {
        NotesImport result = read("docker-k8s.rst");

        assertThat(card(result, "镜像和容器有什么区别？").answer()).isEqualTo(
                "### 镜像\n\n只读的分层文件系统加元数据，是容器的模板。\n\n### 容器\n\n镜像加一层可写层，再加上进程和网络等运行时状态。");
        assertThat(card(result, "Dockerfile 怎么写才能让镜像更小？").answer())
                .contains("- 选小的基础镜像：\n\n  - `python:3.12-slim` 代替 `python:3.12`")
                .contains("```dockerfile\nFROM golang:1.22 AS build");
        assertThat(card(result, "什么是 Kubernetes？").answer()).startsWith("> **面试常问:** Deployment、Service、Ingress 各管什么？")
                .contains("- **Service:** 给一组 Pod 一个稳定的虚拟 IP 和 DNS 名");
        assertThat(card(result, "Pod 一直 Pending 怎么排查？").answer()).isEqualTo(
                "- 先看事件：`kubectl describe pod <name>`\n\n**常见原因：**\n\n- 资源不足，节点上 CPU 或内存不够\n"
                        + "- 节点有污点而 Pod 没有对应的容忍\n- PVC 没有绑定到 PV");
        assertThat(result.warnings()).extracting(Object::toString).containsExactly(
                "docker-k8s.rst:40: possible title underline, too short for '索引'; Sphinx reads it as text");
    }

    @Test
    void markdown_front_matter_setext_headings_task_lists_details_blocks_and_indented_code() throws Exception {
        NotesImport result = read("recsys-interview.md");

        assertThat(result.decks()).extracting(DeckFile::name).containsExactly("推荐系统::召回", "推荐系统::排序");
        assertThat(card(result, "什么是召回？").answer()).contains("### 常见召回方式\n\n- ☑ 协同过滤（ItemCF / UserCF）")
                .contains("- ☐ 图召回（还没整理）");
        assertThat(card(result, "DIN 的注意力和 Transformer 有什么不同？").answer())
                .isEqualTo("DIN 的注意力权重不做 softmax 归一化，保留了用户兴趣的强度。");
        assertThat(card(result, "如何评估排序效果？").answer()).endsWith("```\n# 按用户分组计算 GAUC\ngauc = sum(w_u * auc_u) / sum(w_u)\n```");
        assertThat(result.images()).extracting(ImageReference::target, ImageReference::alt, ImageReference::line,
                        ImageReference::media)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("images/ranking-evolution.png", "排序模型演进", 46,
                        "ranking-evolution.png"));
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void obsidian_links_embeds_callouts_and_tags() throws Exception {
        NotesImport result = read("llm-obsidian.md");

        assertThat(card(result, "What is RLHF?").answer()).contains("See PPO and reward modelling.")
                .contains("### Why not plain supervised fine-tuning?");
        assertThat(questions(result, "LLM::KV cache")).containsExactly("What is KV cache?", "How much memory does it take?");
        assertThat(card(result, "What is KV cache?").answer()).endsWith("so they are not recomputed at every step. ![](media/kv-cache.png)");
        assertThat(card(result, "How do LoRA adapters work?").answer()).doesNotContain("#llm").endsWith("costs nothing extra.");
        assertThat(result.images()).extracting(ImageReference::target, ImageReference::cardId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kv-cache.png", card(result, "What is KV cache?").id()));
    }

    @Test
    void chinese_markdown_with_html_breaks_and_images_and_nested_ordered_lists() throws Exception {
        NotesImport result = read("cv-notes.md");

        assertThat(card(result, "卷积层的参数量怎么算？").answer()).doesNotContain("<br>").contains("（偏置）。\n例如 3×3 卷积");
        assertThat(card(result, "什么是感受野？").answer()).contains("2. 每往上一层：\n   1. 感受野 += (k - 1)")
                .endsWith("(figure: 感受野示意图)");
        assertThat(result.images()).extracting(ImageReference::target, ImageReference::alt, ImageReference::media)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("img/receptive-field.png", "感受野示意图", null));
        assertThat(result.imagesMissing()).isEqualTo(1);
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("cv-notes.md:19: image img/receptive-field.png not found: no such file (looked for ")
                .endsWith("; the card shows (figure: 感受野示意图)");
    }

    @Test
    void a_star_story_keeps_its_parts_as_headings_and_drops_the_gpt_aside() throws Exception {
        NotesImport result = read("behavioral.md");

        String story = card(result, "Tell me about a time you disagreed with your manager").answer();
        assertThat(story).startsWith("### Situation\n\nOur team was asked").contains("### Action\n\n- I wrote a one-page note")
                .doesNotContain("GPT");
        assertThat(story.length()).isLessThanOrEqualTo(NotesConverter.ONE_SCREEN);
        assertThat(card(result, "What is your greatest weakness?").answer()).startsWith("I used to take on too much");
    }

    @Test
    void corpus_files_read_the_same_with_lf_and_crlf() throws Exception {
        try (InputStream in = NotesCorpusTest.class.getResourceAsStream("/notes-corpus/sql-study.rst")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            NotesImport lf = new NotesReader().read("sql-study.rst", text.getBytes(StandardCharsets.UTF_8),
                    NotesReader.Format.AUTO, null);
            NotesImport crlf = new NotesReader().read("sql-study.rst",
                    text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), NotesReader.Format.AUTO, null);
            assertThat(crlf.decks()).isEqualTo(lf.decks());
        }
    }
}
