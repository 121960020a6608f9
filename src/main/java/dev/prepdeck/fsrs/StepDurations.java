package dev.prepdeck.fsrs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads (re)learning steps written the way ts-fsrs writes them: a whole number followed by
 * m (minutes), h (hours) or d (days), e.g. "1m", "10m", "1h", "3d". ts-fsrs has no seconds unit,
 * so "30s" is rejected here too.
 */
public final class StepDurations {
    private StepDurations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("learning step must not be empty; expected e.g. \"1m\", \"10m\", \"1h\" or \"1d\"");
        }
        char unit = text.charAt(text.length() - 1);
        String number = text.substring(0, text.length() - 1);
        if (number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "invalid learning step \"" + text + "\": expected a whole number followed by m, h or d, e.g. \"10m\"");
        }
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid learning step \"" + text + "\": number too large");
        }
        switch (unit) {
            case 'm':
                return Duration.ofMinutes(value);
            case 'h':
                return Duration.ofHours(value);
            case 'd':
                return Duration.ofDays(value);
            default:
                throw new IllegalArgumentException(
                        "invalid learning step unit in \"" + text + "\": expected m (minutes), h (hours) or d (days)");
        }
    }

    public static List<Duration> parseAll(List<String> texts) {
        List<Duration> steps = new ArrayList<>(texts.size());
        for (String text : texts) {
            steps.add(parse(text));
        }
        return List.copyOf(steps);
    }
}
