package dev.prepdeck.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestSite;
import dev.prepdeck.db.Dialect;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.optimizer.CardHistory;
import dev.prepdeck.fsrs.optimizer.DayCut;
import dev.prepdeck.fsrs.optimizer.Optimizer;
import dev.prepdeck.fsrs.optimizer.PastReview;
import dev.prepdeck.fsrs.optimizer.TrainingConfig;
import dev.prepdeck.fsrs.optimizer.TrainingSet;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The Optimize pages as a learner uses them, on a history made by studying through the app for a month: the fit
 * shown, accepted or declined, the reschedule, the recommended retention, and what each leaves in the database.
 */
class OptimizePagesTest extends OnAMonthOfStudy {
    private static final String SCOPE = "c.deck_id IN (SELECT id FROM deck WHERE name IN ('Interview', 'Interview::SQL'))";

    /** The page the deck's Optimize button opens: the fit run on the deck's reviews, with nothing stored yet. */
    private static String optimizePage(TestSite s, long deck) throws IOException {
        return s.submit("/decks/" + deck + "/optimize").body().string();
    }

    @Test
    void too_little_history_says_how_many_more_reviews_are_needed_and_offers_nothing_to_accept() {
        TestCollection c = TestCollection.at(folder, SimulatedLearner.FIRST_DAY.toString(),
                "tiny.md", SimulatedLearner.deck("Tiny", 3));
        SimulatedLearner.study(c, 3, 1.0, 1);
        long deck = c.deckId("Tiny");
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        c.site(s -> {
            Response run = s.submit("/decks/" + deck + "/optimize");
            String page = run.body().string();
            assertThat(run.code()).isEqualTo(200);
            assertThat(text(page)).contains("Not enough reviews to fit yet")
                    .containsPattern("Tiny has \\d+ usable ones")
                    .contains("Fitting needs at least 8:")
                    .contains("Fitting all 21 weights needs 64");
            int shown = Integer.parseInt(find(text(page), "Tiny has (\\d+) usable ones"));
            assertThat(text(page)).contains("8: " + (8 - shown) + " more");
            assertThat(page).doesNotContain("name=\"weights\"").doesNotContain("/optimize/apply");
        });
        assertThat(snapshot(c.jdbi())).isEqualTo(before);
    }

