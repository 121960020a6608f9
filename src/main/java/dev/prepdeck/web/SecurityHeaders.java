package dev.prepdeck.web;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Defence in depth behind escaping: no inline scripts, no images or links from elsewhere, no framing, no MIME
 * sniffing, no full URLs in Referer. Set on every answer, errors included: the first filter for the app's own
 * answers, and Jetty's error handler for requests it refuses before the app sees them (a malformed URI, a header
 * too large).
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin");

    /** The same headers encoded once: every answer carries them, and the CSP alone is 200 characters. */
    private static final List<HttpField> ENCODED = ALL.entrySet().stream()
            .map(header -> (HttpField) new PreEncodedHttpField(header.getKey(), header.getValue())).toList();

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        HttpFields.Mutable headers = ServletContextResponse.getServletContextResponse(ctx.res()).getHeaders();
        ENCODED.forEach(headers::put);
    }

    /** Jetty's own error answers, with the same headers and without stack traces. */
    static ErrorHandler jettyErrors() {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                ALL.forEach(response.getHeaders()::put);
                return super.handle(request, response, callback);
            }

            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                ALL.forEach(fields::put);
                return super.badMessageError(status, reason, fields);
            }
        };
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        return handler;
    }
}
