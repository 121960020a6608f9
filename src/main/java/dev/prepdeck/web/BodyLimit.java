package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * One size limit for every request body, form, upload or JSON. A body announced as larger is refused before a byte
 * of it is read; one that grows past the limit without saying so is cut off by Javalin (forms, JSON) or Jetty
 * (multipart, which it would otherwise spool to disk whatever its size).
 */
final class BodyLimit {
    /**
     * The limit in MB. The biggest body a person sends is the save form of a notes import: 512 KB of notes come
     * back as form fields, and Chinese text is three times longer once form-encoded.
     */
    static final int MAX_MB = 4;
    static final long MAX_BYTES = MAX_MB * 1024L * 1024L;
    static final String MESSAGE = "The request is larger than " + MAX_MB + " MB, the most prepdeck accepts at once.";

    private BodyLimit() {
    }

    /** Before every request: refuses a body whose Content-Length is over the limit. */
    static void verify(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), MESSAGE);
        }
    }
}
