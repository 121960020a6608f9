package dev.prepdeck;

import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.ServerLock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the database with a backup, keeping a copy of what it replaces in the backups folder.",
                "The file is checked first (a prepdeck database of a schema this version knows, whole); a bad file"
                        + " changes nothing. Stop the server first, or restore from its Backups page."})
public final class RestoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the backup to restore")
    Path file;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        OptionalLong server = ServerLock.runningServer(database.file());
        if (server.isPresent()) {
            System.err.println("error: " + database.file() + ": a prepdeck server is running on it"
                    + (server.getAsLong() > 0 ? " (process " + server.getAsLong() + ")" : "")
                    + "; stop it first, or restore from its Backups page");
            return 1;
        }
        try {
            Optional<Path> kept = Backups.restoreOffline(file, database.file(), Clock.systemUTC());
            System.out.println("restored " + file + " into " + database.file().toAbsolutePath()
                    + kept.map(k -> "; the data it replaced is kept in " + k).orElse(""));
            return 0;
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
