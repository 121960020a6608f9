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

    @Test
    void a_media_image_points_at_the_sites_copy_with_its_alt_text_and_loads_lazily() {
        assertThat(markdown.toHtml("![An inner join of two tables](media/sql-join.png)")).isEqualTo(
                "<p><img src=\"/media/sql-join.png\" alt=\"An inner join of two tables\" loading=\"lazy\" /></p>\n");
        assertThat(markdown.toHtml("![执行计划](media/%E6%89%A7%E8%A1%8C.png)"))
                .contains("src=\"/media/%E6%89%A7%E8%A1%8C.png\"").contains("alt=\"执行计划\"");
        assertThat(markdown.toHtml("![执行计划](<media/执行 计划.png>)")).as("escaped for the address")
                .contains("src=\"/media/%E6%89%A7%E8%A1%8C%20%E8%AE%A1%E5%88%92.png\"");
    }

    @Test
    void other_image_addresses_stay_as_written_and_lazy() {
        assertThat(markdown.toHtml("![logo](https://example.org/logo.png)"))
                .contains("<img src=\"https://example.org/logo.png\" alt=\"logo\" loading=\"lazy\" />");
        assertThat(markdown.toHtml("![x](diagram.png) ![y](../media/y.png) ![z](media/sub/z.png) ![w](/media/w.png)"))
                .contains("src=\"diagram.png\"").contains("src=\"../media/y.png\"").contains("src=\"media/sub/z.png\"")
                .contains("src=\"/media/w.png\"");
    }

    @Test
    void a_link_to_a_sound_is_a_player_followed_by_the_link() {
        assertThat(markdown.toHtml("Say it: [sound: ubiquitous.mp3](media/ubiquitous.mp3)")).isEqualTo(
                "<p>Say it: <span class=\"sound\"><audio controls=\"\" preload=\"none\" src=\"/media/ubiquitous.mp3\""
                        + " aria-label=\"sound: ubiquitous.mp3\"></audio> <a rel=\"nofollow\" href=\"/media/ubiquitous.mp3\">sound: "
                        + "ubiquitous.mp3</a></span></p>\n");
        assertThat(markdown.toHtml("[Listen](media/a.OGG) [read](media/notes.png)"))
                .contains("<audio controls=\"\" preload=\"none\" src=\"/media/a.OGG\"")
                .contains("<a rel=\"nofollow\" href=\"/media/notes.png\">read</a>").containsOnlyOnce("<audio");
    }

    @Test
    void a_sound_elsewhere_or_in_code_is_no_player() {
        assertThat(markdown.toHtml("[x](https://example.org/x.mp3) `[y](media/y.mp3)`\n\n    [z](media/z.mp3)"))
                .doesNotContain("<audio");
    }

    @Test
    void data_and_script_addresses_never_become_live_in_images_links_or_sounds() {
        String html = markdown.toHtml("![a](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) [b](data:text/html,<script>x</script>)"
                + " ![c](javascript:alert(1)) [d](JavaScript:alert(2)) [e](vbscript:msgbox) ![f](media/../x.mp3)"
                + " [g](media/%2e%2e%2Fsecret.mp3)");

        assertThat(html).doesNotContain("data:").doesNotContainIgnoringCase("javascript:").doesNotContain("vbscript:")
                .doesNotContain("<audio").doesNotContain("/media/..").contains("alt=\"a\"");
    }
}
