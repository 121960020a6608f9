package dev.prepdeck;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.notes.NotesFormatException;
import dev.prepdeck.notes.NotesImport;
import dev.prepdeck.notes.NotesImporter;
import dev.prepdeck.notes.NotesReader;
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
        description = {"Turn notes files (.rst, .md) into decks.",
                "With --out, writes one deck file per deck into DIR; without it, imports straight into the "
                        + "database, one transaction per deck. Every file is read before anything is written, so "
                        + "a malformed file (reported as file:line) means nothing is written."})
public final class NotesImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "notes files")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", description = "write deck files here instead of importing")
    Path out;

    @Option(names = "--deck-prefix", paramLabel = "NAME", description = "put the decks under NAME (NAME::Title)")
    String deckPrefix;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        Map<String, NotesImport> imports = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                imports.put(name, new NotesReader().read(name, Files.readAllBytes(file), NotesReader.Format.AUTO,
                        deckPrefix));
            } catch (NotesFormatException e) {
                System.err.println("error: " + e.getMessage());
                System.err.println("nothing written");
                return 1;
            } catch (IOException e) {
                System.err.println("error: " + file + ": cannot read: " + e.getMessage());
                System.err.println("nothing written");
                return 1;
            }
        }
        Map<String, List<DeckFile>> decksBySource = new LinkedHashMap<>();
        imports.forEach((file, result) -> decksBySource.put(file, result.decks()));
        List<NotesImporter.PlannedDeck> planned;
        try {
            planned = NotesImporter.plan(decksBySource);
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("nothing written");
            return 1;
        }
        int exit = out != null ? write(planned) : importAll(planned);
        printSummary(imports);
        return exit;
    }

    private int write(List<NotesImporter.PlannedDeck> decks) {
        try {
            Files.createDirectories(out);
            for (NotesImporter.PlannedDeck deck : decks) {
                Files.writeString(out.resolve(deck.fileName()), deck.text(), StandardCharsets.UTF_8);
                System.out.println("wrote " + out.resolve(deck.fileName()));
            }
            return 0;
        } catch (IOException e) {
            System.err.println("error: cannot write to " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private int importAll(List<NotesImporter.PlannedDeck> decks) {
        Jdbi jdbi = Database.open(database.file);
        Clock clock = Clock.systemUTC();
        NotesImporter importer = new NotesImporter(
                new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, clock), clock));
        SyncReport report = importer.importAll(decks);
        report.lines().forEach(System.out::println);
        report.errors().forEach(e -> System.err.println("error: " + e));
        System.out.println(report.summary());
        return report.hasErrors() ? 1 : 0;
    }

    private static void printSummary(Map<String, NotesImport> imports) {
        imports.forEach((file, result) -> {
            System.out.println(file + ": " + result.decks().size() + " deck(s), " + result.cardCount() + " card(s)");
            result.decks().forEach(d -> System.out.println("  deck " + d.name() + ": " + d.cards().size() + " card(s)"));
            result.skipped().forEach(s -> System.out.println("  skipped " + s));
            result.warnings().forEach(w -> System.out.println("  warning " + w));
        });
    }
}
