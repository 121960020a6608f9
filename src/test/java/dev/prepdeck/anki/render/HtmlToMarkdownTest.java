package dev.prepdeck.anki.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

class HtmlToMarkdownTest {
    private final HtmlToMarkdown converter = new HtmlToMarkdown();
    private static final List<Extension> TABLES = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(TABLES).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(TABLES).escapeHtml(true).build();

    /** What prepdeck's study page would show for the Markdown (raw HTML escaped, like web/MarkdownRenderer). */
    private static String shown(String markdown) {
        return RENDERER.render(PARSER.parse(markdown)).strip();
    }

    private String md(String html) {
        return converter.toMarkdown(html);
    }

    @Test
    void divs_and_line_breaks_become_paragraphs_and_hard_breaks() {
        assertThat(md("first line<br>second line<br><br>new paragraph<br>"))
                .isEqualTo("first line\\\nsecond line\n\nnew paragraph");
        assertThat(md("<div>one</div><div>two</div>")).isEqualTo("one\n\ntwo");
        assertThat(md("&nbsp;<div>&nbsp;</div>text&nbsp;&nbsp;")).isEqualTo("text");
    }

    @Test
    void bold_and_italic_keep_spaces_outside_their_markers() {
        assertThat(md("a <b>bold </b>and<i> italic</i> word")).isEqualTo("a **bold** and *italic* word");
        assertThat(md("<strong><em>both</em></strong>")).isEqualTo("***both***");
        assertThat(shown(md("x<b>y</b>z"))).isEqualTo("<p>x<strong>y</strong>z</p>");
        assertThat(md("<b> </b>")).isEmpty();
    }

    @Test
    void nested_lists_keep_their_structure_and_numbers() {
        String html = "<ul><li>fruit<ul><li>apple</li><li>pear</li></ul></li><li>veg</li></ul>"
                + "<ol start=\"3\"><li>three</li><li>four</li></ol>";
        String markdown = md(html);
        assertThat(markdown).isEqualTo("- fruit\n  - apple\n  - pear\n- veg\n\n3. three\n4. four");
        assertThat(shown(markdown)).isEqualTo("<ul>\n<li>fruit\n<ul>\n<li>apple</li>\n<li>pear</li>\n</ul>\n</li>\n"
                + "<li>veg</li>\n</ul>\n<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>");
    }

    @Test
    void tables_become_gfm_tables_with_pipes_escaped_and_breaks_flattened() {
        String html = "<table><thead><tr><th>Command</th><th>Effect</th></tr></thead><tbody>"
                + "<tr><td><code>a | b</code></td><td>pipes<br>output</td></tr>"
                + "<tr><td>only one cell</td></tr></tbody></table>";
        String markdown = md(html);
        assertThat(markdown).isEqualTo("| Command | Effect |\n| --- | --- |\n| `a \\| b` | pipes output |\n"
                + "| only one cell |  |");
        assertThat(shown(markdown)).contains("<th>Command</th>", "<td><code>a | b</code></td>",
                "<td>pipes output</td>");
    }

    @Test
    void code_blocks_keep_line_breaks_and_language_and_inline_code_its_backticks() {
        String html = "<pre><code class=\"language-sql\">SELECT *<br>FROM t<br>WHERE a &lt; 3;</code></pre>"
                + "<p>run <code>git log `x`</code> now</p>";
        String markdown = md(html);
        assertThat(markdown).isEqualTo("```sql\nSELECT *\nFROM t\nWHERE a < 3;\n```\n\nrun `` git log `x` `` now");
        assertThat(shown(markdown)).contains("<pre><code class=\"language-sql\">SELECT *\nFROM t\nWHERE a &lt; 3;\n"
                + "</code></pre>", "<code>git log `x`</code>");
        assertThat(md("<pre>a ```\nb</pre>")).isEqualTo("````\na ```\nb\n````");
    }

    @Test
    void links_keep_safe_targets_only() {
        assertThat(md("<a href=\"https://example.com/a b\">site</a>"))
                .isEqualTo("[site](<https://example.com/a b>)");
        assertThat(md("<a href=\"javascript:alert(1)\">click</a>")).isEqualTo("click");
        assertThat(md("<a href=\"mailto:x@y.z\"></a>")).isEqualTo("[mailto:x@y.z](mailto:x@y.z)");
    }

