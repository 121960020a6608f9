package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A message for the page a form redirects to ("Suspended 12 cards."): kept in a short-lived cookie between the
 * POST and the GET that follows it, shown once, then cleared. It never travels in the URL, so a link cannot make
 * the site say something it did not do.
 */
public final class Flash {
    static final String COOKIE = "prepdeck_flash";
    private static final int MAX_AGE_SECONDS = 60;
    private static final int MAX_CHARS = 500;

    private Flash() {
    }

    /** Remembers {@code message} for the next page this browser loads. */
    public static void set(Context ctx, String message) {
        String text = message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) + "…" : message;
        ctx.cookie(new Cookie(COOKIE, URLEncoder.encode(text, StandardCharsets.UTF_8), "/", MAX_AGE_SECONDS, false,
                true, null, SameSite.STRICT));
    }

    /** The remembered message, or null; it is cleared, so a reload does not show it again. */
    public static String take(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.isEmpty()) {
            return null;
        }
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
