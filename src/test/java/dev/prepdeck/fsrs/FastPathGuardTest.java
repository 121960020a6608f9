package dev.prepdeck.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Reviews are computed with HotSpot's pow and exp and a guard that recomputes with JsMath near a rounding
 * boundary. These tests hold the result to the exact path (JsMath throughout) bit for bit, check the
 * guard's premise (the fast functions' distance from JsMath's) and drive its recomputation.
 */
class FastPathGuardTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final long DAY_MS = 86_400_000L;
    private static final List<List<Duration>> STEPS = List.of(
            List.of(), List.of(Duration.ofMinutes(10)), List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
            List.of(Duration.ofMinutes(10), Duration.ofHours(1)), List.of(Duration.ofDays(1)));

    /** Counts the guard's recomputations by quantity. */
    private static final class Counting implements FastMath {
        private final FastMath inner;
        final Map<String, Integer> recomputed = new TreeMap<>();

        Counting(FastMath inner) {
            this.inner = inner;
        }

        @Override
        public double pow(double x, double y) {
            return inner.pow(x, y);
        }

        @Override
        public double exp(double x) {
            return inner.exp(x);
        }

        @Override
        public double relativeError() {
            return inner.relativeError();
        }

        @Override
        public void recomputedExactly(String quantity) {
            recomputed.merge(quantity, 1, Integer::sum);
        }

        int total() {
            return recomputed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** JsMath's pow and exp, each result moved by {@code nudge}, claiming {@code claimedError}. */
    private static FastMath perturbed(DoubleUnaryOperator nudge, double claimedError) {
        return new FastMath() {
            @Override
            public double pow(double x, double y) {
                return nudge.applyAsDouble(JsMath.pow(x, y));
            }

            @Override
            public double exp(double x) {
                return nudge.applyAsDouble(JsMath.exp(x));
            }

            @Override
            public double relativeError() {
                return claimedError;
            }
        };
    }

    /** HotSpot's functions claiming no error, so never checked: what the fast path would give unguarded. */
    private static final FastMath UNGUARDED = new FastMath() {
        @Override
        public double pow(double x, double y) {
            return Math.pow(x, y);
        }

        @Override
        public double exp(double x) {
            return Math.exp(x);
        }

        @Override
        public double relativeError() {
            return 0;
        }
    };

    /** Random parameters anywhere in ts-fsrs's weight bounds (clamping pulls strays in), any mode. */
    private static FsrsParameters randomParameters(Random random) {
        double[] w = FsrsParameters.defaultWeights();
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextInt(3) == 0 ? random.nextDouble() * 6 : w[i] * (0.5 + random.nextDouble());
        }
        double retention = 0.7 + random.nextDouble() * 0.29;
        int maximumInterval = new int[] {30, 365, 36500}[random.nextInt(3)];
        return new FsrsParameters(w, retention, maximumInterval, STEPS.get(random.nextInt(STEPS.size())),
                STEPS.get(random.nextInt(STEPS.size())), random.nextInt(4) != 0, random.nextInt(4) == 0);
    }

    /**
     * A card in any state with a memory state across the whole range; stabilities and difficulties are
     * mostly 8-decimal numbers, as the scheduler stores them.
     */
    private static FsrsCard randomCard(Random random, Instant lastReview) {
        State state = State.values()[1 + random.nextInt(3)];
        double s = Math.exp(Math.log(0.001) + random.nextDouble() * (Math.log(36500) - Math.log(0.001)));
        double d = 1 + random.nextDouble() * 9;
        if (random.nextInt(8) != 0) {
            s = Math.max(FsrsParameters.roundTo8(s), 0.001);
            d = Math.max(FsrsParameters.roundTo8(d), 1);
        }
        int scheduledDays = random.nextInt(400);
        return new FsrsCard(state, s, d, 1 + random.nextInt(30), random.nextInt(5), random.nextInt(3), scheduledDays,
                random.nextInt(100), lastReview, lastReview.plusMillis(scheduledDays * DAY_MS));
    }

    private static Instant randomReviewTime(Random random, Instant lastReview) {
        long days = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(10);
            case 2 -> random.nextInt(400);
            default -> random.nextInt(20_000);
        };
        return lastReview.plusMillis(days * DAY_MS + random.nextInt(86_400) * 1000L);
    }

    /** Reviews where {@code candidate} and the exact path disagree in any outcome, retrievability included. */
    private static List<String> differences(Scheduler candidate, Scheduler exact, FsrsCard card, Instant now) {
        List<String> found = new ArrayList<>();
        Map<Rating, ScheduledReview> expected = exact.preview(card, now, UTC);
        if (!candidate.preview(card, now, UTC).equals(expected)) {
            found.add("preview of " + card + " at " + now);
        }
        if (!candidate.previewOutcomes(card, now, UTC).asMap().equals(expected)) {
            found.add("previewOutcomes of " + card + " at " + now);
        }
        for (Rating rating : Rating.values()) {
            if (!candidate.next(card, now, rating, UTC).equals(expected.get(rating))) {
                found.add("next " + rating + " of " + card + " at " + now);
            }
        }
        if (Double.compare(candidate.retrievability(card, now), exact.retrievability(card, now)) != 0) {
            found.add("retrievability of " + card + " at " + now);
        }
        return found;
    }

    @Test
    void hotspot_pow_and_exp_stay_within_two_ulps_of_v8_on_fsrs_inputs() {
        // The guard's premise: both sides are within 1 ulp of the true value, so at most 2 apart;
        // FastMath.HOTSPOT claims 2^-48, 16 ulps of 1, for safety.
        Random random = new Random(20261129);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = Math.exp(Math.log(0.001) + random.nextDouble() * (Math.log(40_000) - Math.log(0.001)));
            double y = (random.nextDouble() * 2 - 1) * 0.9;
            double v8 = JsMath.pow(x, y);
            worst = Math.max(worst, Math.abs(Math.pow(x, y) - v8) / Math.ulp(v8));
            double e = random.nextDouble() * 9 - 2;
            worst = Math.max(worst, Math.abs(Math.exp(e) - JsMath.exp(e)) / Math.ulp(JsMath.exp(e)));
        }
        System.out.printf("FastPathGuardTest: HotSpot's pow and exp at most %s ulps from V8's%n", worst);
        assertThat(worst).isLessThanOrEqualTo(2);
    }

    @Test
    void guarded_fast_path_schedules_200_000_random_reviews_exactly_as_the_exact_path() {
        Random random = new Random(424242);
        int reviews = 0;
        int unguardedDifferences = 0;
        int previewsRecomputing = 0;
        Counting counting = new Counting(FastMath.HOTSPOT);
        List<String> differences = new ArrayList<>();
        while (reviews < 200_000) {
            FsrsParameters parameters = randomParameters(random);
            Scheduler exact = new Scheduler(parameters, FastMath.EXACT);
            Scheduler guarded = new Scheduler(parameters);
            Scheduler counted = new Scheduler(parameters, counting);
            Scheduler unguarded = new Scheduler(parameters, UNGUARDED);
            for (int i = 0; i < 100; i++, reviews++) {
                Instant lastReview = T0.plusMillis(random.nextInt(1000) * DAY_MS);
                FsrsCard card = randomCard(random, lastReview);
                Instant now = randomReviewTime(random, lastReview);
                differences.addAll(differences(guarded, exact, card, now));
                int before = counting.total();
                if (!counted.previewOutcomes(card, now, UTC).asMap().equals(exact.preview(card, now, UTC))) {
                    differences.add("counted previewOutcomes of " + card + " at " + now);
                }
                previewsRecomputing += counting.total() > before ? 1 : 0;
                unguardedDifferences += differences(unguarded, exact, card, now).isEmpty() ? 0 : 1;
            }
        }
        assertThat(differences).as("guarded fast path against the exact path").isEmpty();
        // The guard's exact recomputation ran. (How often unchecked HotSpot math would have differed
        // depends on the processor's intrinsics, so it is reported, not asserted.)
        assertThat(counting.total()).as("recomputations").isPositive();
        System.out.printf("FastPathGuardTest: %,d reviews; unguarded HotSpot math differs on %,d; the guard"
                + " recomputed in %,d previews: %s%n", reviews, unguardedDifferences, previewsRecomputing,
                counting.recomputed);
    }

    @Test
    void where_hotspot_rounds_a_long_stability_differently_the_guard_gives_ts_fsrs_value() {
        // Found by search: unchecked, HotSpot's pow and exp give Easy 13587.20696792 on the machine this
        // was written on; V8's give ...793. The exact value lies within an ulp or two of a rounding
        // boundary, so any fast result within the claimed bound brackets it and must be recomputed.
        Counting counting = new Counting(FastMath.HOTSPOT);
        Scheduler scheduler = new Scheduler(FsrsParameters.defaults().withEnableFuzz(false), counting);
        Instant last = Instant.parse("2026-01-05T09:00:00Z");
        Instant now = Instant.parse("2037-11-08T09:00:00Z");
        FsrsCard card = new FsrsCard(State.REVIEW, 6518.8183593, 4.69214161, 5, 0, 0, 4325, 0, last, now);

        Preview preview = scheduler.previewOutcomes(card, now, UTC);

        // printed by ts-fsrs 5.4.2 for the same card and time
        assertThat(preview.stability(Rating.AGAIN)).isEqualTo(13.82291372);
        assertThat(preview.stability(Rating.HARD)).isEqualTo(8788.52251287);
        assertThat(preview.stability(Rating.GOOD)).isEqualTo(10292.85253551);
        assertThat(preview.stability(Rating.EASY)).isEqualTo(13587.20696793);
        assertThat(preview.difficulty(Rating.EASY)).isEqualTo(2.90373106);
        assertThat(preview.due(Rating.EASY)).isEqualTo(Instant.parse("2075-01-20T09:00:00Z"));
        assertThat(scheduler.retrievability(card, now)).isEqualTo(0.92564989);
        assertThat(counting.recomputed).containsKey("recall stability");
        assertThat(scheduler.next(card, now, Rating.EASY, UTC).card().stability()).isEqualTo(13587.20696793);
    }

    @Test
    void a_perturbed_pow_within_its_claimed_bound_is_caught_by_the_guard() {
        // Results moved by up to 2^-30 relative, which is 2^23 times HotSpot's error, so roundings flip
        // often; claiming 2^-29 the guard must recompute every such quantity and stay exact.
        Random noise = new Random(5);
        DoubleUnaryOperator nudge = v -> v * (1 + (noise.nextDouble() * 2 - 1) * 0x1p-30);
        Counting guarded = new Counting(perturbed(nudge, 0x1p-29));
        Random random = new Random(99);
        List<String> guardedDifferences = new ArrayList<>();
        int unguardedDifferences = 0;
        for (int p = 0; p < 200; p++) {
            FsrsParameters parameters = randomParameters(random);
            Scheduler exact = new Scheduler(parameters, FastMath.EXACT);
            Scheduler checked = new Scheduler(parameters, guarded);
            Scheduler unchecked = new Scheduler(parameters, perturbed(nudge, 0));
            for (int i = 0; i < 100; i++) {
                Instant lastReview = T0.plusMillis(random.nextInt(1000) * DAY_MS);
                FsrsCard card = randomCard(random, lastReview);
                Instant now = randomReviewTime(random, lastReview);
                guardedDifferences.addAll(differences(checked, exact, card, now));
                unguardedDifferences += differences(unchecked, exact, card, now).isEmpty() ? 0 : 1;
            }
        }
        assertThat(unguardedDifferences).as("reviews the perturbation changes when unchecked").isGreaterThan(100);
        assertThat(guarded.recomputed).as("quantities recomputed")
                .containsKeys("retrievability", "recall stability", "lapse stability", "short-term stability");
        assertThat(guardedDifferences).isEmpty();
    }
}
