package dev.prepdeck.settings;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.StepDurations;
import dev.prepdeck.web.Messages;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settings as a person or client writes them: each field as text (the form's values, the API's JSON values), checked
 * one by one. A value that is not allowed stops everything with an {@link InvalidInputException} naming the field,
 * in the request's language, before anything is stored.
 */
public final class SettingsInput {
    static final int MAX_STEPS = 20;
    static final int MIN_TARGET_SECONDS = 5;
    static final int MAX_TARGET_SECONDS = 3600;
    /** Zone names as the tz database spells them, found whatever the case the learner typed. */
    private static final Map<String, String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toUnmodifiableMap(z -> z.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

    /** The settings by the names the form fields and the JSON properties share; NUMBER fields take JSON numbers. */
    public enum Field {
        LANGUAGE("language", false),
        TIME_ZONE("timeZone", false),
        ROLLOVER_HOUR("rolloverHour", true),
        NEW_CARDS_PER_DAY("newCardsPerDay", true),
        REVIEWS_PER_DAY("reviewsPerDay", true),
        DESIRED_RETENTION("desiredRetention", true),
        LEARNING_STEPS("learningSteps", false),
        PRACTICE_TARGET_SECONDS("practiceTargetSeconds", true),
        ANSWER_BOX("answerBox", false),
        THEME("theme", false);

        private final String fieldName;
        private final boolean number;

        Field(String fieldName, boolean number) {
            this.fieldName = fieldName;
            this.number = number;
        }

        public String fieldName() {
            return fieldName;
        }

        public boolean number() {
            return number;
        }

        public static Optional<Field> named(String name) {
            return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
        }
    }

    private SettingsInput() {
    }

    /**
     * {@code current} with each named field changed to its text; a blank text is "not chosen" where a setting may be
     * left open (time zone, retention, steps, target time). Fields not named keep their value.
     */
    public static Settings apply(Settings current, Map<String, String> changes, Locale locale) {
        Map<Field, Object> changed = new EnumMap<>(Field.class);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            Field field = Field.named(change.getKey()).orElseThrow(() -> new InvalidInputException(change.getKey(),
                    Messages.text(locale, "settings.error.unknown", shortened(change.getKey()))));
            changed.put(field, value(field, change.getValue() == null ? "" : change.getValue().strip(), locale));
        }
        return new Settings(
                (Settings.LanguageChoice) changed.getOrDefault(Field.LANGUAGE, current.language()),
                (ZoneId) changed.getOrDefault(Field.TIME_ZONE, current.timeZone()),
                (Integer) changed.getOrDefault(Field.ROLLOVER_HOUR, current.rolloverHour()),
                (Integer) changed.getOrDefault(Field.NEW_CARDS_PER_DAY, current.newCardsPerDay()),
                (Integer) changed.getOrDefault(Field.REVIEWS_PER_DAY, current.reviewsPerDay()),
                (Double) changed.getOrDefault(Field.DESIRED_RETENTION, current.desiredRetention()),
                (String) changed.getOrDefault(Field.LEARNING_STEPS, current.learningSteps()),
                (Integer) changed.getOrDefault(Field.PRACTICE_TARGET_SECONDS, current.practiceTargetSeconds()),
                (Settings.AnswerBox) changed.getOrDefault(Field.ANSWER_BOX, current.answerBox()),
                (Settings.Theme) changed.getOrDefault(Field.THEME, current.theme()));
    }

    private static Object value(Field field, String text, Locale locale) {
        return switch (field) {
            case LANGUAGE -> choice(Settings.LanguageChoice.class, field, text, locale);
            case TIME_ZONE -> zone(text, locale);
            case ROLLOVER_HOUR -> whole(field, text, 0, 23, locale);
            case NEW_CARDS_PER_DAY -> whole(field, text, 0, 9999, locale);
            case REVIEWS_PER_DAY -> whole(field, text, 0, 99999, locale);
            case DESIRED_RETENTION -> retention(text, locale);
            case LEARNING_STEPS -> steps(text, locale);
            case PRACTICE_TARGET_SECONDS ->
                    text.isEmpty() ? null : whole(field, text, MIN_TARGET_SECONDS, MAX_TARGET_SECONDS, locale);
            case ANSWER_BOX -> choice(Settings.AnswerBox.class, field, text, locale);
            case THEME -> choice(Settings.Theme.class, field, text, locale);
        };
    }

    /** The refusal of {@code value} for {@code field}, worded as the field's own rule. */
    public static InvalidInputException invalid(Field field, String value, Locale locale) {
        return new InvalidInputException(field.fieldName(),
                Messages.text(locale, "settings.error." + field.fieldName(), shortened(value)));
    }

    private static <T extends Enum<T> & Settings.Choice> T choice(Class<T> type, Field field, String text, Locale locale) {
        return Settings.byCode(type, text).orElseThrow(() -> invalid(field, text, locale));
    }

    private static ZoneId zone(String text, Locale locale) {
        if (text.isEmpty()) {
            return null;
        }
        String canonical = ZONES.get(text.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw invalid(Field.TIME_ZONE, text, locale);
        }
        return ZoneId.of(canonical);
    }

    private static int whole(Field field, String text, int min, int max, Locale locale) {
        if (!text.matches("\\d{1,6}")) {
            throw invalid(field, text, locale);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw invalid(field, text, locale);
        }
        return value;
    }

    private static Double retention(String text, Locale locale) {
        if (text.isEmpty()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid(Field.DESIRED_RETENTION, text, locale);
        }
        if (!(value >= FsrsParameters.DECK_MIN_RETENTION && value <= FsrsParameters.DECK_MAX_RETENTION)) {
            throw invalid(Field.DESIRED_RETENTION, text, locale);
        }
        return value;
    }

    /** Steps as the deck settings take them ("1m 10m", "10m, 1h", "none"), stored one space apart. */
    private static String steps(String text, Locale locale) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.equalsIgnoreCase("none")) {
            return "none";
        }
        List<String> steps = new ArrayList<>();
        for (String part : text.split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                StepDurations.parse(part);
            } catch (IllegalArgumentException e) {
                throw invalid(Field.LEARNING_STEPS, part, locale);
            }
            steps.add(part);
        }
        if (steps.size() > MAX_STEPS) {
            throw new InvalidInputException(Field.LEARNING_STEPS.fieldName(),
                    Messages.text(locale, "settings.error.learningSteps.tooMany", MAX_STEPS));
        }
        return String.join(" ", steps);
    }

    /** A value quoted back in a message stays short, whatever was sent. */
    private static String shortened(String value) {
        return value.length() > 60 ? value.substring(0, 59) + "…" : value;
    }
}
