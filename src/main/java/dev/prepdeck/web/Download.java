package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file download built in full into a temporary file before its first byte is sent, then sent with its length. A
 * failure while it is built (a refused export, a database error) is the handler's error page, never a 200 cut short
 * that looks complete; the temporary file holds it, so memory stays bounded whatever its size. Sent as is, without
 * the server's response compression, so the length stays the file's.
 */
public final class Download {
    /** Writes the download's bytes into {@code file}, which exists and is empty. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Path file) throws IOException;
    }

    private Download() {
    }

    /** @param fileName the name the browser saves it under, already limited to safe characters */
    public static void send(Context ctx, String contentType, String fileName, Body body) {
        Path file = null;
        try {
            file = Files.createTempFile("prepdeck-download-", ".part");
            body.writeTo(file);
            HttpServletResponse response = ctx.res();
            ctx.status(HttpStatus.OK);
            ctx.contentType(contentType);
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            response.setContentLengthLong(Files.size(file));
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(file, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
