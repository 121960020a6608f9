package dev.prepdeck.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checker against the interviewer's labels on the held-out answers (see src/test/resources/practice/README.md):
 * a regression guard for what has been reached. The goals that are met are asserted as goals (every
 * language pair at 85 %, rating within one at 95 %, empty and off-topic answers under 15 % coverage); for the ones
 * not yet met (90 % overall, rating equal at 75 %, no swapped answer above Hard) the floor is today's figure
 * (89.1 %, 69.8 %, 13 of 26), so a change can only move them up. BENCHMARKS.md has the full table and the
 * command that prints it.
 */
class CheckerAgreementTest {
    private static CheckerAgreement.Figures heldOut;

    @BeforeAll
    static void measure() {
        heldOut = CheckerAgreement.measure(LabelledAnswers.set("heldout"), LabelledAnswers.shippedCards(),
                new AnswerMatcher(TermAnalyzer.shipped()));
    }

    @Test
    void every_key_point_of_every_labelled_answer_has_a_label() {
        assertThat(heldOut.slice("all").unlabelled).isZero();
        assertThat(heldOut.slice("all").answers).isEqualTo(252);
    }

    @Test
    void key_point_agreement_holds_overall_and_in_every_language_pair() {
        assertThat(heldOut.slice("all").agreement()).as("overall").isGreaterThanOrEqualTo(0.885);
        for (String pair : CheckerAgreement.PAIRS) {
            assertThat(heldOut.slice(pair).agreement()).as(pair).isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void suggested_ratings_stay_close_to_the_interviewers() {
        assertThat(heldOut.slice("all").ratingWithinOneShare()).as("within one").isGreaterThanOrEqualTo(0.95);
        assertThat(heldOut.slice("all").ratingExactShare()).as("equal").isGreaterThanOrEqualTo(0.69);
    }

    @Test
    void empty_and_off_topic_answers_cover_almost_nothing() {
        assertThat(heldOut.slice("empty or off-topic").meanCoverage()).isLessThanOrEqualTo(0.15);
    }

    @Test
    void swapped_role_answers_are_mostly_held_at_hard_or_below() {
        long aboveHard = heldOut.verdicts().stream()
                .filter(v -> v.answer().kind().equals("swapped"))
                .filter(v -> v.suggested().compareTo(dev.prepdeck.fsrs.Rating.HARD) > 0)
                .count();
        assertThat(aboveHard).isLessThanOrEqualTo(13);
    }
}
