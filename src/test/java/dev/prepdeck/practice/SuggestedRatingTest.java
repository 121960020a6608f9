package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.deck.Card;
import dev.prepdeck.fsrs.Rating;
import org.junit.jupiter.api.Test;

/** The suggested rating's thresholds, and where the target time comes from. */
class SuggestedRatingTest {
    @Test
    void coverage_thresholds_give_again_hard_good_and_easy_within_the_target() {
        assertThat(SuggestedRating.of(0.0, 10, 60)).isEqualTo(Rating.AGAIN);
        assertThat(SuggestedRating.of(0.19, 10, 60)).isEqualTo(Rating.AGAIN);
        assertThat(SuggestedRating.of(0.20, 10, 60)).as("one point of five").isEqualTo(Rating.HARD);
        assertThat(SuggestedRating.of(0.59, 10, 60)).isEqualTo(Rating.HARD);
        assertThat(SuggestedRating.of(0.60, 10, 60)).isEqualTo(Rating.GOOD);
        assertThat(SuggestedRating.of(0.89, 10, 60)).isEqualTo(Rating.GOOD);
        assertThat(SuggestedRating.of(0.90, 60, 60)).isEqualTo(Rating.EASY);
        assertThat(SuggestedRating.of(1.0, 61, 60)).as("complete but too slow").isEqualTo(Rating.GOOD);
    }

    @Test
    void easy_needs_the_detail_too_and_a_contradiction_is_never_above_hard() {
        assertThat(SuggestedRating.of(1.0, 0.4, false, false, 10, 60)).as("every point, only the gist").isEqualTo(Rating.GOOD);
        assertThat(SuggestedRating.of(1.0, 0.8, false, false, 10, 60)).isEqualTo(Rating.EASY);
        assertThat(SuggestedRating.of(1.0, 0.9, true, false, 10, 60)).isEqualTo(Rating.HARD);
        assertThat(SuggestedRating.of(0.1, 0.1, true, false, 10, 60)).isEqualTo(Rating.AGAIN);
    }

    @Test
    void an_answer_in_the_other_language_reaches_easy_with_less_of_the_cards_own_words() {
        assertThat(SuggestedRating.of(1.0, 0.55, false, false, 10, 60)).as("same language").isEqualTo(Rating.GOOD);
        assertThat(SuggestedRating.of(1.0, 0.55, false, true, 10, 60)).as("other language").isEqualTo(Rating.EASY);
        assertThat(SuggestedRating.of(1.0, 0.45, false, true, 10, 60)).as("other language, only the gist")
                .isEqualTo(Rating.GOOD);
        assertThat(SuggestedRating.of(1.0, 0.9, true, true, 10, 60)).isEqualTo(Rating.HARD);
    }

    @Test
    void an_answer_is_across_languages_when_its_script_differs_from_the_model_answers() {
        String english = "WHERE filters rows before grouping; HAVING filters groups after it.";
        String chinese = "WHERE 在分组之前过滤原始行，HAVING 在分组之后过滤分组结果。";
        assertThat(SuggestedRating.acrossLanguages(english, chinese)).isTrue();
        assertThat(SuggestedRating.acrossLanguages(chinese, "WHERE filters rows first, HAVING filters the groups."))
                .isTrue();
        assertThat(SuggestedRating.acrossLanguages(chinese, "WHERE 先过滤行，HAVING 过滤分组")).isFalse();
        assertThat(SuggestedRating.acrossLanguages(english, "")).as("a blank answer is in no language").isFalse();
    }

    private static Card card(String answer, String meta) {
        return new Card(1, 1, "c", "Q?", answer, "", meta, 0, false);
    }

    @Test
    void the_cards_own_target_wins_then_the_decks_then_the_answers_length() {
        assertThat(TargetTime.of(card("short", "target: 120s"), 45)).isEqualTo(120);
        assertThat(TargetTime.of(card("short", "target: 2m"), null)).isEqualTo(120);
        assertThat(TargetTime.of(card("short", "target: 1m30s"), null)).isEqualTo(90);
        assertThat(TargetTime.of(card("short", "target: 90"), null)).isEqualTo(90);
        assertThat(TargetTime.of(card("short", ""), 45)).isEqualTo(45);
        assertThat(TargetTime.of(card("short", "target: soon"), null)).as("unreadable target is ignored").isEqualTo(20);
    }

    @Test
    void a_derived_target_runs_from_20_seconds_for_one_liners_to_180_for_long_answers() {
        assertThat(TargetTime.derived("TCP is connection oriented.")).isEqualTo(20);
        assertThat(TargetTime.derived("word ".repeat(100))).isEqualTo(90);
        assertThat(TargetTime.derived("word ".repeat(400))).isEqualTo(180);
        assertThat(TargetTime.derived("分组".repeat(50))).as("two Chinese characters count as a word").isEqualTo(45);
    }

    @Test
    void target_text_outside_one_second_to_an_hour_is_not_a_target() {
        assertThat(TargetTime.parse("0s")).isEmpty();
        assertThat(TargetTime.parse("61m")).isEmpty();
        assertThat(TargetTime.parse("")).isEmpty();
    }
}
