package dev.prepdeck.notes;

import static dev.prepdeck.notes.NotesFixtures.assertNoRstMarkup;
import static dev.prepdeck.notes.NotesFixtures.card;
import static dev.prepdeck.notes.NotesFixtures.questions;
import static dev.prepdeck.notes.NotesFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.deck.file.DeckFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RST and Markdown notes to decks: every rule a user relies on, on fixtures written for these tests. */
class NotesReaderTest {
    private static final String RST = NotesFixtures.text("three-levels.rst");
    private static final String MARKDOWN = NotesFixtures.text("notes.md");

    @Test
    void top_level_sections_become_decks_and_topics_with_sub_sections_become_sub_decks() throws Exception {
        NotesImport result = read("three-levels.rst", RST);

        assertThat(result.decks()).extracting(DeckFile::name).containsExactly(
                "Backend Notes::Caching", "Backend Notes::消息队列", "Backend Notes::Release process",
                "Backend Notes::Release process::How you ship a release");
        assertNoRstMarkup(result);
    }

    @Test
    void deck_prefix_nests_every_deck() throws Exception {
        NotesImport result = new NotesReader().read("n.rst", RST.getBytes(StandardCharsets.UTF_8),
                NotesReader.Format.AUTO, "Prep");

        assertThat(result.decks()).extracting(DeckFile::name).allMatch(n -> n.startsWith("Prep::Backend Notes::"));
    }

    @Test
    void question_titles_become_cards_with_their_body_as_answer() throws Exception {
        NotesImport result = read("three-levels.rst", RST);

        assertThat(card(result, "What problem does a cache solve?").answer())
                .startsWith("It keeps **hot data** close to the caller");
        assertThat(card(result, "消息队列有什么作用？").answer()).contains("削峰填谷，**异步解耦**");
        assertThat(card(result, "Describe how you ship a release").answer()).isEqualTo("1. Freeze\n2. Verify\n3. Publish");
    }

    @Test
    void english_and_chinese_question_cues_are_recognised() {
        assertThat(QuestionRules.isQuestion("describe a project focused on delivery")).isTrue();
        assertThat(QuestionRules.isQuestion("what is a join.")).isTrue();
        assertThat(QuestionRules.isQuestion("Difference between TCP and UDP")).isTrue();
        assertThat(QuestionRules.isQuestion("Compare B-trees and LSM trees")).isTrue();
        assertThat(QuestionRules.isQuestion("索引的优缺点")).isTrue();
        assertThat(QuestionRules.isQuestion("如何排查慢查询")).isTrue();
        assertThat(QuestionRules.isQuestion("缓存穿透是什么")).isTrue();
        assertThat(QuestionRules.isQuestion("可以用乐观锁吗")).isTrue();
        assertThat(QuestionRules.isQuestion("索引")).isFalse();
        assertThat(QuestionRules.isQuestion("SQL语法")).isFalse();
        assertThat(QuestionRules.isQuestion("Kubernetes")).isFalse();
        assertThat(QuestionRules.asQuestion("what is the request lifecycle.")).isEqualTo("What is the request lifecycle?");
    }

    @Test
    void topic_text_becomes_a_question_in_the_notes_language_with_the_context_in_the_deck_name() throws Exception {
        NotesImport result = read("three-levels.rst", RST);

        assertThat(card(result, "What are policies?").answer()).startsWith("| Policy | When to use |");
        assertThat(card(result, "什么是消费语义？").answer()).contains("至少一次投递");
        assertThat(card(result, "什么是死信队列？").answer()).contains("死信队列");
    }

    @Test
    void bold_titled_items_give_one_card_each_and_one_for_the_order() throws Exception {
        NotesImport result = read("three-levels.rst", RST);

        assertThat(card(result, "What are the goal and owner of Verify?").answer())
                .isEqualTo("- **Goal:** run the full regression suite.\n- **Owner:** QA on call.");
        assertThat(result.decks().stream().filter(d -> d.name().endsWith("::How you ship a release"))
                .flatMap(d -> d.cards().stream()).count()).isEqualTo(3);
        assertThat(questions(result)).filteredOn(q -> q.contains("goal and owner")).hasSize(3);
    }

