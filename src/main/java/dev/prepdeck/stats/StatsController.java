package dev.prepdeck.stats;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Download;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The stats page, its JSON twin and the CSV exports, all filtered by ?deck= (with sub-decks) and ?days=. */
public final class StatsController {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;
    static final List<Integer> PERIODS = List.of(30, 90, 365);

    private final StatsService stats;
    private final DeckService decks;

    public StatsController(StatsService stats, DeckService decks) {
        this.stats = stats;
        this.decks = decks;
    }

    public void page(Context ctx) {
        Deck deck = deckParam(ctx);
        int days = daysParam(ctx);
        StatsService.Figures f = stats.figures(SignedIn.learner(ctx), deck, days);
        Map<String, Object> model = new HashMap<>();
        model.put("figures", f);
        model.put("deck", deck);
        model.put("days", days);
        model.put("periods", PERIODS);
        model.put("allDecks", f.allDecks());
        Charts charts = new Charts(Language.of(ctx));
        model.put("charts", List.of(
                charts.heatmap(f.heatmap()),
                charts.reviewsByKind(f.perDay()),
                charts.forecast(f.forecast()),
                charts.states(f.states()),
                charts.stability(f.stabilityBins()),
                charts.difficulty(f.difficultyBins()),
                charts.mastery(f.decks()),
                charts.coverage(f.coverage()),
                charts.hourly(f.hourly())));
        model.put("retention", f.retention().stream().map(r -> List.of(period(ctx, r.period()), Charts.percent(r.young()),
                Integer.toString(r.youngCount()), Charts.percent(r.mature()), Integer.toString(r.matureCount()),
                Charts.percent(r.all()))).toList());
        model.put("query", deck == null ? "?days=" + days : "?deck=" + deck.id() + "&days=" + days);
        ctx.render("stats/index.html", model);
    }

    public void api(Context ctx) {
        Deck deck = deckParam(ctx);
        int days = daysParam(ctx);
        StatsService.Figures f = stats.figures(SignedIn.learner(ctx), deck, days);
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> today = new LinkedHashMap<>();
        today.put("reviews", f.today().reviews());
        today.put("seconds", f.today().seconds());
        today.put("due", f.today().due());
        today.put("new", f.today().newAvailable());
        body.put("today", today);
        body.put("streakDays", f.today().streakDays());
        body.put("heatmap", f.heatmap().subList(f.heatmap().size() - days, f.heatmap().size()).stream()
                .map(d -> pair("date", d.date().toString(), "count", d.count())).toList());
        body.put("forecast", f.forecast().stream().map(d -> pair("date", d.date().toString(), "due", d.due())).toList());
        body.put("retention", f.retention().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("period", r.period());
            row.put("young", r.young());
            row.put("mature", r.mature());
            row.put("all", r.all());
            return row;
        }).toList());
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("new", f.states().newCards());
        states.put("learning", f.states().learning());
        states.put("young", f.states().young());
        states.put("mature", f.states().mature());
        states.put("suspended", f.states().suspended());
        body.put("states", states);
        body.put("decks", f.decks().stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("name", d.name());
            row.put("mastery", d.mastery());
            row.put("averageRetrievability", d.averageRetrievability());
            row.put("due", d.due());
            return row;
        }).toList());
        ctx.json(body);
    }

    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    public void reviewsPerDayCsv(Context ctx) {
        Deck deck = deckParam(ctx);
        int days = ctx.queryParam("days") == null ? MAX_DAYS : daysParam(ctx);
        csv(ctx, "reviews-per-day.csv", out -> {
            out.write(CsvCell.row("date", "learning", "review", "relearning", "total", "seconds"));
            for (StatsService.DayKinds d : stats.reviewsPerDay(SignedIn.learner(ctx), deck, days)) {
                out.write(CsvCell.row(d.date().toString(), Integer.toString(d.learning()), Integer.toString(d.review()),
                        Integer.toString(d.relearning()), Integer.toString(d.total()),
                        Long.toString(Math.round(d.durationMs() / 1000.0))));
            }
        });
    }

    public void reviewLogCsv(Context ctx) {
        Deck deck = deckParam(ctx);
        ZoneId zone = stats.zone(SignedIn.learner(ctx));
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        csv(ctx, "review-log.csv", out -> {
            out.write(CsvCell.row("review_id", "reviewed_at_utc", "reviewed_at_local", "deck", "card_uid", "question",
                    "rating", "state_before", "state_after", "elapsed_days", "seconds", "stability", "difficulty",
                    "interval_days"));
            stats.eachLogLine(SignedIn.learner(ctx), deck, line -> {
                Instant at = Instant.ofEpochMilli(line.reviewedAt());
                String row = CsvCell.row(Long.toString(line.id()), at.toString(), local.format(at),
                        line.deck(), line.cardUid(), line.question(), name(line.rating()),
                        name(line.stateBefore()), name(line.stateAfter()), Integer.toString(line.elapsedDays()),
                        String.format(Locale.ROOT, "%.1f", line.durationMs() / 1000.0),
                        String.format(Locale.ROOT, "%.4f", line.stabilityAfter()),
                        String.format(Locale.ROOT, "%.4f", line.difficultyAfter()),
                        Integer.toString(line.scheduledDaysAfter()));
                try {
                    out.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    /** A retention period ("today", "yesterday", "7 days") as the page's language names it. */
    private static String period(Context ctx, String period) {
        return period.endsWith(" days") ? Messages.text(ctx, "stats.period.days", Integer.parseInt(period.split(" ")[0]))
                : Messages.text(ctx, "stats.period." + period);
    }

    /** A rating or state as the CSV names it: "good", "relearning". */
    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private interface CsvBody {
        void write(Writer out) throws IOException;
    }

    /** Written in full before it is sent (see {@link Download}): a failure half-way is an error, not a short file. */
    private static void csv(Context ctx, String fileName, CsvBody body) {
        Download.send(ctx, "text/csv; charset=utf-8", fileName, file -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(out);
            }
        });
    }

    /** ?deck= : blank for every deck, else a deck and its sub-decks. */
    private Deck deckParam(Context ctx) {
        Long id = Params.queryId(ctx, "deck", "deck");
        return id == null ? null : decks.deck(SignedIn.learner(ctx), id);
    }

    /** ?days= : the period of the per-day charts, a whole number of days from 1 to 365 (default 30). */
    static int daysParam(Context ctx) {
        return Params.queryInt(ctx, "days", DEFAULT_DAYS, 1, MAX_DAYS);
    }
}
