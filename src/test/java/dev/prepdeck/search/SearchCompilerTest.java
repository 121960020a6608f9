package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL each term becomes: readable, and with every value a bound parameter. */
class SearchCompilerTest {
    /** Every search leaves out the cards of decks private to another learner. */
    private static final String VISIBLE = " AND +s.card_id NOT IN (SELECT id FROM card WHERE deck_id IN ("
            + dev.prepdeck.deck.DeckRepository.HIDDEN_DECKS + "))";

    private static final Scheduler DEFAULTS = new Scheduler(FsrsParameters.defaults());
    private static final SearchContext.Curve USUAL = new SearchContext.Curve(DEFAULTS.forgettingCurveFactor(), DEFAULTS.decay());
    /** 12:00 UTC on 10 March 2026: the study day (rollover 4 am, UTC) began at 04:00 that day. */
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final SearchContext CONTEXT = new SearchContext(1, NOW, ZoneId.of("UTC"), 4,
            new SearchContext.RecallCurves(USUAL, List.of()));

    private static CompiledSearch compile(String query) {
        return SearchCompiler.compile(SearchParser.parse(query), CONTEXT);
    }

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void text_of_three_or_more_characters_starts_from_the_trigram_index() {
        CompiledSearch sql = compile("B-Tree");

        assertThat(sql.driver()).isEqualTo("SELECT rowid AS card_id FROM card_text_index WHERE card_text_index MATCH :text1");
        assertThat(sql.parameters()).containsEntry("text1", "\"b-tree\"");
        assertThat(sql.where()).isEqualTo("1");
        assertThat(sql.fromWhere(false)).isEqualTo("FROM (SELECT rowid AS card_id FROM card_text_index WHERE "
                + "card_text_index MATCH :text1) AS hit CROSS JOIN card_state s ON s.card_id = hit.card_id "
                + "WHERE s.learner_id = :learner" + VISIBLE);
    }

    @Test
    void a_quote_in_text_is_doubled_inside_the_fts_string() {
        assertThat(compile("\"say \\\"hi\\\"\"").parameters()).containsEntry("text1", "\"say \"\"hi\"\"\"");
    }

    @Test
    void one_or_two_chinese_characters_start_from_the_cjk_index() {
        CompiledSearch sql = compile("索引");

        assertThat(sql.driver()).isEqualTo("SELECT rowid AS card_id FROM card_text_cjk WHERE card_text_cjk MATCH :text1");
        assertThat(sql.parameters()).containsEntry("text1", "\"索引\"");
    }

    @Test
    void the_longest_text_term_drives_and_the_others_are_id_lists() {
        CompiledSearch sql = compile("sql 数据库索引");

        assertThat(sql.driver()).contains("card_text_index");
        assertThat(sql.parameters()).containsEntry("text1", "\"sql\"").containsEntry("text2", "\"数据库索引\"");
        assertThat(sql.driver()).endsWith("MATCH :text2");
        assertThat(sql.where()).isEqualTo(
                "+s.card_id IN (SELECT rowid AS card_id FROM card_text_index WHERE card_text_index MATCH :text1)");
    }

    @Test
    void short_latin_text_is_checked_on_the_folded_text() {
        CompiledSearch sql = compile("AI");

        assertThat(sql.driver()).isNull();
        assertThat(sql.where()).isEqualTo("(instr(t.question, :text1) > 0 OR instr(t.answer, :text1) > 0)");
        assertThat(sql.parameters()).containsEntry("text1", "ai");
        assertThat(sql.fromWhere(false)).isEqualTo("FROM card_state s CROSS JOIN card_text t ON t.card_id = s.card_id "
                + "WHERE +s.learner_id = :learner" + VISIBLE + " AND (instr(t.question, :text1) > 0 OR instr(t.answer, :text1) > 0)");
    }

    @Test
    void wildcards_narrow_through_the_index_then_glob_the_folded_text() {
        CompiledSearch sql = compile("D*ploy_d");

        assertThat(sql.driver()).isEqualTo("SELECT rowid AS card_id FROM card_text_index WHERE card_text_index MATCH :text1");
        assertThat(sql.parameters()).containsEntry("text1", "\"ploy\"").containsEntry("text2", "*d*ploy?d*");
        assertThat(sql.where()).isEqualTo("(t.question GLOB :text2 OR t.answer GLOB :text2)");
    }

    @Test
    void glob_characters_in_the_text_itself_are_escaped() {
        assertThat(compile("a\\*[b]?*").parameters()).containsEntry("text2", "*a[*][[]b][?]**");
    }

