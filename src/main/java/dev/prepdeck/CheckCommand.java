package dev.prepdeck;

import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.check.CheckReport;
import dev.prepdeck.check.DatabaseCheck;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.web.Messages;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the database as Anki's Check Database does: SQLite's integrity check, references,"
                + " card states against the review log, the search index, the due queue, unused media.",
                "What can be repaired is repaired in one transaction, after a backup (on SQLite; PostgreSQL's are its"
                        + " operator's); exits 1 when the file is damaged."})
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--report-only", description = "report what is wrong without repairing it")
    boolean reportOnly;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        Jdbi jdbi = Backups.openDatabase(database);
        Clock clock = Clock.systemUTC();
        MediaStore media = new MediaStore(jdbi, clock);
        DatabaseCheck check = new DatabaseCheck(jdbi, new DeckRepository(), new ReviewRepository(),
                new DeckSync(jdbi, new DeckRepository(), media, clock), media);
        CheckReport report = check.report();
        if (!reportOnly && report.integrityProblems().isEmpty() && !report.clean()) {
            try {
                // none on PostgreSQL, whose backups are its operator's
                Backups.of(jdbi).before(Reason.CHECK);
            } catch (BackupException e) {
                System.err.println("error: " + e.getMessage() + "; nothing was repaired");
                return 1;
            }
            report = check.repair();
        }
        report.integrityProblems().forEach(p -> System.err.println("damaged: " + p));
        for (CheckReport.Finding finding : report.findings()) {
            System.out.println(Messages.text(Locale.ENGLISH, finding.problem().messageKey(), finding.count()));
        }
        System.out.println(Messages.text(Locale.ENGLISH, summaryKey(report)));
        return report.integrityProblems().isEmpty() ? 0 : 1;
    }

    private static String summaryKey(CheckReport report) {
        if (!report.integrityProblems().isEmpty()) {
            return "check.damaged";
        }
        if (report.clean()) {
            return "check.clean";
        }
        return report.repaired() ? "check.repaired" : "check.not-repaired";
    }
}
