package dev.prepdeck;

import dev.prepdeck.ankisync.AnkiSync;
import dev.prepdeck.ankisync.ExportReport;
import dev.prepdeck.ankisync.ImportReport;
import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.LearnerOption;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.ReviewRepository;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** prepdeck anki: Anki packages into and out of the database. */
@Command(name = "anki", mixinStandardHelpOptions = true,
        subcommands = {AnkiCommand.Import.class, AnkiCommand.Export.class},
        description = "Import Anki packages (.apkg, .colpkg) and text files; export decks as .apkg, .csv or .tsv.")
public final class AnkiCommand {

    static AnkiSync anki(Jdbi jdbi) {
        Clock clock = Clock.systemUTC();
        return new AnkiSync(jdbi, new DeckRepository(), new ReviewRepository(), new MediaStore(jdbi, clock), clock);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import an Anki package (.apkg or .colpkg, any of Anki's three package versions) with its "
                    + "review history, scheduling state, images and sounds.",
                    "A .csv, .tsv or .txt file is read as Anki's text format (its # headers; a Quizlet export too), "
                            + "one new card per row.",
                    "The whole file is one transaction: a damaged or unsupported file is reported and nothing "
                            + "is written. Importing it again updates its cards instead of adding copies."})
    public static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the .apkg, .colpkg, .csv, .tsv or .txt file")
        Path file;

        @Option(names = "--deck-prefix", paramLabel = "NAME",
                description = "put Anki's decks under NAME (NAME::Deck)")
        String deckPrefix;

        @Mixin
        DatabaseOption database;

        /** Whose review history and schedules the package's come into. */
        @Mixin
        LearnerOption learner;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                System.err.println("error: " + file + " is not a file");
                return 2;
            }
            Jdbi jdbi = Backups.openDatabase(database);
            long learnerId;
            try {
                learnerId = learner.learnerId(jdbi);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage() + "; nothing imported");
                return 2;
            }
            try {
                Backups.of(jdbi).before(Reason.IMPORT);
            } catch (BackupException e) {
                System.err.println("error: " + e.getMessage() + "; nothing imported");
                return 1;
            }
            try {
                ImportReport report = anki(jdbi).importFile(learnerId, file, deckPrefix);
                System.out.println(report.file() + ": " + report.format());
                report.decks().forEach(deck -> System.out.println("deck: " + deck));
                report.skipped().forEach(line -> System.err.println("skipped: " + line));
                report.warnings().forEach(line -> System.err.println("warning: " + line));
                System.out.println(report.summary());
                return 0;
            } catch (InvalidInputException e) {
                System.err.println("error: " + e.getMessage());
                System.err.println("nothing imported");
                return 1;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a deck with its sub-decks as an .apkg that Anki and AnkiDroid import, with the "
                    + "review history and FSRS state, so Anki continues the schedule.",
                    "A --out ending in .csv writes Anki's text format separated by commas, .tsv or .txt by tabs "
                            + "(the cards with their decks and tags; no history or media)."})
    public static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "DECK", description = "the deck's full name, e.g. \"SQL::Joins\"")
        String deck;

        @Option(names = "--out", paramLabel = "FILE", required = true,
                description = "the file to write: .apkg, .csv, .tsv or .txt")
        Path out;

        @Mixin
        DatabaseOption database;

        /** Whose review history and schedules the package carries, and whose private decks it may name. */
        @Mixin
        LearnerOption learner;

        @Override
        public Integer call() {
            String name = String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
            Character separator = name.endsWith(".csv") ? Character.valueOf(',')
                    : name.endsWith(".tsv") || name.endsWith(".txt") ? Character.valueOf('\t') : null;
            if (separator == null && !name.endsWith(".apkg")) {
                System.err.println("error: " + out + " does not end in .apkg, .csv, .tsv or .txt, so the format "
                        + "to write is unknown");
                return 2;
            }
            Jdbi jdbi = Backups.openDatabase(database);
            long learnerId;
            try {
                learnerId = learner.learnerId(jdbi);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            try {
                ExportReport report;
                if (separator == null) {
                    report = anki(jdbi).exportDeck(learnerId, deck, out);
                } else {
                    report = writeText(jdbi, learnerId, separator);
                }
                report.warnings().forEach(line -> System.err.println("warning: " + line));
                System.out.println(report.summary() + " written to " + out);
                return 0;
            } catch (NotFoundException e) {
                System.err.println("error: there is no deck named \"" + deck + "\"");
                return 1;
            }
        }

        /** Built in memory first, so a deck that is not found leaves no file behind. */
        private ExportReport writeText(Jdbi jdbi, long learnerId, char separator) {
            StringWriter text = new StringWriter();
            ExportReport report = anki(jdbi).exportDeckText(learnerId, deck, text, separator);
            try {
                Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            return report;
        }
    }
}
