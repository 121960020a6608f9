package dev.prepdeck.anki.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClozeTextTest {

    @Test
    void each_number_hides_its_own_deletions_and_shows_the_others() {
        ClozeText text = ClozeText.parse("{{c1::Paris}} is the capital of {{c2::France::country}}; {{c1::it}} is big");
        assertThat(text.ordinals()).containsExactly(1, 2);
        assertThat(text.render(1, ClozeText.Side.QUESTION)).isEqualTo(
                "<span class=\"cloze\">[...]</span> is the capital of France; <span class=\"cloze\">[...]</span> is big");
        assertThat(text.render(2, ClozeText.Side.QUESTION))
                .isEqualTo("Paris is the capital of <span class=\"cloze\">[country]</span>; it is big");
        assertThat(text.render(2, ClozeText.Side.ANSWER))
                .isEqualTo("Paris is the capital of <b class=\"cloze\">France</b>; it is big");
        assertThat(text.activeOnly(1)).isEqualTo("Paris, it");
    }

    @Test
    void nested_deletions_and_shared_numbers() {
        ClozeText text = ClozeText.parse("{{c1::outer {{c2::inner}} text}} and {{c1,3::both}}");
        assertThat(text.ordinals()).containsExactly(1, 2, 3);
        assertThat(text.render(1, ClozeText.Side.QUESTION))
                .isEqualTo("<span class=\"cloze\">[...]</span> and <span class=\"cloze\">[...]</span>");
        assertThat(text.render(2, ClozeText.Side.QUESTION))
                .isEqualTo("outer <span class=\"cloze\">[...]</span> text and both");
        assertThat(text.render(1, ClozeText.Side.ANSWER))
                .isEqualTo("<b class=\"cloze\">outer inner text</b> and <b class=\"cloze\">both</b>");
        assertThat(text.render(3, ClozeText.Side.QUESTION))
                .isEqualTo("outer inner text and <span class=\"cloze\">[...]</span>");
    }

    @Test
    void markers_that_are_not_closed_or_numbered_stay_text() {
        assertThat(ClozeText.parse("{{c1::never closed").render(1, ClozeText.Side.QUESTION))
                .isEqualTo("{{c1::never closed");
        assertThat(ClozeText.parse("{{c0::zero}}").ordinals()).isEmpty();
        assertThat(ClozeText.parse("plain {{Field}} text").ordinals()).isEmpty();
    }

    @Test
    void html_inside_a_deletion_is_kept() {
        assertThat(ClozeText.parse("{{c1::<b>bold</b> word}}").render(1, ClozeText.Side.ANSWER))
                .isEqualTo("<b class=\"cloze\"><b>bold</b> word</b>");
    }
}
