package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected numbers were printed by ts-fsrs 5.4.2 for the same inputs. */
class SchedulerTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Scheduler PLAIN = new Scheduler(FsrsParameters.defaults().withEnableFuzz(false));
    private static final Scheduler FUZZED = new Scheduler(FsrsParameters.defaults());

    private static FsrsParameters params(List<Duration> learning, List<Duration> relearning, boolean shortTerm) {
        return new FsrsParameters(FsrsParameters.defaultWeights(), 0.9, 36500, learning, relearning, shortTerm, false);
    }

    /** New → Good → Good ten minutes later: a Review card due in 2 days. */
    private static FsrsCard graduated() {
        FsrsCard learning = PLAIN.next(FsrsCard.newCard(T0), T0, Rating.GOOD, UTC).card();
        return PLAIN.next(learning, T0.plus(Duration.ofMinutes(10)), Rating.GOOD, UTC).card();
    }

    @Test
    void new_card_outcomes_follow_the_learning_steps() {
        Map<Rating, ScheduledReview> preview = PLAIN.preview(FsrsCard.newCard(T0), T0, UTC);
        FsrsCard again = preview.get(Rating.AGAIN).card();
        FsrsCard hard = preview.get(Rating.HARD).card();
        FsrsCard good = preview.get(Rating.GOOD).card();
        FsrsCard easy = preview.get(Rating.EASY).card();

        assertThat(again).isEqualTo(new FsrsCard(State.LEARNING, 0.212, 6.4133, 1, 0, 0, 0, 0, T0, T0.plusSeconds(60)));
        assertThat(hard.due()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        assertThat(hard.difficulty()).isEqualTo(5.11217071);
        assertThat(good.due()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(good.learningSteps()).isEqualTo(1);
        assertThat(good.stability()).isEqualTo(2.3065);
        assertThat(good.difficulty()).isEqualTo(2.11810397);
        assertThat(easy.state()).isEqualTo(State.REVIEW);
        assertThat(easy.scheduledDays()).isEqualTo(8);
        assertThat(easy.difficulty()).isEqualTo(1);
        assertThat(easy.due()).isEqualTo(T0.plus(Duration.ofDays(8)));
    }

    @Test
    void review_log_records_the_card_before_the_review() {
        FsrsCard card = graduated();
        Instant now = Instant.parse("2025-01-20T08:00:00Z");
        ReviewRecord log = PLAIN.next(card, now, Rating.HARD, UTC).log();
        assertThat(log).isEqualTo(new ReviewRecord(Rating.HARD, State.REVIEW, card.lastReview(), card.stability(),
                card.difficulty(), 19, 0, 2, 0, now));
    }

    @Test
    void graduating_step_and_review_outcomes_match_ts_fsrs() {
        FsrsCard card = graduated();
        assertThat(card.state()).isEqualTo(State.REVIEW);
        assertThat(card.scheduledDays()).isEqualTo(2);
        assertThat(card.stability()).isEqualTo(2.3065);
        assertThat(card.difficulty()).isEqualTo(2.11121424);

        Map<Rating, ScheduledReview> preview = PLAIN.preview(card, Instant.parse("2025-01-20T08:00:00Z"), UTC);
        FsrsCard again = preview.get(Rating.AGAIN).card();
        assertThat(again.state()).isEqualTo(State.RELEARNING);
        assertThat(again.lapses()).isEqualTo(1);
        assertThat(again.stability()).isEqualTo(0.84194286);
        assertThat(again.difficulty()).isEqualTo(7.39223814);
        assertThat(preview.get(Rating.HARD).card().scheduledDays()).isEqualTo(20);
        assertThat(preview.get(Rating.HARD).card().stability()).isEqualTo(20.30041615);
        assertThat(preview.get(Rating.GOOD).card().scheduledDays()).isEqualTo(32);
        assertThat(preview.get(Rating.GOOD).card().difficulty()).isEqualTo(2.1043314);
        assertThat(preview.get(Rating.EASY).card().scheduledDays()).isEqualTo(58);
        assertThat(preview.get(Rating.EASY).card().stability()).isEqualTo(58.34375568);
    }

    @Test
    void fuzzed_intervals_match_ts_fsrs_and_repeat_for_the_same_review() {
        FsrsCard card = graduated();
        Instant now = Instant.parse("2025-01-20T08:00:00Z");
        Map<Rating, ScheduledReview> first = FUZZED.preview(card, now, UTC);
        assertThat(first.get(Rating.HARD).card().scheduledDays()).isEqualTo(23);
        assertThat(first.get(Rating.GOOD).card().scheduledDays()).isEqualTo(34);
        assertThat(first.get(Rating.EASY).card().scheduledDays()).isEqualTo(61);
        assertThat(FUZZED.preview(card, now, UTC)).isEqualTo(first);
        assertThat(FUZZED.next(card, now, Rating.GOOD, UTC)).isEqualTo(first.get(Rating.GOOD));
    }

    @Test
    void a_rating_given_when_the_card_was_shown_gets_the_interval_previewed_then_though_rated_later() {
        Random random = new Random(11);
        int differentWithoutIt = 0;
        for (int i = 0; i < 500; i++) {
            double stability = 3 + random.nextDouble() * 200;
            Instant last = T0.plus(Duration.ofMinutes(random.nextInt(100_000)));
            FsrsCard card = new FsrsCard(State.REVIEW, stability, 1 + random.nextDouble() * 9, 5, 0, 0,
                    (int) stability, (int) stability, last, last.plus(Duration.ofDays((long) stability)));
            // shown at 08:00 on the due day, rated up to ten minutes later, the same day
            Instant shown = card.due().atZone(UTC).toLocalDate().atTime(8, 0).toInstant(ZoneOffset.UTC);
            Instant rated = shown.plusMillis(1 + random.nextInt(600_000));
            Preview buttons = FUZZED.previewOutcomes(card, shown, UTC);
            for (Rating rating : Rating.values()) {
                FsrsCard after = FUZZED.next(card, rated, rating, UTC, shown).card();
                assertThat(after.scheduledDays()).as("%s of card %d", rating, i).isEqualTo(buttons.scheduledDays(rating));
                assertThat(Duration.between(rated, after.due())).isEqualTo(Duration.between(shown, buttons.due(rating)));
                if (FUZZED.next(card, rated, rating, UTC).card().scheduledDays() != buttons.scheduledDays(rating)) {
                    differentWithoutIt++;
                }
            }
        }
        assertThat(differentWithoutIt).as("fuzz drawn at the rating's own time changes intervals").isPositive();
    }

    @Test
    void fuzz_stays_within_ts_fsrs_ranges() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            double stability = 0.5 + random.nextDouble() * 400;
            Instant last = T0.plus(Duration.ofMinutes(random.nextInt(100_000)));
            FsrsCard card = new FsrsCard(State.REVIEW, stability, 1 + random.nextDouble() * 9, 5, 0, 0,
                    (int) stability, (int) stability, last, last.plus(Duration.ofDays((long) stability)));
            Instant now = card.due();
            int plain = PLAIN.next(card, now, Rating.GOOD, UTC).card().scheduledDays();
            int fuzzed = FUZZED.next(card, now, Rating.GOOD, UTC).card().scheduledDays();
            if (plain < 3) {
                continue;
            }
            double delta = 1 + 0.15 * Math.max(Math.min(plain, 7.0) - 2.5, 0) + 0.1 * Math.max(Math.min(plain, 20.0) - 7, 0)
                    + 0.05 * Math.max(plain - 20.0, 0);
            assertThat(fuzzed).as("stability %s", stability)
                    .isBetween((int) Math.max(2, Math.round(plain - delta)), (int) Math.round(plain + delta) + 1);
        }
    }

    @Test
    void hard_is_at_most_good_and_good_is_below_easy() {
        Random random = new Random(11);
        for (Scheduler scheduler : List.of(PLAIN, FUZZED, new Scheduler(params(List.of(), List.of(), false)))) {
            for (int i = 0; i < 1000; i++) {
                double stability = 0.01 + random.nextDouble() * 1000;
                Instant last = T0.plus(Duration.ofHours(random.nextInt(10_000)));
                FsrsCard card = new FsrsCard(State.REVIEW, stability, 1 + random.nextDouble() * 9, 3, 0, 0, 1, 1, last,
                        last.plus(Duration.ofDays(1)));
                Map<Rating, ScheduledReview> p = scheduler.preview(card, last.plus(Duration.ofHours(random.nextInt(5000))), UTC);
                int hard = p.get(Rating.HARD).card().scheduledDays();
                int good = p.get(Rating.GOOD).card().scheduledDays();
                int easy = p.get(Rating.EASY).card().scheduledDays();
                assertThat(hard).isLessThan(good);
                assertThat(good).isLessThan(easy);
            }
        }
    }

    @Test
    void long_term_mode_skips_steps_and_orders_all_four_intervals() {
        Scheduler longTerm = new Scheduler(params(List.of(Duration.ofMinutes(1)), List.of(Duration.ofMinutes(10)), false));
        Map<Rating, ScheduledReview> p = longTerm.preview(FsrsCard.newCard(T0), T0, UTC);
        int previous = 0;
        for (Rating rating : Rating.values()) {
            FsrsCard card = p.get(rating).card();
            assertThat(card.state()).isEqualTo(State.REVIEW);
            assertThat(card.scheduledDays()).isGreaterThan(previous);
            previous = card.scheduledDays();
        }
    }

    @Test
    void day_long_learning_steps_move_the_card_to_review_but_keep_the_step() {
        Scheduler days = new Scheduler(params(List.of(Duration.ofDays(1), Duration.ofDays(3)), List.of(), true));
        FsrsCard card = days.next(FsrsCard.newCard(T0), T0, Rating.AGAIN, UTC).card();
        assertThat(card.state()).isEqualTo(State.REVIEW);
        assertThat(card.scheduledDays()).isEqualTo(1);
        assertThat(card.due()).isEqualTo(T0.plus(Duration.ofDays(1)));
        FsrsCard good = days.next(FsrsCard.newCard(T0), T0, Rating.GOOD, UTC).card();
        assertThat(good.learningSteps()).isEqualTo(1);
        assertThat(good.scheduledDays()).isEqualTo(3);
    }

    @Test
    void without_relearning_steps_a_lapse_goes_straight_back_to_review() {
        Scheduler noRelearning = new Scheduler(params(List.of(Duration.ofMinutes(1)), List.of(), true));
        FsrsCard card = new FsrsCard(State.REVIEW, 10, 5, 4, 0, 0, 10, 10, T0, T0.plus(Duration.ofDays(10)));
        FsrsCard lapsed = noRelearning.next(card, T0.plus(Duration.ofDays(10)), Rating.AGAIN, UTC).card();
        assertThat(lapsed.state()).isEqualTo(State.REVIEW);
        assertThat(lapsed.lapses()).isEqualTo(1);
        assertThat(lapsed.scheduledDays()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void elapsed_days_count_calendar_dates_in_the_given_zone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant evening = Instant.parse("2025-03-01T22:30:00Z"); // 23:30 in Berlin
        Instant morning = Instant.parse("2025-03-01T23:30:00Z"); // 00:30 next day in Berlin
        FsrsCard card = new FsrsCard(State.REVIEW, 5, 5, 3, 0, 0, 1, 1, evening, morning);
        assertThat(PLAIN.next(card, morning, Rating.GOOD, UTC).log().elapsedDays()).isZero();
        assertThat(PLAIN.next(card, morning, Rating.GOOD, berlin).log().elapsedDays()).isEqualTo(1);
    }

    @Test
    void a_review_on_an_earlier_day_than_the_last_one_is_rejected() {
        FsrsCard card = graduated();
        assertThatThrownBy(() -> PLAIN.next(card, T0.minus(Duration.ofDays(1)), Rating.GOOD, UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("earlier day than the last review");
    }

    @Test
    void retrievability_uses_the_trained_decay_and_whole_days() {
        FsrsCard card = graduated();
        assertThat(PLAIN.retrievability(FsrsCard.newCard(T0), T0)).isZero();
        assertThat(PLAIN.retrievability(card, Instant.parse("2025-01-05T00:10:00Z"))).isEqualTo(0.85798579);
        assertThat(PLAIN.retrievability(card, Instant.parse("2025-01-05T00:09:00Z"))).isEqualTo(0.88094796);
        assertThat(PLAIN.retrievability(card, card.lastReview())).isEqualTo(1.0);
    }

    @Test
    void formulas_match_fsrs6() {
        double[] w = FsrsParameters.defaultWeights();
        // R(t, S) = (1 + factor * t / S)^-w20 with factor = 0.9^(-1/w20) - 1, so R(S, S) = 0.9
        assertThat(PLAIN.forgettingCurve(10, 10)).isCloseTo(0.9, within(1e-7));
        assertThat(PLAIN.intervalModifier()).isEqualTo(1.0);
        assertThat(PLAIN.initialDifficulty(1)).isEqualTo(w[4]);
        // difficulty never leaves [1, 10]
        assertThat(PLAIN.nextDifficulty(1, 4)).isEqualTo(1);
        assertThat(PLAIN.nextDifficulty(10, 1)).isLessThanOrEqualTo(10);
        // short-term: Again may shrink stability, Hard/Good/Easy never do
        assertThat(PLAIN.shortTermStability(50, 1)).isLessThan(50);
        assertThat(PLAIN.shortTermStability(50, 2)).isGreaterThanOrEqualTo(50);
        // a lapse never leaves stability above where it was
        assertThat(PLAIN.forgetStability(5, 3, 0.9)).isLessThanOrEqualTo(3);
    }

    @Test
    void rating_values_are_fsrs_grades() {
        assertThat(Rating.of(1)).isEqualTo(Rating.AGAIN);
        assertThat(Rating.of(4)).isEqualTo(Rating.EASY);
        assertThat(Rating.GOOD.value()).isEqualTo(3);
        assertThatThrownBy(() -> Rating.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), got 0");
        assertThat(State.RELEARNING.ordinal()).isEqualTo(3);
    }
}
