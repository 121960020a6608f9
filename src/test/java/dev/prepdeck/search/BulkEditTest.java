package dev.prepdeck.search;

import dev.prepdeck.review.Learner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.review.StudyQueue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk edits on a real collection: what each changes, that each is all or nothing, and what study then shows. */
class BulkEditTest extends OnBulkEditing {
    private long card(String question) {
        return collection.cardId(question);
    }

    @Test
    void buried_cards_leave_study_until_the_next_study_day() {
        long dns = card("What does DNS do?");
        long networking = collection.deckId("Interview::Networking");
        int newBefore = reviews.countsByDeck(Learner.DEFAULT_ID).get(networking).newAvailable();

        assertThat(bulk.apply(1, CardSelection.of(List.of(dns)), new BulkAction.Bury(true))).isEqualTo(1);

        assertThat(reviews.countsByDeck(Learner.DEFAULT_ID).get(networking).newAvailable()).isEqualTo(newBefore - 1);
        assertThat(bulk.count(1, CardSelection.matching("is:buried"))).isEqualTo(1);
        StudyQueue queue = reviews.next(Learner.DEFAULT_ID, networking);
        for (int shown = 0; !queue.isDone(); shown++) {
            assertThat(shown).as("the two other cards, each rated Easy once").isLessThan(2);
            long next = queue.card().card().id();
            assertThat(next).as("the buried card is not shown").isNotEqualTo(dns);
            reviews.rate(Learner.DEFAULT_ID, next, Rating.EASY, 1000, null);
            queue = reviews.next(Learner.DEFAULT_ID, networking);
        }
        collection.clock().advance(Duration.ofDays(1));
        assertThat(bulk.count(1, CardSelection.matching("is:buried"))).as("tomorrow it is back").isZero();
        assertThat(reviews.next(Learner.DEFAULT_ID, networking).card().card().id()).isEqualTo(dns);
    }

    @Test
    void unbury_puts_a_buried_card_back_today() {
        long dns = card("What does DNS do?");
        bulk.apply(1, CardSelection.of(List.of(dns)), new BulkAction.Bury(true));
        assertThat(bulk.apply(1, CardSelection.matching("is:buried"), new BulkAction.Bury(false))).isEqualTo(1);
        assertThat(bulk.count(1, CardSelection.matching("is:buried"))).isZero();
    }

