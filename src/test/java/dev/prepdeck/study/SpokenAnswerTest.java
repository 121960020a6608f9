package dev.prepdeck.study;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import dev.prepdeck.practice.RecordingStore;
import io.javalin.testtools.Response;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A spoken answer is uploaded, carried through the check to the rating, kept with the attempt and played back. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SpokenAnswerTest {
    @Parameter
    TestDatabase database;

    /** Not real Opus, which the server never decodes: bytes it must store and give back unchanged. */
    private static final byte[] AUDIO = "\u001aE\u00df\u00a3 webm bytes of a spoken answer".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @TempDir
    Path tempDir;
    private PracticeSite site;

    @BeforeEach
    void setUp() {
        site = new PracticeSite(database, tempDir);
    }

    private static long uploaded(TestSite s, long card, String type, byte[] audio) {
        Response response = s.upload("/study/recordings", "audio", "answer", type, audio, "cardId", String.valueOf(card));
        assertThat(response.code()).as("upload").isEqualTo(201);
        return TestSite.json(response).path("id").asLong();
    }

    @Test
    void a_recording_goes_from_the_check_to_the_rating_to_the_card_page_and_undo_removes_it() {
        site.run(s -> {
            long recording = uploaded(s, site.rolloutCard, "audio/webm;codecs=opus", AUDIO);
            HttpResponse<byte[]> played = s.getBytes("/study/recordings/" + recording);
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.headers().firstValue("Content-Type").orElse("")).startsWith("audio/webm");
            assertThat(played.body()).isEqualTo(AUDIO);

            Document reveal = Jsoup.parse(s.submit("/study/check", "cardId", String.valueOf(site.rolloutCard),
                    "deck", String.valueOf(site.deploymentDeck), "answer", "a canary first", "seconds", "20",
                    "recording", String.valueOf(recording)).body().string());
            assertThat(reveal.select("audio.spoken-answer").attr("src")).isEqualTo("/study/recordings/" + recording);
            assertThat(reveal.select("#practice-rate input[name=recording]").val()).isEqualTo(String.valueOf(recording));

            s.submit("/study/practice-rate", "cardId", String.valueOf(site.rolloutCard), "rating", "3",
                    "answer", "a canary first", "seconds", "20", "recording", String.valueOf(recording));
            long attempt = one(site.jdbi, "SELECT id FROM practice_attempt", Long.class);
            assertThat(one(site.jdbi, "SELECT attempt_id FROM practice_recording WHERE id = " + recording, Long.class))
                    .isEqualTo(attempt);
            assertThat(Jsoup.parse(s.page("/cards/" + site.rolloutCard)).select(".attempt audio.spoken-answer").attr("src"))
                    .isEqualTo("/study/recordings/" + recording);

            s.submit("/study/undo");
            assertThat(one(site.jdbi, "SELECT count(*) FROM practice_recording", Integer.class)).isZero();
            assertThat(s.getBytes("/study/recordings/" + recording).statusCode()).isEqualTo(404);
        });
    }

    @Test
    void a_spoken_mock_answer_is_played_back_in_the_report() {
        site.run(s -> {
            long card = site.rolloutCard;
            long recording = uploaded(s, card, "audio/ogg", AUDIO);
            Response answered = s.submit("/mock/answer", "cards", String.valueOf(card), "answers", "",
                    "cardId", String.valueOf(card), "answer", "canary", "seconds", "5", "recording", String.valueOf(recording));
            Document report = Jsoup.parse(s.page(location(s.get(location(answered)))));
            assertThat(report.select(".mock-answer audio.spoken-answer").attr("src")).isEqualTo("/study/recordings/" + recording);
        });
    }

    @Test
    void a_recording_id_for_another_card_is_not_taken_by_this_answer() {
        site.run(s -> {
            long otherCard = uploaded(s, site.healthCard, "audio/webm", AUDIO);
            s.submit("/study/practice-rate", "cardId", String.valueOf(site.rolloutCard), "rating", "3",
                    "answer", "canary", "seconds", "5", "recording", String.valueOf(otherCard));
            assertThat(one(site.jdbi, "SELECT attempt_id FROM practice_recording WHERE id = " + otherCard, Long.class)).isNull();
        });
    }

    @Test
    void unusable_recordings_are_refused_in_json_naming_the_problem_and_nothing_is_stored() {
        site.run(s -> {
            Response wrongType = s.upload("/study/recordings", "audio", "answer", "text/html", AUDIO,
                    "cardId", String.valueOf(site.rolloutCard));
            assertThat(wrongType.code()).isEqualTo(415);
            assertThat(TestSite.json(wrongType).path("error").asText())
                    .isEqualTo("A recording must be WebM, Ogg or MP4 audio, not text/html.");
            Response empty = s.upload("/study/recordings", "audio", "answer", "audio/webm", new byte[0],
                    "cardId", String.valueOf(site.rolloutCard));
            assertThat(empty.code()).isEqualTo(400);
            assertThat(TestSite.json(empty).path("error").asText()).isEqualTo("The recording is empty: nothing was recorded.");
            byte[] long_ = new byte[RecordingStore.MAX_BYTES + 1];
            Arrays.fill(long_, (byte) 7);
            Response tooLong = s.upload("/study/recordings", "audio", "answer", "audio/webm", long_,
                    "cardId", String.valueOf(site.rolloutCard));
            assertThat(tooLong.code()).isEqualTo(413);
            assertThat(TestSite.json(tooLong).path("error").asText())
                    .isEqualTo("The recording is 3 MB; a recording can be at most 3 MB (about ten minutes).");
            Response noCard = s.upload("/study/recordings", "audio", "answer", "audio/webm", AUDIO, "cardId", "999");
            assertThat(noCard.code()).isEqualTo(404);
            Response crossSite = s.submitWithoutToken("/study/recordings", "cardId", String.valueOf(site.rolloutCard));
            assertThat(crossSite.code()).isEqualTo(403);
            assertThat(one(site.jdbi, "SELECT count(*) FROM practice_recording", Integer.class)).isZero();
        });
    }

    @Test
    void a_recording_never_attached_to_an_answer_is_cleared_a_day_later() {
        site.run(s -> {
            long abandoned = uploaded(s, site.rolloutCard, "audio/webm", AUDIO);
            site.clock.advance(java.time.Duration.ofHours(25));
            long kept = uploaded(s, site.rolloutCard, "audio/webm", AUDIO);
            assertThat(kept).as("a new recording never takes an old one's id").isNotEqualTo(abandoned);
            assertThat(s.getBytes("/study/recordings/" + abandoned).statusCode()).isEqualTo(404);
            assertThat(s.getBytes("/study/recordings/" + kept).statusCode()).isEqualTo(200);
        });
    }
}