    @Test
    void rst_blocks_convert_to_markdown() throws Exception {
        String answer = card(read("three-levels.rst", RST), "What problem does a cache solve?").answer();

        assertThat(answer)
                .contains("[the Redis docs](https://redis.io/docs/)")
                .contains("<https://example.org/cache-patterns>.")
                .contains("- read-through: the cache loads on a miss\n- write-back: writes land in the cache first\n\n  and are flushed later")
                .contains("1. measure the hit rate\n2. tune the *eviction* policy, e.g. `maxmemory-policy`")
                .contains("Eviction example:\n\n```\nredis-cli CONFIG SET maxmemory-policy allkeys-lru\n```");
        String queue = card(read("three-levels.rst", RST), "消息队列有什么作用？").answer();
        assertThat(queue).contains("```python\nqueue.put(job)\nworker = queue.get()\n```")
                .contains("| 组件 | 作用 |\n| --- | --- |\n| broker | 存储消息 |\n| 消费者 | 处理消息 |");
    }

    @Test
    void literal_block_markers_follow_the_expanded_form() throws Exception {
        String rst = "T\n=\n\nWhat is shown?\n--------------\n\nPlain ::\n\n    a\n\nColon::\n\n    b\n\n::\n\n    c\n";

        String answer = card(read("x.rst", rst), "What is shown?").answer();

        assertThat(answer).isEqualTo("Plain\n\n```\na\n```\n\nColon:\n\n```\nb\n```\n\n```\nc\n```");
    }

    @Test
    void line_blocks_stay_lists_with_a_colon_line_as_caption() throws Exception {
        String rst = "T\n=\n\nWhich tools?\n------------\n\n| Serving:\n| Docker: images\n| Kubernetes: scheduling\n";

        assertThat(card(read("x.rst", rst), "Which tools?").answer())
                .isEqualTo("**Serving:**\n\n- Docker: images\n- Kubernetes: scheduling");
    }

    @Test
    void link_lists_become_a_resources_card_and_empty_or_figure_only_sections_are_skipped_with_reasons()
            throws Exception {
        NotesImport result = read("three-levels.rst", RST);

        assertThat(card(result, "What resources are there for Caching?").answer())
                .isEqualTo("- Cache basics, <https://example.org/cache-basics>\n- [Eviction explained](https://example.org/eviction)");
        assertThat(result.skipped()).extracting(Object::toString).containsExactly(
                "three-levels.rst:49: 'Diagrams' skipped: only a figure (layers.png), and the image file was not found",
                "three-levels.rst:55: 'Sharding' skipped: empty section");
    }

    @Test
    void images_comments_and_toctree_are_dropped_and_an_image_is_named() throws Exception {
        String rst = ".. a comment\n   spanning lines\n\nT\n=\n\nWhat is drawn?\n--------------\n\nText.\n\n"
                + ".. image:: pics/flow.png\n   :align: center\n\n.. toctree::\n   :maxdepth: 1\n\n   intro\n\n"
                + ".. 还有一种写法\n..\n.. +---+\n.. | a |\n";

        assertThat(card(read("x.rst", rst), "What is drawn?").answer()).isEqualTo("Text.\n\n(figure: flow.png)");
    }

    @Test
    void crlf_and_tabs_read_the_same_as_lf_and_spaces() throws Exception {
        NotesImport lf = read("three-levels.rst", RST);
        NotesImport crlf = read("three-levels.rst", RST.replace("\n", "\r\n"));
        NotesImport tabs = read("three-levels.rst", RST.replace("\n    ", "\n\t"));

        assertThat(crlf.decks()).isEqualTo(lf.decks());
        assertThat(tabs.decks()).isEqualTo(lf.decks());
    }

    @Test
    void card_ids_are_stable_across_runs_and_differ_between_cards() throws Exception {
        NotesImport first = read("three-levels.rst", RST);
        NotesImport second = read("three-levels.rst", RST);

        assertThat(first.decks()).isEqualTo(second.decks());
        assertThat(first.decks().stream().flatMap(d -> d.cards().stream()).map(c -> c.id()).distinct().count())
                .isEqualTo(first.cardCount());
    }