    @Test
    void q_and_a_limit_the_index_to_one_column() {
        assertThat(compile("q:index").parameters()).containsEntry("text1", "{question} : \"index\"");
        assertThat(compile("a:索引").parameters()).containsEntry("text1", "{answer} : \"索引\"");
        assertThat(compile("a:ai").where()).isEqualTo("instr(t.answer, :text1) > 0");
    }

    @Test
    void negated_text_is_an_id_list_left_out() {
        CompiledSearch sql = compile("-index");

        assertThat(sql.driver()).isNull();
        assertThat(sql.where()).isEqualTo(
                "NOT +s.card_id IN (SELECT rowid AS card_id FROM card_text_index WHERE card_text_index MATCH :text1)");
    }

    @Test
    void deck_lists_the_cards_of_the_deck_and_its_sub_decks_from_the_deck_index() {
        CompiledSearch sql = compile("deck:Tools::SQL");

        assertThat(sql.where()).isEqualTo("+s.card_id IN (SELECT id FROM card WHERE deck_id IN (SELECT id FROM deck "
                + "WHERE search_fold(name) GLOB :deck1 OR search_fold(name) GLOB :deck1 || '::*'))");
        assertThat(sql.parameters()).containsEntry("deck1", "tools::sql");
        assertThat(compile("deck:\"Tools::*\"").parameters()).containsEntry("deck1", "tools::*");
        assertThat(compile("deck:\"My [new] deck?\"").parameters()).containsEntry("deck1", "my [[]new] deck[?]");
    }

    @Test
    void tag_is_checked_per_card_with_the_tags_below_it() {
        assertThat(compile("tag:ML::Deploy").where()).isEqualTo("EXISTS (SELECT 1 FROM card_tag g WHERE g.card_id = "
                + "s.card_id AND (g.tag = :tag1 OR (g.tag >= :tag1 || '::' AND g.tag < :tag1 || ':;')))");
        assertThat(compile("tag:ML::Deploy").parameters()).containsEntry("tag1", "ml::deploy");
        assertThat(compile("tag:ml*").where()).isEqualTo("EXISTS (SELECT 1 FROM card_tag g WHERE g.card_id = "
                + "s.card_id AND (g.tag GLOB :tag1 OR g.tag GLOB :tag1 || '::*'))");
        assertThat(compile("tag:none").where()).isEqualTo("NOT EXISTS (SELECT 1 FROM card_tag g WHERE g.card_id = s.card_id)");
    }

    @Test
    void states() {
        assertThat(compile("is:due").where()).isEqualTo("(s.suspended = 0 AND (s.buried_until IS NULL OR "
                + "s.buried_until <= :now) AND s.state IN (:learning, :review, :relearning) AND s.due < :dayEnd AND (s.state = :review OR s.due <= :now))");
        assertThat(compile("is:due").parameters()).containsEntry("now", NOW.toEpochMilli())
                .containsEntry("learning", State.LEARNING).containsEntry("review", State.REVIEW)
                .containsEntry("relearning", State.RELEARNING)
                .containsEntry("dayEnd", ms("2026-03-11T04:00:00Z"));
        assertThat(compile("is:new").where()).isEqualTo("s.state = :new");
        assertThat(compile("is:learn").where()).isEqualTo("s.state IN (:learning, :relearning)");
        assertThat(compile("is:review").where()).isEqualTo("s.state IN (:review, :relearning)");
        assertThat(compile("is:suspended").where()).isEqualTo("s.suspended = 1");
        assertThat(compile("is:buried").where()).isEqualTo("(s.buried_until IS NOT NULL AND s.buried_until > :now)");
    }

    @Test
    void flag() {
        assertThat(compile("flag:3").where()).isEqualTo("s.flag = :flag1");
        assertThat(compile("flag:3").parameters()).containsEntry("flag1", 3);
    }

    @Test
    void properties() {
        assertThat(compile("prop:ivl>=10").where()).isEqualTo("(s.state <> :new AND s.scheduled_days >= :ivl1)");
        assertThat(compile("prop:ivl>=10").parameters()).containsEntry("ivl1", 10L);
        assertThat(compile("prop:reps<3").where()).isEqualTo("s.reps < :reps1");
        assertThat(compile("prop:lapses!=0").where()).isEqualTo("s.lapses <> :lapses1");
        assertThat(compile("prop:s>21").where()).isEqualTo("(s.state <> :new AND s.stability > :s1)");
        assertThat(compile("prop:d>0.7").where()).isEqualTo("(s.state <> :new AND (s.difficulty - 1) / 9 > :d1)");
        assertThat(compile("prop:d>0.7").parameters()).containsEntry("d1", 0.7);
    }