    @Test
    void forget_resets_a_card_to_new_and_keeps_its_review_log() {
        long dns = card("What does DNS do?");
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 1000, null);
        collection.clock().advance(Duration.ofMinutes(20));
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 1000, null);

        assertThat(bulk.apply(1, CardSelection.matching("dns"), new BulkAction.Forget())).isEqualTo(1);

        assertThat(collection.one("SELECT state FROM card_state WHERE card_id = " + dns, Integer.class)).isZero();
        assertThat(collection.one("SELECT reps FROM card_state WHERE card_id = " + dns, Integer.class)).isZero();
        assertThat(collection.one("SELECT COUNT(*) FROM review_log WHERE card_id = " + dns, Integer.class)).isEqualTo(2);
        assertThat(bulk.count(1, CardSelection.matching("is:new dns"))).isEqualTo(1);
    }

    @Test
    void a_move_onto_a_uid_the_deck_already_has_gives_the_card_a_fresh_uid() {
        long database = collection.deckId("数据库");
        long networking = collection.deckId("Interview::Networking");
        collection.jdbi().useHandle(h -> h.execute("UPDATE card SET uid = 'net-dns' WHERE question = '什么是索引？'"));

        assertThat(bulk.apply(1, CardSelection.matching("deck:数据库"), new BulkAction.MoveTo(networking))).isEqualTo(2);

        assertThat(collection.one("SELECT COUNT(*) FROM card WHERE deck_id = " + database, Integer.class)).isZero();
        assertThat(collection.list("SELECT uid FROM card WHERE deck_id = " + networking, String.class))
                .hasSize(5).doesNotHaveDuplicates().contains("net-dns");
        assertThat(bulk.count(1, CardSelection.matching("deck:Interview::Networking 索引"))).isEqualTo(1);
    }

    @Test
    void a_bulk_edit_with_an_unknown_card_changes_none_of_the_others() {
        long dns = card("What does DNS do?");
        assertThatThrownBy(() -> bulk.apply(1, CardSelection.of(List.of(dns, 424242L)), new BulkAction.Delete()))
                .isInstanceOf(NotFoundException.class).hasMessage("no card with id 424242");
        assertThat(collection.one("SELECT COUNT(*) FROM card WHERE id = " + dns, Integer.class)).isEqualTo(1);
    }

    @Test
    void moving_to_a_deck_that_does_not_exist_is_refused() {
        assertThatThrownBy(() -> bulk.apply(1, CardSelection.matching(""), new BulkAction.MoveTo(999)))
                .isInstanceOf(NotFoundException.class).hasMessage("no deck with id 999");
    }

    @Test
    void tags_are_added_once_whatever_their_case_and_searchable_at_once() {
        assertThat(bulk.apply(1, CardSelection.matching("deck:Interview*"),
                new BulkAction.AddTags(List.of("Basics", "net::dns")))).isEqualTo(3);
        assertThat(collection.one("SELECT tags FROM card WHERE uid = 'net-dns'", String.class))
                .isEqualTo("basics, net::dns");
        assertThat(bulk.count(1, CardSelection.matching("tag:net"))).isEqualTo(3);
        assertThat(bulk.apply(1, CardSelection.matching(""), new BulkAction.RemoveTags(List.of("BASICS")))).isEqualTo(3);
        assertThat(bulk.count(1, CardSelection.matching("tag:basics"))).isZero();
    }

    @Test
    void renaming_a_tag_renames_the_tags_below_it() {
        bulk.apply(1, CardSelection.matching("deck:数据库"), new BulkAction.AddTags(List.of("SQL::Index", "sql")));
        assertThat(bulk.renameTag(1, "sql", "db", false)).isEqualTo(2);
        assertThat(collection.list("SELECT tags FROM card WHERE deck_id = " + collection.deckId("数据库"), String.class))
                .containsOnly("db::Index, db");
        assertThat(bulk.deleteTag(1, "DB")).isEqualTo(2);
        assertThat(bulk.count(1, CardSelection.matching("tag:none"))).isEqualTo(4);
    }

    @Test
    void bad_actions_are_refused_before_anything_is_read() {
        assertThatThrownBy(() -> BulkAction.of("flag", 5L, null, List.of(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("flag must be 0 (none) or 1 to 4, not 5");
        assertThatThrownBy(() -> BulkAction.of("add-tags", null, null, List.of(" "), null))
                .hasMessage("type at least one tag");
        assertThatThrownBy(() -> bulk.renameTag(1, "sql", "a,b", false)).hasMessage("tag 'a,b' must not contain commas or line breaks");
    }

    @Test
    void set_due_date_moves_studied_cards_to_a_day_in_the_range_and_leaves_new_cards_new() {
        long dns = card("What does DNS do?");
        long tcp = card("Compare TCP and UDP.");
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.EASY, 1000, null);
        reviews.rate(Learner.DEFAULT_ID, tcp, Rating.EASY, 1000, null);
        SearchService search = new SearchService(collection.jdbi(), new DeckRepository(), collection.clock());
        SearchContext context = collection.jdbi().withHandle(h -> search.context(h, 1));

        assertThat(bulk.apply(1, CardSelection.matching(""), BulkAction.SetDue.parse("3-7"))).as("new cards are left")
                .isEqualTo(2);

        for (long id : List.of(dns, tcp)) {
            long due = collection.one("SELECT due FROM card_state WHERE card_id = " + id, Long.class);
            assertThat(due).isBetween(context.dayStart(3), context.dayStart(7));
            assertThat(List.of(3L, 4L, 5L, 6L, 7L).stream().map(context::dayStart)).contains(due);
        }
        assertThat(bulk.count(1, CardSelection.matching("prop:due>=3 prop:due<=7"))).isEqualTo(2);
        assertThat(bulk.count(1, CardSelection.matching("is:new"))).isEqualTo(3);
    }

    @Test
    void set_due_date_today_makes_a_card_due_and_with_a_bang_sets_its_interval() {
        long dns = card("What does DNS do?");
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.EASY, 1000, null);
        collection.clock().advance(Duration.ofDays(2));
        int intervalBefore = collection.one("SELECT scheduled_days FROM card_state WHERE card_id = " + dns, Integer.class);

        bulk.apply(1, CardSelection.of(List.of(dns)), BulkAction.SetDue.parse("0"));
        assertThat(bulk.count(1, CardSelection.matching("is:due"))).isEqualTo(1);
        assertThat(collection.one("SELECT scheduled_days FROM card_state WHERE card_id = " + dns, Integer.class))
                .as("without ! the interval stays").isEqualTo(intervalBefore);

        bulk.apply(1, CardSelection.of(List.of(dns)), BulkAction.SetDue.parse("10!"));
        assertThat(collection.one("SELECT scheduled_days FROM card_state WHERE card_id = " + dns, Integer.class))
                .as("two days since the review plus ten").isEqualTo(12);
        assertThat(bulk.count(1, CardSelection.matching("prop:due=10"))).isEqualTo(1);
    }

    @Test
    void set_due_date_days_must_be_a_day_or_a_range() {
        assertThat(BulkAction.SetDue.parse(" 3-7! ")).isEqualTo(new BulkAction.SetDue(3, 7, true));
        assertThatThrownBy(() -> BulkAction.SetDue.parse("7-3")).isInstanceOf(InvalidInputException.class)
                .hasMessage("due days must run from 0 to 36500, the smaller first, not 7-3");
        assertThatThrownBy(() -> BulkAction.of("set-due", null, null, List.of(), "soon"))
                .hasMessageContaining("set the due date as days from today").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> BulkAction.of("set-due", null, null, List.of(), null))
                .isInstanceOf(InvalidInputException.class);
    }
}
