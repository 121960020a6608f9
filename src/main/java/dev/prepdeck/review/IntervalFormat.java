package dev.prepdeck.review;

import java.time.Duration;

/** Human labels for intervals, as on Anki's answer buttons. */
public final class IntervalFormat {
    private IntervalFormat() {
    }

    public static String shortLabel(Duration interval) {
        double seconds = Math.max(0, interval.toMillis() / 1000.0);
        if (seconds < 60) {
            return Math.round(seconds) + "s";
        }
        double minutes = seconds / 60;
        if (minutes < 60) {
            return Math.round(minutes) + "m";
        }
        double hours = minutes / 60;
        if (hours < 24) {
            return oneDecimal(hours) + "h";
        }
        double days = hours / 24;
        if (days < 30) {
            return Math.round(days) + "d";
        }
        if (days < 365) {
            return oneDecimal(days / 30.4375) + "mo";
        }
        return oneDecimal(days / 365.25) + "y";
    }

    private static String oneDecimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
