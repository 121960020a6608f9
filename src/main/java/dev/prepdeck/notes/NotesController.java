package dev.prepdeck.notes;

import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Params;
import dev.prepdeck.web.Wording;
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

/** The browser import: upload or paste notes, preview the cards, untick or edit them, save. */
public final class NotesController {
    /** Notes files are text; anything bigger is almost certainly the wrong file. */
    static final int MAX_BYTES = 512 * 1024;
    /** More cards than any notes file of {@link #MAX_BYTES} can give. */
    static final int MAX_CARDS = 10_000;

    private final NotesImporter importer;

    public NotesController(NotesImporter importer) {
        this.importer = importer;
    }

    public record PreviewCard(int index, String id, String question, String answer) {
    }

    public record PreviewDeck(String name, List<PreviewCard> cards) {
    }

    public void form(Context ctx) {
        renderForm(ctx, null, "", "", "auto");
    }

    public void preview(Context ctx) {
        String prefix = Params.formText(ctx, "prefix");
        String format = Params.formText(ctx, "format");
        String pasted = Params.formText(ctx, "text");
        UploadedFile file = ctx.uploadedFile("file");
        byte[] bytes;
        String name;
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_BYTES) {
                renderForm(ctx.status(HttpStatus.BAD_REQUEST), "The file is " + file.size() / 1024
                        + " KB; notes files up to " + MAX_BYTES / 1024 + " KB can be imported.", "", prefix, format);
                return;
            }
            bytes = read(file);
            name = file.filename() == null || file.filename().isBlank() ? "notes" : file.filename();
        } else if (!pasted.isBlank()) {
            bytes = pasted.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_BYTES) {
                renderForm(ctx.status(HttpStatus.BAD_REQUEST), "The pasted text is " + bytes.length / 1024
                        + " KB; notes up to " + MAX_BYTES / 1024 + " KB can be imported.", "", prefix, format);
                return;
            }
            name = "pasted-notes";
        } else {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), "Choose a notes file or paste your notes.", "", prefix, format);
            return;
        }
        NotesImport result;
        try {
            result = new NotesReader().read(name, bytes, formatOf(format), prefix);
        } catch (NotesFormatException e) {
            renderForm(ctx.status(HttpStatus.BAD_REQUEST), e.getMessage(), pasted, prefix, format);
            return;
        }
        List<PreviewDeck> decks = new ArrayList<>();
        int index = 0;
        for (DeckFile deck : result.decks()) {
            List<PreviewCard> cards = new ArrayList<>();
            for (CardSource card : deck.cards()) {
                cards.add(new PreviewCard(index++, card.id(), card.question(), card.answer()));
            }
            decks.add(new PreviewDeck(deck.name(), cards));
        }
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < index; i++) {
            all.add(i);
        }
        ctx.render("notes/preview.html", previewModel(name, decks, index, all,
                result.skipped().stream().map(NotesImport.Skipped::toString).toList(), result.warnings()));
    }

    public void save(Context ctx) {
        String source = Params.formText(ctx, "source");
        int count = Params.requiredFormInt(ctx, "count", "the preview's card count", 0, MAX_CARDS);
        List<PreviewDeck> posted = postedDecks(ctx, count);
        Set<Integer> kept = Params.formIndexes(ctx, "keep", "card");
        Map<String, List<CardSource>> decks = new LinkedHashMap<>();
        List<NotesImporter.PlannedDeck> planned;
        try {
            for (PreviewDeck deck : posted) {
                for (PreviewCard card : deck.cards()) {
                    if (kept.contains(card.index())) {
                        decks.computeIfAbsent(deck.name(), d -> new ArrayList<>()).add(ticked(deck, card));
                    }
                }
            }
            if (decks.isEmpty()) {
                throw new InvalidInputException("keep", "No card is ticked, so there is nothing to save: tick the cards to keep.");
            }
            List<DeckFile> files = decks.entrySet().stream()
                    .map(e -> new DeckFile(e.getKey(), "Imported from " + source + ".", List.of(), e.getValue()))
                    .toList();
            // Every deck is checked before any is written, so a bad one leaves the database as it was.
            planned = NotesImporter.plan(Map.of(source, files));
        } catch (InvalidInputException e) {
            // The preview again, as the person left it, so fixing one card does not mean redoing every edit.
            Map<String, Object> model = previewModel(source, posted, count, kept,
                    ctx.formParams("skipped"), ctx.formParams("warning"));
            model.put("error", e.getMessage());
            model.put("errorField", e.field());
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("notes/preview.html", model);
            return;
        }
        SyncReport report = importer.importAll(planned);
        if (report.hasErrors()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("decks", report.decks());
        model.put("rejected", report.hasErrors());
        model.put("summary", savedSummary(report));
        ctx.render("notes/saved.html", model);
    }

    /** The result in decks and cards: "Saved 2 decks: 5 new cards, 1 updated." */
    private static String savedSummary(SyncReport report) {
        List<SyncReport.DeckResult> saved = report.decks().stream().filter(d -> !d.rejected()).toList();
        if (saved.stream().allMatch(SyncReport.DeckResult::unchanged)) {
            return saved.isEmpty() ? "Nothing was saved." : "These notes were saved before; nothing changed.";
        }
        return Wording.format("Saved {0,choice,1#1 deck|1<{0} decks}: {1,choice,0#no new cards|1#1 new card|1<{1} new cards}"
                        + "{2,choice,0#|1#, 1 updated|1<, {2} updated}{3,choice,0#|1#, 1 set aside|1<, {3} set aside}.",
                saved.size(), saved.stream().mapToInt(d -> d.changes().added()).sum(),
                saved.stream().mapToInt(d -> d.changes().updated() + d.changes().restored()).sum(),
                saved.stream().mapToInt(d -> d.changes().setAside()).sum());
    }

    /** Every card the preview form sent back, ticked or not, with the text as the person edited it. */
    private static List<PreviewDeck> postedDecks(Context ctx, int count) {
        Map<String, List<PreviewCard>> decks = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String deck = Params.formText(ctx, "deck_" + i).strip();
            if (deck.isEmpty()) {
                throw new InvalidInputException("deck_" + i, "card " + (i + 1) + " has no deck");
            }
            decks.computeIfAbsent(deck, d -> new ArrayList<>()).add(new PreviewCard(i,
                    Params.formText(ctx, "id_" + i).strip(), Params.formText(ctx, "question_" + i),
                    Params.formText(ctx, "answer_" + i)));
        }
        return decks.entrySet().stream().map(e -> new PreviewDeck(e.getKey(), e.getValue())).toList();
    }

    /** A ticked card as it will be saved; a blank question or answer names the card so it can be found. */
    private static CardSource ticked(PreviewDeck deck, PreviewCard card) {
        String question = card.question().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        String answer = card.answer().replace("\r\n", "\n").strip();
        String which = "Card " + (card.index() + 1) + " (in " + deck.name() + ")";
        if (question.isEmpty()) {
            throw new InvalidInputException("question_" + card.index(),
                    which + " has no question: write one, or untick the card to leave it out.");
        }
        if (answer.isEmpty()) {
            throw new InvalidInputException("answer_" + card.index(),
                    which + ", '" + question + "', has no answer: write one, or untick the card to leave it out.");
        }
        return new CardSource(card.id().isEmpty() ? NotesConverter.cardId(deck.name(), question) : card.id(),
                question, answer, List.of(), Map.of(), 0);
    }

    private static Map<String, Object> previewModel(String source, List<PreviewDeck> decks, int count, Set<Integer> kept,
                                                    List<String> skipped, List<String> warnings) {
        Map<String, Object> model = new HashMap<>();
        model.put("source", source);
        model.put("decks", decks);
        model.put("count", count);
        model.put("kept", kept);
        model.put("skipped", skipped);
        model.put("warnings", warnings);
        return model;
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
        model.put("maxKb", MAX_BYTES / 1024);
        ctx.render("notes/import.html", model);
    }
}
