package dev.prepdeck.search;

import static dev.prepdeck.TestData.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Query plans on a collection without ANALYZE, as users have it. Without statistics SQLite's estimates do not depend
 * on how many rows the tables hold, so the plan on this small collection is the plan on 100,000 cards.
 */
class SearchPlanTest {
    @TempDir
    static Path tempDir;
    private static SearchFixture fixture;

    @BeforeAll
    static void collection() {
        // SQLite's query plans: PostgreSQL plans its own way, from statistics it always keeps
        fixture = new SearchFixture(tempDir, TestDatabase.SQLITE);
    }

    @Test
    void the_collection_has_no_statistics() {
        assertThat(one(fixture.jdbi, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'", Integer.class))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index deck:Tools is:due", "索引 tag:sql is:review", "\"b-tree index\" prop:r<0.9 -is:suspended",
            "q:index rated:7 flag:1", "数据库索引 added:30 practiced:7"})
    void text_with_two_filters_starts_from_the_text_index_and_scans_no_state_or_review_log(String query) {
        for (SortColumn sort : List.of(SortColumn.DUE, SortColumn.ADDED)) {
            List<String> page = plan(query, sort, true);
            List<String> count = plan(query, sort, false);
            for (List<String> plan : List.of(page, count)) {
                assertThat(plan.get(0)).as(query + " " + plan).matches("SCAN card_text_(index|cjk) VIRTUAL TABLE INDEX .*");
                assertThat(plan).as(query).anyMatch(line -> line.matches(
                        "SEARCH s USING (COVERING )?INDEX sqlite_autoindex_card_state_1 \\(card_id=\\? AND learner_id=\\?\\)"));
                assertThat(plan).as(query).noneMatch(line -> line.matches("SCAN (s|card_state|review_log|r|e)\\b.*")
                        || line.contains("card_state_due") || line.contains("USING INDEX review_log_card (card_id=?)")
                        && !line.contains("reviewed_at"));
            }
        }
    }

    @Test
    void the_page_and_the_total_of_a_text_search_look_the_text_up_once() {
        List<String> plan = plan("index deck:Tools is:due", SortColumn.DUE, true);

        assertThat(plan.stream().filter(line -> line.startsWith("SCAN card_text_index"))).hasSize(1);
        assertThat(plan.stream().filter(line -> line.equals("SCAN hits"))).hasSize(2);
    }

    @Test
    void a_search_without_text_scans_the_small_state_table_once_instead_of_an_index_lookup_per_card() {
        List<String> plan = plan("deck:Tools tag:sql is:due", SortColumn.DUE, false);

        assertThat(plan.get(0)).isEqualTo("SCAN s");
        assertThat(plan).contains("SEARCH card USING COVERING INDEX card_deck (deck_id=?)",
                "SEARCH g EXISTS USING PRIMARY KEY (card_id=?)");
    }

    @Test
    void sorting_everything_by_date_added_walks_the_date_index_so_the_first_page_stops_early() {
        List<String> plan = plan("", SortColumn.ADDED, true);

        assertThat(plan).contains("SCAN c USING COVERING INDEX card_created")
                .noneMatch(line -> line.contains("TEMP B-TREE FOR ORDER BY"));
    }

    @Test
    void rated_reads_the_review_log_by_learner_and_time() {
        assertThat(plan("rated:7 index", SortColumn.DUE, false))
                .contains("SEARCH review_log USING INDEX review_log_learner_time (learner_id=? AND reviewed_at>?)");
    }

    /** The plan's lines, in order, for the page query or the count query. */
    private static List<String> plan(String query, SortColumn sort, boolean pageQuery) {
        return fixture.jdbi.withHandle(h -> {
            CompiledSearch compiled = SearchCompiler.compile(SearchParser.parse(query), fixture.search.context(h, 1));
            String sql = pageQuery ? fixture.search.pageSql(compiled, sort, SortOrder.ASCENDING)
                    : fixture.search.countSql(compiled);
            return h.createQuery("EXPLAIN QUERY PLAN " + sql).bindMap(compiled.parameters())
                    .bind("limit", 50).bind("offset", 0)
                    .map((rs, ctx) -> rs.getString("detail")).list()
                    .stream().filter(line -> !line.startsWith("CO-ROUTINE") && !line.startsWith("MATERIALIZE")).toList();
        });
    }
}
