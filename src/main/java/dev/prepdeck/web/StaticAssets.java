package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSS and JavaScript under /static. Pages link each file by a URL with a hash of its content in the name
 * ({@code /static/app.3f9a1c2b7d.css}), which never changes meaning and so is cached for a year; a new version
 * is a new URL. The plain name ({@code /static/app.css}) still works and is revalidated on every use.
 * <p>
 * Files are read from the classpath once, when first asked for: they are part of the build and do not change
 * while the server runs.
 */
public final class StaticAssets {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private static final int HASH_LENGTH = 10;
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Pattern FINGERPRINTED = Pattern.compile("(.+)\\.([0-9a-f]{" + HASH_LENGTH + "})(\\.[a-z0-9]+)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader classLoader;
    private final String folder;
    /** Only files that exist are remembered, so requests for made-up names cannot grow it. */
    private final Map<String, Asset> found = new ConcurrentHashMap<>();

    private record Asset(byte[] content, String contentType, String hash) {
    }

    /** The files in {@code folder} on this class loader's classpath ("static" in the app). */
    public StaticAssets(ClassLoader classLoader, String folder) {
        this.classLoader = classLoader;
        this.folder = folder;
    }

    /**
     * The URL a page links for a file, e.g. "app.css" becomes "/static/app.3f9a1c2b7d.css".
     *
     * @throws IllegalArgumentException when there is no such file: a template names a file that was not built
     */
    public String url(String name) {
        Asset asset = asset(name).orElseThrow(() -> new IllegalArgumentException("no static file '" + name + "'"));
        int dot = name.lastIndexOf('.');
        return "/static/" + name.substring(0, dot) + "." + asset.hash() + name.substring(dot);
    }

    /** GET /static/{file}: by plain or fingerprinted name. */
    void serve(Context ctx) {
        String file = ctx.pathParam("file");
        Optional<Asset> plain = asset(file);
        if (plain.isPresent()) {
            send(ctx, plain.get(), REVALIDATE);
            return;
        }
        Matcher m = FINGERPRINTED.matcher(file);
        Optional<Asset> current = m.matches() ? asset(m.group(1) + m.group(3)) : Optional.empty();
        if (current.isEmpty()) {
            throw new NotFoundResponse("no file at /static/" + file);
        }
        // A page cached before the file changed asks for the old hash: it gets today's file, not kept for long.
        send(ctx, current.get(), current.get().hash().equals(m.group(2)) ? IMMUTABLE : REVALIDATE);
    }

    private static void send(Context ctx, Asset asset, String cacheControl) {
        String etag = "\"" + asset.hash() + "\"";
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(asset.contentType());
        ctx.result(asset.content());
    }

    private Optional<Asset> asset(String name) {
        Asset known = found.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        String type = contentType(name);
        if (type == null || !SAFE_PATH.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = classLoader.getResourceAsStream(folder + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] content = in.readAllBytes();
            Asset asset = new Asset(content, type, hash(content));
            found.putIfAbsent(name, asset);
            return Optional.of(asset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static file " + name, e);
        }
    }

    private static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1));
    }

    private static String hash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
