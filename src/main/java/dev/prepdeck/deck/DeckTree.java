package dev.prepdeck.deck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The decks nested by name ("A::B" sits under "A"), answering "this deck or one of its sub-decks" for everything
 * that counts sub-decks in: which decks that is (their ids, bound into SQL as an IN list) and the sum of per-deck
 * figures over them. Each deck's members are found once, from its parents' names, so a roll-up over all decks
 * costs the number of decks times their depth, not every pair of decks.
 */
public final class DeckTree {
    private final List<Deck> decks;
    private final Map<Long, List<Deck>> members = new HashMap<>();

    /** {@code decks} in the order sums should add them up (by name, as the repository lists them). */
    public DeckTree(List<Deck> decks) {
        this.decks = List.copyOf(decks);
        Map<String, Deck> byName = new HashMap<>();
        for (Deck deck : this.decks) {
            byName.put(deck.name(), deck);
            members.put(deck.id(), new ArrayList<>());
        }
        for (Deck deck : this.decks) {
            members.get(deck.id()).add(deck);
            for (String parent : deck.parentNames()) {
                Deck above = byName.get(parent);
                if (above != null) {
                    members.get(above.id()).add(deck);
                }
            }
        }
    }

    public List<Deck> decks() {
        return decks;
    }

    /** Decks at the top level, the ones "all decks" are made of. */
    public List<Deck> roots() {
        return decks.stream().filter(d -> d.depth() == 0).toList();
    }

    /** The deck itself and every deck below it, in list order; every deck when {@code deck} is null. */
    public List<Deck> members(Deck deck) {
        if (deck == null) {
            return decks;
        }
        List<Deck> known = members.get(deck.id());
        return known != null ? known : decks.stream().filter(deck::contains).toList();
    }

    /** The decks directly below {@code deck}. */
    public List<Deck> children(Deck deck) {
        return members(deck).stream().filter(d -> d.depth() == deck.depth() + 1).toList();
    }

    /** Which decks a query about {@code deck} and its sub-decks reads (null: every deck). */
    public Scope scope(Deck deck) {
        return new Scope(members(deck).stream().map(Deck::id).toList(), deck == null);
    }

    /** The sum of {@code own} (each deck's figures without its sub-decks) over {@code deck} and its sub-decks. */
    public <T> T sum(Deck deck, Map<Long, T> own, T none, BinaryOperator<T> plus) {
        T sum = none;
        for (Deck member : members(deck)) {
            sum = plus.apply(sum, own.getOrDefault(member.id(), none));
        }
        return sum;
    }

    /** {@link #sum} for every deck, keyed by deck id in list order. */
    public <T> Map<Long, T> rollUp(Map<Long, T> own, T none, BinaryOperator<T> plus) {
        Map<Long, T> sums = new LinkedHashMap<>();
        for (Deck deck : decks) {
            sums.put(deck.id(), sum(deck, own, none, plus));
        }
        return sums;
    }

    /**
     * The decks a query reads: their ids for {@code deck_id IN (<decks>)}, and whether that is every deck (some
     * statistics read precomputed every-deck rows then).
     */
    public record Scope(List<Long> deckIds, boolean everyDeck) {
    }
}
