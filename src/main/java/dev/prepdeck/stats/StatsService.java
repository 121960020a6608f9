package dev.prepdeck.stats;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.deck.DeckTree;
import dev.prepdeck.fsrs.ForgettingCurve;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyDay;
import dev.prepdeck.stats.StatsRepository.DayTotals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Turns the SQL aggregates into the figures of the stats page, the API and the dashboard header. */
public final class StatsService {
    static final int HEATMAP_DAYS = 365;
    static final int FORECAST_DAYS = 30;
    static final double MASTERED = 0.9;

    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final StatsRepository stats = new StatsRepository();
    private final ReviewService reviews;
    private final Clock clock;

    public StatsService(Jdbi jdbi, DeckRepository decks, ReviewService reviews, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Today's work and the streak over every deck, for the dashboard header, which already has the study queue's
     * {@code counts}; read on the caller's handle.
     */
    public Today today(Handle h, long learnerId, Map<Long, DeckCounts> counts) {
        Learner learner = reviews.learner(h, learnerId);
        DeckTree tree = decks.tree(h, learner.id());
        StudyDay day = StudyDay.containing(clock.instant(), learner.zone(), learner.rolloverHour());
        DayGrid grid = DayGrid.ending(day.date(), HEATMAP_DAYS, learner.zone(), learner.rolloverHour());
        DeckTree.Scope every = tree.scope(null);
        DayTotals[] byDay = byDay(grid, stats.reviewHours(h, learner.id(), every, grid.startMs(), grid.endMs()));
        return today(h, learner, tree, null, grid, byDay, counts);
    }

    /** Today's figures for {@code scope} (null: every deck): due and new count the deck, or every top-level deck. */
    private Today today(Handle h, Learner learner, DeckTree tree, Deck scope, DayGrid grid, DayTotals[] byDay,
                        Map<Long, DeckCounts> counts) {
        DayTotals now = byDay[byDay.length - 1];
        int due = 0;
        int fresh = 0;
        for (Deck d : scope == null ? tree.roots() : List.of(scope)) {
            DeckCounts c = counts.getOrDefault(d.id(), DeckCounts.NONE);
            due += c.due();
            fresh += c.newAvailable();
        }
        return new Today(now.reviews(), Math.round(now.durationMs() / 1000.0), due, fresh,
                streak(h, learner, tree.scope(scope), grid, byDay));
    }

    /**
     * Consecutive study days with at least one review, ending today — or yesterday while today has none yet, since
     * the day is not over. Followed back past the 365-day grid one day at a time when needed.
     */
    private int streak(Handle h, Learner learner, DeckTree.Scope scope, DayGrid grid, DayTotals[] byDay) {
        int i = byDay.length - 1;
        if (byDay[i].reviews() == 0) {
            i--;
        }
        int streak = 0;
        while (i >= 0 && byDay[i].reviews() > 0) {
            streak++;
            i--;
        }
        if (i < 0 && streak > 0) {
            LocalDate date = grid.day(0).date().minusDays(1);
            while (true) {
                StudyDay day = StudyDay.of(date, learner.zone(), learner.rolloverHour());
                if (!stats.anyReview(h, learner.id(), scope, day.start().toEpochMilli(), day.end().toEpochMilli())) {
                    break;
                }
                streak++;
                date = date.minusDays(1);
            }
        }
        return streak;
    }

    /**
     * Every figure of the stats page for a deck tree (null: all decks), per-day charts over {@code periodDays}, read in
     * one snapshot on one connection.
     */
    public Figures figures(long learnerId, Deck scope, int periodDays) {
        return Database.read(jdbi, h -> {
            Learner learner = reviews.learner(h, learnerId);
            DeckTree tree = decks.tree(h, learner.id());
            DeckTree.Scope decksRead = tree.scope(scope);
            Instant now = clock.instant();
            StudyDay today = StudyDay.containing(now, learner.zone(), learner.rolloverHour());
            DayGrid ahead = DayGrid.of(today.date(), FORECAST_DAYS, learner.zone(), learner.rolloverHour());
            DayGrid year = DayGrid.ending(today.date(), HEATMAP_DAYS, learner.zone(), learner.rolloverHour());
            List<StatsRepository.HourTotals> hours = stats.reviewHours(h, learner.id(), decksRead, year.startMs(), year.endMs());
            DayTotals[] byDay = byDay(year, hours);

            List<DayCount> heatmap = new ArrayList<>();
            for (int i = 0; i < year.size(); i++) {
                heatmap.add(new DayCount(year.day(i).date(), byDay[i].reviews()));
            }
            List<DayKinds> perDay = new ArrayList<>();
            for (int i = year.size() - periodDays; i < year.size(); i++) {
                DayTotals t = byDay[i];
                perDay.add(new DayKinds(year.day(i).date(), t.learning(), t.review(), t.relearning(), t.durationMs()));
            }

            int[] due = stats.dueByDay(h, learner.id(), decksRead, ahead);
            List<DayDue> forecast = new ArrayList<>();
            for (int i = 0; i < ahead.size(); i++) {
                forecast.add(new DayDue(ahead.day(i).date(), due[i]));
            }

            DayGrid period = DayGrid.ending(today.date(), periodDays, learner.zone(), learner.rolloverHour());
            DayTotals[] byHour = byLocalHour(year, year.size() - periodDays, hours);
            List<HourRow> hourly = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                DayTotals t = byHour[hour];
                hourly.add(new HourRow(hour, t.reviews(), t.review(), rate(t.youngPassed() + t.maturePassed(), t.review())));
            }
            double[][] coverage = stats.coverageByDay(h, learner.id(), decksRead, period);
            List<DayCoverage> coverageByDay = new ArrayList<>();
            for (int i = 0; i < period.size(); i++) {
                int attempts = (int) coverage[i][0];
                coverageByDay.add(new DayCoverage(period.day(i).date(), attempts,
                        attempts == 0 ? null : coverage[i][1] / attempts));
            }

            Map<Long, StatsRepository.DeckCards> own = cardsByOwnDeck(h, learner, tree.decks(), now);
            StatsRepository.DeckCards cards = tree.sum(scope, own, StatsRepository.DeckCards.NONE,
                    StatsRepository.DeckCards::plus);
            Map<Long, DeckCounts> counts = reviews.countsByDeck(h, learnerId);
            StatsRepository.Distributions distributions = stats.distributions(h, learner.id(), decksRead);
            return new Figures(today(h, learner, tree, scope, year, byDay, counts), heatmap, perDay, forecast,
                    retention(byDay), cards.states(), distributions.stability(), distributions.difficulty(),
                    mastery(tree, scope, own, counts), coverageByDay, hourly, tree.decks());
        });
    }

