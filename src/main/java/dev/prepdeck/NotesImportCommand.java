package dev.prepdeck;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileWriter;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.notes.NotesFormatException;
import dev.prepdeck.notes.NotesImport;
import dev.prepdeck.notes.NotesReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> sourceKeys = new LinkedHashMap<>();
        List<DeckFile> all = new ArrayList<>();
        try {
            for (Map.Entry<String, NotesImport> entry : imports.entrySet()) {
                for (DeckFile deck : entry.getValue().decks()) {
                    String fileName = DeckFileWriter.slug(deck.name());
                    if (texts.containsKey(fileName)) {
                        System.err.println("error: two decks named '" + deck.name() + "'; rename a section or use "
                                + "--deck-prefix per file");
                        System.err.println("nothing written");
                        return 1;
                    }
                    texts.put(fileName, new DeckFileWriter().write(deck));
                    sourceKeys.put(fileName, "notes/" + entry.getKey() + "/" + fileName);
                    all.add(deck);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("nothing written");
            return 1;
        }
        int exit = out != null ? write(texts) : importAll(all, sourceKeys);
        printSummary(imports);
        return exit;
    }

    private int write(Map<String, String> texts) {
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, String> entry : texts.entrySet()) {
                Files.writeString(out.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
                System.out.println("wrote " + out.resolve(entry.getKey()));
            }
            return 0;
        } catch (IOException e) {
            System.err.println("error: cannot write to " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private int importAll(List<DeckFile> decks, Map<String, String> sourceKeys) {
        DeckSync sync = new DeckSync(Database.open(database.file), new DeckRepository(), Clock.systemUTC());
        SyncReport report = new SyncReport();
        List<String> keys = new ArrayList<>(sourceKeys.values());
        for (int i = 0; i < decks.size(); i++) {
            sync.importDeck(keys.get(i), decks.get(i), report);
        }
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
