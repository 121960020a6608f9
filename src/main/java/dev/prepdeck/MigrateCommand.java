package dev.prepdeck;

import dev.prepdeck.db.CollectionCopy;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseLocation;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.Migrations;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** prepdeck migrate: a SQLite collection moved to PostgreSQL for a shared install (issue 18). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy a whole SQLite collection (decks, cards, learners, accounts, reviews, practice,"
                + " statistics, search, undo history, media references) into an empty PostgreSQL database, in one"
                + " transaction, then check every table's row count and checksum on both sides.",
                "The SQLite file is only read; it must be of this prepdeck's schema version. The PostgreSQL"
                        + " password comes from " + DatabaseOption.PASSWORD_VARIABLE + " or --db-password-file."})
public final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FILE", description = "the SQLite collection to copy")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "an empty PostgreSQL database: postgresql://USER@HOST:5432/NAME (or jdbc:postgresql:...)")
    String to;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "file whose first line is the PostgreSQL password (instead of "
                    + DatabaseOption.PASSWORD_VARIABLE + ")")
    Path passwordFile;

    @Override
    public Integer call() {
        DatabaseOption target = DatabaseOption.of(to, passwordFile);
        if (!(target.location() instanceof DatabaseLocation.PostgresServer)) {
            System.err.println("error: --to " + to + " is not a PostgreSQL URL; write it as"
                    + " postgresql://USER@HOST:5432/NAME");
            return 2;
        }
        try {
            CollectionCopy.checkSource(from);
            Jdbi jdbi = target.open(Migrations.BeforeUpgrade.NOTHING);
            try {
                long start = System.nanoTime();
                List<CollectionCopy.TableCheck> checks = CollectionCopy.copy(from, jdbi, System.out::println);
                long seconds = Math.round((System.nanoTime() - start) / 1e9);
                printChecks(checks);
                System.out.println("copied " + from + " to " + target + " in " + seconds + " s: every table's rows"
                        + " and checksum match");
            } finally {
                Database.close(jdbi);
            }
            return 0;
        } catch (CollectionCopy.CopyProblem e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void printChecks(List<CollectionCopy.TableCheck> checks) {
        System.out.printf("%-20s %12s %12s  %-16s  %-16s%n", "table", "SQLite rows", "PG rows", "SQLite checksum",
                "PG checksum");
        for (CollectionCopy.TableCheck check : checks) {
            System.out.printf("%-20s %12d %12d  %-16s  %-16s%n", check.table(), check.sourceRows(),
                    check.targetRows(), check.sourceChecksum().substring(0, 16),
                    check.targetChecksum().substring(0, 16));
        }
    }
}
