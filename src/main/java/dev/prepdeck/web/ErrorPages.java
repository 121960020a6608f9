package dev.prepdeck.web;

import dev.prepdeck.error.ConflictException;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.db.Migrations;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a clear answer: JSON {"error": ...} under /api (with "field", the property at fault, when
 * the input names one), a short page elsewhere. Stack traces go to the log only.
 */
final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(InvalidInputException.class, (e, ctx) -> {
            if (e.field() != null && ctx.path().startsWith("/api/")) {
                // a client fixing its request learns which property to fix without parsing the sentence
                Map<String, String> body = new LinkedHashMap<>();
                body.put("error", e.getMessage());
                body.put("field", e.field());
                ctx.status(HttpStatus.BAD_REQUEST).json(body);
            } else {
                respond(ctx, HttpStatus.BAD_REQUEST, Messages.problem(ctx, e));
            }
        });
        config.routes.exception(ConflictException.class, (e, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("error", e.getMessage());
                body.put("field", e.field());
                ctx.status(HttpStatus.CONFLICT).json(body);
            } else {
                respond(ctx, HttpStatus.CONFLICT, Messages.problem(ctx, e));
            }
        });
        config.routes.exception(Refusal.class, (e, ctx) -> respond(ctx, e.status(), Messages.problem(ctx, e)));
        config.routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, HttpStatus.NOT_FOUND, notFound(ctx, e)));
        // Javalin's own 404 for an unmatched path names its "endpoint"; a person asked for a page. A handler's own
        // 404 ("no media file named x.png") says more and is kept. Javalin's refusal of a body past its limit says
        // only "Content Too Large".
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            String message = status == HttpStatus.CONTENT_TOO_LARGE ? Messages.text(ctx, "error.tooLarge", BodyLimit.MAX_MB)
                    : status == HttpStatus.NOT_FOUND && javalinsOwn(e) ? noPageAt(ctx) : e.getMessage();
            respond(ctx, status, message);
        });
        config.routes.exception(Migrations.NewerSchemaException.class, (e, ctx) ->
                respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, Messages.text(ctx, "error.internal"));
        });
        config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, HttpStatus.NOT_FOUND, noPageAt(ctx));
            }
        });
        config.routes.error(HttpStatus.METHOD_NOT_ALLOWED.getCode(), ctx ->
                respond(ctx, HttpStatus.METHOD_NOT_ALLOWED,
                        Messages.text(ctx, "error.methodNotAllowed", String.valueOf(ctx.method()), ctx.path())));
    }

    private static boolean javalinsOwn(HttpResponseException e) {
        return e.getMessage() == null || e.getMessage().equals("Not Found") || e.getMessage().startsWith("Endpoint ");
    }

    private static String noPageAt(Context ctx) {
        return Messages.text(ctx, "error.noPage", ctx.path());
    }

    /** "no deck with id 7", in the request's language when the kind of thing has a sentence of its own. */
    private static String notFound(Context ctx, NotFoundException e) {
        String ownSentence = "error.notFound." + e.what();
        return Messages.pattern(Language.of(ctx), ownSentence) != null ? Messages.text(ctx, ownSentence, e.id())
                : Messages.text(ctx, "error.notFound", e.what(), e.id());
    }

    /** The page's heading: the status in the request's language ("Not Found", "找不到页面"). */
    private static String heading(Context ctx, HttpStatus status) {
        String key = "error." + status.getCode();
        return Messages.pattern(Language.of(ctx), key) != null ? Messages.text(ctx, key) : status.getMessage();
    }

    static void respond(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", message));
        } else {
            ctx.render("error.html", Map.of("status", status.getCode(), "heading", heading(ctx, status), "message", message));
        }
    }
}
