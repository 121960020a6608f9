package dev.prepdeck.stats;

import dev.prepdeck.stats.StatsService.DayCount;
import dev.prepdeck.stats.StatsService.DayCoverage;
import dev.prepdeck.stats.StatsService.DayDue;
import dev.prepdeck.stats.StatsService.DayKinds;
import dev.prepdeck.stats.StatsService.DeckMastery;
import dev.prepdeck.stats.StatsService.HourRow;
import dev.prepdeck.web.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the stats page's charts as inline SVG with a data table each, in one language: titles, axis labels, the
 * text alternatives and the tables' headings come from the message bundles ({@code chart.*}).
 */
public final class Charts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 48;
    private static final int TOP = 12;
    private static final int BOTTOM = 44;

    private final Locale locale;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter month;

    public Charts(Locale locale) {
        this.locale = locale;
        this.shortDate = DateTimeFormatter.ofPattern(text("format.shortDate"), locale);
        this.month = DateTimeFormatter.ofPattern(text("format.month"), locale);
    }

    private String text(String key, Object... arguments) {
        return Messages.text(locale, key, arguments);
    }

    /** A calendar of the last 365 days: one square per day, a column per week, darker for more reviews. */
    public Chart heatmap(List<DayCount> days) {
        int max = days.stream().mapToInt(DayCount::count).max().orElse(0);
        int total = days.stream().mapToInt(DayCount::count).sum();
        long active = days.stream().filter(d -> d.count() > 0).count();
        String id = "chart-heatmap";
        int cell = 12;
        int left = 30;
        int top = 20;
        LocalDate first = days.get(0).date();
        int firstColumnOffset = first.getDayOfWeek().getValue() - 1; // weeks start on Monday
        int columns = (firstColumnOffset + days.size() + 6) / 7;
        Svg svg = new Svg(id, left + columns * cell + 4, top + 7 * cell + 4, text("chart.heatmap.title"),
                text("chart.heatmap.desc", total, active, days.size(), first.toString(),
                        days.get(days.size() - 1).date().toString(), max));
        for (int row = 0; row <= 4; row += 2) {
            svg.text(left - 4, top + row * cell + 9, DayOfWeek.of(row + 1).getDisplayName(TextStyle.SHORT, locale),
                    "end", "axis-label", false);
        }
        List<List<String>> rows = new ArrayList<>();
        int monthTotal = 0;
        for (int i = 0; i < days.size(); i++) {
            DayCount day = days.get(i);
            int index = firstColumnOffset + i;
            int column = index / 7;
            int row = index % 7;
            if (day.date().getDayOfMonth() == 1 || (i == 0 && day.date().getDayOfMonth() <= 14)) {
                svg.text(left + column * cell, top - 6,
                        day.date().getMonth().getDisplayName(TextStyle.SHORT, locale), "start", "axis-label", false);
            }
            svg.rect(left + column * cell, top + row * cell, cell - 2, cell - 2, "heat heat-" + level(day.count(), max),
                    text("chart.heatmap.day", day.date().toString(), day.count()));
            monthTotal += day.count();
            boolean monthEnds = i == days.size() - 1 || days.get(i + 1).date().getDayOfMonth() == 1;
            if (monthEnds) {
                rows.add(List.of(day.date().format(month), Integer.toString(monthTotal)));
                monthTotal = 0;
            }
        }
        return new Chart(id, text("chart.heatmap.heading"), svg.end(),
                List.of(text("chart.column.month"), text("chart.column.reviews")), rows);
    }

    /** 0 for no reviews, else 1-4 by quarter of the busiest day. */
    static int level(int count, int max) {
        if (count == 0 || max == 0) {
            return 0;
        }
        return Math.min(4, 1 + (4 * (count - 1)) / max);
    }

    public Chart reviewsByKind(List<DayKinds> days) {
        List<String> labels = days.stream().map(d -> d.date().format(shortDate)).toList();
        double[][] series = new double[3][days.size()];
        List<List<String>> rows = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < days.size(); i++) {
            DayKinds d = days.get(i);
            series[0][i] = d.learning();
            series[1][i] = d.review();
            series[2][i] = d.relearning();
            total += d.total();
            rows.add(List.of(d.date().toString(), Integer.toString(d.learning()), Integer.toString(d.review()),
                    Integer.toString(d.relearning()), Integer.toString(d.total())));
        }
        String id = "chart-reviews";
        String svg = bars(id, text("chart.reviews.title", days.size()), text("chart.reviews.desc", total, days.size()),
                labels, series, new String[] {"kind-learning", "kind-review", "kind-relearning"},
                new String[] {text("chart.kind.learning"), text("chart.kind.review"), text("chart.kind.relearning")},
                text("chart.column.reviews"), text("chart.column.day"), null);
        return new Chart(id, text("chart.reviews.heading"), svg, List.of(text("chart.column.day"),
                text("chart.column.learning"), text("chart.column.review"), text("chart.column.relearning"),
                text("chart.column.total")), rows);
    }

    public Chart forecast(List<DayDue> days) {
        List<String> labels = days.stream().map(d -> d.date().format(shortDate)).toList();
        double[][] series = {days.stream().mapToDouble(DayDue::due).toArray()};
        int total = days.stream().mapToInt(DayDue::due).sum();
        String id = "chart-forecast";
        String svg = bars(id, text("chart.forecast.title", days.size()),
                text("chart.forecast.desc", total, days.size(), days.get(0).due()),
                labels, series, new String[] {"bar-due"}, new String[] {text("chart.kind.due")},
                text("chart.axis.cardsDue"), text("chart.column.day"), null);
        List<List<String>> rows = days.stream().map(d -> List.of(d.date().toString(), Integer.toString(d.due()))).toList();
        return new Chart(id, text("chart.forecast.heading"), svg,
                List.of(text("chart.column.day"), text("chart.column.due")), rows);
    }

    public Chart states(StatsRepository.StateCounts s) {
        String[] names = {text("chart.state.new"), text("chart.state.learning"), text("chart.state.young"),
                text("chart.state.mature"), text("chart.state.suspended")};
        int[] values = {s.newCards(), s.learning(), s.young(), s.mature(), s.suspended()};
        String[] classes = {"state-new", "state-learning", "state-young", "state-mature", "state-suspended"};
        String id = "chart-states";
        int total = s.total();
        List<String> parts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            parts.add(text("chart.states.part", values[i], names[i]));
            rows.add(List.of(names[i], Integer.toString(values[i]), percent(total == 0 ? null : (double) values[i] / total)));
        }
        Svg svg = new Svg(id, WIDTH, 90, text("chart.states.heading"),
                text("chart.cards.desc", total, String.join(text("chart.list.separator"), parts)));
        double x = 10;
        double width = WIDTH - 20;
        for (int i = 0; i < names.length; i++) {
            double w = total == 0 ? 0 : width * values[i] / total;
            if (w > 0) {
                svg.rect(x, 10, w, 30, classes[i], text("chart.label.value", names[i], values[i]));
            }
            x += w;
        }
        if (total == 0) {
            svg.rect(10, 10, width, 30, "empty", text("chart.states.none"));
        }
        double legendX = 10;
        for (int i = 0; i < names.length; i++) {
            svg.rect(legendX, 58, 12, 12, classes[i], null);
            svg.text(legendX + 16, 68, text("chart.states.legend", names[i], values[i]), "start", "axis-label", false);
            legendX += 140;
        }
        return new Chart(id, text("chart.states.heading"), svg.end(),
                List.of(text("column.state"), text("chart.column.cards"), text("chart.column.share")), rows);
    }

    public Chart stability(int[] bins) {
        String[] labels = {text("chart.stability.bin0"), text("chart.stability.bin1"), text("chart.stability.bin2"),
                text("chart.stability.bin3"), text("chart.stability.bin4"), text("chart.stability.bin5")};
        return histogram("chart-stability", text("column.stability"), text("chart.stability.title"),
                labels, bins, text("column.stability"));
    }

    public Chart difficulty(int[] bins) {
        String[] labels = new String[bins.length];
        for (int i = 0; i < bins.length; i++) {
            labels[i] = (i + 1) + "–" + (i + 2);
        }
        return histogram("chart-difficulty", text("column.difficulty"), text("chart.difficulty.title"),
                labels, bins, text("column.difficulty"));
    }

    private Chart histogram(String id, String heading, String title, String[] labels, int[] bins, String axis) {
        double[][] series = {java.util.Arrays.stream(bins).asDoubleStream().toArray()};
        int total = java.util.Arrays.stream(bins).sum();
        List<String> parts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            parts.add(text("chart.histogram.part", bins[i], labels[i]));
            rows.add(List.of(labels[i], Integer.toString(bins[i])));
        }
        String desc = text("chart.cards.desc", total, String.join(text("chart.list.separator"), parts));
        String svg = bars(id, title, desc, List.of(labels), series, new String[] {"bar-cards"},
                new String[] {text("chart.kind.cards")}, text("chart.column.cards"), axis, null);
        return new Chart(id, heading, svg, List.of(axis, text("chart.column.cards")), rows);
    }

    public Chart hourly(List<HourRow> hours) {
        List<String> labels = hours.stream().map(h -> String.format(Locale.ROOT, "%02d", h.hour())).toList();
        double[][] series = {hours.stream().mapToDouble(HourRow::reviews).toArray()};
        Double[] rates = hours.stream().map(HourRow::passRate).toArray(Double[]::new);
        HourRow busiest = hours.stream().max(java.util.Comparator.comparingInt(HourRow::reviews)).orElseThrow();
        String id = "chart-hourly";
        String svg = bars(id, text("chart.hourly.title"),
                text("chart.hourly.desc", String.valueOf(busiest.hour()), busiest.reviews()),
                labels, series, new String[] {"bar-reviews"}, new String[] {text("chart.kind.reviews")},
                text("chart.column.reviews"), text("chart.column.hour"), rates);
        List<List<String>> rows = hours.stream().map(h -> List.of(labels.get(h.hour()) + ":00",
                Integer.toString(h.reviews()), percent(h.passRate()))).toList();
        return new Chart(id, text("chart.hourly.heading"), svg, List.of(text("chart.column.hour"),
                text("chart.column.reviews"), text("chart.column.passRate")), rows);
    }

    public Chart coverage(List<DayCoverage> days) {
        List<String> labels = days.stream().map(d -> d.date().format(shortDate)).toList();
        double[][] series = {days.stream().mapToDouble(DayCoverage::attempts).toArray()};
        Double[] rates = days.stream().map(DayCoverage::averageCoverage).toArray(Double[]::new);
        int attempts = days.stream().mapToInt(DayCoverage::attempts).sum();
        String id = "chart-coverage";
        String svg = bars(id, text("chart.coverage.title", days.size()),
                attempts == 0 ? text("chart.coverage.none") : text("chart.coverage.desc", attempts),
                labels, series, new String[] {"bar-attempts"}, new String[] {text("chart.kind.attempts")},
                text("chart.column.attempts"), text("chart.column.day"), rates);
        List<List<String>> rows = days.stream().filter(d -> d.attempts() > 0)
                .map(d -> List.of(d.date().toString(), Integer.toString(d.attempts()), percent(d.averageCoverage())))
                .toList();
        return new Chart(id, text("chart.coverage.heading"), svg, List.of(text("chart.column.day"),
                text("chart.column.attempts"), text("chart.column.averageCoverage")), rows);
    }

    public Chart mastery(List<DeckMastery> decks) {
        String id = "chart-mastery";
        int rowHeight = 22;
        int labelWidth = 220;
        Svg svg = new Svg(id, WIDTH, Math.max(1, decks.size()) * rowHeight + 30, text("chart.mastery.heading"),
                decks.isEmpty() ? text("chart.mastery.desc.none") : text("chart.mastery.desc"));
        double barWidth = WIDTH - labelWidth - 70;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < decks.size(); i++) {
            DeckMastery d = decks.get(i);
            double y = 8 + i * rowHeight;
            svg.text(labelWidth - 6, y + 13, shorten(d.name(), 34), "end", "axis-label", false);
            svg.rect(labelWidth, y, barWidth, rowHeight - 6, "track", null);
            svg.rect(labelWidth, y, barWidth * d.mastery(), rowHeight - 6, "bar-mastery",
                    text("chart.mastery.bar", d.name(), percent(d.mastery()), percent(d.averageRetrievability())));
            svg.text(labelWidth + barWidth + 6, y + 13, percent(d.mastery()), "start", "axis-label", false);
            rows.add(List.of(d.name(), Integer.toString(d.cards()), percent(d.mastery()),
                    percent(d.averageRetrievability()), Integer.toString(d.due())));
        }
        svg.text(labelWidth + barWidth / 2, 8 + Math.max(1, decks.size()) * rowHeight + 16,
                text("chart.mastery.axis"), "middle", "axis-title", false);
        return new Chart(id, text("chart.mastery.heading"), svg.end(),
                List.of(text("dashboard.table.deck"), text("chart.column.cards"), text("chart.column.atMastery"),
                        text("chart.column.averageRetrievability"), text("chart.column.due")), rows);
    }

    /**
     * Vertical bars, stacked when there are several series, with a y axis, sparse x labels, a legend and an
     * optional line of rates (0..1, null = no point) on a right-hand percent axis.
     */
    String bars(String id, String title, String desc, List<String> labels, double[][] series, String[] classes,
                       String[] names, String yTitle, String xTitle, Double[] rates) {
        Svg svg = new Svg(id, WIDTH, HEIGHT, title, desc);
        int n = labels.size();
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double[] s : series) {
                sum += s[i];
            }
            max = Math.max(max, sum);
        }
        double top = niceCeiling(max);
        for (int t = 0; t <= 4; t++) {
            double value = top * t / 4;
            double y = TOP + plotH - plotH * t / 4;
            svg.line(LEFT, y, LEFT + plotW, y, t == 0 ? "axis" : "grid");
            svg.text(LEFT - 6, y + 4, Svg.num(Math.round(value * 10) / 10.0), "end", "axis-label", false);
        }
        double slot = plotW / Math.max(n, 1);
        double gap = slot > 6 ? Math.min(2, slot * 0.2) : 0;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int i = 0; i < n; i++) {
            double x = LEFT + i * slot;
            double base = TOP + plotH;
            StringBuilder tip = new StringBuilder(labels.get(i)).append(text("chart.label.colon"));
            for (int s = 0; s < series.length; s++) {
                tip.append(' ').append(text("chart.bar.value", Svg.num(series[s][i]), names[s]))
                        .append(s + 1 < series.length ? text("chart.list.separator").strip() : "");
            }
            for (int s = 0; s < series.length; s++) {
                double h = top == 0 ? 0 : plotH * series[s][i] / top;
                if (h > 0) {
                    base -= h;
                    svg.rect(x + gap / 2, base, slot - gap, h, classes[s], tip.toString());
                }
            }
            if (i % labelEvery == 0) {
                svg.text(x + slot / 2, TOP + plotH + 16, labels.get(i), "middle", "axis-label", false);
            }
        }
        if (rates != null) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (rates[i] != null) {
                    double x = LEFT + i * slot + slot / 2;
                    double y = TOP + plotH - plotH * rates[i];
                    points.append(Svg.num(x)).append(',').append(Svg.num(y)).append(' ');
                    svg.circle(x, y, 2.5, "rate-point", text("chart.label.value", labels.get(i), percent(rates[i])));
                }
            }
            if (points.length() > 0) {
                svg.polyline(points.toString().trim(), "rate-line");
            }
            for (int t = 0; t <= 4; t++) {
                double y = TOP + plotH - plotH * t / 4;
                svg.text(LEFT + plotW + 6, y + 4, (25 * t) + "%", "start", "axis-label", false);
            }
        }
        svg.text(14, TOP + plotH / 2, yTitle, "middle", "axis-title", true);
        svg.text(LEFT + plotW / 2, HEIGHT - 6, xTitle, "middle", "axis-title", false);
        if (series.length > 1) {
            double legendX = LEFT + 10;
            for (int s = 0; s < series.length; s++) {
                svg.rect(legendX, TOP, 10, 10, classes[s], null);
                svg.text(legendX + 14, TOP + 9, names[s], "start", "axis-label", false);
                legendX += 100;
            }
        }
        return svg.end();
    }

    /** The axis top: a multiple of 4 up to 20 (whole quarter ticks), else 1, 2, 2.5 or 5 × 10^k at or above max. */
    static double niceCeiling(double max) {
        if (max <= 1) {
            return 1;
        }
        if (max <= 20) {
            return 4 * Math.ceil(max / 4);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max + 1);
    }

}