    @Test
    void a_month_of_study_is_fitted_away_from_the_defaults_with_the_figures_of_an_independent_fit() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        c.site(s -> {
            String page = optimizePage(s, deck);
            String words = text(page);
            assertThat(words).contains("Reading your reviews", "Fitting the weights to", "Testing the fit on later reviews",
                    "Simulating a year", "All 21 weights were fitted");
            double[] shown = numbers(hidden(page, "weights"));
            double[] expected = independentFit(c);
            assertThat(shown).containsExactly(expected);
            assertThat(shown).isNotEqualTo(rounded(FsrsParameters.defaultWeights()));
            int reviews = c.one("SELECT count(*) FROM review_log r JOIN card c ON c.id = r.card_id WHERE " + SCOPE,
                    Integer.class);
            assertThat(words).contains("In all, " + String.format("%,d", reviews) + " reviews of 60 cards");
            assertThat(words).contains("Current (the defaults)", "Fitted on earlier reviews", "Recommended for you:");
            assertThat(words).containsPattern("The fit (helps|does not help yet)");
            assertThat(page).contains("action=\"/decks/" + deck + "/optimize/apply\"");
        });
    }

    @Test
    void accepting_saves_exactly_the_shown_weights_for_the_deck_and_its_sub_decks_only() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        c.site(s -> {
            String page = optimizePage(s, deck);
            String weights = hidden(page, "weights");
            Response saved = s.submit("/decks/" + deck + "/optimize/apply", "weights", weights);
            assertThat(saved.code()).isEqualTo(200);
            assertThat(text(saved.body().string())).contains("The fitted weights now schedule Interview and its 1 sub-deck")
                    .contains("Cards keep their due dates");
            for (String name : List.of("Interview", "Interview::SQL")) {
                String stored = c.one("SELECT weights FROM deck WHERE name = '" + name + "'", String.class);
                assertThat(numbers(stored)).containsExactly(numbers(weights));
            }
            assertThat(c.one("SELECT weights IS NULL FROM deck WHERE name = 'Other'", Boolean.class)).isTrue();
            String settings = s.page("/decks/" + deck + "/settings");
            assertThat(numbers(find(settings, "<textarea id=\"weights\"[^>]*>([^<]*)</textarea>")))
                    .containsExactly(numbers(weights));
        });
        Map<String, List<Map<String, Object>>> after = snapshot(c.jdbi());
        assertThat(after.get("review_log")).isEqualTo(before.get("review_log"));
        assertThat(after.get("card_state")).isEqualTo(before.get("card_state"));
    }

    @Test
    void declining_writes_nothing() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        c.site(s -> {
            String page = optimizePage(s, deck);
            assertThat(page).contains("href=\"/decks/" + deck + "/settings\">Keep the current weights</a>");
            s.page("/decks/" + deck + "/settings");
            assertThat(s.page("/decks/" + deck + "/optimize")).contains("Fit FSRS to your reviews of Interview");
        });
        assertThat(snapshot(c.jdbi())).isEqualTo(before);
    }

    @Test
    void rescheduling_replays_every_reviewed_card_with_the_new_weights_and_leaves_the_log_alone() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        int reviewed = c.one("SELECT count(DISTINCT r.card_id) FROM review_log r JOIN card c ON c.id = r.card_id WHERE "
                + SCOPE, Integer.class);
        c.site(s -> {
            String weights = hidden(optimizePage(s, deck), "weights");
            String page = text(s.submit("/decks/" + deck + "/optimize/apply", "weights", weights, "reschedule", "on")
                    .body().string());
            assertThat(page).contains(reviewed + " cards were rescheduled by replaying their reviews");
            int moved = Integer.parseInt(find(page, "; (\\d+) of them got a new due date"));
            assertThat(moved).isPositive().isLessThanOrEqualTo(reviewed);
            assertThat(moved).isEqualTo(changedDueDates(before.get("card_state"), snapshot(c.jdbi()).get("card_state")));
        });
        Map<String, List<Map<String, Object>>> after = snapshot(c.jdbi());
        assertThat(after.get("review_log")).isEqualTo(before.get("review_log"));
        double[] weights = numbers(c.one("SELECT weights FROM deck WHERE name = 'Interview'", String.class));
        assertThat(cardStates(c, SCOPE)).isEqualTo(replayedStates(c, SCOPE, weights));
        String otherDecks = "c.deck_id = (SELECT id FROM deck WHERE name = 'Other')";
        assertThat(cardStates(c, otherDecks)).isEqualTo(statesIn(before.get("card_state"), c, otherDecks));
    }

    @Test
    void replaying_with_the_weights_already_in_use_moves_no_card() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        c.site(s -> {
            String page = text(s.submit("/decks/" + deck + "/optimize/apply",
                    "weights", numbersText(FsrsParameters.defaultWeights()), "reschedule", "on").body().string());
            assertThat(page).contains("; 0 of them got a new due date");
        });
        assertThat(snapshot(c.jdbi()).get("card_state")).isEqualTo(before.get("card_state"));
    }

    @Test
    void a_failure_part_way_through_a_reschedule_leaves_nothing_half_written() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        List<Long> reviewedCards = c.list("SELECT DISTINCT r.card_id FROM review_log r JOIN card c ON c.id = r.card_id"
                + " WHERE " + SCOPE + " ORDER BY r.card_id", Long.class);
        long failing = reviewedCards.get(reviewedCards.size() / 2);
        // as a full disk or a broken file would: the write of one card in the middle fails
        c.jdbi().useHandle(h -> {
            if (Dialect.of(h) == Dialect.SQLITE) {
                h.execute("CREATE TRIGGER fail_one BEFORE UPDATE OF due ON card_state WHEN NEW.card_id = " + failing
                        + " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
            } else {
                h.execute("CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'disk I/O error'; END $$");
                h.execute("CREATE TRIGGER fail_one BEFORE UPDATE OF due ON card_state FOR EACH ROW WHEN (NEW.card_id = "
                        + failing + ") EXECUTE FUNCTION fail_one()");
            }
        });
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        c.site(s -> {
            String weights = hidden(optimizePage(s, deck), "weights");
            Response failed = s.submit("/decks/" + deck + "/optimize/apply", "weights", weights, "reschedule", "on");
            assertThat(failed.code()).isEqualTo(500);
            assertThat(failed.body().string()).contains("something went wrong on our side").doesNotContain("Exception");
        });
        assertThat(snapshot(c.jdbi())).isEqualTo(before);
    }

    @Test
    void the_recommended_desired_retention_is_used_only_when_asked() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        c.site(s -> {
            String page = optimizePage(s, deck);
            String recommended = find(text(page), "Recommended for you: (0\\.\\d\\d)");
            assertThat(c.one("SELECT count(*) FROM deck WHERE desired_retention IS NOT NULL", Integer.class)).isZero();
            if (recommended.equals("0.90")) {
                assertThat(page).doesNotContain("/optimize/retention");
                return;
            }
            String value = hidden(page, "desiredRetention");
            assertThat(Double.parseDouble(value)).isEqualTo(Double.parseDouble(recommended));
            Response used = s.submit("/decks/" + deck + "/optimize/retention", "desiredRetention", value);
            assertThat(used.code()).isEqualTo(303);
            assertThat(TestSite.location(used)).isEqualTo("/decks/" + deck + "/settings");
            assertThat(c.list("SELECT desired_retention FROM deck WHERE name LIKE 'Interview%'", Double.class))
                    .containsOnly(Double.parseDouble(value));
            assertThat(c.one("SELECT desired_retention IS NULL FROM deck WHERE name = 'Other'", Boolean.class)).isTrue();
        });
    }

    @Test
    void every_deck_is_fitted_together_from_its_own_page_and_saved_for_every_deck() {
        TestCollection c = collection();
        int reviews = c.one("SELECT count(*) FROM review_log", Integer.class);
        c.site(s -> {
            String start = text(s.page("/optimize"));
            assertThat(start).contains("Fit FSRS to all your reviews", "every deck (" + String.format("%,d", reviews) + " reviews so far)");
            assertThat(s.page("/stats")).contains("href=\"/optimize\"");
            String page = s.submit("/optimize").body().string();
            assertThat(text(page)).contains("In all, " + String.format("%,d", reviews) + " reviews of 75 cards");
            String weights = hidden(page, "weights");
            assertThat(page).contains("action=\"/optimize/apply\"");
            assertThat(s.submit("/optimize/apply", "weights", weights).code()).isEqualTo(200);
            assertThat(c.list("SELECT weights FROM deck", String.class)).hasSize(3)
                    .allSatisfy(stored -> assertThat(numbers(stored)).containsExactly(numbers(weights)));
        });
    }

    @Test
    void the_settings_page_has_the_optimize_button_with_its_csrf_token() {
        TestCollection c = collection();
        long deck = c.deckId("Interview::SQL");
        c.site(s -> {
            String settings = s.page("/decks/" + deck + "/settings");
            assertThat(settings).contains("action=\"/decks/" + deck + "/optimize\"", "name=\"_csrf\"", ">Optimize</button>");
            assertThat(text(optimizePage(s, deck)))
                    .contains("Fitting FSRS to your reviews of Interview::SQL");
        });
    }

    @Test
    void forms_without_the_token_bad_weights_and_unknown_decks_are_refused_and_write_nothing() {
        TestCollection c = collection();
        long deck = c.deckId("Interview");
        Map<String, List<Map<String, Object>>> before = snapshot(c.jdbi());
        String defaults = numbersText(FsrsParameters.defaultWeights());
        c.site(s -> {
            assertThat(s.submitWithoutToken("/decks/" + deck + "/optimize/apply", "weights", defaults).code()).isEqualTo(403);
            assertThat(s.submitWithoutToken("/decks/" + deck + "/optimize").code()).isEqualTo(403);
            Response twenty = s.submit("/decks/" + deck + "/optimize/apply", "weights", defaults.replaceFirst("^[^,]*, ", ""));
            assertThat(twenty.code()).isEqualTo(400);
            assertThat(text(twenty.body().string())).contains("weights must be 21 numbers, got 20");
            Response word = s.submit("/decks/" + deck + "/optimize/apply", "weights", defaults.replace("0.1542", "fast"));
            assertThat(word.code()).isEqualTo(400);
            assertThat(text(word.body().string())).contains("weights must be numbers separated by commas, not 'fast'");
            assertThat(s.submit("/decks/" + deck + "/optimize/retention", "desiredRetention", "0.5").code()).isEqualTo(400);
            assertThat(s.submit("/decks/999999/optimize").code()).isEqualTo(404);
            assertThat(s.submit("/decks/999999/optimize/apply", "weights", defaults).code()).isEqualTo(404);
            assertThat(s.get("/decks/abc/optimize").code()).isEqualTo(404);
        });
        assertThat(snapshot(c.jdbi())).isEqualTo(before);
    }

    // ---- what the database holds

    static Map<String, List<Map<String, Object>>> snapshot(Jdbi jdbi) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : List.of("deck", "card_state", "review_log", "card")) {
            tables.put(table, jdbi.withHandle(h -> h.createQuery("SELECT * FROM " + table + " ORDER BY 1, 2")
                    .mapToMap().list()));
        }
        return tables;
    }

    private static int changedDueDates(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            changed += before.get(i).get("due").equals(after.get(i).get("due")) ? 0 : 1;
        }
        return changed;
    }

    /** Each card's stored schedule in the decks {@code where} selects, by card id. */
    private static Map<Long, List<Object>> cardStates(TestCollection c, String where) {
        Map<Long, List<Object>> states = new LinkedHashMap<>();
        c.jdbi().useHandle(h -> h.createQuery("SELECT s.* FROM card_state s JOIN card c ON c.id = s.card_id"
                        + " WHERE s.card_id IN (SELECT card_id FROM review_log) AND " + where + " ORDER BY s.card_id")
                .mapToMap().forEach(row -> states.put(((Number) row.get("card_id")).longValue(), List.of(
                        row.get("state"), row.get("stability"), row.get("difficulty"), row.get("reps"),
                        row.get("lapses"), row.get("learning_steps"), row.get("scheduled_days"),
                        row.get("elapsed_days"), row.get("last_review"), row.get("due")))));
        return states;
    }

    private static Map<Long, List<Object>> statesIn(List<Map<String, Object>> rows, TestCollection c, String where) {
        List<Long> ids = c.list("SELECT c.id FROM card c WHERE c.id IN (SELECT card_id FROM review_log) AND " + where,
                Long.class);
        Map<Long, List<Object>> states = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("card_id")).longValue();
            if (ids.contains(id)) {
                states.put(id, List.of(row.get("state"), row.get("stability"), row.get("difficulty"), row.get("reps"),
                        row.get("lapses"), row.get("learning_steps"), row.get("scheduled_days"),
                        row.get("elapsed_days"), row.get("last_review"), row.get("due")));
            }
        }
        return states;
    }

    /**
     * Every reviewed card in the decks {@code where} selects, replayed from its log through the scheduler with
     * {@code weights} and the default deck settings (fuzz on), in the test learner's zone (UTC).
     */
    private static Map<Long, List<Object>> replayedStates(TestCollection c, String where, double[] weights) {
        Scheduler scheduler = new Scheduler(new FsrsParameters(weights, 0.9, 36500,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), true, true));
        Map<Long, List<Object>> states = new LinkedHashMap<>();
        Map<Long, List<long[]>> logs = reviewLogs(c, where);
        logs.forEach((cardId, log) -> {
            FsrsCard card = FsrsCard.newCard(Instant.ofEpochMilli(log.get(0)[0]));
            for (long[] review : log) {
                card = scheduler.next(card, Instant.ofEpochMilli(review[0]), Rating.of((int) review[1]), ZoneOffset.UTC)
                        .card();
            }
            states.put(cardId, List.of(card.state().ordinal(), card.stability(), card.difficulty(), card.reps(),
                    card.lapses(), card.learningSteps(), card.scheduledDays(), card.elapsedDays(),
                    card.lastReview().toEpochMilli(), card.due().toEpochMilli()));
        });
        return states;
    }

    /** Each card's reviews as (reviewed_at, rating), oldest first. */
    private static Map<Long, List<long[]>> reviewLogs(TestCollection c, String where) {
        Map<Long, List<long[]>> logs = new LinkedHashMap<>();
        c.jdbi().useHandle(h -> h.createQuery("SELECT r.card_id, r.reviewed_at, r.rating FROM review_log r"
                        + " JOIN card c ON c.id = r.card_id WHERE " + where + " ORDER BY r.card_id, r.reviewed_at, r.id")
                .mapToMap().forEach(row -> logs.computeIfAbsent(((Number) row.get("card_id")).longValue(),
                        id -> new ArrayList<>()).add(new long[] {((Number) row.get("reviewed_at")).longValue(),
                        ((Number) row.get("rating")).longValue()})));
        return logs;
    }

    /** The fit of the Interview decks' log read straight from SQL: days cut at 4 am UTC, fsrs-rs's defaults. */
    private static double[] independentFit(TestCollection c) {
        List<CardHistory> cards = new ArrayList<>();
        reviewLogs(c, SCOPE).values().forEach(log -> cards.add(new CardHistory(log.stream()
                .map(review -> new PastReview(Instant.ofEpochMilli(review[0]), Rating.of((int) review[1])))
                .toList())));
        TrainingSet set = TrainingSet.of(cards, new DayCut(ZoneOffset.UTC, 4));
        return rounded(new Optimizer(TrainingConfig.DEFAULT).fit(set).parameters());
    }

    // ---- what the page says

    private static double[] rounded(double[] weights) {
        return Arrays.stream(weights).map(w -> Math.round(w * 1e4) / 1e4).toArray();
    }

    private static String numbersText(double[] weights) {
        List<String> parts = new ArrayList<>();
        for (double w : weights) {
            parts.add(String.format("%.4f", w));
        }
        return String.join(", ", parts);
    }

    static double[] numbers(String text) {
        return Arrays.stream(text.trim().split("[\\s,]+")).mapToDouble(Double::parseDouble).toArray();
    }

    static String hidden(String page, String name) {
        return find(page, "name=\"" + name + "\" value=\"([^\"]*)\"");
    }

    /** The page's words without markup, one space between them. */
    static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("</?(span|strong|em|a|code)\\b[^>]*>", "")
                .replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text.length() > 3000 ? text.substring(0, 3000) : text).isTrue();
        return matcher.group(1);
    }
}
