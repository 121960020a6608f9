package dev.prepdeck.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short message for the page after a form ("Saved the card …", "Undid Good on …"), carried across the redirect
 * in a cookie and shown once, in the layout's role=status region. The cookie is signed with a key only this
 * running app knows and lives a few minutes, so no other site or earlier session can put words on our pages; the
 * template writes the message as escaped text.
 */
public final class Flash {
    static final String COOKIE = "prepdeck_flash";
    /** Long enough for a slow redirect, short enough that a message never turns up on some later visit. */
    static final long MAX_AGE_MS = 5 * 60_000L;
    /** A message names at most one card question, shortened; this keeps the cookie far under browsers' 4 KB. */
    static final int MAX_MESSAGE_CHARS = 600;
    private static final Key<Flash> KEY = new Key<>("prepdeck.flash");
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    private Flash(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /** Gives the app its own random signing key; a restart simply drops a message not yet shown. */
    static void register(JavalinConfig config, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        config.appData(KEY, new Flash(secret, clock));
    }

    /** Shows {@code message} on the next page this browser renders (normally the one the handler redirects to). */
    public static void show(Context ctx, String message) {
        ctx.appData(KEY).write(ctx, message);
    }

    /** The message waiting for this page, if any; it is removed, so a reload does not show it again. */
    static String take(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null) {
            return null;
        }
        ctx.removeCookie(COOKIE, "/");
        return ctx.appData(KEY).read(value);
    }

    private void write(Context ctx, String message) {
        String text = message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS - 1) + "…" : message;
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] payload = ByteBuffer.allocate(Long.BYTES + body.length).putLong(clock.millis()).put(body).array();
        String value = ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(payload));
        ctx.cookie(new Cookie(COOKIE, value, "/", (int) (MAX_AGE_MS / 1000), false, true, null, SameSite.STRICT));
    }

    private String read(String value) {
        int dot = value.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            byte[] payload = DECODE.decode(value.substring(0, dot));
            byte[] signature = DECODE.decode(value.substring(dot + 1));
            if (payload.length < Long.BYTES || !MessageDigest.isEqual(signature, sign(payload))) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            long age = clock.millis() - buffer.getLong();
            if (age < 0 || age > MAX_AGE_MS) {
                return null;
            }
            return StandardCharsets.UTF_8.decode(buffer).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
