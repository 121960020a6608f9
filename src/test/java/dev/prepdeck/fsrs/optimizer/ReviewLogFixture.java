package dev.prepdeck.fsrs.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.fsrs.Rating;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The shared real review log (py-fsrs, MIT) and what fsrs-rs made of it, from src/test/resources. */
public final class ReviewLogFixture {
    static final String DIRECTORY = "/fsrs/optimizer/";
    static final String REVIEW_LOG = "py-fsrs_review_logs_josh_1711744352250_to_1728234780857.csv";

    private ReviewLogFixture() {
    }

    /** The log's cards, in first-appearance order (columns card_id,review_rating,review_time,review_duration). */
    public static List<CardHistory> cards() {
        Map<String, List<PastReview>> byCard = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(REVIEW_LOG), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                byCard.computeIfAbsent(cells[0], id -> new ArrayList<>()).add(new PastReview(
                        OffsetDateTime.parse(cells[2]).toInstant(), Rating.of(Integer.parseInt(cells[1])),
                        Duration.ofMillis(Long.parseLong(cells[3]))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byCard.values().stream().map(CardHistory::new).toList();
    }

    public static TrainingSet trainingSet() {
        return TrainingSet.of(cards(), DayCut.UTC_MIDNIGHT);
    }

    /** tools/fsrs-optimizer-reference/fit.mjs's output for the log. */
    static JsonNode fsrsRs() {
        try (InputStream in = open("fsrs-rs-reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        return Objects.requireNonNull(ReviewLogFixture.class.getResourceAsStream(DIRECTORY + name), name);
    }
}
