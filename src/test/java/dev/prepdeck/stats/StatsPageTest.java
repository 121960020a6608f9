package dev.prepdeck.stats;

import dev.prepdeck.review.Learner;
import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckService;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The stats page, its API and the CSV exports over HTTP, as a browser or a script uses them. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class StatsPageTest {
    @Parameter
    TestDatabase database;

    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);
    private static final List<String> CHARTS = List.of("chart-heatmap", "chart-reviews", "chart-forecast", "chart-states",
            "chart-stability", "chart-difficulty", "chart-mastery", "chart-coverage", "chart-hourly");

    @TempDir
    Path tempDir;

    StatsLog log;
    long card;

    @BeforeEach
    void setUp() {
        log = new StatsLog(database, tempDir, "2026-03-10T10:00:00Z");
        card = log.card("Interview::Networking", 0);
        log.review(card, "2026-03-10T05:00:00Z", 3, 2, 5);
        log.review(card, "2026-03-09T05:00:00Z", 1, 2, 30);
        log.state(card, 2, 8, 8, 1.0, Instant.parse("2026-03-12T10:00:00Z"), false);
        log.jdbi.useHandle(h -> h.execute("""
                INSERT INTO practice_attempt (card_id, learner_id, attempted_at, answer, seconds, coverage, key_points)
                VALUES (?, 1, ?, 'It maps names to addresses', 40, 0.5, '[]'),
                       (?, 1, ?, 'Names to IP addresses, cached', 35, 1.0, '[]')""",
                card, Instant.parse("2026-03-10T06:00:00Z").toEpochMilli(),
                card, Instant.parse("2026-03-10T07:00:00Z").toEpochMilli()));
    }

    private void site(TestSite.SiteTest test) {
        log.collection.site(test);
    }

    /** Every inline SVG of a page, parsed as XML: a chart that is not well-formed fails here. */
    private static List<Element> svgs(String page) throws Exception {
        List<Element> result = new ArrayList<>();
        Matcher m = SVG.matcher(page);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        while (m.find()) {
            Document doc = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
            result.add(doc.getDocumentElement());
        }
        return result;
    }

    @Test
    void every_chart_is_on_the_stats_page_as_well_formed_accessible_svg() {
        site(s -> {
            for (String days : List.of("30", "90", "365")) {
                List<Element> charts = svgs(s.page("/stats?days=" + days));
                assertThat(charts).extracting(e -> e.getAttribute("aria-labelledby").split(" ")[0])
                        .containsExactlyElementsOf(CHARTS.stream().map(id -> id + "-title").toList());
                for (Element chart : charts) {
                    assertThat(chart.getAttribute("role")).isEqualTo("img");
                    assertThat(chart.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
                    assertThat(chart.getElementsByTagName("desc").item(0).getTextContent()).isNotBlank();
                }
            }
        });
    }

    @Test
    void the_stats_page_shows_retention_and_the_data_behind_each_chart() {
        site(s -> {
            String page = s.page("/stats?days=30");
            assertThat(page).contains("True retention").contains("100.0%").contains("0.0%");
            assertThat(page).contains("Review calendar as a table").contains("Answer coverage as a table");
            assertThat(page).contains("<td>2026-03-10</td><td>2</td><td>75.0%</td>"); // coverage (0.5 + 1.0) / 2
            assertThat(page).doesNotContain("style=");
        });
    }

    @Test
    void the_deck_filter_narrows_every_figure_to_the_deck_and_its_sub_decks() {
        site(s -> {
            long parent = log.deck("Interview");
            long other = log.deck("数据库");
            JsonNode mine = json(s.get("/api/stats?deck=" + parent));
            JsonNode theirs = json(s.get("/api/stats?deck=" + other));
            assertThat(mine.at("/today/reviews").asInt()).isEqualTo(1);
            assertThat(theirs.at("/today/reviews").asInt()).isZero();
            assertThat(mine.get("decks")).extracting(d -> d.get("name").asText())
                    .containsExactly("Interview", "Interview::Networking");
            assertThat(s.page("/stats?deck=" + other)).contains("Statistics of 数据库");
        });
    }

    @Test
    void the_api_answers_the_documented_shape() {
        site(s -> {
            Response response = s.get("/api/stats?days=7");
            assertThat(response.code()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("today").fieldNames()).toIterable().containsExactly("reviews", "seconds", "due", "new");
            assertThat(body.at("/today/reviews").asInt()).isEqualTo(1);
            assertThat(body.at("/today/seconds").asInt()).isEqualTo(10);
            assertThat(body.get("streakDays").asInt()).isEqualTo(2);
            assertThat(body.get("heatmap")).hasSize(7);
            assertThat(body.at("/heatmap/6/date").asText()).isEqualTo("2026-03-10");
            assertThat(body.at("/heatmap/6/count").asInt()).isEqualTo(1);
            assertThat(body.get("forecast")).hasSize(30);
            assertThat(body.at("/forecast/2").toString()).isEqualTo("{\"date\":\"2026-03-12\",\"due\":1}");
            assertThat(body.at("/retention/0").toString())
                    .isEqualTo("{\"period\":\"today\",\"young\":1.0,\"mature\":null,\"all\":1.0}");
            assertThat(body.at("/retention/1/mature").asDouble()).isZero();
            assertThat(body.get("states").toString())
                    .isEqualTo("{\"new\":4,\"learning\":0,\"young\":1,\"mature\":0,\"suspended\":0}");
            assertThat(body.get("decks")).extracting(d -> d.get("name").asText())
                    .containsExactly("Interview", "Interview::Networking", "数据库");
            assertThat(body.at("/decks/1/mastery").asDouble()).isEqualTo(1 / 3.0);
            assertThat(body.at("/decks/1/due").isInt()).isTrue();
        });
    }

    @Test
    void bad_filters_get_a_json_error_naming_the_problem() {
        site(s -> {
            for (String days : List.of("0", "366", "abc", "7.5")) {
                Response bad = s.get("/api/stats?days=" + days);
                assertThat(bad.code()).as("days=" + days).isEqualTo(400);
                assertThat(json(bad).get("error").asText()).contains("days must be a whole number from 1 to 365");
            }
            Response unknown = s.get("/api/stats?deck=999");
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(json(unknown).get("error").asText()).isEqualTo("no deck with id 999");
            Response malformed = s.get("/api/stats?deck=dns");
            assertThat(malformed.code()).isEqualTo(400);
            assertThat(json(malformed).get("error").asText()).isEqualTo("deck must be a deck id (a whole number), not 'dns'");
            assertThat(s.get("/stats?days=abc").code()).isEqualTo(400);
            assertThat(s.get("/stats?deck=999").code()).isEqualTo(404);
        });
    }

    @Test
    void reviews_per_day_export_as_csv_one_line_per_study_day() {
        site(s -> {
            Response response = s.get("/stats/reviews-per-day.csv?days=3");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type").get(0)).isEqualTo("text/csv; charset=utf-8");
            assertThat(response.body().string()).isEqualTo("""
                    date,learning,review,relearning,total,seconds\r
                    2026-03-08,0,0,0,0,0\r
                    2026-03-09,0,1,0,1,10\r
                    2026-03-10,0,1,0,1,10\r
                    """);
        });
    }

    @Test
    void the_review_log_exports_as_utf8_csv_with_quoted_fields() {
        long deckId = log.deck("数据库");
        long tricky = new DeckService(log.jdbi, new DeckRepository(), log.clock)
                .addCard(Learner.DEFAULT_ID, deckId, new DeckService.CardInput("Say \"hello\", then wave?", "Wave.", List.of()));
        log.review(tricky, "2026-03-10T08:00:00Z", 4, 0, 0);
        site(s -> {
            Response response = s.get("/stats/review-log.csv?deck=" + deckId);
            String csv = response.body().string();
            String[] lines = csv.split("\r\n");
            assertThat(lines[0]).startsWith("review_id,reviewed_at_utc,reviewed_at_local,deck,card_uid,question,rating");
            assertThat(csv).contains(",2026-03-10T08:00:00Z,2026-03-10 08:00:00,数据库,")
                    .contains(",\"Say \"\"hello\"\", then wave?\",easy,new,review,");
            assertThat(csv).doesNotContain("Interview::Networking");
            assertThat(json(s.get("/api/stats")).get("today").get("reviews").asInt()).isEqualTo(2);
            assertThat(s.page("/stats/review-log.csv").split("\r\n")).hasSize(4);
        });
    }

    @Test
    void the_dashboard_header_shows_todays_work_and_the_streak() {
        site(s -> {
            String page = s.page("/");
            assertThat(page).contains("<dt>Reviews done today</dt><dd>1</dd>")
                    .contains("<dt>Time today</dt><dd>0 min</dd>")
                    .contains("<dt>Streak</dt><dd>2 days</dd>")
                    .contains("<dt>New available</dt>")
                    .contains("<dt>Due today</dt>")
                    .contains("href=\"/stats\"");
        });
    }

    @Test
    void an_interview_date_is_saved_validated_and_projected_on_the_dashboard() {
        long deckId = log.deck("Interview::Networking");
        site(s -> {
            String form = s.page("/decks/" + deckId + "/settings");
            assertThat(form).contains("name=\"interviewDate\"");

            Response bad = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "interviewDate", "2026-02-30");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("interview date &#39;2026-02-30&#39; is not a real date");

            Response ok = s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "interviewDate", "2026-03-20");
            assertThat(ok.code()).isEqualTo(303);
            String dashboard = s.page("/");
            assertThat(dashboard).contains("interview on <span>2026-03-20</span>")
                    .contains("3 of 3 cards will be at 90% recall");
            assertThat(s.page("/decks/" + deckId + "/settings")).contains("value=\"2026-03-20\"");

            s.submit("/decks/" + deckId + "/settings", "newPerDay", "20", "reviewsPerDay", "200", "interviewDate", "");
            assertThat(s.page("/")).doesNotContain("interview on");
        });
    }

    @Test
    void the_card_page_draws_the_cards_recall_curve_with_its_reviews() {
        site(s -> {
            List<Element> svgs = svgs(s.page("/cards/" + card));
            assertThat(svgs).hasSize(1);
            Element curve = svgs.get(0);
            assertThat(curve.getAttribute("role")).isEqualTo("img");
            assertThat(curve.getElementsByTagName("desc").item(0).getTextContent()).startsWith("2 reviews from 2026-03-09");
            assertThat(curve.getElementsByTagName("circle").getLength()).isEqualTo(2);
            assertThat(svgs(s.page("/cards/" + log.card("Interview::Networking", 1)))).isEmpty();
        });
    }
}
