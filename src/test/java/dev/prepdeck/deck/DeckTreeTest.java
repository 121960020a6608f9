package dev.prepdeck.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anki v3's daily limits over a deck tree: sub-decks' own limits, the studied deck's, and its parents'. */
class DeckTreeTest {
    private static Deck deck(long id, String name, int newPerDay) {
        return new Deck(id, name, "", "", null, null, newPerDay, 200, null, null, null, null, null, null, false);
    }

    private static final Deck TOOLS = deck(1, "Tools", 2);
    private static final Deck GIT = deck(2, "Tools::Git", 20);
    private static final Deck SQL = deck(3, "Tools::SQL", 3);
    private static final Deck JOINS = deck(4, "Tools::SQL::Joins", 20);
    private static final DeckTree TREE = new DeckTree(List.of(TOOLS, GIT, SQL, JOINS));

    @Test
    void finds_a_deck_of_the_tree_by_id_and_nothing_for_a_deck_outside_it() {
        assertThat(TREE.deck(3)).contains(SQL);
        assertThat(TREE.deck(4)).contains(JOINS);
        assertThat(TREE.deck(99)).isEmpty();
    }

    @Test
    void a_parents_limit_caps_what_studying_its_sub_deck_offers() {
        Map<Long, Integer> offered = TREE.limited(Map.of(GIT.id(), 14), Deck::newPerDay);

        assertThat(offered).containsEntry(TOOLS.id(), 2).containsEntry(GIT.id(), 2);
    }

    @Test
    void a_sub_decks_own_limit_caps_what_it_gives_to_its_parent() {
        DeckTree generous = new DeckTree(List.of(deck(1, "Tools", 50), GIT, SQL, JOINS));
        Map<Long, Integer> offered = generous.limited(Map.of(1L, 5, GIT.id(), 14, SQL.id(), 4, JOINS.id(), 6),
                Deck::newPerDay);

        assertThat(offered).containsEntry(JOINS.id(), 3).as("Joins under SQL's 3")
                .containsEntry(SQL.id(), 3).as("SQL's own 4 and Joins' 6, capped at 3")
                .containsEntry(GIT.id(), 14)
                .containsEntry(1L, 5 + 14 + 3);
    }

    @Test
    void what_is_left_today_is_what_counts() {
        Map<Long, Integer> left = Map.of(TOOLS.id(), 1, GIT.id(), 0, SQL.id(), 3, JOINS.id(), 20);
        Map<Long, Integer> offered = TREE.limited(Map.of(GIT.id(), 14, JOINS.id(), 9), d -> left.get(d.id()));

        assertThat(offered).containsEntry(GIT.id(), 0).containsEntry(JOINS.id(), 1).containsEntry(SQL.id(), 1)
                .containsEntry(TOOLS.id(), 1);
        assertThat(TREE.withinLimits(d -> left.get(d.id()))).containsExactlyInAnyOrder(TOOLS.id(), SQL.id(), JOINS.id());
        assertThat(TREE.withinLimits(d -> d == TOOLS ? 0 : 20)).as("nothing under a spent parent").isEmpty();
    }

    @Test
    void a_deck_whose_parent_is_missing_answers_to_the_nearest_deck_above_it() {
        DeckTree gap = new DeckTree(List.of(TOOLS, JOINS));

        assertThat(gap.limited(Map.of(JOINS.id(), 9), Deck::newPerDay)).containsEntry(JOINS.id(), 2)
                .containsEntry(TOOLS.id(), 2);
    }
}
