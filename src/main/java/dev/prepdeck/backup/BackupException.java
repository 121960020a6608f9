package dev.prepdeck.backup;

/** A backup or restore that did not happen; the message names the file and the reason, and nothing was changed. */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }
}
