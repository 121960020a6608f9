package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every handle of an opened database can map without registering anything itself. */
class DatabaseTest {
    @TempDir
    Path tempDir;

    record Row(long cardId, State stateBefore, Rating rating, Rating maybeRating) {
    }

    @Test
    void records_map_from_snake_case_columns_and_states_and_ratings_are_stored_as_ts_fsrs_numbers() {
        Jdbi jdbi = Database.open(tempDir.resolve("mapping.db"));

        Row row = jdbi.withHandle(h -> h.createQuery("""
                        SELECT 7 AS card_id, :state AS state_before, :rating AS rating, NULL AS maybe_rating""")
                .bind("state", State.RELEARNING).bind("rating", Rating.HARD)
                .mapTo(Row.class).one());
        int[] numbers = jdbi.withHandle(h -> h.createQuery("SELECT :state AS s, :rating AS r")
                .bind("state", State.RELEARNING).bind("rating", Rating.HARD)
                .map((rs, ctx) -> new int[] {rs.getInt("s"), rs.getInt("r")}).one());

        assertThat(row).isEqualTo(new Row(7, State.RELEARNING, Rating.HARD, null));
        assertThat(numbers).containsExactly(3, 2);
    }
}
