package dev.prepdeck.fsrs.optimizer;

import static dev.prepdeck.fsrs.optimizer.TestHistories.card;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.fsrs.Rating;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSetTest {

    @Test
    void each_review_on_a_later_day_is_an_item_holding_the_history_before_it() {
        // Again, Good ten minutes later, Good two days on, Again the same day, Good a day later
        TrainingSet set = TestHistories.set(card(0, 1, 0, 3, 2, 3, 2, 1, 3, 3));
        assertThat(set.itemCount()).isEqualTo(2);
        assertThat(set.length(0)).isEqualTo(3);
        assertThat(set.currentElapsedDays(0)).isEqualTo(2);
        assertThat(set.length(1)).isEqualTo(5);
        assertThat(set.currentElapsedDays(1)).isEqualTo(1);
        assertThat(set.elapsedDays(set.reviewIndex(1, 3))).as("same-day review in the history").isZero();
        assertThat(set.lapsesBefore(1)).as("a same-day Again is no lapse").isZero();
        assertThat(set.longTermReviewCount(1)).isEqualTo(2);
    }

    @Test
    void items_are_ordered_by_the_time_of_their_last_review() {
        TrainingSet set = TestHistories.set(card(0, 3, 10, 3), card(0, 3, 5, 3, 20, 3));
        assertThat(set.itemCount()).isEqualTo(3);
        assertThat(set.currentElapsedDays(0)).isEqualTo(5);
        assertThat(set.currentElapsedDays(1)).isEqualTo(10);
        assertThat(set.currentElapsedDays(2)).isEqualTo(15);
    }

    @Test
    void the_day_cut_decides_what_counts_as_a_new_day() {
        Instant evening = Instant.parse("2024-05-01T22:30:00Z");
        Instant morning = Instant.parse("2024-05-02T02:30:00Z");
        CardHistory card = new CardHistory(List.of(new PastReview(evening, Rating.GOOD), new PastReview(morning, Rating.GOOD)));
        assertThat(TrainingSet.of(List.of(card), DayCut.UTC_MIDNIGHT).itemCount()).isEqualTo(1);
        assertThat(TrainingSet.of(List.of(card), new DayCut(ZoneId.of("UTC"), 4)).itemCount()).isZero();
        // 00:30 and 04:30 in Berlin (UTC+2): the same calendar day, but a 1 o'clock rollover puts 00:30 on
        // the study day before
        assertThat(TrainingSet.of(List.of(card), new DayCut(ZoneId.of("Europe/Berlin"), 0)).itemCount()).isZero();
        assertThat(TrainingSet.of(List.of(card), new DayCut(ZoneId.of("Europe/Berlin"), 1)).itemCount()).isEqualTo(1);
    }

    @Test
    void reviews_given_out_of_order_are_sorted() {
        TrainingSet ordered = TestHistories.set(card(0, 3, 4, 1, 9, 3));
        CardHistory shuffled = new CardHistory(List.of(card(0, 3, 4, 1, 9, 3).reviews().get(2),
                card(0, 3, 4, 1, 9, 3).reviews().get(0), card(0, 3, 4, 1, 9, 3).reviews().get(1)));
        TrainingSet fromShuffled = TestHistories.set(shuffled);
        assertThat(fromShuffled.itemCount()).isEqualTo(ordered.itemCount());
        for (int item = 0; item < ordered.itemCount(); item++) {
            assertThat(fromShuffled.currentRating(item)).isEqualTo(ordered.currentRating(item));
            assertThat(fromShuffled.currentElapsedDays(item)).isEqualTo(ordered.currentElapsedDays(item));
        }
    }
}