    @Test
    void due_is_counted_in_study_days_from_today() {
        CompiledSearch yesterday = compile("prop:due=-1");
        assertThat(yesterday.where()).isEqualTo("(s.state <> :new AND s.due >= :due1 AND s.due < :due2)");
        assertThat(yesterday.parameters()).containsEntry("due1", ms("2026-03-09T04:00:00Z"))
                .containsEntry("due2", ms("2026-03-10T04:00:00Z"));
        assertThat(compile("prop:due<=1").where()).isEqualTo("(s.state <> :new AND s.due < :due1)");
        assertThat(compile("prop:due<=1").parameters()).containsEntry("due1", ms("2026-03-12T04:00:00Z"));
        assertThat(compile("prop:due>0").where()).isEqualTo("(s.state <> :new AND s.due >= :due1)");
        assertThat(compile("prop:due>0").parameters()).containsEntry("due1", ms("2026-03-11T04:00:00Z"));
        assertThat(compile("prop:due!=0").where()).isEqualTo("(s.state <> :new AND (s.due < :due1 OR s.due >= :due2))");
    }

    @Test
    void retrievability_is_compared_as_days_over_stability_without_pow() {
        CompiledSearch sql = compile("prop:r<0.9");

        assertThat(sql.where()).isEqualTo("(s.state <> :new AND s.stability > 0 AND s.last_review IS NOT NULL AND "
                + "MAX((:now - s.last_review) / 86400000, 0) > :r1 * s.stability)");
        // FSRS-6 chooses its factor so that R = 0.9 when t = S (the scheduler rounds the factor to 8 decimals)
        assertThat((double) sql.parameters().get("r1")).isCloseTo(1.0, within(1e-7));
        assertThat(compile("prop:r>=0.5").where()).contains("MAX((:now - s.last_review) / 86400000, 0) <= :r1 * s.stability");
    }

    @Test
    void decks_with_their_own_weights_get_their_own_recall_curve() {
        SearchContext.Curve steep = new SearchContext.Curve(19.0 / 81, -0.5);
        SearchContext context = new SearchContext(1, NOW, ZoneId.of("UTC"), 4, new SearchContext.RecallCurves(USUAL,
                List.of(new SearchContext.DeckCurve(List.of(4L, 9L), steep))));

        CompiledSearch sql = SearchCompiler.compile(SearchParser.parse("prop:r<0.8"), context);

        assertThat(sql.where()).isEqualTo("(s.state <> :new AND s.stability > 0 AND s.last_review IS NOT NULL AND CASE WHEN +s.card_id IN (SELECT id "
                + "FROM card WHERE deck_id IN (:curveDeck1, :curveDeck2)) THEN MAX((:now - s.last_review) / 86400000, 0) "
                + "> :r2 * s.stability ELSE MAX((:now - s.last_review) / 86400000, 0) > :r1 * s.stability END)");
        assertThat(sql.parameters()).containsEntry("curveDeck1", 4L).containsEntry("curveDeck2", 9L);
        // (0.8^(1/-0.5) - 1) / (19/81) = (1.5625 - 1) * 81 / 19
        assertThat((double) sql.parameters().get("r2")).isCloseTo(0.5625 * 81 / 19, within(1e-12));
        assertThat(sql.recall()).startsWith("CASE WHEN +s.card_id IN (SELECT id FROM card WHERE deck_id IN (");
    }

    @Test
    void the_recall_column_is_the_forgetting_curve_with_bound_constants() {
        CompiledSearch sql = compile("");

        assertThat(sql.recall()).isEqualTo("pow(1 + :factor * MAX((:now - s.last_review) / 86400000, 0) / s.stability, :decay)");
        assertThat(sql.parameters()).containsEntry("factor", USUAL.factor()).containsEntry("decay", USUAL.decay());
    }

    @Test
    void days_back_start_at_the_learners_day_boundary() {
        assertThat(compile("added:7").where()).isEqualTo("+s.card_id IN (SELECT id FROM card WHERE created_at >= :added1)");
        assertThat(compile("added:7").parameters()).containsEntry("added1", ms("2026-03-04T04:00:00Z"));
        assertThat(compile("edited:1").where()).isEqualTo("+s.card_id IN (SELECT id FROM card WHERE updated_at >= :edited1)");
        assertThat(compile("edited:1").parameters()).containsEntry("edited1", ms("2026-03-10T04:00:00Z"));
        assertThat(compile("practiced:2").where()).isEqualTo("+s.card_id IN (SELECT card_id FROM practice_attempt "
                + "WHERE learner_id = :learner AND attempted_at >= :practiced1)");
        assertThat(compile("introduced:30").where()).isEqualTo("+s.card_id IN (SELECT r.card_id FROM review_log r "
                + "WHERE r.learner_id = :learner AND r.reviewed_at >= :introduced1 AND NOT EXISTS (SELECT 1 FROM "
                + "review_log e WHERE e.card_id = r.card_id AND e.learner_id = r.learner_id AND e.reviewed_at < :introduced1))");
    }

