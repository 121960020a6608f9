package dev.prepdeck.deck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.ToIntFunction;

/**
 * The decks nested by name ("A::B" sits under "A"), answering "this deck or one of its sub-decks" for everything
 * that counts sub-decks in: which decks that is (their ids, bound into SQL as an IN list), the sum of per-deck
 * figures over them, and how daily limits of a deck, its sub-decks and its parents combine ({@link #limited}). Each deck's members are found once, from its parents' names, so a roll-up over all decks
 * costs the number of decks times their depth, not every pair of decks.
 */
public final class DeckTree {
    private final List<Deck> decks;
    /** Whether {@link #decks} is every deck there is (false when some are private to another learner). */
    private final boolean complete;
    private final Map<Long, List<Deck>> members = new HashMap<>();
    /** Each deck's nearest deck above it that exists (its parent, unless a deck in between is missing). */
    private final Map<Long, Deck> parents = new HashMap<>();

    /** Every deck, in the order sums should add them up (by name, as the repository lists them). */
    public DeckTree(List<Deck> decks) {
        this(decks, true);
    }

    /** {@code decks} as one learner sees them; {@code complete}: no deck is hidden from them. */
    public DeckTree(List<Deck> decks, boolean complete) {
        this.decks = List.copyOf(decks);
        this.complete = complete;
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
                    parents.put(deck.id(), above);
                }
            }
        }
    }

    public List<Deck> decks() {
        return decks;
    }

    /** The deck with this id, when it is in the tree (the learner may see it). */
    public Optional<Deck> deck(long id) {
        return members.containsKey(id) ? Optional.of(members.get(id).get(0)) : Optional.empty();
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

    /**
     * Which decks a query about {@code deck} and its sub-decks reads (null: every deck the learner sees, which is
     * every deck there is unless some are private to another learner).
     */
    public Scope scope(Deck deck) {
        return new Scope(members(deck).stream().map(Deck::id).toList(), deck == null && complete);
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
     * Anki v3's daily limits: how many of some kind of card (new, reviews) studying each deck offers today. A deck
     * gives at most its own remaining limit of what it and its sub-decks hold, each sub-deck giving at most its own
     * limit; and the deck you study is further capped by the remaining limits of every deck above it.
     *
     * @param own       each deck's cards of that kind, without its sub-decks
     * @param remaining what is left of a deck's daily limit today (its limit less what it and its sub-decks did)
     * @return by deck id in list order, what studying that deck offers
     */
    public Map<Long, Integer> limited(Map<Long, Integer> own, ToIntFunction<Deck> remaining) {
        Map<Long, Integer> given = new HashMap<>();
        // Deepest first, so every sub-deck has given its share before its parent adds it up.
        List<Deck> bottomUp = decks.stream().sorted(Comparator.comparingInt(Deck::depth).reversed()).toList();
        for (Deck deck : bottomUp) {
            given.merge(deck.id(), own.getOrDefault(deck.id(), 0), Integer::sum);
            int gives = Math.min(Math.max(0, remaining.applyAsInt(deck)), given.get(deck.id()));
            given.put(deck.id(), gives);
            Deck parent = parents.get(deck.id());
            if (parent != null) {
                given.merge(parent.id(), gives, Integer::sum);
            }
        }
        Map<Long, Integer> offered = new LinkedHashMap<>();
        for (Deck deck : decks) {
            int cap = given.get(deck.id());
            for (Deck above = parents.get(deck.id()); above != null; above = parents.get(above.id())) {
                cap = Math.min(cap, Math.max(0, remaining.applyAsInt(above)));
            }
            offered.put(deck.id(), cap);
        }
        return offered;
    }

    /**
     * The decks whose cards of some kind may still be studied today under {@link #limited}'s rule: those with some of
     * their own limit left and some left in every deck above them.
     */
    public Set<Long> withinLimits(ToIntFunction<Deck> remaining) {
        Set<Long> open = new HashSet<>();
        for (Deck deck : decks) {
            boolean left = remaining.applyAsInt(deck) > 0;
            for (Deck above = parents.get(deck.id()); left && above != null; above = parents.get(above.id())) {
                left = remaining.applyAsInt(above) > 0;
            }
            if (left) {
                open.add(deck.id());
            }
        }
        return open;
    }

    /**
     * The decks a query reads: their ids for {@code deck_id IN (<decks>)}, and whether that is every deck (some
     * statistics read precomputed every-deck rows then).
     */
    public record Scope(List<Long> deckIds, boolean everyDeck) {
    }
}
