package dev.prepdeck.fsrs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Preview;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.ScheduledReview;
import dev.prepdeck.fsrs.Scheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scheduling throughput on one thread over the card mix in /fsrs/bench-cards.jsonl, the same mix
 * tools/fsrs-reference/bench.mjs times ts-fsrs on. Run as described in BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SchedulerBenchmark {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Param({"false", "true"})
    public boolean fuzz;

    private Scheduler scheduler;
    private FsrsCard[] cards;
    private Instant[] times;
    private Rating[] ratings;
    private int next;

    @Setup
    public void load() throws IOException {
        scheduler = new Scheduler(FsrsParameters.defaults().withEnableFuzz(fuzz));
        List<FsrsCard> cardList = new ArrayList<>();
        List<Instant> timeList = new ArrayList<>();
        List<Rating> ratingList = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SchedulerBenchmark.class.getResourceAsStream("/fsrs/bench-cards.jsonl")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode c = mapper.readTree(line);
                cardList.add(new FsrsCard(
                        dev.prepdeck.fsrs.State.valueOf(c.get("state").asText().toUpperCase()),
                        c.get("stability").doubleValue(), c.get("difficulty").doubleValue(),
                        c.get("reps").intValue(), c.get("lapses").intValue(), c.get("learning_steps").intValue(),
                        c.get("scheduled_days").intValue(), c.get("elapsed_days").intValue(),
                        c.get("last_review").isNull() ? null : Instant.parse(c.get("last_review").asText()),
                        Instant.parse(c.get("due").asText())));
                timeList.add(Instant.parse(c.get("now").asText()));
                ratingList.add(Rating.of(c.get("rating").intValue()));
            }
        }
        if (Integer.bitCount(cardList.size()) != 1) {
            throw new IllegalStateException("card mix size must be a power of two, got " + cardList.size());
        }
        cards = cardList.toArray(FsrsCard[]::new);
        times = timeList.toArray(Instant[]::new);
        ratings = ratingList.toArray(Rating[]::new);
    }

    /** What the review screen does: all four outcomes for one card. */
    @Benchmark
    public Map<Rating, ScheduledReview> previewOfFour() {
        int i = next++ & (cards.length - 1);
        return scheduler.preview(cards[i], times[i], UTC);
    }

    /** All four outcomes as numbers, without a card and log object per rating. */
    @Benchmark
    public Preview previewOutcomes() {
        int i = next++ & (cards.length - 1);
        return scheduler.previewOutcomes(cards[i], times[i], UTC);
    }

    /** What answering does: one outcome. */
    @Benchmark
    public ScheduledReview next() {
        int i = next++ & (cards.length - 1);
        return scheduler.next(cards[i], times[i], ratings[i], UTC);
    }
}
