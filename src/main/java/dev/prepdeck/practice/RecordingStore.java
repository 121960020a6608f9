package dev.prepdeck.practice;

import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Spoken answers. The page uploads a recording when the learner stops it, before the answer is checked; rating it
 * (or handing in a mock answer) attaches it to the attempt in that transaction. What is never attached is a
 * recording of an answer nobody finished, removed after a day.
 */
public final class RecordingStore {
    /** About ten minutes of speech at the 32 kbit/s the page asks for, and under the 4 MB any request may carry. */
    public static final int MAX_BYTES = 3 * 1024 * 1024;
    /** The containers browsers' MediaRecorder writes (Chrome and Firefox: WebM or Ogg with Opus; Safari: MP4). */
    static final Set<String> MEDIA_TYPES = Set.of("audio/webm", "audio/ogg", "audio/mp4");
    private static final Duration UNATTACHED_KEPT = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Clock clock;

    public RecordingStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Keeps a recording of the learner's answer to {@code cardId}, returning its id for the answer's form. The media
     * type may carry codec parameters ("audio/webm;codecs=opus"): the container decides.
     */
    public long save(long learnerId, long cardId, String mediaType, byte[] audio) {
        String container = container(mediaType);
        if (!accepts(mediaType)) {
            throw new InvalidInputException("audio", "a recording must be audio/webm, audio/ogg or audio/mp4, not '"
                    + (mediaType == null ? "" : mediaType) + "'");
        }
        if (audio.length == 0) {
            throw new InvalidInputException("audio", "the recording is empty");
        }
        if (audio.length > MAX_BYTES) {
            throw new InvalidInputException("audio", "the recording is " + megabytes(audio.length)
                    + " MB; a recording can be at most " + megabytes(MAX_BYTES) + " MB (about ten minutes)");
        }
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT count(*) FROM card WHERE id = :card AND deck_id NOT IN ("
                    + DeckRepository.HIDDEN_DECKS + ")").bind("card", cardId).bind("viewer", learnerId)
                    .mapTo(Integer.class).one() == 0) {
                throw new NotFoundException("card", cardId);
            }
            h.createUpdate("DELETE FROM practice_recording WHERE attempt_id IS NULL AND recorded_at < :before")
                    .bind("before", now - UNATTACHED_KEPT.toMillis()).execute();
            return h.createUpdate("""
                            INSERT INTO practice_recording (learner_id, card_id, recorded_at, media_type, audio)
                            VALUES (:learner, :card, :now, :type, :audio)""")
                    .bind("learner", learnerId).bind("card", cardId).bind("now", now).bind("type", container)
                    .bind("audio", audio)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    /** Whether a recording of this media type is kept: one of the containers browsers record into. */
    public static boolean accepts(String mediaType) {
        return MEDIA_TYPES.contains(container(mediaType));
    }

    private static String container(String mediaType) {
        return mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The learner's recording {@code id}; another learner's is as absent as one that never existed. */
    public Optional<Recording> find(long learnerId, long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, card_id, media_type, audio FROM practice_recording
                        WHERE id = :id AND learner_id = :learner""")
                .bind("id", id).bind("learner", learnerId)
                .map((rs, ctx) -> new Recording(rs.getLong("id"), rs.getLong("card_id"), rs.getString("media_type"),
                        rs.getBytes("audio")))
                .findOne());
    }

    /**
     * Attaches an uploaded recording to the attempt it was the answer of, on the caller's transaction. Only the same
     * learner's unattached recording of the same card is taken; anything else is left alone (a stale or foreign id in
     * a form must not move someone's recording).
     */
    static void attach(Handle h, Long recordingId, long learnerId, long cardId, long attemptId) {
        if (recordingId == null) {
            return;
        }
        h.createUpdate("""
                        UPDATE practice_recording SET attempt_id = :attempt
                        WHERE id = :id AND learner_id = :learner AND card_id = :card AND attempt_id IS NULL""")
                .bind("attempt", attemptId).bind("id", recordingId).bind("learner", learnerId).bind("card", cardId)
                .execute();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
