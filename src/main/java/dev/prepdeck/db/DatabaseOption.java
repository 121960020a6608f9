package dev.prepdeck.db;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --db option every command shares. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "FILE", defaultValue = "prepdeck.db",
            description = "SQLite database file (default: ${DEFAULT-VALUE}); created when missing")
    public Path file;
}
