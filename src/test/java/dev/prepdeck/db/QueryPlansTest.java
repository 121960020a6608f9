package dev.prepdeck.db;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan SQLite makes for every statement a hot request runs, on a collection without ANALYZE statistics (as
 * every user's collection is): no statement reads a large table whole, and the study queue and the rating's trigger
 * use the index meant for them. Without statistics a plan does not depend on how many rows the tables hold, so a
 * small generated collection gives the plans of a large one.
 *
 * <p>The statements are the ones the app really runs: each request is sent to the running site while a Jdbi
 * SqlLogger records the SQL, and trigger bodies are read from the schema.
 */
class QueryPlansTest {
    /** Tables that grow with the collection; a SCAN of one is a full read. */
    private static final Set<String> LARGE = Set.of("card", "card_state", "card_recall", "review_log", "review_hour",
            "practice_attempt", "practice_recording");
    private static final Pattern SCAN = Pattern.compile("^SCAN (\\w+)");

    @TempDir
    static Path tempDir;

    static TestCollection collection;
    static final List<String> executed = new ArrayList<>();

    @BeforeAll
    static void collection() {
        StringBuilder[] files = new StringBuilder[4];
        for (int f = 0; f < files.length; f++) {
            files[f] = new StringBuilder("# " + (f < 2 ? "Root " + f : "Root 0::Part " + f) + "\n\n");
            for (int i = 0; i < 40; i++) {
                files[f].append("## Question ").append(f).append('-').append(i).append("?\n\n")
                        .append("- a point about ").append(i).append("\n- another point\n\n");
            }
        }
        // SQLite's query plans: PostgreSQL plans its own way, from statistics it always keeps
        collection = TestCollection.of(TestDatabase.SQLITE, tempDir, "a.md", files[0].toString(), "b.md", files[1].toString(),
                "c.md", files[2].toString(), "d.md", files[3].toString(),
                "e.md", "# Done for today\n\n## The only question?\n\nIts answer.\n");
        // Some history: cards in every state, reviews over several days, an undo.
        collection.site(s -> {
            for (int day = 0; day < 6; day++) {
                for (int i = 0; i < 12; i++) {
                    long card = json(s.get("/api/review/next")).get("card").get("id").asLong();
                    s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":" + (1 + i % 4) + "}");
                    collection.clock().advance(Duration.ofMinutes(3));
                }
                collection.clock().advance(Duration.ofDays(1));
            }
            s.submit("/study/undo");
            // Its only card rated Easy: due in days, so this deck's queue is done.
            s.postJson("/api/review", "{\"cardId\":" + collection.cardId("The only question?") + ",\"rating\":4}");
        });
        Jdbi jdbi = collection.jdbi();
        // Database.open gathers none, so these are the plans a user's collection gets.
        assertThat(collection.one("SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE 'sqlite_stat%'", Integer.class))
                .as("no statistics").isZero();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                synchronized (executed) {
                    executed.add(context.getParsedSql().getSql());
                }
            }
        });
    }

    /** The plan of each statement the requests ran, by statement. */
    private static Map<String, List<String>> plansOf(TestSite.SiteTest requests) {
        synchronized (executed) {
            executed.clear();
        }
        collection.site(requests);
        Set<String> statements;
        synchronized (executed) {
            statements = new LinkedHashSet<>(executed);
        }
        assertThat(statements).as("statements recorded").isNotEmpty();
        Map<String, List<String>> plans = new LinkedHashMap<>();
        for (String sql : statements) {
            if (!sql.strip().toUpperCase().startsWith("PRAGMA")) {
                plans.put(sql, explain(sql));
            }
        }
        return plans;
    }

    private static List<String> explain(String sql) {
        return collection.jdbi().withHandle(h -> {
            List<String> plan = new ArrayList<>();
            try (Statement statement = h.getConnection().createStatement();
                 ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (rows.next()) {
                    plan.add(rows.getString("detail"));
                }
            } catch (SQLException e) {
                throw new AssertionError("cannot explain " + sql, e);
            }
            return plan;
        });
    }

    private static void assertNoFullScan(Map<String, List<String>> plans) {
        plans.forEach((sql, plan) -> {
            for (String step : plan) {
                Matcher scan = SCAN.matcher(step);
                assertThat(scan.find() && LARGE.contains(scan.group(1)))
                        .as("%s%nreads a large table whole: %s", sql.strip(), plan).isFalse();
            }
        });
    }

    private static List<String> plansMentioning(Map<String, List<String>> plans, String table) {
        return plans.entrySet().stream().filter(e -> e.getKey().contains(table)).flatMap(e -> e.getValue().stream())
                .toList();
    }

    private long deck(String name) {
        return collection.deckId(name);
    }

    @Test
    void choosing_the_next_card_seeks_each_deck_of_the_scope_in_the_queue_index() {
        Map<String, List<String>> plans = plansOf(s -> {
            s.get("/api/review/next?deck=" + deck("Root 0"));
            s.get("/api/review/next?deck=" + deck("Root 1"));
            s.get("/api/review/next");
            assertThat(s.get("/api/review/next?deck=" + deck("Done for today")).code()).isEqualTo(204);
        });
        assertNoFullScan(plans);
        // Nothing left: when the next card falls due is one seek per deck and state.
        assertThat(plansMentioning(plans, "MIN(next_due)"))
                .contains("SEARCH r USING COVERING INDEX card_recall_queue (learner_id=? AND deck_id=? AND state=? "
                        + "AND suspended=? AND due>?)");
        // New cards: each deck's first in file order is one seek of the new-card index, not its new cards sorted.
        assertThat(plansMentioning(plans, "AS first_new"))
                .contains("SEARCH r USING COVERING INDEX card_recall_new (learner_id=? AND deck_id=?)")
                .noneMatch(step -> step.contains("card_recall_queue") || step.contains("SCAN"));
        plans.forEach((sql, plan) -> {
            if (sql.contains("FROM card_recall") && sql.contains("ORDER BY due")) {
                assertThat(plan).as(sql).anyMatch(step -> step.contains("card_recall_queue (learner_id=? AND deck_id=?"));
            }
        });
    }

    @Test
    void a_decks_page_and_its_study_page_seek_the_decks_cards_in_the_deck_index() {
        long deck = deck("Root 0");
        Map<String, List<String>> plans = plansOf(s -> {
            s.page("/decks/" + deck + "?page=1");
            s.page("/study?deck=" + deck);
        });
        assertNoFullScan(plans);
        plans.forEach((sql, plan) -> {
            if (sql.contains("LIMIT") && sql.contains("FROM card WHERE deck_id")) {
                assertThat(plan).as("the page's cards in order: %s", sql)
                        .containsExactly("SEARCH card USING INDEX card_deck (deck_id=?)");
            }
        });
        assertThat(plans.keySet()).as("the page's cards").anyMatch(sql -> sql.contains("LIMIT"));
    }

    @Test
    void what_the_decks_studied_today_reads_the_hour_roll_up_and_the_log_only_for_part_hours() {
        Map<String, List<String>> plans = plansOf(s -> s.get("/api/review/next?deck=" + deck("Root 0")));
        List<String> doneToday = plans.entrySet().stream().filter(e -> e.getKey().contains("AS new_done"))
                .findFirst().orElseThrow().getValue();
        assertThat(doneToday)
                .contains("SEARCH review_hour USING PRIMARY KEY (learner_id=? AND deck_id=? AND hour>? AND hour<?)")
                .filteredOn(step -> step.contains("review_log_learner_time")).hasSize(2)
                .allMatch(step -> step.endsWith("(learner_id=? AND reviewed_at>? AND reviewed_at<?)"));
    }

    @Test
    void rating_a_card_and_undoing_it_seek_single_rows() {
        long card = collection.one("SELECT card_id FROM card_recall WHERE state = 0 LIMIT 1", Long.class);
        Map<String, List<String>> plans = plansOf(s -> {
            s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":3,\"requestId\":\"plan-test\"}");
            s.postJson("/api/review", "{\"cardId\":" + card + ",\"rating\":3,\"requestId\":\"plan-test\"}");
            s.postJson("/api/review/undo", "{}");
            s.page("/study");
        });
        assertNoFullScan(plans);
        // The learner's newest review is one seek in id order, not all their reviews sorted.
        plans.forEach((sql, plan) -> {
            if (sql.contains("FROM review_log WHERE learner_id = ?") && !sql.contains("request_id")) {
                assertThat(plan).as(sql).anyMatch(step -> step.contains("INDEX review_log_learner (learner_id=?)"))
                        .noneMatch(step -> step.contains("TEMP B-TREE"));
            }
        });
        assertThat(plansMentioning(plans, "request_id = ?")).as("a repeated request is found by its id")
                .anyMatch(step -> step.contains("review_log_request (learner_id=? AND request_id=?)"));
    }

    @Test
    void the_triggers_a_rating_fires_seek_by_whole_keys() {
        Map<String, List<String>> plans = new LinkedHashMap<>();
        for (String body : triggerStatements("card_state", "review_log")) {
            plans.put(body, explain(body));
        }
        assertNoFullScan(plans);
        assertThat(plansMentioning(plans, "UPDATE card_recall"))
                .anyMatch(step -> step.contains("card_recall USING PRIMARY KEY (learner_id=? AND deck_id=? AND card_id=?)"))
                .noneMatch(step -> step.equals("SEARCH card_recall USING PRIMARY KEY (learner_id=?)"));
        assertThat(plansMentioning(plans, "DELETE FROM card_recall"))
                .anyMatch(step -> step.contains("PRIMARY KEY (learner_id=? AND deck_id=? AND card_id=?)"));
    }

    @Test
    void the_dashboard_deck_page_and_study_page_read_no_large_table_whole() {
        Map<String, List<String>> plans = plansOf(s -> {
            s.page("/");
            s.page("/decks/" + deck("Root 0"));
            s.page("/study?deck=" + deck("Root 0::Part 2"));
            s.page("/api/decks");
        });
        assertNoFullScan(plans);
        // A deck page counts its page's cards' reviews in the review_log_card index, not every review of the learner.
        assertThat(plansMentioning(plans, "COUNT(*) AS n FROM review_log"))
                .containsExactly("SEARCH review_log USING COVERING INDEX review_log_card (card_id=? AND learner_id=?)");
    }

    @Test
    void statistics_read_no_large_table_whole() {
        Map<String, List<String>> plans = plansOf(s -> {
            s.page("/api/stats");
            s.page("/api/stats?deck=" + deck("Root 0") + "&days=365");
            s.page("/stats");
        });
        assertNoFullScan(plans);
        // Per-day figures walk the days and seek each day's range; the other order read every studied card's index
        // entry once per day (0.5 s of a statistics page at 1,000,000 reviews).
        List<Map.Entry<String, List<String>>> perDay = plans.entrySet().stream()
                .filter(e -> e.getKey().contains("WITH days")).toList();
        assertThat(perDay).hasSizeGreaterThanOrEqualTo(3);
        perDay.forEach(e -> assertThat(e.getValue()).as(e.getKey())
                .anyMatch(step -> step.matches("SEARCH \\w+ USING (COVERING )?INDEX \\w+ \\(.*(due|attempted_at)>\\? AND "
                        + "(due|attempted_at)<\\?\\)")));
    }

    @Test
    void bulk_edits_their_undo_and_the_triggers_they_fire_read_no_large_table_whole() {
        long target = deck("Root 1");
        Map<String, List<String>> plans = plansOf(s -> {
            for (String action : List.of("suspend", "flag", "bury", "forget", "add-tags", "remove-tags", "set-due")) {
                s.postJson("/api/cards/bulk", "{\"query\": \"deck:Root*\", \"action\": \"" + action
                        + "\", \"flag\": 2, \"tags\": [\"bulk\"], \"days\": \"2-4!\"}");
                s.postJson("/api/cards/bulk/undo", "{}");
            }
            s.postJson("/api/cards/bulk", "{\"query\": \"deck:\\\"Root 0::Part 2\\\"\", \"action\": \"move\", \"deckId\": " + target + "}");
            s.postJson("/api/cards/bulk/undo", "{}");
            s.postJson("/api/cards/bulk", "{\"query\": \"deck:\\\"Root 0::Part 3\\\"\", \"action\": \"delete\"}");
            s.postJson("/api/cards/bulk/undo", "{}");
        });
        for (String body : triggerStatements("card")) {
            plans.put(body, explain(body));
        }
        assertNoFullScan(plans);
        // A deleted card's recordings go by their foreign key's cascade, as this statement finds them: by the card.
        assertThat(explain("DELETE FROM practice_recording WHERE card_id = 1"))
                .containsExactly("SEARCH practice_recording USING COVERING INDEX practice_recording_card (card_id=?)");
        // Undoing a reset checks each card for a rating since in the card's own reviews, not the learner's.
        assertThat(plansMentioning(plans, "r.id > ?")).anyMatch(step -> step.contains("review_log_card (card_id=?"));
    }

    /** The statements in the bodies of the triggers on these tables, NEW.x and OLD.x bound as parameters. */
    private static List<String> triggerStatements(String... tables) {
        List<String> bodies = collection.jdbi().withHandle(h -> h.createQuery(
                        "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (<tables>)")
                .bindList("tables", List.of(tables)).mapTo(String.class).list());
        assertThat(bodies).as("triggers on " + List.of(tables)).isNotEmpty();
        List<String> statements = new ArrayList<>();
        for (String trigger : bodies) {
            String body = trigger.substring(trigger.indexOf(" BEGIN") + 6, trigger.lastIndexOf("END"));
            for (String statement : body.split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.replaceAll("\\b(NEW|OLD)\\.\\w+", "?").strip());
                }
            }
        }
        return statements;
    }
}
