package dev.prepdeck.study;

import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.practice.Recording;
import dev.prepdeck.practice.RecordingStore;
import dev.prepdeck.review.Learner;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Spoken answers: the practice and mock pages upload the recording when the learner stops it (a form POST with
 * the page's CSRF token, answered in JSON for the script), and the check, card and report pages play it back.
 */
public final class RecordingController {
    private final RecordingStore recordings;

    public RecordingController(RecordingStore recordings) {
        this.recordings = recordings;
    }

    public void upload(Context ctx) {
        long cardId = Params.requiredFormId(ctx, "cardId", "card");
        UploadedFile file = ctx.uploadedFile("audio");
        if (file == null || file.size() == 0) {
            refuse(ctx, HttpStatus.BAD_REQUEST, Messages.text(ctx, "recording.error.empty"));
            return;
        }
        if (file.size() > RecordingStore.MAX_BYTES) {
            refuse(ctx, HttpStatus.CONTENT_TOO_LARGE, Messages.text(ctx, "recording.error.size",
                    file.size() / (1024.0 * 1024.0), RecordingStore.MAX_BYTES / (1024 * 1024)));
            return;
        }
        if (!RecordingStore.accepts(file.contentType())) {
            refuse(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, Messages.text(ctx, "recording.error.type",
                    String.valueOf(file.contentType())));
            return;
        }
        byte[] audio;
        try (InputStream in = file.content()) {
            audio = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = recordings.save(Learner.DEFAULT_ID, cardId, file.contentType(), audio);
        ctx.status(HttpStatus.CREATED).json(Map.of("id", id, "url", "/study/recordings/" + id));
    }

    public void play(Context ctx) {
        long id = Params.pathId(ctx, "recordingId");
        Recording recording = recordings.find(Learner.DEFAULT_ID, id)
                .orElseThrow(() -> new NotFoundException("recording", id));
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        ctx.contentType(recording.mediaType()).result(recording.audio());
    }

    private static void refuse(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
