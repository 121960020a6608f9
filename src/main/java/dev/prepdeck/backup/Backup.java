package dev.prepdeck.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup file in the backups folder: when it was taken, why, and how large it is. */
public record Backup(Path file, Instant time, Reason reason, long size) {
    public String name() {
        return file.getFileName().toString();
    }
}