    /**
     * Totals per study day of the grid from UTC-hour rows. Exact whenever the zone's offset and the rollover are whole
     * hours (nearly every zone); in half-hour zones an hour straddling the rollover counts for the day it starts in.
     */
    static DayTotals[] byDay(DayGrid grid, List<StatsRepository.HourTotals> hours) {
        DayTotals[] result = new DayTotals[grid.size()];
        Arrays.fill(result, DayTotals.NONE);
        for (StatsRepository.HourTotals hour : hours) {
            int i = grid.indexOf(hour.hourStartMs());
            if (i >= 0) {
                result[i] = result[i].plus(hour.totals());
            }
        }
        return result;
    }

    /** Totals per local hour of the day (0-23, in the zone's time at that moment) over the grid's days from {@code fromDay}. */
    static DayTotals[] byLocalHour(DayGrid grid, int fromDay, List<StatsRepository.HourTotals> hours) {
        DayTotals[] result = new DayTotals[24];
        Arrays.fill(result, DayTotals.NONE);
        long from = grid.day(fromDay).start().toEpochMilli();
        for (StatsRepository.HourTotals hour : hours) {
            if (hour.hourStartMs() >= from && grid.indexOf(hour.hourStartMs()) >= 0) {
                int local = Instant.ofEpochMilli(hour.hourStartMs()).atZone(grid.zone()).getHour();
                result[local] = result[local].plus(hour.totals());
            }
        }
        return result;
    }

    /** True retention: passes (rating Hard or better) among reviews of review-state cards, by period. */
    static List<RetentionRow> retention(DayTotals[] byDay) {
        int last = byDay.length - 1;
        List<RetentionRow> rows = new ArrayList<>();
        rows.add(RetentionRow.of("today", byDay, last, last));
        rows.add(RetentionRow.of("yesterday", byDay, last - 1, last - 1));
        rows.add(RetentionRow.of("7 days", byDay, last - 6, last));
        rows.add(RetentionRow.of("30 days", byDay, last - 29, last));
        rows.add(RetentionRow.of("365 days", byDay, 0, last));
        return rows;
    }

