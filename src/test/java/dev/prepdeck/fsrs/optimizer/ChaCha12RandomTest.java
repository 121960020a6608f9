package dev.prepdeck.fsrs.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChaCha12RandomTest {

    @Test
    void a_shuffle_is_a_permutation_that_depends_only_on_the_seed() {
        for (int size : new int[] {2, 7, 12, 13, 40, 500}) {
            int[] once = IntStream.range(0, size).toArray();
            int[] twice = once.clone();
            new ChaCha12Random(2023).shuffle(once);
            new ChaCha12Random(2023).shuffle(twice);
            assertThat(once).isEqualTo(twice);
            int[] sorted = once.clone();
            Arrays.sort(sorted);
            assertThat(sorted).isEqualTo(IntStream.range(0, size).toArray());
        }
        int[] a = IntStream.range(0, 40).toArray();
        int[] b = a.clone();
        new ChaCha12Random(2023).shuffle(a);
        new ChaCha12Random(2024).shuffle(b);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void every_position_is_reached_about_equally_often() {
        // 12 batches (the shared log's count) shuffled 12,000 times in a row: each lands first about 1,000 times.
        ChaCha12Random random = new ChaCha12Random(7);
        int[] firstCounts = new int[12];
        for (int round = 0; round < 12_000; round++) {
            int[] order = IntStream.range(0, 12).toArray();
            random.shuffle(order);
            firstCounts[order[0]]++;
        }
        for (int count : firstCounts) {
            assertThat(count).isBetween(880, 1120);
        }
    }
}
