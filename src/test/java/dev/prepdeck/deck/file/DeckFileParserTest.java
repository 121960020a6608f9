package dev.prepdeck.deck.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeckFileParserTest {
    private final DeckFileParser parser = new DeckFileParser();

    private DeckFile parse(String text) throws DeckFormatException {
        return parser.parse("test.md", text);
    }

    @Test
    void front_matter_gives_name_description_and_deck_tags() throws Exception {
        DeckFile deck = parser.parse("ml-deployment.md", Fixtures.text("ml-deployment.md"));

        assertThat(deck.name()).isEqualTo("ML Interview::Deployment");
        assertThat(deck.description()).isEqualTo("Shipping models and keeping them healthy.");
        assertThat(deck.tags()).containsExactly("ml", "deployment");
        assertThat(deck.cards()).extracting(CardSource::question).containsExactly(
                "Describe a project focused on the production phase.",
                "What does `git rebase` do?",
                "How do you compare two model versions online?",
                "Which query finds the slowest endpoints?");
        assertThat(deck.cards()).extracting(CardSource::line).containsExactly(9, 26, 37, 48);
    }

    @Test
    void metadata_comments_are_captured_and_removed_from_the_answer() throws Exception {
        CardSource card = parser.parse("ml-deployment.md", Fixtures.text("ml-deployment.md")).cards().get(0);

        assertThat(card.id()).isEqualTo("deploy-production-project");
        assertThat(card.tags()).containsExactly("deployment", "mlops");
        assertThat(card.meta()).containsExactly(Map.entry("target", "120s"));
        assertThat(card.answer())
                .startsWith("Pick one model you took from a notebook to traffic and tell it in order:\n\n1. ")
                .doesNotContain("id:", "tags:", "target:");
    }

    @Test
    void answer_keeps_lists_later_html_comments_and_sub_headings_verbatim() throws Exception {
        CardSource card = parser.parse("ml-deployment.md", Fixtures.text("ml-deployment.md")).cards().get(0);

        assertThat(card.answer()).isEqualTo("""
                Pick one model you took from a notebook to traffic and tell it in order:

                1. **Constraints** — latency budget, cost ceiling, who owns the pager.
                2. **Packaging** — a container image pinned to exact library versions.
                3. **Rollout** — shadow traffic first, then a canary at 5%.

                <!-- keep this: it is part of the answer, not metadata -->

                ### What I would do differently

                Add a drift dashboard *before* launch, not after the first incident.""");
    }

    @Test
    void hash_line_inside_a_code_fence_does_not_start_a_card() throws Exception {
        CardSource card = parser.parse("ml-deployment.md", Fixtures.text("ml-deployment.md")).cards().get(1);

        assertThat(card.id()).isEqualTo("git-rebase");
        assertThat(card.answer()).endsWith("""
                ```bash
                git fetch origin
                git rebase origin/main
                ## not a heading: this line sits inside a fence
                ```""");
    }

    @Test
    void gfm_table_and_sql_fence_stay_in_the_answer_as_written() throws Exception {
        List<CardSource> cards = parser.parse("ml-deployment.md", Fixtures.text("ml-deployment.md")).cards();

        assertThat(cards.get(2).answer()).startsWith("""
                | Method      | Traffic split | Good for              |
                |-------------|---------------|-----------------------|""");
        assertThat(cards.get(3).id()).isNull();
        assertThat(cards.get(3).tags()).isEmpty();
        assertThat(cards.get(3).meta()).isEmpty();
        assertThat(cards.get(3).answer())
                .startsWith("```sql\nSELECT endpoint")
                .endsWith("```\n\n\tA line that starts with a tab stays as written.");
    }

    @Test
    void chinese_deck_with_full_width_punctuation() throws Exception {
        DeckFile deck = parser.parse("sql-zh.md", Fixtures.text("sql-zh.md"));

        assertThat(deck.name()).isEqualTo("数据库面试::SQL");
        assertThat(deck.description()).isEqualTo("用自己的话回答，不要背诵。");
        CardSource groupBy = deck.cards().get(0);
        assertThat(groupBy.question()).isEqualTo("什么是 GROUP BY？");
        assertThat(groupBy.id()).isEqualTo("sql-group-by");
        assertThat(groupBy.tags()).as("full-width comma splits, repeats dropped").containsExactly("sql", "聚合");
        assertThat(groupBy.answer()).startsWith("GROUP BY 把取值相同的行归为一组，再对每组计算聚合值：\n\n```sql")
                .endsWith("注意：SELECT 里没有聚合的列必须出现在 GROUP BY 里。");
        assertThat(deck.cards().get(1).answer()).isEqualTo("""
                - WHERE 在分组**之前**过滤行；
                - HAVING 在分组**之后**过滤组。""");
    }

    @Test
    void nested_name_from_name_key_with_no_cards_is_an_empty_deck() throws Exception {
        DeckFile deck = parser.parse("nested-empty.md", Fixtures.text("nested-empty.md"));

        assertThat(deck.name()).isEqualTo("Languages::Rust::Ownership");
        assertThat(deck.description()).isEmpty();
        assertThat(deck.cards()).isEmpty();
    }

    @Test
    void setext_level_two_heading_is_a_card_but_a_thematic_break_is_not() throws Exception {
        DeckFile deck = parser.parse("setext-cards.md", Fixtures.text("setext-cards.md"));

        assertThat(deck.name()).isEqualTo("Behavioural Questions");
        assertThat(deck.description()).isEqualTo("Stories, not slogans.");
        assertThat(deck.cards()).extracting(CardSource::question).containsExactly(
                "Tell me about a time you disagreed with your manager.",
                "How do you handle a missed deadline?");
        assertThat(deck.cards().get(0).line()).isEqualTo(6);
        assertThat(deck.cards().get(0).answer()).contains("\n\n***\n\n").endsWith("stays in the answer.");
    }

    @Test
    void multi_line_setext_question_is_joined_with_one_space() throws Exception {
        DeckFile deck = parse("# D\n\nWhy is the sky\n  blue?\n---\n\nScattering.\n");

        assertThat(deck.cards().get(0).question()).isEqualTo("Why is the sky blue?");
    }

    @Test
    void h1_alone_names_the_deck() throws Exception {
        DeckFile deck = parse("# Just a title\n\n## Q?\n\nA.\n");

        assertThat(deck.name()).isEqualTo("Just a title");
        assertThat(deck.tags()).isEmpty();
        assertThat(deck.cards()).singleElement().satisfies(card -> {
            assertThat(card.question()).isEqualTo("Q?");
            assertThat(card.answer()).isEqualTo("A.");
            assertThat(card.line()).isEqualTo(3);
        });
    }

    @Test
    void nested_name_parts_are_trimmed() throws Exception {
        assertThat(parse("#  A :: B\t::C \n").name()).isEqualTo("A::B::C");
    }

    @Test
    void front_matter_and_h1_that_agree_are_fine() throws Exception {
        assertThat(parse("---\ndeck: A :: B\n---\n# A::B\n").name()).isEqualTo("A::B");
    }

    @Test
    void closing_hashes_are_not_part_of_the_question_but_escaped_or_inner_ones_are() throws Exception {
        DeckFile deck = parse("# D\n## What is C#? ##\nA.\n## Is this \\# #\nB.\n## Use # ##\nC.\n");

        assertThat(deck.cards()).extracting(CardSource::question)
                .containsExactly("What is C#?", "Is this \\#", "Use #");
    }

    @Test
    void crlf_line_endings_read_like_lf() throws Exception {
        String lf = Fixtures.text("ml-deployment.md");

        assertThat(parser.parse("x.md", lf.replace("\n", "\r\n"))).isEqualTo(parser.parse("x.md", lf));
    }

    @Test
    void lone_cr_line_endings_read_like_lf() throws Exception {
        String lf = Fixtures.text("sql-zh.md");

        assertThat(parser.parse("x.md", lf.replace("\n", "\r"))).isEqualTo(parser.parse("x.md", lf));
    }

    @Test
    void utf8_bom_is_ignored_in_text_and_bytes() throws Exception {
        String lf = Fixtures.text("ml-deployment.md");
        DeckFile expected = parser.parse("x.md", lf);

        assertThat(parser.parse("x.md", "\uFEFF" + lf)).isEqualTo(expected);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = lf.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        assertThat(parser.parse("x.md", bytes)).isEqualTo(expected);
    }

    @Test
    void bytes_with_chinese_text_decode_as_utf8() throws Exception {
        String text = Fixtures.text("sql-zh.md");

        assertThat(parser.parse("x.md", text.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(parser.parse("x.md", text));
    }

    @Test
    void metadata_comments_may_share_an_html_block_or_be_separated_by_blank_lines() throws Exception {
        CardSource card = parse("""
                # D
                ## Q
                  <!--id:q.1-->

                <!-- Target : 90s -->
                <!-- tags: , b, a, b -->
                Answer.
                """).cards().get(0);

        assertThat(card.id()).isEqualTo("q.1");
        assertThat(card.meta()).containsExactly(Map.entry("target", "90s"));
        assertThat(card.tags()).containsExactly("b", "a");
        assertThat(card.answer()).isEqualTo("Answer.");
    }

    @Test
    void comment_after_answer_text_is_not_metadata() throws Exception {
        CardSource card = parse("# D\n## Q\nFirst words.\n\n<!-- id: late -->\n").cards().get(0);

        assertThat(card.id()).isNull();
        assertThat(card.answer()).isEqualTo("First words.\n\n<!-- id: late -->");
    }

    @Test
    void plain_comment_first_ends_the_metadata() throws Exception {
        CardSource card = parse("# D\n## Q\n<!-- a note -->\n<!-- id: x -->\nText.\n").cards().get(0);

        assertThat(card.id()).isNull();
        assertThat(card.answer()).isEqualTo("<!-- a note -->\n<!-- id: x -->\nText.");
    }

    @Test
    void heading_inside_a_quote_or_list_stays_in_the_answer() throws Exception {
        DeckFile deck = parse("# D\n## Q\n> ## quoted\n\n- ## listed\n");

        assertThat(deck.cards()).singleElement()
                .satisfies(card -> assertThat(card.answer()).isEqualTo("> ## quoted\n\n- ## listed"));
    }

    @Test
    void chinese_id_and_tabs_are_accepted() throws Exception {
        CardSource card = parse("# 面试\n##\t问题：为什么？\n<!-- id:\t问题-1 -->\n\n回答。\n").cards().get(0);

        assertThat(card.question()).isEqualTo("问题：为什么？");
        assertThat(card.id()).isEqualTo("问题-1");
    }
}
