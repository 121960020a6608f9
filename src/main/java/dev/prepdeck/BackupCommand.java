package dev.prepdeck;

import dev.prepdeck.backup.Backup;
import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.ankisync.ExportReport;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.LearnerOption;
import dev.prepdeck.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a checked copy of the database, while the site may keep running.",
                "Without --out it goes to the backups folder beside the database, where the rolling policy keeps it.",
                "On PostgreSQL the database's backups are its operator's (pg_dump, replication): the command says so"
                        + " and writes the learner's decks, reviews and schedules as an Anki package (.apkg) instead."})
public final class BackupCommand implements Callable<Integer> {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--out", paramLabel = "FILE", description = "write the backup to FILE (which must not exist)")
    Path out;

    @Mixin
    DatabaseOption database;

    /** On PostgreSQL: whose data is exported. */
    @Mixin
    LearnerOption learner;

    @Override
    public Integer call() {
        if (database.isPostgres()) {
            return exportLearnersData();
        }
        if (learner.user != null) {
            System.err.println("error: --user is for PostgreSQL, where backup exports one learner's data; a SQLite"
                    + " backup copies the whole file, every learner's");
            return 2;
        }
        try {
            Backups backups = Backups.of(Backups.openDatabase(database.file()));
            if (out != null) {
                System.out.println("backed up to " + backups.writeTo(out));
            } else {
                Backup backup = backups.write(Reason.MANUAL);
                System.out.println("backed up to " + backup.file() + " (" + backup.size() + " bytes)");
            }
            return 0;
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int exportLearnersData() {
        Jdbi jdbi = Backups.openDatabase(database);
        long learnerId;
        try {
            learnerId = learner.learnerId(jdbi);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        String who = learner.user == null ? "prepdeck" : "prepdeck-" + learner.user.strip();
        Path target = out != null ? out
                : Path.of(who + "-" + FILE_TIME.format(LocalDateTime.now(ZoneOffset.UTC)) + ".apkg");
        System.out.println("On PostgreSQL the database's backups are its operator's (pg_dump, replication); prepdeck"
                + " writes none. Exporting the learner's decks, reviews and schedules as an Anki package instead.");
        if (Files.exists(target)) {
            System.err.println("error: " + target + " exists already; nothing was written");
            return 1;
        }
        try {
            ExportReport report = AnkiCommand.anki(jdbi).exportEverything(learnerId, who, target);
            report.warnings().forEach(line -> System.err.println("warning: " + line));
            System.out.println(report.summary() + " written to " + target);
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
