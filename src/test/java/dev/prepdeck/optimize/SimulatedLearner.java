package dev.prepdeck.optimize;

import dev.prepdeck.review.Learner;
import dev.prepdeck.TestClock;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.review.CardSchedule;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * A learner who studies a deck day after day through the app's own review service, so the review log and every
 * card's state are exactly what studying made them. Whether she recalls a card is drawn from FSRS's forgetting
 * curve with her own memory: {@code memoryFactor} times the stability the scheduler believes, so a fit to her
 * reviews moves away from the default weights. Seeded: the same arguments give the same history.
 */
public final class SimulatedLearner {
    /** The study days start here, at 09:00 UTC (the test learner's day rolls over at 4 am UTC). */
    public static final Instant FIRST_DAY = Instant.parse("2026-01-05T09:00:00Z");
    private static final double DECAY = 0.1542;
    private static final double FACTOR = Math.pow(0.9, -1 / DECAY) - 1;

    private SimulatedLearner() {
    }

    /** A deck file named {@code name} with {@code cards} question cards. */
    public static String deck(String name, int cards) {
        StringBuilder text = new StringBuilder("# " + name + "\n\n");
        for (int i = 1; i <= cards; i++) {
            text.append("## ").append(name).append(" question ").append(i).append("?\n\nAnswer ").append(i).append(".\n\n");
        }
        return text.toString();
    }

    /**
     * Studies every deck of {@code collection} (all due cards, then new ones within the daily limits) once a day
     * for {@code days} days, learning steps included; the clock ends on the last study day.
     */
    public static void study(TestCollection collection, int days, double memoryFactor, long seed) {
        study(collection.jdbi(), collection.clock(), days, memoryFactor, seed);
    }

    /** {@link #study(TestCollection, int, double, long)} on a database and clock, e.g. a browser test's site's. */
    public static void study(Jdbi jdbi, TestClock clock, int days, double memoryFactor, long seed) {
        ReviewService reviews = new ReviewService(jdbi, new DeckRepository(), new ReviewRepository(), clock);
        SplittableRandom random = new SplittableRandom(seed);
        // One transaction on one connection: the same reads and writes as studying, without a connection per call.
        jdbi.useTransaction(h -> {
            for (int day = 0; day < days; day++) {
                Instant start = FIRST_DAY.plus(Duration.ofDays(day));
                Instant end = start.plus(Duration.ofHours(12));
                clock.set(start);
                while (true) {
                    StudyQueue queue = reviews.next(h, Learner.DEFAULT_ID, null);
                    if (queue.isDone()) {
                        if (queue.nextDue() == null || !queue.nextDue().isBefore(end)
                                || queue.nextDue().isAfter(clock.instant().plus(Duration.ofHours(1)))) {
                            break;
                        }
                        clock.set(queue.nextDue());
                        continue;
                    }
                    CardSchedule card = queue.card().schedule();
                    reviews.rate(h, Learner.DEFAULT_ID, card.cardId(), rating(card, clock.instant(), memoryFactor, random),
                            6_000 + random.nextInt(20_000), null);
                    clock.advance(Duration.ofSeconds(20));
                }
            }
        });
    }

    private static Rating rating(CardSchedule card, Instant now, double memoryFactor, SplittableRandom random) {
        double u = random.nextDouble();
        if (card.state() == State.NEW) {
            return u < 0.2 ? Rating.AGAIN : u < 0.3 ? Rating.HARD : u < 0.9 ? Rating.GOOD : Rating.EASY;
        }
        double days = card.lastReview() == null ? 0 : (now.toEpochMilli() - card.lastReview()) / 86_400_000.0;
        double stability = memoryFactor * Math.max(card.stability(), 0.1);
        double recall = Math.pow(1 + FACTOR * days / stability, -DECAY);
        if (random.nextDouble() >= recall) {
            return Rating.AGAIN;
        }
        return u < 0.08 ? Rating.HARD : u < 0.9 ? Rating.GOOD : Rating.EASY;
    }

    /**
     * The month of study the Optimize and fsrs command tests fit: decks Interview and Interview::SQL of 30 cards and
     * Other of 15, in {@code folder} on {@code database}, studied for 30 days from {@link #FIRST_DAY}.
     */
    public static TestCollection aMonthOfStudy(TestDatabase database, Path folder) {
        TestCollection studied = TestCollection.at(database, folder, FIRST_DAY.toString(),
                "interview.md", deck("Interview", 30),
                "sql.md", deck("Interview::SQL", 30),
                "other.md", deck("Other", 15));
        study(studied, 30, 3.0, 7);
        return studied;
    }

    /** A copy of a studied collection's database in {@code folder}, opened with its clock where the study ended. */
    public static TestCollection copy(TestCollection studied, Path studiedFolder, Path folder) {
        return TestCollection.copyOf(studied, studiedFolder, folder);
    }
}
