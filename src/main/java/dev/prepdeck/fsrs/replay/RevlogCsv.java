package dev.prepdeck.fsrs.replay;

import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.optimizer.CardHistory;
import dev.prepdeck.fsrs.optimizer.PastReview;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a review log CSV with a header naming at least {@code card_id}, {@code review_rating} (1-4) and
 * {@code review_time} (ISO-8601 with an offset, e.g. 2024-03-29T20:32:32.250000+00:00), and optionally
 * {@code review_duration} (milliseconds), in any column order; other columns are ignored. Fields must not
 * contain commas. Any problem is reported as {@code file:line: problem}.
 */
final class RevlogCsv {
    private RevlogCsv() {
    }

    /** One card's history per card id, in the order the cards first appear. */
    static List<CardHistory> read(Path file) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (NoSuchFileException e) {
            throw new RevlogException(file + ": no such file");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new RevlogException(file + ": not UTF-8 text");
            }
            throw new RevlogException(file + ": cannot be read: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw new RevlogException(file + ": cannot be read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new RevlogException(file + ":1: empty file; expected a header with card_id,review_rating,review_time");
        }
        String[] header = fields(lines.get(0).replace("\uFEFF", ""));
        int card = column(file, header, "card_id");
        int rating = column(file, header, "review_rating");
        int time = column(file, header, "review_time");
        int duration = optionalColumn(header, "review_duration");
        Map<String, List<PastReview>> byCard = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] cells = fields(line);
            if (cells.length != header.length) {
                throw new RevlogException(where + "expected " + header.length + " fields like the header, got "
                        + cells.length);
            }
            String cardId = cells[card];
            if (cardId.isEmpty()) {
                throw new RevlogException(where + "card_id is empty");
            }
            byCard.computeIfAbsent(cardId, id -> new ArrayList<>()).add(new PastReview(
                    instant(where, cells[time]), rating(where, cells[rating]),
                    duration < 0 ? Duration.ZERO : duration(where, cells[duration])));
        }
        return byCard.values().stream().map(CardHistory::new).toList();
    }

    private static String[] fields(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1);
            }
            cells[i] = cell;
        }
        return cells;
    }

    private static int column(Path file, String[] header, String name) {
        int index = optionalColumn(header, name);
        if (index < 0) {
            throw new RevlogException(file + ":1: no \"" + name + "\" column; the header needs "
                    + "card_id,review_rating,review_time (review_duration optional)");
        }
        return index;
    }

    private static int optionalColumn(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Instant instant(String where, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RevlogException(where + "review_time is not an ISO-8601 time with an offset: \"" + text + "\"");
        }
    }

    private static Rating rating(String where, String text) {
        try {
            return Rating.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new RevlogException(where + "review_rating must be 1, 2, 3 or 4, got \"" + text + "\"");
        } catch (IllegalArgumentException e) {
            throw new RevlogException(where + "review_" + e.getMessage());
        }
    }

    private static Duration duration(String where, String text) {
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            long millis = Long.parseLong(text);
            if (millis < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new RevlogException(where + "review_duration must be a whole number of milliseconds, got \""
                    + text + "\"");
        }
    }

    /** A review log that cannot be used, with a message naming the file and line. */
    static final class RevlogException extends RuntimeException {
        RevlogException(String message) {
            super(message);
        }
    }
}
