package dev.prepdeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.RawHttp;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.web.CsrfProtection;
import dev.prepdeck.web.Language;
import io.javalin.testtools.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings page as a learner uses it: the form, its errors, and what saving changes on the next pages. */
class SettingsPageTest {
    @TempDir
    Path tempDir;

    /** Every field of the form, as the page sends it with nothing changed. */
    private static Map<String, String> defaults() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("language", "browser");
        form.put("theme", "system");
        form.put("timeZone", "");
        form.put("rolloverHour", "4");
        form.put("newCardsPerDay", "20");
        form.put("reviewsPerDay", "200");
        form.put("desiredRetention", "");
        form.put("learningSteps", "");
        form.put("answerBox", "auto");
        form.put("practiceTargetSeconds", "");
        return form;
    }

    private static Response save(TestSite s, Map<String, String> form) {
        return s.submit("/settings", form.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    private static Map<String, String> with(String... fieldsAndValues) {
        Map<String, String> form = defaults();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return form;
    }

    @Test
    void the_page_shows_the_settings_and_saving_stores_them_and_says_so() {
        TestCollection.of(tempDir).site(s -> {
            String page = s.page("/settings");
            assertThat(page).contains("<h1>Settings</h1>", "name=\"timeZone\"", "list=\"zones\"",
                    "<option value=\"Europe/Berlin\">", "<option value=\"Etc/GMT+12\">",
                    "name=\"rolloverHour\" type=\"number\" min=\"0\" max=\"23\"");
            assertThat(page).as("the footer links the page").contains("<a href=\"/settings\" aria-current=\"page\">Settings</a>");

            Response saved = save(s, with("timeZone", "Asia/Shanghai", "rolloverHour", "23", "newCardsPerDay", "8",
                    "reviewsPerDay", "80", "desiredRetention", "0.85", "learningSteps", "2m 20m",
                    "answerBox", "on", "practiceTargetSeconds", "90", "theme", "dark"));
            assertThat(saved.code()).isEqualTo(303);
            assertThat(TestSite.location(saved)).isEqualTo("/settings");

            String after = s.page("/settings");
            assertThat(after).contains("Saved your settings.", "value=\"Asia/Shanghai\"", "value=\"23\"", "value=\"0.85\"",
                    "value=\"2m 20m\"", "value=\"90\"", "<option value=\"on\" selected=\"selected\">");
            JsonNode stored = TestSite.json(s.get("/api/settings"));
            assertThat(stored.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
            assertThat(stored.get("rolloverHour").asInt()).isEqualTo(23);
            assertThat(stored.get("theme").asText()).isEqualTo("dark");
        });
    }

    @Test
    void a_value_not_allowed_is_shown_on_the_form_naming_the_field_and_nothing_is_stored() {
        TestCollection.of(tempDir).site(s -> {
            Response refused = save(s, with("timeZone", "Asia/Tokyo", "rolloverHour", "24"));

            assertThat(refused.code()).isEqualTo(400);
            String page = refused.body().string();
            assertThat(page).contains("The hour the study day starts must be a whole number from 0 to 23, not “24”.");
            assertThat(page).as("the field at fault is marked, the others keep what was typed")
                    .containsPattern("id=\"rolloverHour\"[^>]*aria-invalid=\"true\"")
                    .contains("value=\"Asia/Tokyo\"");
            assertThat(TestSite.json(s.get("/api/settings")).get("timeZone").asText()).as("as the test collection has it")
                    .isEqualTo("UTC");

            Response zone = save(s, with("timeZone", "Moon/Tranquility"));
            assertThat(zone.code()).isEqualTo(400);
            assertThat(zone.body().string())
                    .contains("Time zone: “Moon/Tranquility” is not a zone name such as Europe/Berlin or Asia/Shanghai.");
        });
    }

    @Test
    void the_page_leads_to_the_answer_judge_beside_the_practice_defaults() {
        TestCollection.of(tempDir).site(s -> {
            Document page = Jsoup.parse(s.page("/settings"));
            assertThat(page.select("fieldset:has(#answerBox) a[href=/practice/judge]").text())
                    .isEqualTo("Second opinion on practice answers from your own language model");
            assertThat(s.page("/practice/judge")).contains("Second opinion on practice answers");
            s.speaking("zh-CN");
            assertThat(Jsoup.parse(s.page("/settings")).select("a[href=/practice/judge]").text())
                    .isEqualTo("用你自己的语言模型为练习答案提供第二意见");
        });
    }

    @Test
    void the_chosen_language_also_words_refusals_given_before_the_learner_is_known() {
        TestCollection.of(tempDir).site(s -> {
            s.page("/");
            assertThat(expiredForm(s).body()).contains("This form came from another site or has expired.");

            save(s, with("language", "zh-CN"));
            assertThat(s.cookie(Language.COOKIE)).as("remembered for answers given before the settings apply")
                    .isEqualTo("zh-CN");
            RawHttp.Answer chinese = expiredForm(s);
            assertThat(chinese.status()).isEqualTo(403);
            assertThat(chinese.body()).contains("<html lang=\"zh-CN\"", "这个表单来自其他网站或已经过期。");

            save(s, with("language", "browser"));
            assertThat(s.cookie(Language.COOKIE)).as("forgotten when the browser decides again").isNull();
            assertThat(expiredForm(s).body()).contains("This form came from another site or has expired.");
        });
    }

    /** A form the CSRF check refuses, sent by this browser with its cookies, as a page left open for days would. */
    private static RawHttp.Answer expiredForm(TestSite s) {
        String language = s.cookie(Language.COOKIE);
        String cookies = CsrfProtection.COOKIE + "=" + s.csrfToken()
                + (language == null ? "" : "; " + Language.COOKIE + "=" + language);
        return new RawHttp(s.origin()).send("POST", "/decks", List.of("Content-Type: application/x-www-form-urlencoded",
                "Cookie: " + cookies), CsrfProtection.FIELD + "=an-old-token-from-before&name=Forged");
    }

    @Test
    void the_form_needs_the_csrf_token() {
        TestCollection.of(tempDir).site(s -> {
            Response forged = s.submitWithoutToken("/settings", "language", "zh-CN", "rolloverHour", "4");

            assertThat(forged.code()).isEqualTo(403);
            assertThat(TestSite.json(s.get("/api/settings")).get("language").asText()).isEqualTo("browser");
        });
    }

    @Test
    void a_saved_language_draws_the_next_pages_in_it_whatever_the_browser_asks_for() {
        TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK).site(s -> {
            assertThat(s.page("/")).contains("<html lang=\"en\"");

            save(s, with("language", "zh-CN"));
            assertThat(s.page("/settings")).as("the flash, in the language just chosen")
                    .contains("设置已保存。", "<h1>设置</h1>", "跟随浏览器");
            assertThat(s.page("/")).contains("<html lang=\"zh-CN\"", ">卡组</a>", "<a href=\"/settings\">设置</a>");
            assertThat(body(s, "/", "en-US,en;q=0.9")).as("the setting outranks Accept-Language")
                    .contains("<html lang=\"zh-CN\"");

            save(s, with("language", "en"));
            assertThat(body(s, "/", "zh-CN,zh;q=0.9")).contains("<html lang=\"en\"", ">Decks</a>");

            save(s, with("language", "browser"));
            assertThat(body(s, "/", "zh-CN,zh;q=0.9")).as("following the browser again").contains("<html lang=\"zh-CN\"");
            assertThat(body(s, "/", null)).contains("<html lang=\"en\"");
        });
    }

    @Test
    void form_errors_are_in_the_pages_language() {
        TestCollection.of(tempDir).site(s -> {
            save(s, with("language", "zh-CN"));
            Response refused = save(s, with("language", "zh-CN", "newCardsPerDay", "-3"));

            assertThat(refused.body().string()).contains("每日新卡数必须是 0 到 9999 之间的整数，不能是“-3”。");
        });
    }

    @Test
    void the_footer_switch_stores_the_language_and_returns_to_the_same_page_with_its_query() {
        TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK).site(s -> {
            assertThat(s.page("/browse?q=dns&sort=due")).as("the switch knows the page it is on")
                    .contains("name=\"return\" value=\"/browse?q=dns&amp;sort=due\"");

            Response switched = s.submit("/settings/language", "language", "zh-CN", "return", "/browse?q=dns&sort=due");
            assertThat(switched.code()).isEqualTo(303);
            assertThat(TestSite.location(switched)).isEqualTo("/browse?q=dns&sort=due");
            assertThat(s.page("/browse?q=dns&sort=due")).contains("<html lang=\"zh-CN\"");
            assertThat(TestSite.json(s.get("/api/settings")).get("language").asText()).isEqualTo("zh-CN");

            Response back = s.submit("/settings/language", "language", "en", "return", "/");
            assertThat(TestSite.location(back)).isEqualTo("/");
            assertThat(s.page("/")).contains("<html lang=\"en\"");
        });
    }

    @Test
    void the_switch_refuses_to_send_the_browser_to_another_site_and_changes_nothing() {
        TestCollection.of(tempDir).site(s -> {
            for (String offSite : List.of("https://evil.example/", "//evil.example/path", "/\\evil.example",
                    "javascript:alert(1)", "", "evil.example", "/%0d%0aSet-Cookie:x=1\r\n")) {
                Response refused = s.submit("/settings/language", "language", "zh-CN", "return", offSite);
                assertThat(refused.code()).as(offSite).isEqualTo(400);
                assertThat(TestSite.location(refused)).as(offSite).isNull();
                assertThat(refused.body().string()).as(offSite)
                        .contains("The language switch can only go back to a page of this site.");
            }
            assertThat(TestSite.json(s.get("/api/settings")).get("language").asText()).isEqualTo("browser");
            assertThat(s.submit("/settings/language", "language", "fr", "return", "/").code()).isEqualTo(400);
            assertThat(s.submitWithoutToken("/settings/language", "language", "zh-CN", "return", "/").code())
                    .isEqualTo(403);
        });
    }

    @Test
    void a_chosen_theme_marks_every_page_and_following_the_system_leaves_it_unmarked() {
        TestCollection.of(tempDir).site(s -> {
            assertThat(s.page("/")).doesNotContain("data-theme").contains("<meta name=\"color-scheme\" content=\"light dark\">");

            save(s, with("theme", "dark"));
            assertThat(s.page("/")).contains("data-theme=\"dark\"", "<meta name=\"color-scheme\" content=\"dark\">");
            assertThat(s.page("/stats")).contains("data-theme=\"dark\"");

            save(s, with("theme", "light"));
            assertThat(s.page("/")).contains("data-theme=\"light\"");

            save(s, with("theme", "system"));
            assertThat(s.page("/")).doesNotContain("data-theme");
        });
    }

    @Test
    void a_new_deck_starts_with_the_defaults_and_the_decks_already_there_keep_theirs() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        collection.site(s -> {
            save(s, with("newCardsPerDay", "7", "reviewsPerDay", "70", "desiredRetention", "0.85",
                    "learningSteps", "2m 20m", "answerBox", "off", "practiceTargetSeconds", "90"));
            s.submit("/decks", "name", "Behavioural");
        });

        Map<String, Object> created = deckRow(collection, "Behavioural");
        assertThat(created).containsEntry("new_per_day", 7).containsEntry("reviews_per_day", 70)
                .containsEntry("desired_retention", 0.85).containsEntry("learning_steps", "2m 20m")
                .containsEntry("practice_mode", 0).containsEntry("practice_target_seconds", 90);
        Map<String, Object> existing = deckRow(collection, "Interview::Networking");
        assertThat(existing).containsEntry("new_per_day", 20).containsEntry("reviews_per_day", 200)
                .containsEntry("desired_retention", null).containsEntry("practice_mode", null);
    }

    private static Map<String, Object> deckRow(TestCollection collection, String name) {
        return collection.jdbi().withHandle(h -> h.createQuery("""
                        SELECT new_per_day, reviews_per_day, desired_retention, learning_steps, practice_mode,
                               practice_target_seconds FROM deck WHERE name = :name""")
                .bind("name", name).mapToMap().one());
    }

    /** A page as a browser sending {@code acceptLanguage} (none when null) sees it, with this client's cookies. */
    private static String body(TestSite s, String path, String acceptLanguage) {
        HttpResponse<byte[]> response = acceptLanguage == null ? s.getBytes(path)
                : s.getBytes(path, "Accept-Language", acceptLanguage);
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
