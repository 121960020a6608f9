package dev.prepdeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class SettingsApiTest {
    @Parameter
    TestDatabase database;

    /** A test collection's settings: the defaults, with its days counted in UTC. */
    private static final String DEFAULTS = """
            {"language":"browser","timeZone":"UTC","rolloverHour":4,"newCardsPerDay":20,"reviewsPerDay":200,\
            "desiredRetention":null,"learningSteps":null,"practiceTargetSeconds":null,"answerBox":"auto",\
            "theme":"system"}""";

    @TempDir
    Path tempDir;

    @Test
    void get_answers_every_setting_and_put_changes_only_the_fields_sent() {
        TestCollection.of(database, tempDir).site(s -> {
            assertThat(s.get("/api/settings").body().string()).isEqualTo(DEFAULTS);

            Response changed = s.putJson("/api/settings", """
                    {"timeZone": "Pacific/Kiritimati", "rolloverHour": 0, "desiredRetention": 0.92,
                     "learningSteps": "1m 5m 30m", "answerBox": "off", "language": "zh-CN"}""");
            assertThat(changed.code()).isEqualTo(200);
            String expected = """
                    {"language":"zh-CN","timeZone":"Pacific/Kiritimati","rolloverHour":0,"newCardsPerDay":20,\
                    "reviewsPerDay":200,"desiredRetention":0.92,"learningSteps":"1m 5m 30m",\
                    "practiceTargetSeconds":null,"answerBox":"off","theme":"system"}""";
            assertThat(changed.body().string()).isEqualTo(expected);
            assertThat(s.get("/api/settings").body().string()).isEqualTo(expected);

            Response cleared = s.putJson("/api/settings", """
                    {"timeZone": null, "desiredRetention": null, "learningSteps": null, "rolloverHour": 4,
                     "answerBox": "auto", "language": "browser"}""");
            assertThat(cleared.body().string()).as("a null time zone: this machine's")
                    .isEqualTo(DEFAULTS.replace("\"UTC\"", "null"));
        });
    }

    @Test
    void a_value_not_allowed_is_a_400_naming_the_field_and_nothing_in_the_request_is_stored() {
        TestCollection.of(database, tempDir).site(s -> {
            Response refused = s.putJson("/api/settings", """
                    {"theme": "dark", "rolloverHour": 24}""");

            assertThat(refused.code()).isEqualTo(400);
            JsonNode error = TestSite.json(refused);
            assertThat(error.get("field").asText()).isEqualTo("rolloverHour");
            assertThat(error.get("error").asText())
                    .isEqualTo("The hour the study day starts must be a whole number from 0 to 23, not “24”.");
            assertThat(s.get("/api/settings").body().string()).as("the valid theme was not stored either")
                    .isEqualTo(DEFAULTS);
        });
    }

    @Test
    void unknown_fields_wrong_types_and_bodies_that_are_not_objects_are_refused() {
        TestCollection.of(database, tempDir).site(s -> {
            assertRefused(s, "{\"fontSize\": \"large\"}", "fontSize", "There is no setting called “fontSize”.");
            assertRefused(s, "{\"rolloverHour\": \"4\"}", "rolloverHour",
                    "The hour the study day starts must be a whole number from 0 to 23, not “\"4\"”.");
            assertRefused(s, "{\"rolloverHour\": 4.5}", "rolloverHour",
                    "The hour the study day starts must be a whole number from 0 to 23, not “4.5”.");
            assertRefused(s, "{\"language\": 5}", "language",
                    "Language must be English (en), 简体中文 (zh-CN) or the browser’s (browser), not “5”.");
            assertRefused(s, "{\"newCardsPerDay\": null}", "newCardsPerDay",
                    "New cards per day must be a whole number from 0 to 9999, not “”.");
            assertRefused(s, "{\"timeZone\": [\"Europe/Berlin\"]}", "timeZone",
                    "Time zone: “[\"Europe/Berlin\"]” is not a zone name such as Europe/Berlin or Asia/Shanghai.");

            Response array = s.putJson("/api/settings", "[]");
            assertThat(array.code()).isEqualTo(400);
            assertThat(TestSite.json(array).get("error").asText()).isEqualTo("request body must be a JSON object");
            assertThat(s.get("/api/settings").body().string()).isEqualTo(DEFAULTS);
        });
    }

    @Test
    void errors_follow_the_requests_language() {
        TestCollection.of(database, tempDir).site(s -> {
            s.putJson("/api/settings", "{\"language\": \"zh-CN\"}");
            Response refused = s.putJson("/api/settings", "{\"theme\": \"blue\"}");

            assertThat(TestSite.json(refused).get("error").asText()).isEqualTo("外观只能是 system、light 或 dark，不能是“blue”。");
        });
    }

    private static void assertRefused(TestSite s, String body, String field, String message) {
        Response refused = s.putJson("/api/settings", body);
        assertThat(refused.code()).as(body).isEqualTo(400);
        JsonNode error = TestSite.json(refused);
        assertThat(error.get("field").asText()).as(body).isEqualTo(field);
        assertThat(error.get("error").asText()).as(body).isEqualTo(message);
    }
}