    private Map<Long, StatsRepository.DeckCards> cardsByOwnDeck(Handle h, Learner learner, List<Deck> decks, Instant now) {
        Map<Double, List<Long>> decksByW20 = new LinkedHashMap<>();
        for (Deck d : decks) {
            decksByW20.computeIfAbsent(DeckSettings.of(d).toFsrsParameters().w()[20], w -> new ArrayList<>()).add(d.id());
        }
        List<StatsRepository.CurveConstants> curves = new ArrayList<>();
        decksByW20.forEach((w20, ids) -> curves.add(new StatsRepository.CurveConstants(ids, ForgettingCurve.ofW20(w20))));
        return stats.cardsByOwnDeck(h, learner.id(), curves, now.toEpochMilli());
    }

    private static List<DeckMastery> mastery(DeckTree tree, Deck scope, Map<Long, StatsRepository.DeckCards> own,
                                             Map<Long, DeckCounts> counts) {
        List<DeckMastery> rows = new ArrayList<>();
        for (Deck deck : tree.members(scope)) {
            StatsRepository.DeckCards t = tree.sum(deck, own, StatsRepository.DeckCards.NONE, StatsRepository.DeckCards::plus);
            int cards = t.activeCards();
            rows.add(new DeckMastery(deck.id(), deck.name(), deck.depth(), cards,
                    cards == 0 ? 0 : (double) t.mastered() / cards, cards == 0 ? 0 : t.retrievabilitySum() / cards,
                    counts.getOrDefault(deck.id(), DeckCounts.NONE).due()));
        }
        return rows;
    }

    /**
     * What keeping up until each deck's interview date leads to. The model, stated plainly:
     * <ul>
     * <li>keeping up means reviewing every card on the day it falls due and taking new cards at the deck's daily
     * limit;</li>
     * <li>a card reviewed when due stays at or above the deck's desired retention until its next due date, so with
     * desired retention ≥ 0.9 every studied card is at ≥ 0.9 on the date; below 0.9 it dips under before each
     * review, which the dashboard says;</li>
     * <li>cards ready = studied active cards + the new cards that fit in the days left (today and the date
     * included) at the new-card limit;</li>
     * <li>reviews per day = the average of the due forecast over the days left (at most 30) + the new cards
     * taken per day times (1 + the number of learning steps), each step being one more review that day.</li>
     * </ul>
     */
    public List<InterviewPlan> interviewPlans(Handle h, long learnerId) {
        Map<Long, LocalDate> dates = decks.interviewDates(h);
        if (dates.isEmpty()) {
            return List.of();
        }
        Learner learner = reviews.learner(h, learnerId);
        StudyDay today = StudyDay.containing(clock.instant(), learner.zone(), learner.rolloverHour());
        DeckTree tree = decks.tree(h, learner.id());
        Map<Long, StatsRepository.DeckCards> own = cardsByOwnDeck(h, learner, tree.decks(), clock.instant());
        List<InterviewPlan> plans = new ArrayList<>();
        for (Map.Entry<Long, LocalDate> entry : dates.entrySet()) {
            Optional<Deck> visible = decks.deck(h, learner.id(), entry.getKey());
            if (visible.isEmpty()) {
                continue;
            }
            Deck deck = visible.get();
            LocalDate date = entry.getValue();
            long daysLeft = ChronoUnit.DAYS.between(today.date(), date) + 1;
            StatsRepository.StateCounts states = tree.sum(deck, own, StatsRepository.DeckCards.NONE,
                    StatsRepository.DeckCards::plus).states();
            int studied = states.learning() + states.young() + states.mature();
            if (daysLeft < 1) {
                plans.add(new InterviewPlan(deck.id(), deck.name(), date, 0, studied, studied + states.newCards(), 0, true));
                continue;
            }
            FsrsParameters parameters = DeckSettings.of(deck).toFsrsParameters();
            int newTaken = (int) Math.min(states.newCards(), (long) deck.newPerDay() * daysLeft);
            int horizon = (int) Math.min(daysLeft, FORECAST_DAYS);
            int[] due = stats.dueByDay(h, learner.id(), tree.scope(deck),
                    DayGrid.of(today.date(), horizon, learner.zone(), learner.rolloverHour()));
            double dueAverage = Arrays.stream(due).average().orElse(0);
            double newPerDay = (double) newTaken / daysLeft;
            int reviewsPerDay = (int) Math.ceil(dueAverage + newPerDay * (1 + parameters.learningSteps().size()));
            plans.add(new InterviewPlan(deck.id(), deck.name(), date, daysLeft, studied + newTaken,
                    studied + states.newCards(), reviewsPerDay, parameters.requestRetention() >= MASTERED));
        }
        return plans;
    }

