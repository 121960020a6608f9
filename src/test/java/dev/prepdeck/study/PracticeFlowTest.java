package dev.prepdeck.study;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestDatabase;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Practice on the review page as a person does it: type, check, see the points, rate, undo. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class PracticeFlowTest {
    @Parameter
    TestDatabase database;

    private static final String PARTIAL = "Start with a canary: the new model only gets a small share of traffic.";

    @TempDir
    Path tempDir;

    PracticeSite site;

    @BeforeEach
    void setUp() {
        site = new PracticeSite(database, tempDir);
    }

    private String rolloutStudyPage(dev.prepdeck.TestSite s) {
        return s.page("/study?deck=" + site.deploymentDeck + "&card=" + site.rolloutCard);
    }

    @Test
    void the_practice_toggle_is_remembered_per_deck_and_long_answer_decks_start_with_it_on() {
        site.run(s -> {
            assertThat(rolloutStudyPage(s)).contains("<details id=\"reveal\"").doesNotContain("id=\"practice-text\"");
            assertThat(s.page("/study?deck=" + site.storyDeck)).contains("id=\"practice-text\"")
                    .contains("Practice mode is on for this deck");

            Response on = s.submit("/study/practice-mode", "deck", String.valueOf(site.deploymentDeck),
                    "cardDeck", String.valueOf(site.deploymentDeck), "card", String.valueOf(site.rolloutCard), "on", "1");

            assertThat(location(on)).isEqualTo("/study?deck=" + site.deploymentDeck + "&card=" + site.rolloutCard);
            String page = rolloutStudyPage(s);
            assertThat(page).contains("id=\"practice-text\"").contains("data-target=\"90\"").contains("1:30")
                    .containsPattern("/static/practice\\.[0-9a-f]{10}\\.js").doesNotContain("<details id=\"reveal\"");
            assertThat(one(site.jdbi, "SELECT practice_mode FROM deck WHERE id = " + site.deploymentDeck, Integer.class))
                    .isEqualTo(1);
            assertThat(one(site.jdbi, "SELECT practice_mode IS NULL FROM deck WHERE id = " + site.storyDeck, Boolean.class))
                    .isTrue();

            s.submit("/study/practice-mode", "deck", "", "cardDeck", String.valueOf(site.storyDeck), "on", "0");
            assertThat(s.page("/study?deck=" + site.storyDeck)).doesNotContain("id=\"practice-text\"");
        });
    }

    @Test
    void checking_shows_the_typed_answer_beside_the_model_answer_with_points_marks_and_the_suggested_rating() {
        site.run(s -> {
            String page = s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard),
                    "deck", String.valueOf(site.deploymentDeck), "answer", PARTIAL, "seconds", "42").body().string();

            assertThat(page).contains("Your answer").contains("Model answer");
            assertThat(page).contains("<mark>canary</mark>").contains("<mark>small</mark>");
            assertThat(page).contains("a <mark>canary</mark> to a <mark>small</mark> <mark>share</mark>");
            assertThat(page).contains("25 %").contains("0:42").contains("1:30");
            assertThat(page).containsPattern("<input type=\"checkbox\" name=\"covered\" value=\"0\" checked")
                    .containsPattern("<input type=\"checkbox\" name=\"covered\" value=\"1\">");
            assertThat(page).contains("not covered");
            assertThat(page).as("why each point is covered or not")
                    .containsPattern("Covered: your answer says [^<]*\u201ccanary\u201d")
                    .contains("Not covered: your answer says nothing of it");
            assertThat(page).as("one point of four is Hard").containsPattern("id=\"rate-2\"\\s+class=\"rate rate-2 suggested\">");
            assertThat(page).doesNotContain("rate-1 suggested").doesNotContain("rate-3 suggested");
        });
    }

    /** The hidden fields and ticked boxes of the reveal's form, as a browser would send them. */
    private static List<String> revealForm(String page) {
        List<String> fields = new ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(cardId|deck|answer|seconds|shownAt|requestId)\" value=\"([^\"]*)\"")
                .matcher(page);
        while (hidden.find()) {
            fields.add(hidden.group(1));
            fields.add(hidden.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        Matcher ticked = Pattern.compile("name=\"covered\" value=\"(\\d+)\" checked").matcher(page);
        while (ticked.find()) {
            fields.add("covered");
            fields.add(ticked.group(1));
        }
        return fields;
    }

    @Test
    void typing_checking_and_accepting_the_suggestion_schedules_the_card_with_it_and_keeps_the_attempt() {
        site.run(s -> {
            s.submit("/study/practice-mode", "deck", String.valueOf(site.deploymentDeck),
                    "cardDeck", String.valueOf(site.deploymentDeck), "on", "1");
            String question = rolloutStudyPage(s);
            Matcher shownAt = Pattern.compile("name=\"shownAt\" value=\"(\\d+)\"").matcher(question);
            assertThat(shownAt.find()).isTrue();
            site.clock.advance(Duration.ofSeconds(70));
            String answer = "A canary first, on a small share of traffic. Compare its latency and error rate with the "
                    + "current version, and keep the previous version ready so a rollback is one command.";
            Matcher requestId = Pattern.compile("name=\"requestId\" value=\"([^\"]+)\"").matcher(question);
            assertThat(requestId.find()).as("the card shown has a request id").isTrue();
            String reveal = s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard),
                    "deck", String.valueOf(site.deploymentDeck), "shownAt", shownAt.group(1), "answer", answer,
                    "seconds", "", "requestId", requestId.group(1)).body().string();
            assertThat(reveal).contains("75 %").contains("suggested rating: <strong id=\"practice-suggested\">Good</strong>")
                    .containsPattern("id=\"rate-3\"\\s+class=\"rate rate-3 suggested\"");

            List<String> form = revealForm(reveal);
            form.add("rating");
            form.add("3");
            Response rated = s.submit("/study/practice-rate", form.toArray(new String[0]));

            assertThat(rated.code()).isEqualTo(303);
            assertThat(one(site.jdbi, "SELECT rating || ',' || duration_ms FROM review_log", String.class))
                    .isEqualTo("3,70000");
            assertThat(one(site.jdbi, "SELECT answer FROM practice_attempt", String.class)).isEqualTo(answer);
            assertThat(one(site.jdbi, "SELECT seconds || ',' || coverage FROM practice_attempt", String.class))
                    .isEqualTo("70,0.75");

            // The same rating sent again (a reload that resends the form): the card is rated once, one attempt kept.
            assertThat(form).containsSubsequence("requestId", requestId.group(1));
            assertThat(s.submit("/study/practice-rate", form.toArray(new String[0])).code()).isEqualTo(303);
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(1);
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM practice_attempt", Integer.class)).isEqualTo(1);
        });
    }

    @Test
    void without_javascript_the_answer_is_timed_from_when_the_question_was_shown() {
        site.run(s -> {
            long shownAt = site.clock.millis();
            site.clock.advance(Duration.ofSeconds(95));
            String page = s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard), "answer", "canary",
                    "shownAt", String.valueOf(shownAt), "seconds", "").body().string();
            assertThat(page).contains("in <span>1:35</span>");
        });
    }

    @Test
    void typed_text_is_escaped_in_the_reveal() {
        site.run(s -> {
            String page = s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard),
                    "answer", "<script>alert(1)</script> canary & \"rollback\"", "seconds", "5").body().string();
            assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("<mark>canary</mark> &amp; &quot;<mark>rollback</mark>&quot;");
        });
    }

    @Test
    void rating_stores_the_attempt_with_the_review_and_the_ticked_points_and_undo_removes_both() {
        site.run(s -> {
            Response rated = s.submit("/study/practice-rate", "cardId", String.valueOf(site.rolloutCard),
                    "deck", String.valueOf(site.deploymentDeck), "answer", PARTIAL, "seconds", "42",
                    "covered", "0", "covered", "2", "rating", "2");

            assertThat(rated.code()).isEqualTo(303);
            assertThat(location(rated)).isEqualTo("/study?deck=" + site.deploymentDeck);
            assertThat(one(site.jdbi, "SELECT rating FROM review_log", Integer.class)).isEqualTo(2);
            assertThat(one(site.jdbi, """
                    SELECT a.review_id = r.id AND a.card_id = r.card_id FROM practice_attempt a, review_log r""",
                    Boolean.class)).isTrue();
            assertThat(one(site.jdbi, "SELECT answer || '|' || seconds || '|' || coverage FROM practice_attempt",
                    String.class)).isEqualTo(PARTIAL + "|42|0.5");
            assertThat(one(site.jdbi, "SELECT key_points FROM practice_attempt", String.class))
                    .startsWith("[{\"text\":\"Ship the new model as a canary to a small share of traffic first.\",\"covered\":true},")
                    .contains("\"covered\":false");

            String card = s.page("/cards/" + site.rolloutCard);
            assertThat(card).contains("Past attempts").contains(PARTIAL).contains("50 % covered").contains("0:42")
                    .contains("Hard").contains("Missed: ");

            s.submit("/study/undo", "deck", String.valueOf(site.deploymentDeck));

            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM practice_attempt", Integer.class)).isZero();
            assertThat(s.page("/cards/" + site.rolloutCard)).contains("No typed answers yet");
        });
    }

    @Test
    void bad_practice_forms_get_a_message_and_write_nothing() {
        site.run(s -> {
            Response noCard = s.submit("/study/check", "cardId", "abc", "answer", "x");
            assertThat(noCard.code()).isEqualTo(400);
            assertThat(noCard.body().string()).contains("cardId must be a card id (a whole number), not &#39;abc&#39;");
            assertThat(s.submit("/study/check", "cardId", "999", "answer", "x").code()).isEqualTo(404);
            Response badRating = s.submit("/study/practice-rate", "cardId", String.valueOf(site.rolloutCard),
                    "answer", "x", "seconds", "3", "rating", "7");
            assertThat(badRating.code()).isEqualTo(400);
            assertThat(badRating.body().string()).contains("rating must be 1 (Again)");
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM practice_attempt", Integer.class)).isZero();
        });
    }

    @Test
    void the_decks_practice_settings_save_mode_and_target_and_reject_an_unreadable_target() {
        site.run(s -> {
            assertThat(s.page("/decks/" + site.deploymentDeck + "/practice")).contains("Practice settings");
            Response saved = s.submit("/decks/" + site.deploymentDeck + "/practice", "mode", "on", "targetSeconds", "2m");
            assertThat(saved.code()).isEqualTo(303);
            assertThat(org.jsoup.Jsoup.parse(s.page(location(saved))).select(".flash[role=status]").text())
                    .isEqualTo("Saved the practice settings of Interview::Deployment.");
            assertThat(one(site.jdbi, "SELECT practice_mode || ',' || practice_target_seconds FROM deck WHERE id = "
                    + site.deploymentDeck, String.class)).isEqualTo("1,120");
            assertThat(s.page("/study?deck=" + site.deploymentDeck + "&card=" + site.healthCard))
                    .contains("data-target=\"120\"");

            Response badMode = s.submit("/decks/" + site.deploymentDeck + "/practice", "mode", "sometimes", "targetSeconds", "");
            assertThat(badMode.code()).isEqualTo(400);
            assertThat(badMode.body().string()).contains("practice mode must be auto, on or off");

            Response bad = s.submit("/decks/" + site.deploymentDeck + "/practice", "mode", "auto", "targetSeconds", "soon");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("target time &#39;soon&#39; is not a time like 90s");
            assertThat(one(site.jdbi, "SELECT practice_target_seconds FROM deck WHERE id = " + site.deploymentDeck,
                    Integer.class)).isEqualTo(120);
        });
    }

    @Test
    void the_check_shows_the_intervals_of_the_moment_the_question_was_shown_and_the_rating_gets_them() {
        site.run(s -> {
            long card = site.rolloutCard;
            s.submit("/study/rate", "cardId", String.valueOf(card), "rating", "3");
            site.clock.advance(Duration.ofMinutes(10));
            s.submit("/study/rate", "cardId", String.valueOf(card), "rating", "3");
            long due = one(site.jdbi, "SELECT due FROM card_state WHERE card_id = " + card, Long.class);
            site.clock.advance(Duration.ofMillis(due - site.clock.millis()).plusHours(3));
            long shownAt = site.clock.millis();
            site.clock.advance(Duration.ofSeconds(80));

            org.jsoup.nodes.Document reveal = org.jsoup.Jsoup.parse(s.submit("/study/check", "cardId", String.valueOf(card),
                    "answer", PARTIAL, "seconds", "80", "shownAt", String.valueOf(shownAt)).body().string());
            assertThat(reveal.select("#practice-rate input[name=shownAt]").attr("value")).isEqualTo(String.valueOf(shownAt));
            site.clock.advance(Duration.ofSeconds(25));
            for (String rating : new String[] {"2", "3", "4"}) {
                String label = reveal.select("#rate-" + rating + " .interval").text();
                s.submit("/study/practice-rate", "cardId", String.valueOf(card), "rating", rating, "answer", PARTIAL,
                        "seconds", "80", "shownAt", String.valueOf(shownAt));
                long interval = one(site.jdbi, "SELECT due_after - reviewed_at FROM review_log ORDER BY id DESC LIMIT 1",
                        Long.class);
                assertThat(dev.prepdeck.review.IntervalFormat.shortLabel(Duration.ofMillis(interval))).as("rating %s", rating)
                        .isEqualTo(label);
                s.submit("/study/undo");
            }
        });
    }
}
