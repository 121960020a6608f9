package dev.prepdeck.stats;

import dev.prepdeck.fsrs.ForgettingCurve;
import dev.prepdeck.review.ReviewEntry;
import dev.prepdeck.web.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A card's probability of recall over time as inline SVG: after each review it restarts at 100% and decays along
 * FSRS-6's forgetting curve with the stability that review produced; each review is marked and coloured by rating.
 */
public final class RetrievabilityCurve {
    private static final double DAY_MS = 86_400_000d;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;
    private static final int SAMPLES = 240;

    private RetrievabilityCurve() {
    }

    /** The curve from the first review to now (or to the last due date when that is later); null without reviews. */
    public static String svg(List<ReviewEntry> history, ForgettingCurve curve, Instant now, ZoneId zone, Locale locale) {
        if (history.isEmpty()) {
            return null;
        }
        long start = history.get(0).reviewedAt();
        long end = Math.max(now.toEpochMilli(), history.get(history.size() - 1).dueAfter());
        end = Math.max(end, start + (long) DAY_MS);
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(zone);
        ReviewEntry last = history.get(history.size() - 1);
        double rNow = retrievability(last, now.toEpochMilli(), curve);
        Svg svg = new Svg("card-curve", WIDTH, HEIGHT, Messages.text(locale, "chart.curve.title"),
                Messages.text(locale, "chart.curve.desc", history.size(), date.format(Instant.ofEpochMilli(start)),
                        Charts.percent(rNow)));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        for (int t = 0; t <= 4; t++) {
            double y = TOP + plotH - plotH * t / 4;
            svg.line(LEFT, y, LEFT + plotW, y, t == 0 ? "axis" : "grid");
            svg.text(LEFT - 6, y + 4, (25 * t) + "%", "end", "axis-label", false);
        }
        double span = end - start;
        StringBuilder points = new StringBuilder();
        int review = 0;
        for (int i = 0; i <= SAMPLES; i++) {
            long t = start + (long) (span * i / SAMPLES);
            while (review + 1 < history.size() && history.get(review + 1).reviewedAt() <= t) {
                review++;
                // drop to the value just before the review, then jump back to 100%
                long at = history.get(review).reviewedAt();
                double before = retrievability(history.get(review - 1), at, curve);
                point(points, x(at, start, span, plotW), y(before, plotH));
                point(points, x(at, start, span, plotW), y(1, plotH));
            }
            point(points, x(t, start, span, plotW), y(retrievability(history.get(review), t, curve), plotH));
        }
        svg.polyline(points.toString().trim(), "rate-line");
        double nowX = x(now.toEpochMilli(), start, span, plotW);
        svg.line(nowX, TOP, nowX, TOP + plotH, "now-mark");
        for (ReviewEntry r : history) {
            svg.circle(x(r.reviewedAt(), start, span, plotW), y(1, plotH), 4, "review-mark rating-" + r.rating().value(),
                    Messages.text(locale, "chart.label.value", date.format(Instant.ofEpochMilli(r.reviewedAt())),
                            Messages.text(locale, "rating." + r.rating().label())));
        }
        svg.text(LEFT, HEIGHT - 14, date.format(Instant.ofEpochMilli(start)), "start", "axis-label", false);
        svg.text(LEFT + plotW, HEIGHT - 14, date.format(Instant.ofEpochMilli(end)), "end", "axis-label", false);
        svg.text(LEFT + plotW / 2, HEIGHT - 2, Messages.text(locale, "chart.curve.time"), "middle", "axis-title", false);
        svg.text(12, TOP + plotH / 2, Messages.text(locale, "chart.curve.recall"), "middle", "axis-title", true);
        return svg.end();
    }

    /** R at {@code atMs} after {@code review}, counting fractional days so the drawn curve is smooth. */
    static double retrievability(ReviewEntry review, long atMs, ForgettingCurve curve) {
        if (review.stabilityAfter() <= 0) {
            return 0;
        }
        double days = Math.max(0, (atMs - review.reviewedAt()) / DAY_MS);
        return curve.retrievability(days, review.stabilityAfter());
    }

    private static double x(long t, long start, double span, double plotW) {
        return LEFT + plotW * (t - start) / span;
    }

    private static double y(double r, double plotH) {
        return TOP + plotH - plotH * r;
    }

    private static void point(StringBuilder points, double x, double y) {
        points.append(Svg.num(x)).append(',').append(Svg.num(y)).append(' ');
    }
}