    @Test
    void images_and_sounds_refer_to_media_names_and_are_collected() {
        HtmlToMarkdown.Conversion conversion = converter.convert(
                "<img src=\"my diagram.png\" alt=\"a [plan]\" onerror=\"alert(1)\"> [sound:say it.mp3]"
                        + "<img src=\"https://example.com/x.png\"><img src=\"../../etc/passwd\">"
                        + "<img src=\"data:image/png;base64,AAAA\">");
        assertThat(conversion.markdown()).isEqualTo("![a \\[plan\\]](<my diagram.png>) [sound: say it.mp3](<say it.mp3>)"
                + "![](https://example.com/x.png)");
        assertThat(conversion.media()).containsExactlyInAnyOrder("my diagram.png", "say it.mp3");
        assertThat(shown(conversion.markdown())).contains("<img src=\"my diagram.png\" alt=\"a [plan]\" />", "<a href=\"say it.mp3\">sound: say it.mp3</a>")
                .doesNotContain("onerror");
    }

    @Test
    void media_links_can_point_elsewhere() {
        HtmlToMarkdown linked = new HtmlToMarkdown(name -> "/media/" + name.replace(" ", "%20"));
        assertThat(linked.toMarkdown("<img src=\"a b.png\">[sound:c.ogg]"))
                .isEqualTo("![](/media/a%20b.png)[sound: c.ogg](/media/c.ogg)");
    }

    @Test
    void scripts_styles_and_forms_are_dropped_and_event_attributes_never_survive() {
        String html = "<style>p{color:red}</style><p onclick=\"steal()\">safe<script>alert('x')</script></p>"
                + "<iframe src=\"https://evil\"></iframe><input value=\"typed\"><svg><text>svg</text></svg>";
        String markdown = md(html);
        assertThat(markdown).isEqualTo("safe");
    }

    @Test
    void entities_are_decoded_and_markdown_characters_in_text_stay_text() {
        String markdown = md("5 &lt; 6 &amp;&amp; 7 &gt; 2, a*b*c, snake_case, [x](y), &amp;amp; `tick` \\n");
        assertThat(shown(markdown)).isEqualTo(
                "<p>5 &lt; 6 &amp;&amp; 7 &gt; 2, a*b*c, snake_case, [x](y), &amp;amp; `tick` \\n</p>");
    }

    @Test
    void text_that_would_start_a_block_is_escaped() {
        for (String text : List.of("# not a heading", "- not a list", "1. not a list", "> not a quote",
                "+ plus", "===", "---")) {
            assertThat(shown(md("<div>" + text + "</div>"))).as(text).isEqualTo("<p>" + text.replace(">", "&gt;")
                    + "</p>");
        }
        assertThat(shown(md("intro<br>2) second"))).isEqualTo("<p>intro<br />\n2) second</p>");
    }

    @Test
    void headings_quotes_and_rules_are_kept() {
        assertThat(md("<h2>Title <i>here</i></h2><blockquote>quoted<br>twice</blockquote><hr>after"))
                .isEqualTo("## Title *here*\n\n> quoted\\\n> twice\n\n---\n\nafter");
    }

    @Test
    void bold_wrapping_blocks_keeps_the_blocks() {
        assertThat(md("<b><div>line one</div><div>line two</div></b>")).isEqualTo("line one\n\nline two");
        assertThat(md("<span>a <div>b</div> c</span>")).isEqualTo("a\n\nb\n\nc");
    }

    @Test
    void cloze_deletions_become_links_to_the_cloze_mark_the_study_page_draws() {
        assertThat(md("<span class=\"cloze\">[...]</span> is in France"))
                .isEqualTo("[\\[...\\]](#cloze) is in France");
        assertThat(md("The <b class=\"cloze\"> capital </b> city")).isEqualTo("The [capital](#cloze) city");
        assertThat(md("<b class=\"cloze\"><i>Paris</i></b>")).isEqualTo("[*Paris*](#cloze)");
        assertThat(md("<b class=\"cloze\"><a href=\"https://x.org\">Paris</a></b>")).as("a link cannot hold a link")
                .isEqualTo("**[Paris](https://x.org)**");
        assertThat(shown(md("<span class=\"cloze\">[hint]</span>")))
                .isEqualTo("<p><a href=\"#cloze\">[hint]</a></p>");
    }
}
