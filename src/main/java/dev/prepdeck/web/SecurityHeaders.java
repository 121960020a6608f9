package dev.prepdeck.web;

import io.javalin.http.Context;

/** Defence in depth behind escaping: no inline scripts, no framing, no MIME sniffing. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }
}
