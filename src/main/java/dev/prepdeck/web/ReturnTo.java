package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The page a small form (the footer's language switch) sends the browser back to: the page it sits on, path and
 * query. Only a path of this site is followed, so the form cannot be used to send someone to another site.
 */
public final class ReturnTo {
    static final int MAX_LENGTH = 4000;

    private ReturnTo() {
    }

    /** This page's address, to come back to; a page drawn for a POST (a form with errors) returns to the home page. */
    static String here(Context ctx) {
        if (ctx.method() != HandlerType.GET) {
            return "/";
        }
        String query = ctx.queryString();
        return query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
    }

    /** {@code text} when it is a path on this site ("/stats?deck=2"), empty for anything that could leave it. */
    public static Optional<String> local(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !text.startsWith("/")
                || text.startsWith("//") || text.contains("\\")
                || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
