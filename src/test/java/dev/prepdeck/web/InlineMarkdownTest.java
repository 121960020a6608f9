package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineMarkdownTest {
    private final InlineMarkdown inline = new InlineMarkdown();

    @Test
    void code_spans_and_emphasis_stay_inline_without_a_paragraph_around_them() {
        assertThat(inline.toHtml("`sid like '%30864_6%'` 能匹配到哪些 sid？"))
                .isEqualTo("<code>sid like '%30864_6%'</code> 能匹配到哪些 sid？");
        assertThat(inline.toHtml("Why is *GROUP BY* **slow**?"))
                .isEqualTo("Why is <em>GROUP BY</em> <strong>slow</strong>?");
    }

    @Test
    void blocks_links_and_html_become_text_on_one_line() {
        assertThat(inline.toHtml("# What is [DNS](https://example.org)?")).isEqualTo("What is DNS?");
        assertThat(inline.toHtml("- one\n- two")).isEqualTo("one two");
        assertThat(inline.toHtml("<script>alert(1)</script> then")).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(inline.toHtml("[click](javascript:alert(1))")).isEqualTo("click");
    }

    @Test
    void plain_text_drops_the_markup_for_labels_and_sentences() {
        assertThat(inline.toPlainText("`sid like '%30864_6%'` 能匹配到哪些 sid？")).isEqualTo("sid like '%30864_6%' 能匹配到哪些 sid？");
        assertThat(inline.toPlainText("Why is *GROUP BY*\nslow?")).isEqualTo("Why is GROUP BY slow?");
    }
}
