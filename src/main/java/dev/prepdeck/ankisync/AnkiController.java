package dev.prepdeck.ankisync;

import dev.prepdeck.web.Messages;
import dev.prepdeck.web.SignedIn;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.text.ColumnMapping;
import dev.prepdeck.anki.text.TextFile;
import dev.prepdeck.deck.DeckExport;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Download;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Anki pages: upload a package and read what it brought in, or preview a text file and choose its columns;
 * download a deck as a package or a text file, a search's matches as a package, every deck as a .zip of deck files.
 */
public final class AnkiController {
    /** Larger than any deck of interview questions with its images; a whole collection with audio may not fit. */
    static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;
    /** Rows the preview page shows; the import reads them all. */
    static final int PREVIEW_ROWS = 5;
    private static final List<String> TEXT_EXTENSIONS = List.of(".csv", ".tsv", ".txt");

    /** The ids of the cards a search matches, or a {@link dev.prepdeck.error.InvalidInputException} naming the problem. */
    public interface CardSearch {
        List<Long> matchingIds(long learnerId, String query);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AnkiController.class);

    private final AnkiSync anki;
    private final CardSearch search;
    private final DeckExport deckFiles;

    public AnkiController(AnkiSync anki, CardSearch search, DeckExport deckFiles) {
        this.anki = anki;
        this.search = search;
        this.deckFiles = deckFiles;
    }

    public void form(Context ctx) {
        renderForm(ctx, null, "");
    }

