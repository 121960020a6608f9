package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * Protects browser forms against cross-site requests with a double-submit token: a random value in a
 * SameSite=Strict cookie that every POST form must repeat in its {@code _csrf} field. Another site can make the
 * browser send the cookie but cannot read it to fill in the field.
 */
public final class CsrfProtection {
    public static final String COOKIE = "prepdeck_csrf";
    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = "csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfProtection() {
    }

    /**
     * Before every request but the JSON API's: makes sure the browser holds a token, and remembers it for the
     * templates. The API renders no form and its writes are guarded without the token (ApiGuard); a script that
     * keeps no cookies would otherwise be handed a fresh random token, and a cookie, on every request.
     */
    public static void issueToken(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            return;
        }
        String token = ctx.cookie(COOKIE);
        if (token == null || token.length() < 20) {
            token = newToken();
            setCookie(ctx, token);
        }
        ctx.attribute(ATTRIBUTE, token);
    }

    /**
     * A fresh token at sign-in, so a token planted in the browser before (by a page on a sibling name that can set
     * cookies for this one) is worthless afterwards.
     */
    public static void renew(Context ctx) {
        String token = newToken();
        setCookie(ctx, token);
        ctx.attribute(ATTRIBUTE, token);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void setCookie(Context ctx, String token) {
        ctx.cookie(new Cookie(COOKIE, token, "/", -1, ForwardedHeaders.secure(ctx), true, null, SameSite.STRICT));
    }

    /** Before every form POST: the field must repeat the cookie, so it is also where an unreadable form is refused. */
    public static void verifyForm(Context ctx) {
        if (ctx.method() != HandlerType.POST || ctx.path().startsWith("/api/")) {
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        String field;
        try {
            field = ctx.formParam(FIELD);
        } catch (HttpResponseException e) {
            // Javalin's refusal of a form past the size limit: it keeps its status (413) and its own message.
            throw e;
        } catch (Exception e) {
            // Jetty throws when it cannot parse the body: a multipart upload cut short or without its boundary.
            throw new Refusal(HttpStatus.BAD_REQUEST, "error.unreadableForm");
        }
        if (cookie == null || field == null || !MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(HttpStatus.FORBIDDEN, "error.csrf");
        }
    }

    static String token(Context ctx) {
        Object token = ctx.attribute(ATTRIBUTE);
        return token == null ? "" : token.toString();
    }
}
