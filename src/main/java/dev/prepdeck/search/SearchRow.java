package dev.prepdeck.search;

import dev.prepdeck.fsrs.State;
import java.time.Instant;
import java.util.List;

/**
 * One card in the results, with the browse columns. Figures a new card does not have yet are null.
 *
 * @param intervalDays   the current interval (scheduled days)
 * @param stability      FSRS stability in days
 * @param difficulty     FSRS difficulty from 0 to 1, as Anki shows it ((D - 1) / 9)
 * @param retrievability probability of recall now, from 0 to 1
 * @param reviews        how many times the card has been rated
 * @param buried         buried until later (out of study until then)
 * @param flag           0 (none) to 4
 */
public record SearchRow(
        long cardId,
        String question,
        String answer,
        long deckId,
        String deck,
        List<String> tags,
        State state,
        boolean suspended,
        boolean buried,
        int flag,
        Instant due,
        Integer intervalDays,
        Double stability,
        Double difficulty,
        Double retrievability,
        int reviews,
        int lapses,
        Instant added,
        Instant edited,
        Instant lastReview) {

    public SearchRow {
        tags = List.copyOf(tags);
    }
}
