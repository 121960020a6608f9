package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void renders_lists_tables_and_fenced_code_with_its_language() {
        String html = markdown.toHtml("- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sql\nSELECT 1;\n```");

        assertThat(html).contains("<li>one</li>").contains("<table tabindex=\"0\">").contains("<td>2</td>")
                .contains("<pre tabindex=\"0\"><code class=\"language-sql\">SELECT 1;");
    }

    @Test
    void raw_html_and_script_links_are_made_inert() {
        String html = markdown.toHtml("<b onclick=\"x()\">hi</b>\n\n[go](javascript:alert(1)) ![i](javascript:alert(2))");

        assertThat(html).doesNotContain("<b onclick").contains("&lt;b onclick")
                .doesNotContain("javascript:");
    }

    @Test
    void chinese_text_and_full_width_punctuation_pass_through() {
        assertThat(markdown.toHtml("**分组**：先 group by，再聚合。")).isEqualTo("<p><strong>分组</strong>：先 group by，再聚合。</p>\n");
    }
}
