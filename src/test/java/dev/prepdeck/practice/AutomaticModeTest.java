package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Automatic practice mode: on when the deck's median answer (the lower of two middles) takes 45 s or more to say. */
class AutomaticModeTest {
    private static String words(int count) {
        return "word ".repeat(count).strip();
    }

    @Test
    void an_answer_of_48_words_takes_45_seconds_and_one_of_47_takes_40() {
        assertThat(PracticeService.answersAreLong(List.of(words(48)))).isTrue();
        assertThat(PracticeService.answersAreLong(List.of(words(47)))).isFalse();
    }

    @Test
    void the_lower_median_decides_and_a_deck_without_answers_is_off() {
        assertThat(PracticeService.answersAreLong(List.of())).isFalse();
        assertThat(PracticeService.answersAreLong(List.of(words(5), words(60)))).isFalse();
        assertThat(PracticeService.answersAreLong(List.of(words(60), words(5), words(60)))).isTrue();
        assertThat(PracticeService.answersAreLong(List.of(words(60), words(5), words(5), words(60)))).isFalse();
        assertThat(PracticeService.answersAreLong(List.of("一二三四五六七八九十".repeat(10)))).as("100 Han, 50 words")
                .isTrue();
    }
}