    /** Reviews per study day over the last {@code days} days, oldest first, for the CSV export. */
    public List<DayKinds> reviewsPerDay(long learnerId, Deck scope, int days) {
        return jdbi.withHandle(h -> {
            Learner learner = reviews.learner(h, learnerId);
            StudyDay today = StudyDay.containing(clock.instant(), learner.zone(), learner.rolloverHour());
            DayGrid grid = DayGrid.ending(today.date(), days, learner.zone(), learner.rolloverHour());
            DayTotals[] byDay = byDay(grid, stats.reviewHours(h, learner.id(), decks.tree(h, learner.id()).scope(scope),
                    grid.startMs(), grid.endMs()));
            List<DayKinds> rows = new ArrayList<>();
            for (int i = 0; i < grid.size(); i++) {
                rows.add(new DayKinds(grid.day(i).date(), byDay[i].learning(), byDay[i].review(), byDay[i].relearning(),
                        byDay[i].durationMs()));
            }
            return rows;
        });
    }

    /** Streams the review log (deck tree or all) to {@code sink}, oldest first. */
    public void eachLogLine(long learnerId, Deck scope, Consumer<StatsRepository.LogLine> sink) {
        // in a read transaction: PostgreSQL's driver fetches rows in pages only inside one, all at once outside
        Database.read(jdbi, h -> {
            stats.eachLogLine(h, learnerId, decks.tree(h, learnerId).scope(scope), sink);
            return null;
        });
    }

    /** The zone the learner's times are shown in. */
    public ZoneId zone(long learnerId) {
        return jdbi.withHandle(h -> reviews.learner(h, learnerId).zone());
    }

    private static Double rate(int passed, int count) {
        return count == 0 ? null : (double) passed / count;
    }

    /** The dashboard header: reviews and seconds today, due and new available now, and the current streak. */
    public record Today(int reviews, long seconds, int due, int newAvailable, int streakDays) {
    }

    public record DayCount(LocalDate date, int count) {
    }

    /** Reviews of one day by the card's state before it: learning (new or learning), review, relearning. */
    public record DayKinds(LocalDate date, int learning, int review, int relearning, long durationMs) {
        public int total() {
            return learning + review + relearning;
        }
    }

    public record DayDue(LocalDate date, int due) {
    }

    /** Pass rates (null without reviews) and how many reviews each rests on. */
    public record RetentionRow(String period, Double young, Double mature, Double all, int youngCount, int matureCount) {
        static RetentionRow of(String period, DayTotals[] byDay, int from, int to) {
            int young = 0;
            int youngPassed = 0;
            int mature = 0;
            int maturePassed = 0;
            for (int i = Math.max(from, 0); i <= to; i++) {
                young += byDay[i].youngCount();
                youngPassed += byDay[i].youngPassed();
                mature += byDay[i].matureCount();
                maturePassed += byDay[i].maturePassed();
            }
            return new RetentionRow(period, rate(youngPassed, young), rate(maturePassed, mature),
                    rate(youngPassed + maturePassed, young + mature), young, mature);
        }
    }

    public record DeckMastery(long id, String name, int depth, int cards, double mastery, double averageRetrievability,
                              int due) {
    }

    public record DayCoverage(LocalDate date, int attempts, Double averageCoverage) {
    }

    /** Reviews in one local hour of the day, and the pass rate of the review-state ones (null: none). */
    public record HourRow(int hour, int reviews, int reviewStateReviews, Double passRate) {
    }

    public record InterviewPlan(long deckId, String deckName, LocalDate date, long daysLeft, int cardsReady,
                                int totalCards, int reviewsPerDay, boolean retentionAtLeastMastery) {
        public boolean past() {
            return daysLeft < 1;
        }
    }

    public record Figures(Today today, List<DayCount> heatmap, List<DayKinds> perDay, List<DayDue> forecast,
                          List<RetentionRow> retention, StatsRepository.StateCounts states, int[] stabilityBins,
                          int[] difficultyBins, List<DeckMastery> decks, List<DayCoverage> coverage,
                          List<HourRow> hourly, List<Deck> allDecks) {
    }
}
