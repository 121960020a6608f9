package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A page sent in parts while the server works on it, so a request that takes seconds shows how far it has come
 * without JavaScript: the browser draws each part as it arrives. The page's template marks where the parts go
 * with {@code th:utext="${parts}"}; everything before that is sent at once, each part when it is ready, and the
 * rest on {@link #close}. Once the first part is out the status is 200, so a failure must be sent as a part.
 */
public final class StreamedPage implements AutoCloseable {
    private static final String PARTS = "<!--prepdeck:streamed-parts-->";

    private final Context ctx;
    private final OutputStream out;
    private final String rest;

    private StreamedPage(Context ctx, OutputStream out, String rest) {
        this.ctx = ctx;
        this.out = out;
        this.rest = rest;
    }

    /** Sends {@code template} up to where its parts go. */
    public static StreamedPage open(Context ctx, String template, Map<String, ?> model) {
        Map<String, Object> withParts = new HashMap<>(model);
        withParts.put("parts", PARTS);
        String page = renderer(ctx).render(template, withParts, ctx);
        int cut = page.indexOf(PARTS);
        if (cut < 0) {
            throw new IllegalArgumentException(template + " has no th:utext=\"${parts}\" for the streamed parts");
        }
        try {
            ctx.res().setContentType("text/html;charset=utf-8");
            // Javalin's own output stream holds the whole answer back to measure it; the servlet's sends each flush.
            StreamedPage streamed = new StreamedPage(ctx, ctx.res().getOutputStream(), page.substring(cut + PARTS.length()));
            streamed.write(page.substring(0, cut));
            return streamed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders {@code template} (a part, without the layout) and sends it now. */
    public void send(String template, Map<String, ?> model) {
        write(renderer(ctx).render(template, model, ctx));
    }

    @Override
    public void close() {
        write(rest);
    }

    private void write(String html) {
        try {
            out.write(html.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileRenderer renderer(Context ctx) {
        return ctx.appData(FileRenderer.FileRendererKey);
    }
}