    public void importPackage(Context ctx) {
        String prefix = Params.formText(ctx, "prefix");
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload == null || upload.size() == 0) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), Messages.text(ctx, "anki.error.noFile"), prefix);
            return;
        }
        if (upload.size() > MAX_UPLOAD_BYTES) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), Messages.text(ctx, "anki.error.uploadTooLarge",
                    upload.size() / (1024 * 1024), MAX_UPLOAD_BYTES / (1024 * 1024)), prefix);
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
            if (isText(file)) {
                TextFile text = anki.readText(file);
                renderPreview(ctx, text, Files.readString(file, StandardCharsets.UTF_8), prefix, text.suggested(),
                        null);
                return;
            }
            ImportReport report = anki.importFile(SignedIn.learner(ctx), file, prefix);
            ctx.render("anki/imported.html", Map.of("report", report));
        } catch (InvalidInputException e) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), Messages.problem(ctx, e), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The preview form's import: the file's text comes back in the form, with the columns the learner chose. */
    public void importText(Context ctx) {
        String prefix = Params.formText(ctx, "prefix");
        String content = Params.formText(ctx, "content");
        String uploaded = Params.formText(ctx, "name");
        if (content.isBlank()) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), Messages.text(ctx, "anki.error.previewNoFile"), prefix);
            return;
        }
        Path folder = null;
        TextFile text = null;
        ColumnMapping chosen = null;
        try {
            folder = Files.createTempDirectory("prepdeck-anki-text-");
            Path file = folder.resolve(safeFileName(uploaded.isBlank() ? "cards.csv" : uploaded));
            Files.writeString(file, content, StandardCharsets.UTF_8);
            text = anki.readText(file);
            chosen = chosenMapping(ctx, text);
            ImportReport report = anki.importText(SignedIn.learner(ctx), file, prefix, chosen);
            ctx.render("anki/imported.html", Map.of("report", report));
        } catch (InvalidInputException e) {
            if (text == null) {
                renderForm(ctx.status(HttpStatus.BAD_REQUEST), Messages.problem(ctx, e), prefix);
            } else {
                renderPreview(ctx.status(HttpStatus.BAD_REQUEST), text, content, prefix,
                        chosen != null ? chosen : text.suggested(), Messages.problem(ctx, e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Columns are numbered from 1 in the form, as Anki's headers number them; a blank choice is none. */
    private static ColumnMapping chosenMapping(Context ctx, TextFile text) {
        Integer question = column(ctx, "question", "The question column");
        if (question == null) {
            throw Messages.invalid("question", "anki.error.chooseQuestion");
        }
        Integer answer = column(ctx, "answer", "The answer column");
        Integer tags = column(ctx, "tags", "The tags column");
        Integer deck = column(ctx, "deck", "The deck column");
        Integer guid = text.suggested().guid();
        if (guid != null && (guid.equals(question) || guid.equals(answer) || guid.equals(tags) || guid.equals(deck))) {
            guid = null;
        }
        if (question < 0) {
            throw Messages.invalid("question", "anki.error.questionColumn");
        }
        return new ColumnMapping(question, answer, tags, deck, guid);
    }

    private static Integer column(Context ctx, String name, String label) {
        Integer oneBased = Params.formInt(ctx, name, label);
        return oneBased == null ? null : oneBased - 1;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return TEXT_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private void renderPreview(Context ctx, TextFile text, String content, String prefix, ColumnMapping mapping,
                               String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("file", text);
        model.put("content", content);
        model.put("prefix", prefix);
        model.put("mapping", mapping);
        model.put("rows", text.rows().subList(0, Math.min(PREVIEW_ROWS, text.rows().size())));
        ctx.render("anki/preview.html", model);
    }

    /** A deck with its sub-decks in Anki's text format, separated by commas. */
    public void exportDeckCsv(Context ctx) {
        exportDeckText(ctx, ',', "csv");
    }

    /** A deck with its sub-decks in Anki's text format, separated by tabs. */
    public void exportDeckTsv(Context ctx) {
        exportDeckText(ctx, '\t', "tsv");
    }

    private void exportDeckText(Context ctx, char separator, String format) {
        long deckId = Params.pathId(ctx, "deckId");
        String name = anki.deckName(SignedIn.learner(ctx), deckId);
        Download.send(ctx, (separator == ',' ? "text/csv" : "text/tab-separated-values") + "; charset=utf-8",
                downloadName(name, "." + format), file -> {
                    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        anki.exportDeckText(SignedIn.learner(ctx), deckId, out, separator);
                    }
                });
    }

    /** The cards a search matches as an .apkg: /anki/search.apkg?q=... */
    public void exportSearch(Context ctx) {
        String query = Params.queryText(ctx, "q").strip();
        if (query.isEmpty()) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), Messages.text(ctx, "anki.error.noSearch"), "");
            return;
        }
        try {
            List<Long> ids = search.matchingIds(SignedIn.learner(ctx), query);
            Download.send(ctx, "application/octet-stream", downloadName("search " + query, ".apkg"),
                    file -> anki.exportCards(SignedIn.learner(ctx), query, ids, file));
        } catch (AnkiFormatException e) {
            refusedExport(ctx, e);
        } catch (InvalidInputException e) {
            Map<String, Object> model = formModel(ctx, Messages.problem(ctx, e), "");
            model.put("query", query);
            ctx.status(HttpStatus.BAD_REQUEST).render("anki/import.html", model);
        }
    }

    /** Every deck as deck files with their media folder, zipped: what `prepdeck export DIR` writes. */
    public void exportDeckFiles(Context ctx) {
        Download.send(ctx, "application/zip", "prepdeck-decks.zip", zipFile -> {
            Path folder = Files.createTempDirectory("prepdeck-deck-files-");
            try {
                Path decksFolder = folder.resolve("decks");
                deckFiles.exportTo(SignedIn.learner(ctx), decksFolder);
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile));
                     Stream<Path> walk = Files.walk(decksFolder)) {
                    for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                        zip.putNextEntry(new ZipEntry(folder.relativize(path).toString().replace('\\', '/')));
                        Files.copy(path, zip);
                        zip.closeEntry();
                    }
                }
            } finally {
                deleteQuietly(folder);
            }
        });
    }

    public void exportDeck(Context ctx) {
        long deckId = Params.pathId(ctx, "deckId");
        String name = anki.deckName(SignedIn.learner(ctx), deckId);
        try {
            Download.send(ctx, "application/octet-stream", downloadName(name, ".apkg"),
                    file -> anki.exportDeck(SignedIn.learner(ctx), deckId, file));
        } catch (AnkiFormatException e) {
            refusedExport(ctx, e);
        }
    }

    /**
     * A collection the export's own checks refuse (two cards Anki would take for one, a deck name with an empty
     * level): nothing is downloaded, and the page says what is wrong so it can be fixed here first.
     */
    private void refusedExport(Context ctx, AnkiFormatException e) {
        LOG.warn("export refused by its consistency checks: {}", e.getMessage());
        renderForm(ctx.status(HttpStatus.INTERNAL_SERVER_ERROR), Messages.problem(ctx, e), "");
    }

    /** The deck's name as a file name: letters and digits kept, every other run of characters one '-'. */
    static String downloadName(String deckName, String extension) {
        String name = deckName.replaceAll("[^\\p{L}\\p{Nd}]+", "-").replaceAll("^-|-$", "");
        return (name.isEmpty() ? "deck" : name) + extension;
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
        ctx.render("anki/import.html", formModel(ctx, error, prefix));
    }

    private Map<String, Object> formModel(Context ctx, String error, String prefix) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("prefix", prefix);
        model.put("query", "");
        model.put("decks", anki.decks(SignedIn.learner(ctx)));
        model.put("maxMb", MAX_UPLOAD_BYTES / (1024 * 1024));
        return model;
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
