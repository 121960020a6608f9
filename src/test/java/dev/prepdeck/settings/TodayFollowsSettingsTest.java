package dev.prepdeck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing the time zone or the rollover hour moves "today" for the statistics (today's reviews, the streak, the
 * heatmap's days) and the due counts at once, through the API as a learner or client would change them.
 */
class TodayFollowsSettingsTest {
    /** 06:30 UTC on 8 March 2026: 01:30 in New York, half an hour before its clocks go forward. */
    private static final String NOW = "2026-03-08T06:30:00Z";
    /** The one review in the log: midnight EST, 19:00 in Kiritimati, 17:00 on the 7th at UTC-12. */
    private static final Instant REVIEWED = Instant.parse("2026-03-08T05:00:00Z");
    /** When one review card falls due: still 8 March in most places, already the 9th in Kiritimati. */
    private static final Instant DUE = Instant.parse("2026-03-08T15:00:00Z");

    @TempDir
    Path tempDir;

    /** What the pages say about today under one setting of zone and rollover hour. */
    record Today(String zone, int hour, String today, String reviewedOn, int reviewsToday, int streak, int due) {
    }

    @Test
    void today_moves_with_the_zone_and_the_rollover_hour_across_a_clock_change_and_the_date_line() {
        TestCollection collection = TestCollection.at(tempDir, NOW, "networking.md", TestData.NETWORKING_DECK);
        long reviewed = collection.cardWithUid("net-dns");
        long due = collection.cardWithUid("net-tcp-udp");
        review(collection, reviewed, REVIEWED);
        collection.jdbi().useHandle(h -> {
            h.createUpdate("""
                            UPDATE card_state SET state = 2, stability = 10, difficulty = 5, reps = 3, scheduled_days = 10,
                                   last_review = :last, due = :due WHERE card_id = :card""")
                    .bind("card", due).bind("last", DUE.minusSeconds(10 * 86_400).toEpochMilli())
                    .bind("due", DUE.toEpochMilli()).execute();
        });

        List<Today> expected = List.of(
                new Today("UTC", 4, "2026-03-08", "2026-03-08", 1, 1, 1),
                // 05:00 is before a 6 am rollover: the review was yesterday, and the streak waits for today
                new Today("UTC", 6, "2026-03-08", "2026-03-07", 0, 1, 1),
                // New York's 8 March is 23 hours long from midnight; from 4 am its 7th runs until 08:00 UTC
                new Today("America/New_York", 0, "2026-03-08", "2026-03-08", 1, 1, 1),
                new Today("America/New_York", 4, "2026-03-07", "2026-03-07", 1, 1, 0),
                new Today("America/New_York", 23, "2026-03-08", "2026-03-08", 1, 1, 1),
                // the date line: Kiritimati's 8 March ends at 14:00 UTC, before the card falls due
                new Today("Pacific/Kiritimati", 4, "2026-03-08", "2026-03-08", 1, 1, 0),
                new Today("Pacific/Kiritimati", 0, "2026-03-08", "2026-03-08", 1, 1, 0),
                // and on its far side it is still 7 March, which ends before 15:00 UTC too
                new Today("Pacific/Pago_Pago", 0, "2026-03-07", "2026-03-07", 1, 1, 0),
                new Today("Etc/GMT+12", 0, "2026-03-07", "2026-03-07", 1, 1, 0),
                new Today("Etc/GMT+12", 23, "2026-03-07", "2026-03-07", 1, 1, 0));

        collection.site(s -> {
            List<Today> seen = new ArrayList<>();
            for (Today setting : expected) {
                assertThat(s.putJson("/api/settings", "{\"timeZone\": \"" + setting.zone() + "\", \"rolloverHour\": "
                        + setting.hour() + "}").code()).isEqualTo(200);
                JsonNode stats = TestSite.json(s.get("/api/stats?days=7"));
                JsonNode heatmap = stats.get("heatmap");
                String reviewedOn = null;
                for (JsonNode day : heatmap) {
                    if (day.get("count").asInt() > 0) {
                        reviewedOn = day.get("date").asText();
                    }
                }
                int dueNow = 0;
                for (JsonNode deck : TestSite.json(s.get("/api/decks"))) {
                    if (deck.get("name").asText().equals("Interview::Networking")) {
                        dueNow = deck.get("due").asInt();
                    }
                }
                seen.add(new Today(setting.zone(), setting.hour(), heatmap.get(heatmap.size() - 1).get("date").asText(),
                        reviewedOn, stats.get("today").get("reviews").asInt(), stats.get("streakDays").asInt(), dueNow));
            }
            assertThat(seen).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void the_streak_counts_the_learners_own_days() {
        TestCollection collection = TestCollection.at(tempDir, "2026-03-08T14:00:00Z", "networking.md",
                TestData.NETWORKING_DECK);
        long card = collection.cardWithUid("net-dns");
        // 09:00 EST on the 6th and 7th, 09:30 EDT on the 8th: three mornings in New York
        for (String at : List.of("2026-03-06T14:00:00Z", "2026-03-07T14:00:00Z", "2026-03-08T13:30:00Z")) {
            review(collection, card, Instant.parse(at));
        }
        collection.site(s -> {
            assertThat(streak(s, "America/New_York", 4)).isEqualTo(3);
            // In Kiritimati they were 04:00 on the 7th, 04:00 on the 8th and 03:30 on the 9th, and it is now 04:00
            // on the 9th: from 4 am the last one still belongs to the 8th and today has no review yet
            assertThat(streak(s, "Pacific/Kiritimati", 4)).isEqualTo(2);
            // from midnight it is the 9th's, today's
            assertThat(streak(s, "Pacific/Kiritimati", 0)).isEqualTo(3);
        });
    }

    private static int streak(TestSite s, String zone, int hour) {
        assertThat(s.putJson("/api/settings", "{\"timeZone\": \"" + zone + "\", \"rolloverHour\": " + hour + "}")
                .code()).isEqualTo(200);
        return TestSite.json(s.get("/api/stats")).get("streakDays").asInt();
    }

    private static void review(TestCollection collection, long card, Instant at) {
        collection.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                            state_before, stability_before, difficulty_before, reps_before, lapses_before,
                            learning_steps_before, scheduled_days_before, elapsed_days_before, last_review_before,
                            due_before, state_after, stability_after, difficulty_after, scheduled_days_after, due_after)
                        VALUES (:card, 1, :at, 3, 0, 8000, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 1, 3, 5, 0, :at)""")
                .bind("card", card).bind("at", at.toEpochMilli()).execute());
    }
}
