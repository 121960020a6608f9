package dev.prepdeck.review;

import dev.prepdeck.web.Messages;
import java.time.Duration;
import java.util.Locale;

/** Human labels for intervals, as on Anki's answer buttons: "10m", "3d" in English, "10分钟", "3天" in Chinese. */
public final class IntervalFormat {
    private IntervalFormat() {
    }

    /** The English label, as the JSON API and the command line give it. */
    public static String shortLabel(Duration interval) {
        return shortLabel(interval, Locale.ENGLISH);
    }

    public static String shortLabel(Duration interval, Locale locale) {
        double seconds = Math.max(0, interval.toMillis() / 1000.0);
        if (seconds < 60) {
            return Messages.text(locale, "interval.seconds", String.valueOf(Math.round(seconds)));
        }
        double minutes = seconds / 60;
        if (minutes < 60) {
            return Messages.text(locale, "interval.minutes", String.valueOf(Math.round(minutes)));
        }
        double hours = minutes / 60;
        if (hours < 24) {
            return Messages.text(locale, "interval.hours", oneDecimal(hours));
        }
        double days = hours / 24;
        if (days < 30) {
            return Messages.text(locale, "interval.days", String.valueOf(Math.round(days)));
        }
        if (days < 365) {
            return Messages.text(locale, "interval.months", oneDecimal(days / 30.4375));
        }
        return Messages.text(locale, "interval.years", oneDecimal(days / 365.25));
    }

    private static String oneDecimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
