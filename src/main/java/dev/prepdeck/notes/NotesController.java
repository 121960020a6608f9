package dev.prepdeck.notes;

import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The browser import: upload a notes file, a .zip of a notes folder (with its images) or paste notes, preview the
 * cards, untick or edit them, save. A zip's images are held until the save, then stored with the cards that show them.
 */
public final class NotesController {
    /** More cards than any upload within the limits gives. */
    static final int MAX_CARDS = 10_000;

    private final NotesImporter importer;
    private final PendingImages pending = new PendingImages();

    public NotesController(NotesImporter importer) {
        this.importer = importer;
    }

    public record PreviewCard(int index, String id, String question, String answer) {
    }

    /** A deck of the preview: its name and the notes file (source) it came from. */
    public record PreviewDeck(String source, String name, List<PreviewCard> cards) {
    }

    public void form(Context ctx) {
        renderForm(ctx, null, "", "", "auto");
    }

    public void preview(Context ctx) {
        String prefix = Params.formText(ctx, "prefix");
        String format = Params.formText(ctx, "format");
        String pasted = Params.formText(ctx, "text");
        UploadedFile file = ctx.uploadedFile("file");
        NotesBatch batch = new NotesBatch(prefix);
        String name;
        try {
            if (file != null && file.size() > 0) {
                name = file.filename() == null || file.filename().isBlank() ? "notes" : file.filename();
                if (NotesImages.extension(name).equals("zip")) {
                    try (InputStream in = file.content()) {
                        batch.addZip(NotesZip.read(name, in, file.size()));
                    }
                } else if (file.size() > NotesReader.MAX_BYTES) {
                    throw NotesReader.tooLarge(name, file.size());
                } else {
                    batch.addAlone(name, read(file), formatOf(format), "uploadedAlone");
                }
            } else if (!pasted.isBlank()) {
                name = "pasted-notes";
                batch.addAlone(name, pasted.getBytes(StandardCharsets.UTF_8), formatOf(format), "pasted");
            } else {
                throw Messages.invalid("file", "notes.error.noInput");
            }
        } catch (NotesFormatException | InvalidInputException e) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), Messages.problem(ctx, e), pasted, prefix, format);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        List<PreviewDeck> decks = new ArrayList<>();
        List<NotesNotice> skipped = new ArrayList<>();
        List<NotesNotice> warnings = new ArrayList<>();
        Set<String> shown = new TreeSet<>();
        int index = 0;
        for (Map.Entry<String, NotesImport> entry : batch.imports().entrySet()) {
            NotesImport result = entry.getValue();
            for (DeckFile deck : result.decks()) {
                List<PreviewCard> cards = new ArrayList<>();
                for (CardSource card : deck.cards()) {
                    cards.add(new PreviewCard(index++, card.id(), card.question(), card.answer()));
                }
                decks.add(new PreviewDeck(entry.getKey(), deck.name(), cards));
            }
            skipped.addAll(result.skipped());
            warnings.addAll(result.warnings());
            result.images().stream().filter(i -> i.media() != null && i.cardId() != null)
                    .forEach(i -> shown.add(i.media()));
        }
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < index; i++) {
            all.add(i);
        }
        Map<String, byte[]> images = new HashMap<>();
        shown.forEach(n -> images.put(n, batch.media().get(n)));
        Map<String, Object> model = previewModel(ctx, name, decks, index, all, skipped, warnings);
        model.put("files", batch.imports().size());
        model.put("images", List.copyOf(shown));
        model.put("imagesToken", images.isEmpty() ? "" : pending.hold(images));
        ctx.render("notes/preview.html", model);
    }

    public void save(Context ctx) {
        String source = Params.formText(ctx, "source");
        String token = Params.formText(ctx, "images");
        int count = Params.requiredFormInt(ctx, "count", "the preview's card count", 0, MAX_CARDS);
        List<PreviewDeck> posted = postedDecks(ctx, count);
        Set<Integer> kept = Params.formIndexes(ctx, "keep", "card");
        List<NotesImporter.PlannedDeck> planned;
        try {
            Map<String, byte[]> images = token.isEmpty() ? Map.of() : pending.get(token).orElseThrow(() ->
                    Messages.invalid("images", "notes.error.imagesGone"));
            Map<String, Map<String, List<CardSource>>> decks = new LinkedHashMap<>();
            for (PreviewDeck deck : posted) {
                for (PreviewCard card : deck.cards()) {
                    if (kept.contains(card.index())) {
                        decks.computeIfAbsent(deck.source(), s -> new LinkedHashMap<>())
                                .computeIfAbsent(deck.name(), d -> new ArrayList<>()).add(ticked(deck, card));
                    }
                }
            }
            if (decks.isEmpty()) {
                throw Messages.invalid("keep", "notes.error.noneTicked");
            }
            Map<String, List<DeckFile>> bySource = new LinkedHashMap<>();
            // No description in any language: the deck's source ("notes/FILE/...") already says where it came from,
            // and the deck page words that in the reader's language.
            decks.forEach((file, byName) -> bySource.put(file, byName.entrySet().stream()
                    .map(e -> new DeckFile(e.getKey(), "", List.of(), e.getValue()))
                    .toList()));
            // Every deck is checked before any is written, so a bad one leaves the database as it was.
            planned = NotesImporter.plan(bySource, images);
        } catch (InvalidInputException e) {
            // The preview again, as the person left it, so fixing one card does not mean redoing every edit.
            Map<String, Object> model = previewModel(ctx, source, posted, count, kept,
                    posted(ctx, "skipped"), posted(ctx, "warning"));
            // Only the heading uses the file count; a form without it still shows the problem that matters.
            Integer files = Params.formInt(ctx, "files", "the preview's file count");
            model.put("files", files == null ? 1 : files);
            model.put("images", ctx.formParams("image"));
            model.put("imagesToken", token);
            model.put("error", Messages.problem(ctx, e));
            model.put("errorField", e.field());
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("notes/preview.html", model);
            return;
        }
        SyncReport report = importer.importAll(planned);
        if (report.hasErrors()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        } else if (!token.isEmpty()) {
            pending.release(token);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("decks", report.decks());
        model.put("rejected", report.hasErrors());
        model.put("summary", savedSummary(ctx, report));
        model.put("warnings", report.warnings().stream().map(w -> Messages.worded(ctx, w)).toList());
        model.put("images", planned.stream().mapToLong(d -> d.media().size()).sum());
        ctx.render("notes/saved.html", model);
    }

    /** The result in decks and cards: "Saved 2 decks: 5 new cards, 1 updated." */
    private static String savedSummary(Context ctx, SyncReport report) {
        List<SyncReport.DeckResult> saved = report.decks().stream().filter(d -> !d.rejected()).toList();
        if (saved.stream().allMatch(SyncReport.DeckResult::unchanged)) {
            return Messages.text(ctx, saved.isEmpty() ? "notes.saved.nothing" : "notes.saved.unchanged");
        }
        return Messages.text(ctx, "notes.saved.summary",
                saved.size(), saved.stream().mapToInt(d -> d.changes().added()).sum(),
                saved.stream().mapToInt(d -> d.changes().updated() + d.changes().restored()).sum(),
                saved.stream().mapToInt(d -> d.changes().setAside()).sum());
    }

    /** Every card the preview form sent back, ticked or not, with the text as the person edited it. */
    private static List<PreviewDeck> postedDecks(Context ctx, int count) {
        Map<List<String>, List<PreviewCard>> decks = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String deck = Params.formText(ctx, "deck_" + i).strip();
            if (deck.isEmpty()) {
                throw Messages.invalid("deck_" + i, "notes.error.noDeck", String.valueOf(i + 1));
            }
            String file = Params.formText(ctx, "file_" + i).strip();
            decks.computeIfAbsent(List.of(file.isEmpty() ? Params.formText(ctx, "source") : file, deck),
                    d -> new ArrayList<>()).add(new PreviewCard(i,
                    Params.formText(ctx, "id_" + i).strip(), Params.formText(ctx, "question_" + i),
                    Params.formText(ctx, "answer_" + i)));
        }
        return decks.entrySet().stream()
                .map(e -> new PreviewDeck(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }
    /** A ticked card as it will be saved; a blank question or answer names the card so it can be found. */
    private static CardSource ticked(PreviewDeck deck, PreviewCard card) {
        String question = card.question().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        String answer = card.answer().replace("\r\n", "\n").strip();
        String number = String.valueOf(card.index() + 1);
        if (question.isEmpty()) {
            throw Messages.invalid("question_" + card.index(), "notes.error.noQuestion", number, deck.name());
        }
        if (answer.isEmpty()) {
            throw Messages.invalid("answer_" + card.index(), "notes.error.noAnswer", number, deck.name(), question);
        }
        return new CardSource(card.id().isEmpty() ? NotesConverter.cardId(deck.name(), question) : card.id(),
                question, answer, List.of(), Map.of(), 0);
    }

    /**
     * The preview's model. Each notice is shown in the page's language and carried in a hidden field as its key and
     * arguments ({@link NotesNotice#encoded()}), so the preview shown again after a refused save words it afresh.
     */
    private static Map<String, Object> previewModel(Context ctx, String source, List<PreviewDeck> decks, int count,
                                                    Set<Integer> kept, List<NotesNotice> skipped,
                                                    List<NotesNotice> warnings) {
        Map<String, Object> model = new HashMap<>();
        model.put("source", source);
        model.put("decks", decks);
        model.put("count", count);
        model.put("kept", kept);
        model.put("skipped", shown(ctx, skipped));
        model.put("warnings", shown(ctx, warnings));
        return model;
    }

    /** A notice as the preview shows it (in the page's language) and as its hidden field carries it. */
    public record ShownNotice(String text, String encoded) {
    }

    private static List<ShownNotice> shown(Context ctx, List<NotesNotice> notices) {
        return notices.stream().map(n -> new ShownNotice(Messages.worded(ctx, n), n.encoded())).toList();
    }

    /** The notices a preview form sent back; a value that is not a known notice with its arguments is dropped. */
    private static List<NotesNotice> posted(Context ctx, String field) {
        return ctx.formParams(field).stream().flatMap(v -> NotesNotice.decoded(v).stream()).toList();
    }

    private static NotesReader.Format formatOf(String value) {
        return switch (value) {
            case "rst" -> NotesReader.Format.RST;
            case "markdown" -> NotesReader.Format.MARKDOWN;
            default -> NotesReader.Format.AUTO;
        };
    }

    private static byte[] read(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
    }

    private static void renderForm(Context ctx, String error, String text, String prefix, String format) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("text", text);
        model.put("prefix", prefix);
        model.put("format", format.isEmpty() ? "auto" : format);
        model.put("maxKb", NotesReader.MAX_BYTES / 1024);
        model.put("maxZipMb", NotesZip.MAX_ZIP_BYTES >> 20);
        ctx.render("notes/import.html", model);
    }
}
