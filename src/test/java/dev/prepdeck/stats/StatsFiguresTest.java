package dev.prepdeck.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prepdeck.TestDatabase;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.stats.StatsService.DayCount;
import dev.prepdeck.stats.StatsService.Figures;
import dev.prepdeck.stats.StatsService.RetentionRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Figures on a review log built by hand, so every expected number is known before the code runs. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StatsFiguresTest {
    @Parameter
    TestDatabase database;

    private static final String NETWORKING = "Interview::Networking";

    @TempDir
    Path tempDir;

    private StatsLog log(String now) {
        return new StatsLog(database, tempDir, now);
    }

    private static StatsService service(StatsLog log) {
        DeckRepository decks = new DeckRepository();
        ReviewService reviews = new ReviewService(log.jdbi, decks, new ReviewRepository(), log.clock);
        return new StatsService(log.jdbi, decks, reviews, log.clock);
    }

    /** What the statistics page shows of the last 30 days: of every deck (null), or of a deck with its sub-decks. */
    private static Figures figures(StatsLog log, Deck deck) {
        return service(log).figures(Learner.DEFAULT_ID, deck, 30);
    }

    /** The dashboard header's figures, with no study-queue counts. */
    private static StatsService.Today today(StatsService stats, StatsLog log) {
        return log.jdbi.withHandle(h -> stats.today(h, Learner.DEFAULT_ID, Map.of()));
    }

    private static Map<LocalDate, Integer> heatmap(Figures f) {
        return f.heatmap().stream().filter(d -> d.count() > 0).collect(Collectors.toMap(DayCount::date, DayCount::count));
    }

    @Test
    void a_review_before_the_rollover_hour_counts_for_the_previous_day_and_keeps_the_streak() {
        StatsLog log = log("2026-03-10T10:00:00Z"); // UTC, day rolls over at 04:00
        long card = log.card(NETWORKING, 0);
        log.review(card, "2026-03-10T09:00:00Z", 3, 2, 3);  // Mar 10
        log.review(card, "2026-03-10T03:30:00Z", 3, 2, 3);  // 03:30 is still Mar 9's study day
        log.review(card, "2026-03-08T12:00:00Z", 3, 2, 3);  // Mar 8
        log.review(card, "2026-03-06T12:00:00Z", 3, 2, 3);  // Mar 6; nothing on Mar 7

        Figures f = figures(log, null);

        assertThat(f.today().streakDays()).isEqualTo(3);
        assertThat(f.today().reviews()).isEqualTo(1);
        assertThat(f.today().seconds()).isEqualTo(10);
        assertThat(heatmap(f)).containsOnly(
                Map.entry(LocalDate.parse("2026-03-10"), 1), Map.entry(LocalDate.parse("2026-03-09"), 1),
                Map.entry(LocalDate.parse("2026-03-08"), 1), Map.entry(LocalDate.parse("2026-03-06"), 1));
    }

    @Test
    void a_streak_survives_a_day_that_has_not_been_studied_yet_but_not_a_missed_one() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        long card = log.card(NETWORKING, 0);
        log.review(card, "2026-03-09T12:00:00Z", 3, 2, 3);
        log.review(card, "2026-03-08T12:00:00Z", 3, 2, 3);
        assertThat(today(service(log), log).streakDays()).as("today not studied yet").isEqualTo(2);

        log.clock.set(Instant.parse("2026-03-11T10:00:00Z"));
        assertThat(today(service(log), log).streakDays()).as("Mar 10 was missed").isZero();
    }

    @Test
    void days_follow_the_learners_zone_across_the_daylight_saving_change() {
        StatsLog log = log("2026-03-10T15:00:00Z"); // 11:00 in New York, after clocks went forward on Mar 8
        log.zone("America/New_York", 4);
        long card = log.card(NETWORKING, 0);
        log.review(card, "2026-03-10T14:00:00Z", 3, 2, 3); // Mar 10 10:00 EDT
        log.review(card, "2026-03-10T03:00:00Z", 3, 2, 3); // Mar 9 23:00 EDT
        log.review(card, "2026-03-09T05:00:00Z", 3, 2, 3); // Mar 9 01:00 EDT: before 4 am, so Mar 8
        log.review(card, "2026-03-08T06:30:00Z", 3, 2, 3); // Mar 8 01:30 EST (the day is 23 hours long): Mar 7

        Figures f = figures(log, null);

        assertThat(heatmap(f)).containsOnly(
                Map.entry(LocalDate.parse("2026-03-10"), 1), Map.entry(LocalDate.parse("2026-03-09"), 1),
                Map.entry(LocalDate.parse("2026-03-08"), 1), Map.entry(LocalDate.parse("2026-03-07"), 1));
        assertThat(f.today().streakDays()).isEqualTo(4);
        assertThat(f.hourly().get(10).reviews()).as("10:00 EDT").isEqualTo(1);
        assertThat(f.hourly().get(23).reviews()).as("23:00 EDT").isEqualTo(1);
        assertThat(f.hourly().get(1).reviews()).as("01:00 EDT and 01:30 EST").isEqualTo(2);
    }

    @Test
    void true_retention_counts_passes_of_review_state_cards_by_period_young_and_mature() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        long card = log.card(NETWORKING, 0);
        // today: young 3 of 4 passed, mature 1 of 1
        log.review(card, "2026-03-10T05:00:00Z", 3, 2, 5);
        log.review(card, "2026-03-10T05:01:00Z", 3, 2, 5);
        log.review(card, "2026-03-10T05:02:00Z", 2, 2, 20);
        log.review(card, "2026-03-10T05:03:00Z", 1, 2, 5);
        log.review(card, "2026-03-10T05:04:00Z", 4, 2, 21);
        // learning and relearning reviews never count, whatever the rating
        log.review(card, "2026-03-10T05:05:00Z", 1, 1, 0);
        log.review(card, "2026-03-10T05:06:00Z", 3, 3, 0);
        // yesterday: mature 0 of 1
        log.review(card, "2026-03-09T12:00:00Z", 1, 2, 40);
        // ten days ago: young 1 of 1
        log.review(card, "2026-02-28T12:00:00Z", 3, 2, 2);

        List<RetentionRow> rows = figures(log, null).retention();

        assertThat(rows).extracting(RetentionRow::period)
                .containsExactly("today", "yesterday", "7 days", "30 days", "365 days");
        assertRow(rows.get(0), 0.75, 1.0, 0.8);
        assertRow(rows.get(1), null, 0.0, 0.0);
        assertRow(rows.get(2), 0.75, 0.5, 4 / 6.0);
        assertRow(rows.get(3), 0.8, 0.5, 5 / 7.0);
        assertRow(rows.get(4), 0.8, 0.5, 5 / 7.0);
    }

    private static void assertRow(RetentionRow row, Double young, Double mature, Double all) {
        assertThat(row.young()).as(row.period() + " young").isEqualTo(young);
        assertThat(row.mature()).as(row.period() + " mature").isEqualTo(mature);
        assertThat(row.all()).as(row.period() + " all").isCloseTo(all, within(1e-9));
    }

    @Test
    void reviews_per_day_are_split_by_the_cards_state_before_the_review() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        long card = log.card(NETWORKING, 0);
        log.review(card, "2026-03-10T05:00:00Z", 3, 0, 0);
        log.review(card, "2026-03-10T05:01:00Z", 3, 1, 0);
        log.review(card, "2026-03-10T05:02:00Z", 3, 2, 4);
        log.review(card, "2026-03-10T05:03:00Z", 3, 3, 0);

        StatsService.DayKinds today = figures(log, null).perDay().get(29);

        assertThat(today.date()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(List.of(today.learning(), today.review(), today.relearning())).containsExactly(2, 1, 1);
    }

    @Test
    void the_forecast_puts_overdue_cards_on_today_and_skips_new_and_suspended_cards() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        Instant now = log.clock.instant();
        log.state(log.card(NETWORKING, 0), 2, 5, 5, 7.0, now.minus(Duration.ofDays(2)), false);   // overdue
        log.state(log.card(NETWORKING, 1), 2, 5, 5, 3.0, Instant.parse("2026-03-11T02:00:00Z"), false); // before rollover
        log.state(log.card(NETWORKING, 2), 2, 5, 5, 3.0, Instant.parse("2026-03-13T12:00:00Z"), false);
        log.state(log.card("数据库", 0), 2, 5, 5, 3.0, Instant.parse("2026-03-11T12:00:00Z"), true);  // suspended

        List<StatsService.DayDue> forecast = figures(log, null).forecast();

        assertThat(forecast).hasSize(30);
        assertThat(forecast.get(0)).isEqualTo(new StatsService.DayDue(LocalDate.parse("2026-03-10"), 2));
        assertThat(forecast.get(3)).isEqualTo(new StatsService.DayDue(LocalDate.parse("2026-03-13"), 1));
        assertThat(forecast.stream().mapToInt(StatsService.DayDue::due).sum()).isEqualTo(3);
    }

    @Test
    void card_states_count_young_and_mature_by_interval_and_suspended_apart() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        Instant due = Instant.parse("2026-03-20T10:00:00Z");
        log.state(log.card(NETWORKING, 0), 2, 30, 21, 1.0, due, false); // mature
        log.state(log.card(NETWORKING, 1), 2, 10, 20, 1.0, due, false); // young
        log.state(log.card(NETWORKING, 2), 3, 1, 0, 1.0, due, false);   // relearning counts as learning
        log.state(log.card("数据库", 0), 2, 30, 40, 1.0, due, true);     // suspended, whatever its interval

        Figures all = figures(log, null);
        assertThat(all.states()).isEqualTo(new StatsRepository.StateCounts(1, 1, 1, 1, 1));
        assertThat(all.stabilityBins()).containsExactly(0, 1, 1, 1, 0, 0);
        assertThat(all.difficultyBins()).as("the three studied, active cards, difficulty 5").containsExactly(0, 0, 0, 0, 3, 0, 0, 0, 0);

        Deck networking = new DeckService(log.jdbi, new DeckRepository(), log.clock).deck(Learner.DEFAULT_ID, log.deck(NETWORKING));
        Figures ofNetworking = figures(log, networking);
        assertThat(ofNetworking.states()).isEqualTo(new StatsRepository.StateCounts(0, 1, 1, 1, 0));
        assertThat(ofNetworking.stabilityBins()).containsExactly(0, 1, 1, 1, 0, 0);
        Deck databases = new DeckService(log.jdbi, new DeckRepository(), log.clock).deck(Learner.DEFAULT_ID, log.deck("数据库"));
        assertThat(figures(log, databases).stabilityBins()).as("only a suspended card")
                .containsOnly(0);
    }

    @Test
    void mastery_is_the_share_of_active_cards_at_ninety_percent_recall_now_with_sub_decks_included() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        Instant due = Instant.parse("2026-03-20T10:00:00Z");
        log.state(log.card(NETWORKING, 0), 2, 10, 10, 0.5, due, false);   // reviewed today: R = 1
        log.state(log.card(NETWORKING, 1), 2, 1, 1, 10.0, due, false);    // ten stabilities ago: well under 0.9
        // the third card is new (R = 0)

        Scheduler scheduler = new Scheduler(FsrsParameters.defaults());
        Instant now = log.clock.instant();
        double forgotten = scheduler.retrievability(new FsrsCard(State.REVIEW, 1, 5, 1, 0, 0, 1, 0,
                now.minus(Duration.ofDays(10)), now), now);

        List<StatsService.DeckMastery> decks = figures(log, null).decks();
        StatsService.DeckMastery networking = decks.stream().filter(d -> d.name().equals(NETWORKING)).findFirst().orElseThrow();
        StatsService.DeckMastery parent = decks.stream().filter(d -> d.name().equals("Interview")).findFirst().orElseThrow();

        assertThat(forgotten).isLessThan(0.9);
        assertThat(networking.cards()).isEqualTo(3);
        assertThat(networking.mastery()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(networking.averageRetrievability()).isCloseTo((1 + forgotten + 0) / 3, within(1e-6));
        assertThat(parent.mastery()).isEqualTo(networking.mastery());
        assertThat(parent.averageRetrievability()).isEqualTo(networking.averageRetrievability());
    }

    @Test
    void rating_and_undo_keep_the_hourly_roll_up_in_step_with_the_review_log() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        DeckRepository decks = new DeckRepository();
        ReviewService reviews = new ReviewService(log.jdbi, decks, new ReviewRepository(), log.clock);
        StatsService stats = service(log);

        reviews.rate(Learner.DEFAULT_ID, log.card(NETWORKING, 0), Rating.GOOD, 4_000, null);
        reviews.rate(Learner.DEFAULT_ID, log.card(NETWORKING, 1), Rating.AGAIN, 6_000, null);
        assertThat(today(stats, log).reviews()).isEqualTo(2);
        assertThat(today(stats, log).seconds()).isEqualTo(10);

        reviews.undoLast(Learner.DEFAULT_ID);
        assertThat(today(stats, log).reviews()).isEqualTo(1);
        assertThat(today(stats, log).seconds()).isEqualTo(4);

        new DeckService(log.jdbi, decks, log.clock).deleteCard(Learner.DEFAULT_ID, log.card(NETWORKING, 0));
        assertThat(today(stats, log).reviews()).as("a deleted card's reviews leave the statistics").isZero();
    }

    @Test
    void a_card_filed_under_another_deck_takes_its_reviews_and_state_along() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        long card = log.card(NETWORKING, 0);
        log.review(card, "2026-03-10T05:00:00Z", 3, 2, 5);
        log.state(card, 2, 10, 5, 0.5, Instant.parse("2026-03-15T10:00:00Z"), false);
        DeckService decks = new DeckService(log.jdbi, new DeckRepository(), log.clock);
        Deck networking = decks.deck(Learner.DEFAULT_ID, log.deck(NETWORKING));
        Deck database = decks.deck(Learner.DEFAULT_ID, log.deck("数据库"));

        log.jdbi.useHandle(h -> h.execute("UPDATE card SET deck_id = ? WHERE id = ?", database.id(), card));

        StatsService stats = service(log);
        assertThat(stats.figures(Learner.DEFAULT_ID, networking, 30).today().reviews()).isZero();
        assertThat(stats.figures(Learner.DEFAULT_ID, database, 30).today().reviews()).isEqualTo(1);
        assertThat(stats.figures(Learner.DEFAULT_ID, null, 30).today().reviews()).isEqualTo(1);
        assertThat(stats.figures(Learner.DEFAULT_ID, database, 30).states().young()).isEqualTo(1);
        assertThat(stats.figures(Learner.DEFAULT_ID, networking, 30).states().young()).isZero();
    }

    @Test
    void the_interview_projection_counts_studied_cards_plus_the_new_cards_that_fit_before_the_date() {
        StatsLog log = log("2026-03-10T10:00:00Z");
        Instant due = Instant.parse("2026-03-11T10:00:00Z");
        log.state(log.card(NETWORKING, 0), 2, 10, 10, 1.0, due, false);
        long deckId = log.deck(NETWORKING);
        log.jdbi.useHandle(h -> h.execute("UPDATE deck SET new_per_day = 1 WHERE id = ?", deckId));
        DeckService decks = new DeckService(log.jdbi, new DeckRepository(), log.clock);
        decks.saveSettings(Learner.DEFAULT_ID, deckId, dev.prepdeck.deck.DeckSettings.of(decks.deck(Learner.DEFAULT_ID, deckId)), LocalDate.parse("2026-03-10"));

        StatsService.InterviewPlan plan = log.jdbi.withHandle(h -> service(log).interviewPlans(h, Learner.DEFAULT_ID)).get(0);

        // one studied card + one new card today (the limit is 1 a day, and the interview is today)
        assertThat(plan.daysLeft()).isEqualTo(1);
        assertThat(plan.cardsReady()).isEqualTo(2);
        assertThat(plan.totalCards()).isEqualTo(3);
        // nothing due today; one new card with the default two learning steps: 3 reviews
        assertThat(plan.reviewsPerDay()).isEqualTo(3);
    }
}