    @Test
    void a_learner_east_of_utc_after_midnight_is_still_in_yesterdays_study_day() {
        // 03:30 in Shanghai on 11 March: before the 4 am rollover, so today is still 10 March (from 04:00 +08:00)
        SearchContext shanghai = new SearchContext(1, Instant.parse("2026-03-10T19:30:00Z"), ZoneId.of("Asia/Shanghai"),
                4, new SearchContext.RecallCurves(USUAL, List.of()));

        CompiledSearch sql = SearchCompiler.compile(SearchParser.parse("added:1"), shanghai);

        assertThat(sql.parameters()).containsEntry("added1", ms("2026-03-09T20:00:00Z"));
    }

    @Test
    void rated_with_a_rating() {
        assertThat(compile("rated:7:1").where()).isEqualTo("+s.card_id IN (SELECT card_id FROM review_log "
                + "WHERE learner_id = :learner AND reviewed_at >= :rated1 AND rating = :rating1)");
        assertThat(compile("rated:7:1").parameters()).containsEntry("rating1", 1);
    }

    @Test
    void coverage_of_the_last_practice_attempt() {
        assertThat(compile("coverage<0.5").where()).isEqualTo("+s.card_id IN (SELECT card_id FROM (SELECT card_id, "
                + "coverage, ROW_NUMBER() OVER (PARTITION BY card_id ORDER BY attempted_at DESC, id DESC) AS recency "
                + "FROM practice_attempt WHERE learner_id = :learner) AS latest WHERE recency = 1 AND coverage < :coverage1)");
    }

    @Test
    void a_regular_expression_reads_the_card_as_written() {
        CompiledSearch sql = compile("q:re:^what");

        assertThat(sql.where()).isEqualTo("c.question REGEXP :regex1");
        assertThat(sql.readsCard()).isTrue();
        assertThat(sql.usesRegex()).isTrue();
        assertThat(sql.fromWhere(false)).startsWith("FROM card_state s CROSS JOIN card c ON c.id = s.card_id WHERE");
    }

    @Test
    void or_not_and_groups_keep_their_shape() {
        assertThat(compile("is:new or flag:1").where()).isEqualTo("(s.state = :new OR s.flag = :flag1)");
        assertThat(compile("-(is:new or is:learn) is:suspended").where())
                .isEqualTo("NOT (s.state = :new OR s.state IN (:learning, :relearning)) AND s.suspended = 1");
    }

    @Test
    void column_tests_come_before_lookups_and_regular_expressions_last() {
        assertThat(compile("re:x tag:a is:new").where()).isEqualTo("s.state = :new AND EXISTS (SELECT 1 FROM card_tag g "
                + "WHERE g.card_id = s.card_id AND (g.tag = :tag1 OR (g.tag >= :tag1 || '::' AND g.tag < :tag1 || ':;')))"
                + " AND (c.question REGEXP :regex1 OR c.answer REGEXP :regex1)");
    }

    @Test
    void sorting_by_a_card_column_reads_cards_in_order() {
        CompiledSearch sql = compile("is:new");

        assertThat(sql.fromWhere(true)).isEqualTo("FROM card c CROSS JOIN card_state s ON s.card_id = c.id "
                + "WHERE s.learner_id = :learner" + VISIBLE + " AND s.state = :new");
        assertThat(sql.tieBreaker(true)).isEqualTo("c.id");
        assertThat(sql.tieBreaker(false)).isEqualTo("s.card_id");
    }

    @Test
    void nothing_typed_reaches_the_sql_text() {
        String hostile = "x'; DROP TABLE card; /* deck:\"a'b\" tag:\"c'd\" q:\"e'f\" re:g'h \"i'j\" 索'引";

        CompiledSearch sql = compile(hostile);

        String text = sql.driver() + " " + sql.where();
        assertThat(text).doesNotContain("DROP", "a'b", "c'd", "e'f", "g'h", "i'j", "索");
        assertThat(sql.parameters().values()).contains("\"x';\"", "a'b", "c'd", "{question} : \"e'f\"", "g'h");
    }
}
