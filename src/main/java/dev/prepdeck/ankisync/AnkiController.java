package dev.prepdeck.ankisync;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The Anki pages: upload a package and read what it brought in; download a deck as a package. */
public final class AnkiController {
    /** Larger than any deck of interview questions with its images; a whole collection with audio may not fit. */
    static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

    private final AnkiSync anki;

    public AnkiController(AnkiSync anki) {
        this.anki = anki;
    }

    public void form(Context ctx) {
        renderForm(ctx, null, "");
    }

    public void importPackage(Context ctx) {
        String prefix = Params.formText(ctx, "prefix");
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload == null || upload.size() == 0) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), "Choose an Anki package (.apkg or .colpkg) or text file (.csv, .tsv, .txt) to import.",
                    prefix);
            return;
        }
        if (upload.size() > MAX_UPLOAD_BYTES) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), "The file is " + upload.size() / (1024 * 1024)
                    + " MB; packages up to " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB can be imported.", prefix);
            return;
        }
        Path folder = null;
        try {
            // saved under its own name, so a problem with the package is reported with the name the person chose
            folder = Files.createTempDirectory("prepdeck-anki-upload-");
            Path file = folder.resolve(safeFileName(upload.filename()));
            try (InputStream in = upload.content()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportReport report = anki.importFile(file, prefix);
            ctx.render("anki/imported.html", Map.of("report", report));
        } catch (InvalidInputException e) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), e.getMessage(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    public void exportDeck(Context ctx) {
        long deckId = Params.pathId(ctx, "deckId");
        String name = anki.deckName(deckId);
        Path file = null;
        try {
            file = Files.createTempFile("prepdeck-anki-export-", ".apkg");
            anki.exportDeck(deckId, file);
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName(name) + "\"");
            ctx.result(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The deck's name as a file name: letters and digits kept, every other run of characters one '-'. */
    static String downloadName(String deckName) {
        String name = deckName.replaceAll("[^\\p{L}\\p{Nd}]+", "-").replaceAll("^-|-$", "");
        return (name.isEmpty() ? "deck" : name) + ".apkg";
    }

    /** The uploaded file's own name without any folder, limited to plain characters. */
    static String safeFileName(String uploaded) {
        String name = uploaded == null ? "" : uploaded.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{Nd}._ -]+", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "package" + name;
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private void renderForm(Context ctx, String error, String prefix) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("prefix", prefix);
        model.put("decks", anki.decks());
        model.put("maxMb", MAX_UPLOAD_BYTES / (1024 * 1024));
        ctx.render("anki/import.html", model);
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }
}
