package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Real searches on a temp-file collection whose every card is known (see {@link SearchFixture}). */
class SearchServiceTest {
    @TempDir
    static Path tempDir;
    private static SearchFixture fixture;

    @BeforeAll
    static void collection() {
        fixture = new SearchFixture(tempDir);
    }

    /** The names of the cards the query finds, in card order. */
    private static List<String> found(String query) {
        SearchResult result = fixture.search.search(1, query, SortColumn.ADDED, SortOrder.ASCENDING, 1, 500);
        Map<Long, String> names = fixture.ids.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        List<String> cards = result.rows().stream().map(r -> names.get(r.cardId())).sorted(
                (a, b) -> Long.compare(fixture.id(a), fixture.id(b))).toList();
        assertThat(result.total()).as("total of " + query).isEqualTo(cards.size());
        return cards;
    }

    private static List<String> cards(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.split(" ")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // text: case, accents, width, Chinese of 1, 2 and 3+ characters, short Latin text, phrases, wildcards
        "index|btree hash",
        "INDEX|btree hash",
        "ＩＮＤＥＸ|btree hash",
        "cafe|cafe",
        "naive resume|cafe",
        "索引|hash zh",
        "索|hash zh",
        "数据库|zh",
        "多版本|buried",
        "ai|cafe buried short",
        "\"b-tree index\"|btree",
        "\"index vs\"|hash",
        "d*ploy|deploy",
        "d_ploy|deploy",
        "b*tree|btree hash",
        "b_tree|btree hash",
        "q:index|btree hash",
        "a:sorted|btree",
        "a:index|",
        "q:索引|zh",
        "a:索引|hash zh",
        "std::vector|",
        // boolean structure
        "-index|cafe zh deploy buried short sqlite",
        "index -hash|btree",
        "index or mvcc|btree hash buried",
        "index mvcc or cafe|cafe",
        "(index or mvcc) is:review|btree hash buried",
        "-(is:new or is:learn) -is:buried|btree hash sqlite",
        // decks: sub-decks included, a longer name that merely starts the same is not
        "deck:Tools::SQL|btree hash",
        "deck:tools|btree hash short sqlite",
        "deck:Tools::*|btree hash sqlite",
        "deck:\"My deck\"|buried",
        "\"deck:my deck\"|buried",
        "deck:面试|zh",
        "deck:ML|cafe deploy",
        "deck:Tools::SQL::Indexes|hash",
        // tags: hierarchy, wildcards, none
        "tag:sql|btree hash buried",
        "tag:SQL::Index|btree hash",
        "tag:sql*|btree hash buried sqlite",
        "tag:none|deploy",
        "tag:数据库|zh",
        // states, flags, burying
        "is:due|btree zh",
        "is:new|cafe short",
        "is:learn|zh deploy",
        "is:review|btree hash deploy buried sqlite",
        "is:suspended|deploy",
        "is:buried|buried",
        "flag:1|buried",
        "flag:2|zh",
        "flag:0|btree hash cafe deploy short sqlite",
        // properties
        "prop:ivl>=20|btree sqlite",
        "prop:due=-1|btree",
        "prop:due=5|hash",
        "prop:due=0|zh deploy buried",
        "prop:due>=0|hash zh deploy buried sqlite",
        "prop:reps>=5|btree hash sqlite",
        "prop:lapses>=3|hash",
        "prop:s>21|btree sqlite",
        "prop:d>0.7|hash",
        "prop:r<0.9|hash deploy",
        "prop:r>=0.9|btree zh buried sqlite",
        // days in the learner's day
        "added:2|",
        "added:3|cafe",
        "edited:1|short",
        "edited:3|cafe short",
        "rated:1|zh",
        "rated:2|zh buried",
        "rated:7|hash zh deploy buried",
        "rated:7:1|hash zh deploy",
        "rated:30:3|btree hash buried",
        "introduced:1|zh",
        "introduced:30|hash zh buried",
        // practice
        "practiced:2|btree",
        "practiced:30|btree hash",
        "coverage<0.5|hash",
        "coverage>=0.8|btree",
        // regular expressions: on the text as written, case-insensitive unless the pattern says
        "re:b.tree|btree hash",
        "re:^what|btree short",
        "re:^WHAT|btree short",
        "\"re:(?-i)^WHAT\"|",
        "a:re:数据结构|zh",
        "q:re:sorted|",
        // several filters at once
        "tag:sql prop:reps>=5 -is:suspended|btree hash",
        "index deck:Tools is:due|btree",
        "索引 tag:sql is:review|hash",
        "|btree hash cafe zh deploy buried short sqlite"})
    void finds_exactly_the_cards_that_match(String query, String expected) {
        assertThat(found(query == null ? "" : query)).isEqualTo(cards(expected == null ? "" : expected));
    }

    @Test
    void rows_carry_the_browse_columns() {
        SearchRow btree = fixture.search.search(1, "q:\"b-tree index\"", SortColumn.DUE, SortOrder.ASCENDING, 1, 10)
                .rows().get(0);

        assertThat(btree.cardId()).isEqualTo(fixture.id("btree"));
        assertThat(btree.question()).isEqualTo("What is a B-Tree index?");
        assertThat(btree.deck()).isEqualTo("Tools::SQL");
        assertThat(btree.tags()).containsExactly("sql", "sql::index");
        assertThat(btree.state()).isEqualTo(State.REVIEW);
        assertThat(btree.suspended()).isFalse();
        assertThat(btree.buried()).isFalse();
        assertThat(btree.flag()).isZero();
        assertThat(btree.due()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
        assertThat(btree.intervalDays()).isEqualTo(20);
        assertThat(btree.stability()).isEqualTo(30.0);
        assertThat(btree.difficulty()).isCloseTo(0.5, within(1e-12));
        assertThat(btree.reviews()).isEqualTo(5);
        assertThat(btree.lapses()).isEqualTo(1);
        assertThat(btree.added()).isEqualTo(Instant.parse("2026-01-29T12:00:00Z"));
        assertThat(btree.lastReview()).isEqualTo(Instant.parse("2026-02-18T12:00:00Z"));
    }

    @Test
    void a_new_card_has_no_due_date_interval_or_memory_figures() {
        SearchRow cafe = fixture.search.search(1, "cafe", SortColumn.DUE, SortOrder.ASCENDING, 1, 10).rows().get(0);

        assertThat(cafe.state()).isEqualTo(State.NEW);
        assertThat(cafe.due()).isNull();
        assertThat(cafe.intervalDays()).isNull();
        assertThat(cafe.stability()).isNull();
        assertThat(cafe.difficulty()).isNull();
        assertThat(cafe.retrievability()).isNull();
        assertThat(cafe.lastReview()).isNull();
    }

    @Test
    void retrievability_is_what_the_scheduler_computes_now() {
        Scheduler scheduler = new Scheduler(FsrsParameters.defaults());
        List<SearchRow> rows = fixture.search.search(1, "-is:new", SortColumn.RETRIEVABILITY, SortOrder.ASCENDING, 1, 50)
                .rows();

        assertThat(rows).hasSize(6);
        for (SearchRow row : rows) {
            FsrsCard card = new FsrsCard(row.state(), row.stability(), row.difficulty() * 9 + 1, row.reviews(),
                    row.lapses(), 0, row.intervalDays(), 0, row.lastReview(), row.due());
            assertThat(row.retrievability()).as("card " + row.cardId())
                    .isCloseTo(scheduler.retrievability(card, SearchFixture.NOW), within(1e-7));
        }
        assertThat(rows).extracting(SearchRow::retrievability).isSorted();
    }

    @Test
    void pages_split_the_sorted_results_and_count_them_all() {
        SearchResult first = fixture.search.search(1, "", SortColumn.DUE, SortOrder.ASCENDING, 1, 3);
        SearchResult second = fixture.search.search(1, "", SortColumn.DUE, SortOrder.ASCENDING, 2, 3);
        SearchResult third = fixture.search.search(1, "", SortColumn.DUE, SortOrder.ASCENDING, 3, 3);
        SearchResult past = fixture.search.search(1, "", SortColumn.DUE, SortOrder.ASCENDING, 9, 3);

        assertThat(first.total()).isEqualTo(8);
        assertThat(first.pageCount()).isEqualTo(3);
        // by due date, oldest first; ties by card id; new cards (no due date) last
        assertThat(names(first)).containsExactly("btree", "zh", "deploy");
        assertThat(names(second)).containsExactly("buried", "hash", "sqlite");
        assertThat(names(third)).containsExactly("cafe", "short");
        assertThat(past.rows()).isEmpty();
        assertThat(past.total()).isEqualTo(8);
    }

    @Test
    void descending_order_still_puts_cards_without_a_value_last() {
        SearchResult result = fixture.search.search(1, "", SortColumn.DUE, SortOrder.DESCENDING, 1, 10);

        assertThat(names(result)).containsExactly("sqlite", "hash", "buried", "deploy", "zh", "btree", "short", "cafe");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "QUESTION|ASCENDING|buried hash deploy cafe sqlite short btree zh",
        "DECK|ASCENDING|cafe deploy buried short btree hash sqlite zh",
        "TAGS|DESCENDING|zh sqlite hash btree buried cafe short deploy",
        "REVIEWS|DESCENDING|hash sqlite btree deploy buried zh short cafe",
        "LAPSES|DESCENDING|hash deploy btree sqlite short buried zh cafe",
        "STABILITY|DESCENDING|sqlite btree buried deploy hash zh short cafe",
        "DIFFICULTY|ASCENDING|sqlite buried btree deploy zh hash cafe short",
        "INTERVAL|DESCENDING|sqlite btree buried hash deploy zh short cafe",
        "ADDED|DESCENDING|cafe sqlite short buried deploy zh hash btree",
        "EDITED|DESCENDING|short cafe sqlite buried deploy zh hash btree",
        "LAST_REVIEW|DESCENDING|zh buried hash deploy btree sqlite short cafe",
        "STATE|ASCENDING|cafe short zh btree hash buried sqlite deploy"})
    void sorts_by_every_column(SortColumn sort, SortOrder order, String expected) {
        assertThat(names(fixture.search.search(1, "", sort, order, 1, 50))).isEqualTo(cards(expected));
    }

    @ParameterizedTest
    @EnumSource(SortColumn.class)
    void every_sort_works_with_a_text_driver_and_with_a_scan(SortColumn sort) {
        assertThat(fixture.search.search(1, "index", sort, SortOrder.ASCENDING, 1, 50).total()).isEqualTo(2);
        assertThat(fixture.search.search(1, "is:review", sort, SortOrder.DESCENDING, 1, 50).rows()).hasSize(5);
    }

    @Test
    void all_matching_ids_for_acting_on_every_match() {
        assertThat(fixture.search.matchingIds(1, "tag:sql -is:buried"))
                .containsExactly(fixture.id("btree"), fixture.id("hash"));
        assertThat(fixture.search.matchingIds(1, "re:^what")).containsExactly(fixture.id("btree"), fixture.id("short"));
        assertThat(fixture.search.matchingIds(1, "")).hasSize(8);
    }

    @Test
    void sort_columns_and_orders_have_url_names() {
        assertThat(SortColumn.fromKey("last-review")).contains(SortColumn.LAST_REVIEW);
        assertThat(SortColumn.fromKey("nope")).isEmpty();
        assertThat(SortOrder.fromKey("desc")).contains(SortOrder.DESCENDING);
        assertThat(Arrays.stream(SortColumn.values()).map(c -> SortColumn.fromKey(c.key()).orElseThrow()))
                .containsExactly(SortColumn.values());
    }

    @Test
    void the_result_carries_the_parsed_query() {
        SearchResult result = fixture.search.search(1, "  INDEX   or Deck:ML ", SortColumn.ADDED, SortOrder.ASCENDING, 1, 10);

        assertThat(result.search().toString()).isEqualTo("INDEX or deck:ML");
    }

    @Test
    void a_query_that_cannot_be_parsed_is_a_syntax_error_not_a_server_error() {
        assertThatThrownBy(() -> fixture.search.search(1, "deck:ML prop:ivl>>3", SortColumn.ADDED, SortOrder.ASCENDING, 1, 10))
                .isInstanceOfSatisfying(SearchSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("prop:ivl>>3: expected a number after '>'");
                    assertThat(e.position()).isEqualTo(17);
                });
    }

    @Test
    void pages_and_page_sizes_out_of_range_are_refused() {
        assertThatThrownBy(() -> fixture.search.search(1, "", SortColumn.ADDED, SortOrder.ASCENDING, 0, 10))
                .isInstanceOf(InvalidInputException.class).hasMessage("page must be 1 or more");
        assertThatThrownBy(() -> fixture.search.search(1, "", SortColumn.ADDED, SortOrder.ASCENDING, 1, 501))
                .isInstanceOf(InvalidInputException.class).hasMessage("page size must be from 1 to 500");
        assertThatThrownBy(() -> fixture.search.search(7, "", SortColumn.ADDED, SortOrder.ASCENDING, 1, 10))
                .isInstanceOf(NotFoundException.class).hasMessage("no learner with id 7");
    }

    private static List<String> names(SearchResult result) {
        Map<Long, String> names = fixture.ids.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        return result.rows().stream().map(r -> names.get(r.cardId())).toList();
    }
}
