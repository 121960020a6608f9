package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the reveal and report pages show of a check: points with their matched words, percentages, labels. */
public final class PracticeView {
    private PracticeView() {
    }

    public static String percent(double coverage) {
        return Math.round(coverage * 100) + " %";
    }

    public static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }


    /** The key points as the reveal lists them, each with why in the page's language. */
    public static List<PointRow> points(AnswerMatcher.AnswerCheck check, Locale locale) {
        List<PointRow> rows = new ArrayList<>();
        for (int i = 0; i < check.points().size(); i++) {
            AnswerMatcher.PointResult p = check.points().get(i);
            rows.add(new PointRow(i, p.text(), p.covered(), p.contradicted(), p.why().in(locale)));
        }
        return rows;
    }

    /** A key point row: its index (the checkbox value), text, verdict, and why (the words said, left out or contradicted). */
    public record PointRow(int index, String text, boolean covered, boolean contradicted, String reason) {
    }

    /** A rating button on the reveal page; the suggested one is marked and focused. */
    public record RatingChoice(int value, String label, String interval, boolean suggested) {
    }
}
