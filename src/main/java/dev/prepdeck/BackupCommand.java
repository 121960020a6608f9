package dev.prepdeck;

import dev.prepdeck.backup.Backup;
import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.db.DatabaseOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a checked copy of the database, while the site may keep running.",
                "Without --out it goes to the backups folder beside the database, where the rolling policy keeps it."})
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", description = "write the backup to FILE (which must not exist)")
    Path out;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
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
}
