package dev.prepdeck.ankisync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.TestPackages;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.PackageReader;
import dev.prepdeck.anki.importing.AnkiImport;
import dev.prepdeck.anki.importing.ImportOptions;
import dev.prepdeck.anki.importing.ImportedCard;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.Learner;
import dev.prepdeck.review.ReviewRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A package of several pages (the import reads and writes 500 cards at a time) stores what its conversion read whole
 * says, on each database: every card with its text, schedule and reviews, the statistics and search rows its reviews
 * and cards feed, its media once; and a card refused on the last page leaves the collection as it was.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class LargeImportTest {
    private static final int NOTES = 1_200;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private static AnkiSync anki(TestCollection collection) {
        return new AnkiSync(collection.jdbi(), new DeckRepository(), new ReviewRepository(),
                new MediaStore(collection.jdbi(), collection.clock()), collection.clock());
    }

    /** The cards as the import converts the package read whole, by uid. */
    private static Map<String, ImportedCard> expected(Path file, TestCollection collection) {
        try (AnkiPackage pkg = new PackageReader().open(file)) {
            return new AnkiImport().cards(pkg.collection(), ImportOptions.of(ZoneOffset.UTC, collection.clock().instant()))
                    .cards().stream().collect(Collectors.toMap(ImportedCard::uid, Function.identity()));
        }
    }

    /** A stored card with its state, as the comparison needs it. */
    record Stored(String uid, String deck, String question, String tags, State state, double stability,
            double difficulty, int reps, int lapses, int scheduledDays, Long lastReview, long due, boolean suspended,
            int reviews, Long firstReview, Long lastReviewLogged) {
    }

    @Test
    void every_card_schedule_review_and_statistic_of_a_package_of_several_pages_is_stored() throws Exception {
        AnkiCollection large = TestPackages.large(NOTES);
        Path file = TestPackages.schema18(large, TestPackages.sampleMedia(), Files.createDirectories(dir.resolve("pkg")));
        TestCollection collection = TestCollection.of(database, Files.createDirectories(dir.resolve("db")));
        Map<String, ImportedCard> expected = expected(file, collection);

        ImportReport report = anki(collection).importPackage(Learner.DEFAULT_ID, file, "Big");

        int reviews = expected.values().stream().mapToInt(card -> card.reviews().size()).sum();
        assertThat(expected.size()).as("more than two pages of cards").isGreaterThan(1_000);
        assertThat(report.added()).isEqualTo(expected.size());
        assertThat(report.skipped()).singleElement().asString().contains("big-1");
        assertThat(report.reviewsAdded()).isEqualTo(reviews);
        assertThat(report.mediaStored()).as("cat.png, shown on every 50th note, stored once").isEqualTo(1);

        List<Stored> stored = collection.jdbi().withHandle(h -> h.createQuery("""
                        SELECT c.uid, d.name AS deck, c.question, c.tags, s.state, s.stability, s.difficulty, s.reps,
                               s.lapses, s.scheduled_days, s.last_review, s.due, s.suspended,
                               (SELECT COUNT(*) FROM review_log r WHERE r.card_id = c.id) AS reviews,
                               (SELECT MIN(reviewed_at) FROM review_log r WHERE r.card_id = c.id) AS first_review,
                               (SELECT MAX(reviewed_at) FROM review_log r WHERE r.card_id = c.id) AS last_review_logged
                        FROM card c JOIN deck d ON d.id = c.deck_id JOIN card_state s ON s.card_id = c.id""")
                .mapTo(Stored.class).list());
        assertThat(stored).hasSize(expected.size());
        for (Stored card : stored) {
            ImportedCard want = expected.get(card.uid());
            FsrsCard fsrs = want.schedule().card();
            assertThat(card.deck()).isEqualTo("Big::" + want.deckName());
            assertThat(card.question()).isEqualTo(want.question().replace("](cat.png)", "](media/cat.png)"));
            assertThat(card.tags()).isEqualTo(String.join(", ", want.tags()));
            assertThat(card.state()).isEqualTo(fsrs.state());
            assertThat(card.stability()).isEqualTo(fsrs.stability());
            assertThat(card.difficulty()).isEqualTo(fsrs.difficulty());
            assertThat(card.reps()).isEqualTo(fsrs.reps());
            assertThat(card.lapses()).isEqualTo(fsrs.lapses());
            assertThat(card.scheduledDays()).isEqualTo(fsrs.scheduledDays());
            assertThat(card.lastReview()).isEqualTo(fsrs.lastReview() == null ? null : fsrs.lastReview().toEpochMilli());
            assertThat(card.due()).isEqualTo(fsrs.due().toEpochMilli());
            assertThat(card.suspended()).isEqualTo(want.schedule().suspended());
            assertThat(card.reviews()).as(card.uid()).isEqualTo(want.reviews().size());
            if (!want.reviews().isEmpty()) {
                assertThat(card.firstReview()).isEqualTo(want.reviews().get(0).reviewedAt().toEpochMilli());
                assertThat(card.lastReviewLogged())
                        .isEqualTo(want.reviews().get(want.reviews().size() - 1).reviewedAt().toEpochMilli());
            }
        }
        assertThat(collection.one("SELECT COALESCE(SUM(reviews), 0) FROM review_hour WHERE deck_id = 0", Long.class))
                .as("the statistics count every review once").isEqualTo(reviews);
        assertThat(collection.one("SELECT COALESCE(SUM(reviews), 0) FROM review_hour WHERE deck_id <> 0", Long.class))
                .as("and once in its deck").isEqualTo(reviews);
        assertThat(collection.list("""
                        SELECT deck_id || ' ' || hour || ' ' || reviews || ' ' || learning || ' ' || review || ' '
                               || relearning || ' ' || young || ' ' || young_passed || ' ' || mature || ' '
                               || mature_passed || ' ' || duration_ms
                        FROM review_hour ORDER BY deck_id, hour""", String.class))
                .as("the statistics roll-up as its trigger keeps it, row by row").isEqualTo(collection.list("""
                        SELECT deck_id || ' ' || hour || ' ' || COUNT(*) || ' ' || SUM(CASE WHEN state_before IN (0, 1)
                                   THEN 1 ELSE 0 END) || ' ' || SUM(CASE WHEN state_before = 2 THEN 1 ELSE 0 END)
                               || ' ' || SUM(CASE WHEN state_before = 3 THEN 1 ELSE 0 END) || ' '
                               || SUM(CASE WHEN state_before = 2 AND scheduled_days_before < 21 THEN 1 ELSE 0 END)
                               || ' ' || SUM(CASE WHEN state_before = 2 AND scheduled_days_before < 21
                                   AND rating >= 2 THEN 1 ELSE 0 END) || ' '
                               || SUM(CASE WHEN state_before = 2 AND scheduled_days_before >= 21 THEN 1 ELSE 0 END)
                               || ' ' || SUM(CASE WHEN state_before = 2 AND scheduled_days_before >= 21
                                   AND rating >= 2 THEN 1 ELSE 0 END) || ' ' || SUM(duration_ms)
                        FROM (SELECT c.deck_id, r.reviewed_at / 3600000 AS hour, r.state_before, r.scheduled_days_before,
                                     r.rating, r.duration_ms
                              FROM review_log r JOIN card c ON c.id = r.card_id
                              UNION ALL
                              SELECT 0, reviewed_at / 3600000, state_before, scheduled_days_before, rating, duration_ms
                              FROM review_log) logged
                        GROUP BY deck_id, hour ORDER BY deck_id, hour""", String.class));
        assertThat(collection.one("SELECT COUNT(*) FROM card_recall", Integer.class)).isEqualTo(expected.size());
        assertThat(collection.one("SELECT COUNT(*) FROM card_text", Integer.class))
                .as("every card indexed for search").isEqualTo(expected.size());
        assertThat(collection.one("SELECT COUNT(DISTINCT card_id) FROM card_tag WHERE tag = 'big'", Integer.class))
                .isEqualTo(expected.size());

        ImportReport again = anki(collection).importPackage(Learner.DEFAULT_ID, file, "Big");
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(expected.size());
        assertThat(collection.one("SELECT COUNT(*) FROM review_log", Integer.class)).isEqualTo(reviews);
    }

    @Test
    void a_card_refused_on_the_last_page_leaves_the_collection_as_it_was() throws Exception {
        // the package's last notes go to Late, which a deck file owns here
        TestCollection collection = TestCollection.of(database, Files.createDirectories(dir.resolve("db")), "late.md", """
                # Big::Late

                ## aller
                to go
                """);
        Map<String, Long> before = collection.rowCounts();
        Path file = TestPackages.schema11(TestPackages.large(NOTES), TestPackages.sampleMedia(),
                Files.createDirectories(dir.resolve("pkg")));

        assertThatThrownBy(() -> anki(collection).importPackage(Learner.DEFAULT_ID, file, "Big"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("late.md");
        assertThat(collection.rowCounts()).isEqualTo(before);
    }
}