    @Test
    void markdown_notes_use_atx_and_setext_headings_with_the_same_rules() throws Exception {
        NotesImport result = read("notes.md", MARKDOWN);

        assertThat(result.decks()).extracting(DeckFile::name)
                .containsExactly("Networking", "Networking::HTTP status codes", "Interview stories");
        assertThat(card(result, "What happens when you type a URL into a browser?").answer()).startsWith("1. DNS lookup");
        assertThat(card(result, "TCP 和 UDP 有什么区别？").answer()).startsWith("| 特性 | TCP | UDP |");
        assertThat(card(result, "What are HTTP status codes?").answer()).endsWith("(figure: codes chart)");
        assertThat(card(result, "301 vs 302").answer()).isEqualTo("301 is permanent, 302 is temporary.");
        assertThat(card(result, "What resources are there for Networking?").answer()).contains("[MDN on HTTP]");
        assertThat(card(result, "Tell me about a time you fixed a production outage").answer())
                .contains("```bash\nkubectl rollout undo deployment/checkout\n```");
        assertThat(result.skipped()).extracting(Object::toString)
                .containsExactly("notes.md:35: 'Load balancers' skipped: empty section");
        assertNoRstMarkup(result);
    }

    @Test
    void a_stray_asterisk_in_rst_text_is_not_read_as_emphasis() throws Exception {
        String rst = "T\n=\n\nHow many rows?\n--------------\n\nThere are 3*4*5 combinations and a __dunder__ name.\n";

        assertThat(card(read("x.rst", rst), "How many rows?").answer())
                .isEqualTo("There are 3\\*4\\*5 combinations and a \\_\\_dunder\\_\\_ name.");
    }

    @Test
    void an_over_line_without_its_under_line_is_a_warning_and_those_lines_are_left_out_as_sphinx_does()
            throws Exception {
        NotesImport result = read("malformed-overline.rst", NotesFixtures.text("malformed-overline.rst"));

        assertThat(result.warnings()).extracting(Object::toString).containsExactly("malformed-overline.rst:4: over-line above 'A title without "
                + "an under-line' has no matching under-line; Sphinx shows these lines as an error, so they are left out");
        assertThat(questions(result)).containsExactly("What is Broken?");
        assertThat(card(result, "What is Broken?").answer()).isEqualTo("body text");
    }

    @Test
    void inconsistent_title_levels_are_warnings_and_the_title_nests_under_the_section_it_is_written_in()
            throws Exception {
        NotesImport result = read("malformed-levels.rst", NotesFixtures.text("malformed-levels.rst"));

        assertThat(result.warnings()).extracting(Object::toString).containsExactly("malformed-levels.rst:26: title level inconsistent: 'Lost' is "
                + "underlined with '*', a style not used above, under a level-2 section; read as a sub-section of the "
                + "section above it");
        assertThat(card(result, "What is Lost?").answer()).startsWith("A new style after two levels");
        assertThat(result.decks()).extracting(DeckFile::name).contains("Good::Jump");
    }

    @Test
    void non_utf8_and_binary_input_are_rejected_with_the_line() {
        byte[] latin1 = "T\n=\n\nCaf\u00e9?\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new NotesReader().read("old.rst", latin1, NotesReader.Format.AUTO, null))
                .hasMessage("old.rst:4: not valid UTF-8; save the notes as UTF-8");
        byte[] binary = {'P', 'K', 3, 4, 0, 0};
        assertThatThrownBy(() -> new NotesReader().read("notes.rst", binary, NotesReader.Format.AUTO, null))
                .hasMessage("notes.rst:1: binary data (a NUL byte); a notes file must be UTF-8 text");
    }

    @Test
    void a_short_underline_is_a_warning_not_an_error() throws Exception {
        NotesImport result = read("x.rst", "Caching layers\n=====\n\nWhat is a layer?\n----\n\nA tier.\n");

        assertThat(card(result, "What is a layer?").answer()).isEqualTo("A tier.");
        assertThat(result.warnings()).extracting(Object::toString).contains("x.rst:2: title underline too short for 'Caching layers'");
    }
}
