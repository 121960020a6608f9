package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Term rarity across the key points of every card in the collection, kept as the cards change. It is built on the
 * first check rather than at start-up, and a later check that finds the cards changed (one query on the card
 * table tells) analyses only the cards added or edited since, and drops the deleted ones.
 */
final class CollectionRarity {
    /** SQLite binds a limited number of values in one statement; answers are read this many at a time. */
    private static final int READ_AT_ONCE = 500;

    private final TermAnalyzer analyzer;
    private final PracticeRepository repository;
    private final Map<Long, Analysed> cards = new HashMap<>();
    private final Map<String, Integer> pointsWithTerm = new HashMap<>();
    private int points;
    private CardsVersion version;
    private TermRarity current;

    /** What changes when any card is added, edited or deleted. */
    record CardsVersion(int cards, long lastId, long lastEdit) {
    }

    private record Analysed(long editedAt, List<Set<String>> pointKeys) {
    }

    CollectionRarity(TermAnalyzer analyzer, PracticeRepository repository) {
        this.analyzer = analyzer;
        this.repository = repository;
    }

    /** The rarity over the collection as it is on this handle. */
    synchronized TermRarity current(Handle h) {
        CardsVersion now = repository.cardsVersion(h);
        if (now.equals(version)) {
            return current;
        }
        Map<Long, Long> edits = repository.cardEdits(h);
        for (Long id : new ArrayList<>(cards.keySet())) {
            Long edited = edits.get(id);
            if (edited == null || edited != cards.get(id).editedAt()) {
                count(cards.remove(id), -1);
            }
        }
        List<Long> changed = edits.keySet().stream().filter(id -> !cards.containsKey(id)).toList();
        for (int from = 0; from < changed.size(); from += READ_AT_ONCE) {
            List<Long> batch = changed.subList(from, Math.min(changed.size(), from + READ_AT_ONCE));
            repository.answers(h, batch).forEach((id, answer) -> {
                Analysed card = new Analysed(edits.get(id), TermRarity.pointKeys(analyzer, answer));
                cards.put(id, card);
                count(card, 1);
            });
        }
        version = now;
        current = new TermRarity(pointsWithTerm, points);
        return current;
    }

    private void count(Analysed card, int sign) {
        points += sign * card.pointKeys().size();
        for (Set<String> keys : card.pointKeys()) {
            for (String k : keys) {
                if (pointsWithTerm.merge(k, sign, Integer::sum) == 0) {
                    pointsWithTerm.remove(k);
                }
            }
        }
    }
}
