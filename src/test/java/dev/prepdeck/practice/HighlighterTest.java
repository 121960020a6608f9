package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.web.MarkdownRenderer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matched words marked in place, in plain typed text and in rendered Markdown, with everything else escaped. */
class HighlighterTest {
    private static final TermAnalyzer ANALYZER = TermAnalyzer.shipped();
    private static final Highlighter HIGHLIGHTER = new Highlighter(ANALYZER, new MarkdownRenderer());

    private static Set<String> keysOf(String text) {
        return ANALYZER.terms(text).stream().map(Term::key).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void chinese_words_and_full_width_letters_are_marked_where_they_stand_in_the_original_text() {
        assertThat(HIGHLIGHTER.plain("WHERE 先筛选，再分组。", keysOf("过滤 分组")))
                .isEqualTo("WHERE 先<mark>筛选</mark>，再<mark>分组</mark>。");
        assertThat(HIGHLIGHTER.plain("用 ＫＵＢＥＲＮＥＴＥＳ 部署", keysOf("k8s")))
                .isEqualTo("用 <mark>ＫＵＢＥＲＮＥＴＥＳ</mark> 部署");
    }

    @Test
    void a_multi_word_synonym_is_marked_as_one_run() {
        assertThat(HIGHLIGHTER.plain("We used continuous integration daily.", keysOf("CI")))
                .isEqualTo("We used <mark>continuous integration</mark> daily.");
    }

    @Test
    void markdown_keeps_its_structure_and_escapes_raw_html_while_marking_words() {
        String html = HIGHLIGHTER.markdown("- **Canary** release <b>now</b>\n- `kubectl rollout undo`", keysOf("canary"));
        assertThat(html).contains("<li><strong><mark>Canary</mark></strong> release &lt;b&gt;now&lt;/b&gt;</li>")
                .contains("<code>kubectl rollout undo</code>");
    }

    @Test
    void the_model_answer_shows_images_and_sounds_as_every_page_does_and_no_data_address_becomes_live() {
        String html = HIGHLIGHTER.markdown("Canary first: ![canary rollout](media/canary.png)"
                + " [sound: canary.mp3](media/canary.mp3) ![x](data:image/png;base64,AAAA)", keysOf("canary"));
        assertThat(html).contains("<mark>Canary</mark> first: <img src=\"/media/canary.png\" alt=\"canary rollout\"")
                .contains("<audio controls=\"\" preload=\"none\" src=\"/media/canary.mp3\"")
                .doesNotContain("data:");
    }

    @Test
    void nothing_is_marked_when_nothing_matched() {
        assertThat(HIGHLIGHTER.plain("a <tag> & more", Set.copyOf(List.of()))).isEqualTo("a &lt;tag&gt; &amp; more");
    }
}
