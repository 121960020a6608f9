package dev.prepdeck.media;

import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.web.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Serves media files at {@code /media/{name}}. What a file may do once in the browser is held down: its type
 * is the sniffed one and the browser may not guess another, it runs in a sandbox with no scripts, and an SVG
 * (a document that can carry scripts) is downloaded when opened on its own; in a card it is shown through
 * {@code <img>}, where browsers never run scripts.
 */
public final class MediaController {
    /**
     * A name stands for the same bytes for good (see {@link MediaStore}), so browsers may keep a file a year;
     * private, because the first answer to a new visitor also sets the CSRF cookie, which no shared cache may keep.
     */
    static final String CACHE_FOR_GOOD = "private, max-age=31536000, immutable";
    static final String SANDBOX = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; "
            + "sandbox";

    private final MediaStore store;
    private final HiddenMedia hidden;

    public MediaController(MediaStore store, HiddenMedia hidden) {
        this.store = store;
        this.hidden = hidden;
    }

    /** Which files a learner may not fetch: those only another learner's private decks show. */
    @FunctionalInterface
    public interface HiddenMedia {
        boolean hiddenFrom(long learnerId, String name);
    }

    public void serve(Context ctx) {
        String name = ctx.pathParam("name");
        // a private deck's file reads as one that does not exist, as its cards do
        if (hidden.hiddenFrom(SignedIn.learner(ctx), name)) {
            throw notFound(name);
        }
        StoredMedia media = store.find(name).orElseThrow(() -> notFound(name));
        String etag = "\"" + media.sha256() + "\"";
        ctx.header(Header.ETAG, etag);
        ctx.header(Header.CACHE_CONTROL, CACHE_FOR_GOOD);
        ctx.header(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
        ctx.header(Header.CONTENT_SECURITY_POLICY, SANDBOX);
        ctx.header(Header.ACCEPT_RANGES, "bytes");
        if (matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        byte[] bytes = store.bytes(name).orElseThrow(() -> notFound(name));
        ctx.header(Header.CONTENT_DISPOSITION, disposition(media));
        ctx.contentType(media.type().contentType());
        String ifRange = ctx.header(Header.IF_RANGE);
        Optional<ByteRange> range = ifRange == null || ifRange.equals(etag)
                ? ByteRange.parse(ctx.header(Header.RANGE), bytes.length) : Optional.empty();
        if (range.isEmpty()) {
            ctx.result(bytes);
        } else if (!range.get().satisfiable()) {
            ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE);
            ctx.header(Header.CONTENT_RANGE, "bytes */" + bytes.length);
        } else {
            ByteRange part = range.get();
            ctx.status(HttpStatus.PARTIAL_CONTENT);
            ctx.header(Header.CONTENT_RANGE, "bytes " + part.first() + "-" + part.last() + "/" + bytes.length);
            ctx.result(Arrays.copyOfRange(bytes, (int) part.first(), (int) part.last() + 1));
        }
    }

    /** Pictures and sounds open in the browser; anything that is a document of its own is downloaded. */
    private static String disposition(StoredMedia media) {
        String kind = media.type().kind() == MediaType.Kind.DRAWING ? "attachment" : "inline";
        String ascii = media.name().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(media.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** If-None-Match holds a list of tags (weak ones compare equal for this purpose) or "*". */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.replaceFirst("^W/", "").equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("media", name);
    }
}
