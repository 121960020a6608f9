package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.fsrs.Rating;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checker against the interviewer's labels on both held-out sets (see src/test/resources/practice/README.md):
 * a regression guard for what has been reached. The goals that are met are asserted as goals (on the first
 * set: every language pair at 85 %, rating within one at 95 %; on both: empty and off-topic answers under 15 %
 * coverage); for the ones not yet met the floor is today's figure (first set: 88.7 % overall, rating equal 69.8 %,
 * 12 of 26 swapped answers above Hard; second set: 84.9 %, 52.2 %, rating within one 91.8 %, 15 of 28), so a
 * change can only move them up. BENCHMARKS.md has the full tables and the command that prints them.
 */
class CheckerAgreementTest {
    private static CheckerAgreement.Figures heldOut;
    private static CheckerAgreement.Figures secondHeldOut;

    @BeforeAll
    static void measure() {
        AnswerMatcher matcher = new AnswerMatcher(TermAnalyzer.shipped());
        heldOut = CheckerAgreement.measure(LabelledAnswers.set("heldout"), LabelledAnswers.shippedCards(), matcher);
        secondHeldOut = CheckerAgreement.measure(LabelledAnswers.set("heldout2"), LabelledAnswers.shippedCards(),
                matcher);
    }

    @Test
    void every_key_point_of_every_labelled_answer_has_a_label() {
        assertThat(heldOut.slice("all").unlabelled).isZero();
        assertThat(heldOut.slice("all").answers).isEqualTo(252);
        assertThat(secondHeldOut.slice("all").unlabelled).isZero();
        assertThat(secondHeldOut.slice("all").answers).isEqualTo(232);
    }

    @Test
    void key_point_agreement_holds_overall_and_in_every_language_pair() {
        assertThat(heldOut.slice("all").agreement()).as("overall").isGreaterThanOrEqualTo(0.885);
        for (String pair : CheckerAgreement.PAIRS) {
            assertThat(heldOut.slice(pair).agreement()).as(pair).isGreaterThanOrEqualTo(0.85);
        }
        assertThat(secondHeldOut.slice("all").agreement()).as("second set, overall").isGreaterThanOrEqualTo(0.845);
    }

    @Test
    void suggested_ratings_stay_close_to_the_interviewers() {
        assertThat(heldOut.slice("all").ratingWithinOneShare()).as("within one").isGreaterThanOrEqualTo(0.95);
        assertThat(heldOut.slice("all").ratingExactShare()).as("equal").isGreaterThanOrEqualTo(0.69);
        assertThat(secondHeldOut.slice("all").ratingWithinOneShare()).as("second set, within one")
                .isGreaterThanOrEqualTo(0.91);
        assertThat(secondHeldOut.slice("all").ratingExactShare()).as("second set, equal").isGreaterThanOrEqualTo(0.52);
    }

    @Test
    void empty_and_off_topic_answers_cover_almost_nothing() {
        assertThat(heldOut.slice("empty or off-topic").meanCoverage()).isLessThanOrEqualTo(0.15);
        assertThat(secondHeldOut.slice("empty or off-topic").meanCoverage()).isLessThanOrEqualTo(0.15);
    }

    @Test
    void swapped_role_answers_are_mostly_held_at_hard_or_below() {
        assertThat(swappedAboveHard(heldOut)).isLessThanOrEqualTo(12);
        assertThat(swappedAboveHard(secondHeldOut)).as("second set").isLessThanOrEqualTo(15);
    }

    private static long swappedAboveHard(CheckerAgreement.Figures figures) {
        return figures.verdicts().stream()
                .filter(v -> v.answer().kind().equals("swapped"))
                .filter(v -> v.suggested().compareTo(Rating.HARD) > 0)
                .count();
    }
}
