package dev.prepdeck.study;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A mock interview through HTTP: choose decks, answer one by one, read the report, confirm the ratings. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MockInterviewTest {
    @Parameter
    TestDatabase database;

    private static final Pattern CARD_ID = Pattern.compile("name=\"cardId\" value=\"(\\d+)\"");

    @TempDir
    Path tempDir;

    PracticeSite site;

    @BeforeEach
    void setUp() {
        site = new PracticeSite(database, tempDir);
    }

    private static long cardOn(String page) {
        Matcher m = CARD_ID.matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void questions_come_one_by_one_without_the_answer_and_confirming_the_report_schedules_every_card() {
        site.run(s -> {
            assertThat(s.page("/")).contains("href=\"/mock\"");
            assertThat(s.page("/mock")).contains("Interview::Deployment").contains("Interview::Stories");

            Response started = s.submit("/mock", "deck", String.valueOf(site.deploymentDeck), "count", "2");
            assertThat(started.code()).isEqualTo(303);
            String run = location(started);
            assertThat(run).matches("/mock/run\\?cards=\\d+,\\d+");

            String first = s.page(run);
            assertThat(first).contains("question <span>1</span> of <span>2</span>")
                    .contains("id=\"practice-timer\"")
                    .doesNotContain("Promote gradually").doesNotContain("its model is loaded");
            long firstCard = cardOn(first);
            String cards = run.substring(run.indexOf("cards=") + 6);
            site.clock.advance(Duration.ofSeconds(40));
            Response answered = s.submit("/mock/answer", "cards", cards, "answers", "", "cardId", String.valueOf(firstCard),
                    "answer", "canary on a small share of traffic, keep the previous version ready to roll back", "seconds", "40");
            String next = location(answered);
            assertThat(next).startsWith("/mock/run?cards=" + cards + "&answers=");

            String second = s.page(next);
            assertThat(second).contains("question <span>2</span> of <span>2</span>").contains("Finish and see the report");
            long secondCard = cardOn(second);
            assertThat(secondCard).isNotEqualTo(firstCard);
            String answers = next.substring(next.indexOf("answers=") + 8);
            Response last = s.submit("/mock/answer", "cards", cards, "answers", answers, "cardId", String.valueOf(secondCard),
                    "answer", "", "seconds", "3");
            assertThat(location(s.get(location(last)))).startsWith("/mock/report?answers=");
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).as("nothing rated yet").isZero();

            String reportUrl = location(s.get(location(last)));
            String report = s.page(reportUrl);
            assertThat(report).contains("Mock interview report").contains("(nothing typed)").contains("0:40").contains("0:03")
                    .contains("Apply these ratings");
            assertThat(report).containsPattern("<option value=\"1\" selected=\"selected\">Again</option>");

            String allAnswers = reportUrl.substring(reportUrl.indexOf("answers=") + 8);
            String[] ids = allAnswers.split(",");
            Response confirmed = s.submit("/mock/confirm", "answers", allAnswers,
                    "rating-" + ids[0], "3", "rating-" + ids[1], "1");
            assertThat(confirmed.code()).isEqualTo(303);

            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(2);
            assertThat(TestData.list(site.jdbi, "SELECT r.rating FROM practice_attempt a "
                    + "JOIN review_log r ON r.id = a.review_id ORDER BY a.id", Integer.class)).containsExactly(3, 1);
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM card_state WHERE state = 1", Integer.class)).isEqualTo(2);
            String applied = s.page(location(confirmed));
            assertThat(org.jsoup.Jsoup.parse(applied).select(".flash[role=status]").text())
                    .isEqualTo("Applied 2 ratings to your schedule.");
            assertThat(applied).contains("These ratings have been applied").contains("rated Good").contains("rated Again")
                    .doesNotContain("Apply these ratings");

            Response again = s.submit("/mock/confirm", "answers", allAnswers, "rating-" + ids[0], "4", "rating-" + ids[1], "4");
            assertThat(again.code()).isEqualTo(400);
            assertThat(again.body().string()).contains("already been applied");
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(2);
            assertThat(s.page("/cards/" + firstCard)).contains("Past attempts").contains("canary on a small share");
        });
    }

    @Test
    void a_report_with_one_bad_rating_applies_none_of_them() {
        site.run(s -> {
            long card = site.rolloutCard;
            Response answered = s.submit("/mock/answer", "cards", String.valueOf(card), "answers", "",
                    "cardId", String.valueOf(card), "answer", "canary", "seconds", "5");
            String reportUrl = location(s.get(location(answered)));
            String id = reportUrl.substring(reportUrl.indexOf("answers=") + 8);
            Response bad = s.submit("/mock/confirm", "answers", id, "rating-" + id, "9");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("rating must be 1 (Again)");
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM review_log", Integer.class)).isZero();
        });
    }

    @Test
    void the_report_shows_the_model_answer_the_missed_and_covered_points_and_the_time_against_the_target() {
        site.run(s -> {
            long card = site.rolloutCard;
            Response answered = s.submit("/mock/answer", "cards", String.valueOf(card), "answers", "",
                    "cardId", String.valueOf(card), "answer", "Ship it as a canary to a small share of traffic and "
                            + "keep the previous version ready for a rollback.", "seconds", "120");
            org.jsoup.nodes.Document report = org.jsoup.Jsoup.parse(s.page(location(s.get(location(answered)))));

            assertThat(report.select(".mock-answer .model-answer").text())
                    .contains("Roll out in small steps and keep a way back.");
            assertThat(report.select(".mock-answer .typed-answer").text()).contains("Ship it as a canary");
            assertThat(report.select(".mock-points h3").text()).isEqualTo("Key points: 2 of 4 covered");
            assertThat(report.select(".mock-points li.missed").eachText()).containsExactly(
                    "Missed Compare latency, error rate and prediction quality against the current version.",
                    "Missed Promote gradually while dashboards and alerts stay green.");
            assertThat(report.select(".mock-points li.covered")).hasSize(2);
            assertThat(report.select(".mock-time.over").text()).as("120 s against the deck's 90 s")
                    .isEqualTo("2:00, 0:30 over the 1:30 target");
        });
    }

    @Test
    void time_within_the_target_reads_as_a_share_of_it() {
        assertThat(MockInterviewController.timeAgainstTarget(75, 90, Locale.ENGLISH)).isEqualTo("1:15 of a 1:30 target");
        assertThat(MockInterviewController.timeAgainstTarget(90, 90, Locale.ENGLISH)).isEqualTo("1:30 of a 1:30 target");
        assertThat(MockInterviewController.timeAgainstTarget(91, 90, Locale.ENGLISH)).isEqualTo("1:31, 0:01 over the 1:30 target");
        assertThat(MockInterviewController.timeAgainstTarget(91, 90, Locale.SIMPLIFIED_CHINESE)).isEqualTo("1:31，超出目标 1:30 共 0:01");
    }

    @Test
    void starting_without_decks_or_with_a_bad_count_explains_what_to_fix() {
        site.run(s -> {
            Response noDecks = s.submit("/mock", "count", "3");
            assertThat(noDecks.code()).isEqualTo(400);
            assertThat(noDecks.body().string()).contains("choose at least one deck");
            Response zero = s.submit("/mock", "deck", String.valueOf(site.storyDeck), "count", "0");
            assertThat(zero.body().string()).contains("number of questions must be between 1 and 50");
            Response words = s.submit("/mock", "deck", String.valueOf(site.storyDeck), "count", "many");
            assertThat(words.body().string()).contains("number of questions must be a whole number");
            Response wrongCard = s.submit("/mock/answer", "cards", String.valueOf(site.rolloutCard), "answers", "",
                    "cardId", String.valueOf(site.healthCard), "answer", "x");
            assertThat(wrongCard.code()).isEqualTo(400);
            assertThat(s.get("/mock/run?cards=1,x").code()).isEqualTo(400);
            assertThat(one(site.jdbi, "SELECT COUNT(*) FROM practice_attempt", Integer.class)).isZero();
        });
    }

    @Test
    void asking_for_more_questions_than_the_decks_hold_says_so_on_the_first_question() {
        site.run(s -> {
            Response started = s.submit("/mock", "deck", String.valueOf(site.deploymentDeck), "count", "5");
            org.jsoup.nodes.Document first = org.jsoup.Jsoup.parse(s.page(location(started)));

            assertThat(first.select(".breadcrumb").text()).isEqualTo("Mock interview · question 1 of 2");
            assertThat(first.select(".flash[role=status]").text()).isEqualTo("You asked for 5 questions, but the chosen "
                    + "decks have only 2 cards to ask, so this interview has 2 questions.");

            Response enough = s.submit("/mock", "deck", String.valueOf(site.deploymentDeck), "count", "2");
            assertThat(org.jsoup.Jsoup.parse(s.page(location(enough))).select(".flash")).as("nothing to say").isEmpty();
        });
    }

    private Path folder(String name) {
        try {
            return java.nio.file.Files.createDirectories(tempDir.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_report_never_suggests_more_than_hard_for_an_answer_that_swaps_roles_as_the_practice_check_does() {
        dev.prepdeck.TestCollection docker = dev.prepdeck.TestCollection.of(database, folder("docker"), "docker.md", """
                # Interview::Docker

                ## What is the difference between an image and a container?
                <!-- id: image-container -->

                - Image: a read-only template built from a Dockerfile.
                - Container: a running instance of an image, with its own writable layer.
                - Push images to a registry so other machines can pull them.
                - Tag every image with a version rather than latest.
                - Docker Compose starts several containers together from one file.
                """);
        long card = docker.cardWithUid("image-container");
        String swapped = "A container is the read-only template built from a Dockerfile, and an image is a running "
                + "instance of it with its own writable layer. Push images to a registry so other machines can pull "
                + "them, tag every image with a version rather than latest, and Docker Compose starts several "
                + "containers together from one file.";
        docker.site(s -> {
            String check = s.submit("/study/check", "cardId", String.valueOf(card), "answer", swapped, "seconds", "30")
                    .body().string();
            assertThat(org.jsoup.Jsoup.parse(check).select("#practice-suggested").text()).isEqualTo("Hard");
            Response answered = s.submit("/mock/answer", "cards", String.valueOf(card), "answers", "",
                    "cardId", String.valueOf(card), "answer", swapped, "seconds", "30");
            org.jsoup.nodes.Document report = org.jsoup.Jsoup.parse(s.page(location(s.get(location(answered)))));
            assertThat(report.select(".mock-answer select option[selected]").text()).isEqualTo("Hard");
        });
    }
}
