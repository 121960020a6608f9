package dev.prepdeck;

import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.notes.NotesBatch;
import dev.prepdeck.notes.NotesFormatException;
import dev.prepdeck.notes.NotesImport;
import dev.prepdeck.notes.NotesImporter;
import dev.prepdeck.web.MediaLinks;
import dev.prepdeck.notes.NotesReader;
import dev.prepdeck.web.Wording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn notes (.rst, .md) into decks: notes files, folders of notes, or .zip files of a notes folder.",
                "Images the notes show are found as Sphinx finds them (relative to the page, '/' from the folder "
                        + "holding conf.py) and come with the cards; a missing one is a warning and its alt text.",
                "With --out, writes one deck file per deck into DIR and the images into DIR/media; without it, "
                        + "imports straight into the database, one transaction per deck with its images. Every "
                        + "file is read before anything is written, so a file that cannot be read (reported as "
                        + "file:line) means nothing is written."})
public final class NotesImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "notes files, folders (every .rst/.md/.txt below, _build and _static left out) or .zip files")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", description = "write deck files here instead of importing")
    Path out;

    @Option(names = "--deck-prefix", paramLabel = "NAME", description = "put the decks under NAME (NAME::Title)")
    String deckPrefix;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        NotesBatch batch = new NotesBatch(deckPrefix);
        List<NotesImporter.PlannedDeck> planned;
        try {
            for (Path file : files) {
                if (!Files.exists(file)) {
                    return refused(file + ": no such file or folder");
                }
                batch.add(file);
            }
            Map<String, List<DeckFile>> decksBySource = new LinkedHashMap<>();
            batch.imports().forEach((file, result) -> decksBySource.put(file, result.decks()));
            planned = NotesImporter.plan(decksBySource, batch.media());
        } catch (NotesFormatException | InvalidInputException e) {
            return refused(e.getMessage());
        } catch (IOException e) {
            return refused("cannot read: " + e.getMessage());
        }
        int exit = out != null ? write(planned) : importAll(planned);
        printSummary(batch.imports());
        return exit;
    }

    private static int refused(String message) {
        System.err.println("error: " + message);
        System.err.println("nothing written");
        return 1;
    }

    /** Deck files into DIR, the images they show into DIR/media, where a deck-folder import looks for them. */
    private int write(List<NotesImporter.PlannedDeck> decks) {
        try {
            Files.createDirectories(out);
            for (NotesImporter.PlannedDeck deck : decks) {
                Files.writeString(out.resolve(deck.fileName()), deck.text(), StandardCharsets.UTF_8);
                System.out.println("wrote " + out.resolve(deck.fileName()));
                if (!deck.media().isEmpty()) {
                    Path media = Files.createDirectories(out.resolve(MediaLinks.FOLDER));
                    for (Map.Entry<String, byte[]> file : deck.media().entrySet()) {
                        Files.write(media.resolve(file.getKey()), file.getValue());
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            System.err.println("error: cannot write to " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private int importAll(List<NotesImporter.PlannedDeck> decks) {
        Jdbi jdbi = Backups.openDatabase(database);
        try {
            Backups.of(jdbi).before(Reason.IMPORT);
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage() + "; nothing imported");
            return 1;
        }
        Clock clock = Clock.systemUTC();
        NotesImporter importer = new NotesImporter(
                new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, clock), clock));
        SyncReport report = importer.importAll(decks);
        report.lines().forEach(System.out::println);
        report.warnings().forEach(w -> System.out.println("warning " + w));
        report.errors().forEach(e -> System.err.println("error: " + e));
        System.out.println(report.summary());
        return report.hasErrors() ? 1 : 0;
    }

    private static void printSummary(Map<String, NotesImport> imports) {
        imports.forEach((file, result) -> {
            long images = result.images().stream().filter(i -> i.media() != null).count();
            System.out.println(Wording.format("{0}: {1,choice,0#no decks|1#1 deck|1<{1} decks}, "
                    + "{2,choice,0#no cards|1#1 card|1<{2} cards}", file, result.decks().size(), result.cardCount())
                    + (result.images().isEmpty() ? "" : Wording.format(
                            ", {0} of {1,choice,1#1 image|1<{1} images} found", images, result.images().size())));
            result.decks().forEach(d -> System.out.println(Wording.format(
                    "  deck {0}: {1,choice,0#no cards|1#1 card|1<{1} cards}", d.name(), d.cards().size())));
            result.skipped().forEach(s -> System.out.println("  skipped " + s));
            result.warnings().forEach(w -> System.out.println("  warning " + w));
        });
    }
}
