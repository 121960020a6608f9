package dev.prepdeck.fsrs.bench;

import dev.prepdeck.fsrs.optimizer.CardHistory;
import dev.prepdeck.fsrs.optimizer.PastReview;
import dev.prepdeck.fsrs.optimizer.ReviewLogFixture;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bigger review log for benchmarks, made from the shared real one: {@code copies} copies of every card,
 * copy k moved k * 400 days later plus a random 0-23 hours per card (seeded), so that study days, and with
 * them some elapsed days and items, differ between copies. Eight copies make 100,640 reviews.
 *
 * <p>{@code java -cp ... dev.prepdeck.fsrs.bench.LargerReviewLog OUT.csv [COPIES]} writes it as CSV for
 * tools/fsrs-optimizer-reference/fit.mjs.
 */
public final class LargerReviewLog {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private LargerReviewLog() {
    }

    public static List<CardHistory> cards(int copies) {
        List<CardHistory> original = ReviewLogFixture.cards();
        SplittableRandom random = new SplittableRandom(20251130);
        List<CardHistory> cards = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (CardHistory card : original) {
                Duration shift = Duration.ofDays(400L * copy).plusHours(copy == 0 ? 0 : random.nextInt(24));
                List<PastReview> moved = new ArrayList<>();
                for (PastReview review : card.reviews()) {
                    moved.add(new PastReview(review.time().plus(shift), review.rating(), review.duration()));
                }
                cards.add(new CardHistory(moved));
            }
        }
        return cards;
    }

    public static void main(String[] args) throws IOException {
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<CardHistory> cards = cards(copies);
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            out.write("card_id,review_rating,review_time,review_duration\n");
            for (int card = 0; card < cards.size(); card++) {
                for (PastReview review : cards.get(card).reviews()) {
                    out.write(card + "," + review.rating().value() + "," + ISO.format(review.time()) + ","
                            + review.duration().toMillis() + "\n");
                }
            }
        }
    }
}
