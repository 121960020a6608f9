package dev.prepdeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.error.InvalidInputException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsInputTest {
    private static Settings apply(String... fieldsAndValues) {
        return SettingsInput.apply(Settings.DEFAULTS, map(fieldsAndValues), Locale.ENGLISH);
    }

    private static Map<String, String> map(String... fieldsAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            map.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return map;
    }

    private static InvalidInputException refusal(Locale locale, String... fieldsAndValues) {
        try {
            SettingsInput.apply(Settings.DEFAULTS, map(fieldsAndValues), locale);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted " + String.join(" ", fieldsAndValues));
    }

    @Test
    void every_setting_is_read_from_its_text_and_fields_not_named_keep_their_value() {
        Settings s = apply("language", "zh-CN", "timeZone", "Europe/Berlin", "rolloverHour", "23",
                "newCardsPerDay", "5", "reviewsPerDay", "0", "desiredRetention", "0.85", "learningSteps", "10m, 1h",
                "practiceTargetSeconds", "90", "answerBox", "on", "theme", "dark");

        assertThat(s).isEqualTo(new Settings(Settings.LanguageChoice.CHINESE, ZoneId.of("Europe/Berlin"), 23, 5, 0,
                0.85, "10m 1h", 90, Settings.AnswerBox.ON, Settings.Theme.DARK));
        assertThat(SettingsInput.apply(s, map("theme", "light"), Locale.ENGLISH))
                .isEqualTo(new Settings(Settings.LanguageChoice.CHINESE, ZoneId.of("Europe/Berlin"), 23, 5, 0,
                        0.85, "10m 1h", 90, Settings.AnswerBox.ON, Settings.Theme.LIGHT));
    }

    @Test
    void an_empty_optional_field_means_not_chosen() {
        Settings chosen = apply("timeZone", "Asia/Shanghai", "desiredRetention", "0.8", "learningSteps", "1m",
                "practiceTargetSeconds", "60");
        Settings cleared = SettingsInput.apply(chosen, map("timeZone", " ", "desiredRetention", "",
                "learningSteps", "", "practiceTargetSeconds", ""), Locale.ENGLISH);

        assertThat(cleared).isEqualTo(Settings.DEFAULTS);
        assertThat(cleared.zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void a_zone_name_is_found_whatever_its_case_and_no_steps_is_written_none() {
        assertThat(apply("timeZone", "america/new_york").timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(apply("timeZone", "Etc/GMT+12").timeZone()).isEqualTo(ZoneId.of("Etc/GMT+12"));
        assertThat(apply("learningSteps", "NONE").learningSteps()).isEqualTo("none");
    }

    @Test
    void each_refusal_names_its_field_and_the_value_sent() {
        assertRefused("language", "fr", "Language must be English (en), 简体中文 (zh-CN) or the browser’s (browser), not “fr”.");
        assertRefused("timeZone", "Mars/Olympus", "Time zone: “Mars/Olympus” is not a zone name such as Europe/Berlin or Asia/Shanghai.");
        assertRefused("timeZone", "+05:00", "Time zone: “+05:00” is not a zone name such as Europe/Berlin or Asia/Shanghai.");
        assertRefused("rolloverHour", "24", "The hour the study day starts must be a whole number from 0 to 23, not “24”.");
        assertRefused("rolloverHour", "-1", "The hour the study day starts must be a whole number from 0 to 23, not “-1”.");
        assertRefused("rolloverHour", "4.5", "The hour the study day starts must be a whole number from 0 to 23, not “4.5”.");
        assertRefused("rolloverHour", "", "The hour the study day starts must be a whole number from 0 to 23, not “”.");
        assertRefused("newCardsPerDay", "10000", "New cards per day must be a whole number from 0 to 9999, not “10000”.");
        assertRefused("reviewsPerDay", "many", "Reviews per day must be a whole number from 0 to 99999, not “many”.");
        assertRefused("desiredRetention", "0.5", "Desired retention must be a number from 0.70 to 0.99 (or empty for 0.9), not “0.5”.");
        assertRefused("desiredRetention", "NaN", "Desired retention must be a number from 0.70 to 0.99 (or empty for 0.9), not “NaN”.");
        assertRefused("learningSteps", "1m 30s", "Learning steps: “30s” is not a step such as 1m, 10m, 1h or 2d.");
        assertRefused("practiceTargetSeconds", "4", "The target time must be a whole number of seconds from 5 to 3600 (or empty), not “4”.");
        assertRefused("answerBox", "maybe", "Answer box must be auto, on or off, not “maybe”.");
        assertRefused("theme", "blue", "Theme must be system, light or dark, not “blue”.");
        assertRefused("fontSize", "large", "There is no setting called “fontSize”.");
    }

    @Test
    void a_refusal_is_worded_in_the_requests_language() {
        InvalidInputException e = refusal(Locale.SIMPLIFIED_CHINESE, "rolloverHour", "25");

        assertThat(e.field()).isEqualTo("rolloverHour");
        assertThat(e.getMessage()).isEqualTo("学习日开始的钟点必须是 0 到 23 之间的整数，不能是“25”。");
    }

    @Test
    void too_many_steps_and_a_very_long_value_are_refused_with_a_short_message() {
        assertThatThrownBy(() -> apply("learningSteps", "1m ".repeat(21)))
                .hasMessage("Learning steps: at most 20 steps.");
        InvalidInputException e = refusal(Locale.ENGLISH, "timeZone", "x".repeat(5000));
        assertThat(e.getMessage()).hasSizeLessThan(200);
    }

    private static void assertRefused(String field, String value, String message) {
        InvalidInputException e = refusal(Locale.ENGLISH, field, value);
        assertThat(e.field()).as(field + "=" + value).isEqualTo(field);
        assertThat(e.getMessage()).as(field + "=" + value).isEqualTo(message);
    }
}
