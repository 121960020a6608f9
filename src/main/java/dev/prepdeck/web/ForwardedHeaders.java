package dev.prepdeck.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * What a reverse proxy in front of the site says about the browser's connection. X-Forwarded-Proto and
 * X-Forwarded-For are believed only when the site was started with --trust-proxy: without a proxy anyone could send
 * them, and a forged "https" or client address would decide cookie flags and login throttling.
 *
 * @param trusted the site runs behind a proxy that sets these headers itself
 */
public record ForwardedHeaders(boolean trusted) {
    private static final String ATTRIBUTE = "prepdeck.forwarded";
    /** A year: browsers then refuse plain HTTP to this name; sent only over HTTPS, as RFC 6797 requires. */
    static final String HSTS = "max-age=31536000";

    /** Before every request: remembers the setting for this request and asks browsers to keep to HTTPS. */
    public static void register(JavalinConfig config, boolean trusted) {
        ForwardedHeaders headers = new ForwardedHeaders(trusted);
        config.routes.before(ctx -> {
            ctx.attribute(ATTRIBUTE, headers);
            if (secure(ctx)) {
                ctx.header("Strict-Transport-Security", HSTS);
            }
        });
    }

    /** The browser reached the site over HTTPS: directly, or through a trusted proxy that says so. */
    public static boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        ForwardedHeaders headers = ctx.attribute(ATTRIBUTE);
        String proto = ctx.header("X-Forwarded-Proto");
        return headers != null && headers.trusted() && proto != null
                && "https".equalsIgnoreCase(proto.split(",")[0].strip());
    }

    /**
     * The browser's address: the last X-Forwarded-For entry when the proxy is trusted (the one it added itself; the
     * ones before it came from the browser and may be made up), else the connection's.
     */
    public static String clientAddress(Context ctx) {
        ForwardedHeaders headers = ctx.attribute(ATTRIBUTE);
        String forwarded = ctx.header("X-Forwarded-For");
        if (headers != null && headers.trusted() && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return ctx.req().getRemoteAddr();
    }
}
