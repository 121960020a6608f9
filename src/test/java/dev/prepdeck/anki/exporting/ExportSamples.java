package dev.prepdeck.anki.exporting;

import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.ScheduledReview;
import dev.prepdeck.fsrs.Scheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** prepdeck cards with histories made by prepdeck's own scheduler, in every state, with media and hostile text. */
final class ExportSamples {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");
    static final FsrsParameters PARAMETERS = FsrsParameters.defaults().withEnableFuzz(false);
    static final String SQL_ANSWER = """
            Groups rows that share a value:

            | a | count |
            | --- | --- |
            | x | 2 |

            ```sql
            SELECT a, COUNT(*)
            FROM t GROUP BY a;
            ```

            - one row per group
              - aggregates per group
            - see ![plan](plan.png)

            [sound: say.mp3](say.mp3)""";

    private ExportSamples() {
    }

    record Studied(FsrsCard card, List<ExportReview> reviews) {
    }

    /** Reviews a new card with the given ratings, {@code gapsHours} apart, from {@code start}. */
    static Studied study(Instant start, double[] gapsHours, Rating... ratings) {
        Scheduler scheduler = new Scheduler(PARAMETERS);
        FsrsCard card = FsrsCard.newCard(start);
        List<ExportReview> reviews = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < ratings.length; i++) {
            at = at.plus(Duration.ofMinutes(Math.round(gapsHours[i] * 60)));
            ScheduledReview next = scheduler.next(card, at, ratings[i], ZONE);
            reviews.add(new ExportReview(at, ratings[i], 3000 + 1000 * i, card.state(), card.scheduledDays(),
                    next.card().scheduledDays(), next.card().due(), next.card().difficulty()));
            card = next.card();
        }
        return new Studied(card, reviews);
    }

    static int remainingSteps(FsrsCard card) {
        return switch (card.state()) {
            case LEARNING -> PARAMETERS.learningSteps().size() - card.learningSteps();
            case RELEARNING -> PARAMETERS.relearningSteps().size() - card.learningSteps();
            default -> 0;
        };
    }

    static ExportCard card(String uid, String deck, String question, String answer, List<String> tags, Studied studied,
            boolean suspended) {
        Instant created = Instant.parse("2026-01-05T08:00:00Z").plusSeconds(uid.hashCode() & 0xffff);
        ExportSchedule schedule = studied == null ? null
                : new ExportSchedule(studied.card(), remainingSteps(studied.card()), suspended, 0.9,
                        PARAMETERS.w()[20]);
        return new ExportCard(uid, deck, question, answer, tags, created, created.plus(Duration.ofDays(3)), schedule,
                studied == null ? List.of() : studied.reviews(), 0);
    }

    static List<ExportCard> cards() {
        Instant january = Instant.parse("2026-01-10T09:00:00Z");
        Studied review = study(january, new double[] {0, 0.2, 24, 24 * 5, 24 * 14}, Rating.GOOD, Rating.GOOD,
                Rating.GOOD, Rating.AGAIN, Rating.GOOD);
        Studied relearning = study(january.plusSeconds(3600), new double[] {0, 0.2, 24, 24 * 4}, Rating.GOOD, Rating.GOOD,
                Rating.GOOD, Rating.AGAIN);
        Studied learning = study(NOW.minus(Duration.ofMinutes(3)), new double[] {0}, Rating.AGAIN);
        Studied overdue = study(january.plusSeconds(7200), new double[] {0, 0.2}, Rating.EASY, Rating.GOOD);
        return List.of(
                card("sql.md#group-by", "Interview::SQL", "What does `GROUP BY` do?", SQL_ANSWER,
                        List.of("sql", "basics"), review, false),
                card("sql.md#joins", "Interview::SQL::Joins", "Name the **four** join types.",
                        "1. inner\n2. left\n3. right\n4. full", List.of("sql"), null, false),
                card("sql.md#having", "Interview::SQL", "When is `HAVING` used?", "After grouping.", List.of(),
                        learning, true),
                card("ml.md#drift", "Interview::ML", "What is *data drift*?", "The inputs change over time.",
                        List.of("ml"), relearning, false),
                card("ml.md#overdue", "Interview::ML", "Overdue card", "Still here.", List.of("ml"), overdue, false),
                card("odd.md#hostile", "Odd", "<script>alert('x')</script> and <img src=x onerror=alert(1)>",
                        "Fine & dandy < 3", List.of("odd"), null, false));
    }

    static List<MediaFile> media() {
        return List.of(new MediaFile("plan.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}),
                new MediaFile("say.mp3", "ID3 audio".getBytes(StandardCharsets.UTF_8)));
    }

    static ExportOptions options() {
        return new ExportOptions(ZONE, 4, NOW, null, java.util.Map.of("Interview", "Prepared with prepdeck"));
    }
}
