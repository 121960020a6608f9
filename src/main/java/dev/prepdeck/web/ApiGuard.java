package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URI;

/**
 * Cross-site protection for the JSON API: writes must send a JSON body (a cross-site form cannot, and a
 * cross-site fetch with that content type needs a CORS preflight we never grant) and, when the browser names
 * an Origin, it must be this server.
 */
final class ApiGuard {
    private ApiGuard() {
    }

    static void verify(Context ctx) {
        HandlerType method = ctx.method();
        boolean write = method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.DELETE
                || method == HandlerType.PATCH;
        if (!write) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameHost(origin, ctx.host())) {
            throw new ForbiddenResponse("cross-site API requests are not allowed");
        }
        boolean hasBody = method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH;
        String type = ctx.contentType();
        if (hasBody && ctx.contentLength() != 0 && (type == null || !type.toLowerCase().startsWith("application/json"))) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "send the request body as JSON with Content-Type: application/json");
        }
        if (hasBody && ctx.contentLength() != 0) {
            // Read before the handler, which keeps it for the handler: a route that takes no body (undo) would
            // otherwise answer before a late-sent body arrived, and Jetty then closes the connection without saying
            // so, failing the client's next request on it.
            ctx.bodyAsBytes();
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
