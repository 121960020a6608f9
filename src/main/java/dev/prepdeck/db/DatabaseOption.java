package dev.prepdeck.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Option;

/** The --db option every command shares: a SQLite file, or a PostgreSQL server with its password kept elsewhere. */
public final class DatabaseOption {
    /** The environment variable a PostgreSQL password is read from when no --db-password-file is given. */
    public static final String PASSWORD_VARIABLE = "PREPDECK_DB_PASSWORD";

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "prepdeck.db",
            description = {"SQLite database file (default: ${DEFAULT-VALUE}; created when missing), or a PostgreSQL"
                    + " database as postgresql://USER@HOST:5432/NAME (or jdbc:postgresql:...) for a shared install;"
                    + " its password comes from " + PASSWORD_VARIABLE + " or --db-password-file, never the URL"})
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "file whose first line is the PostgreSQL password (instead of " + PASSWORD_VARIABLE + ")")
    Path passwordFile;

    public DatabaseOption() {
    }

    /** As if {@code --db value} was given: for code that runs a command's work without the command line. */
    public static DatabaseOption of(String value) {
        DatabaseOption option = new DatabaseOption();
        option.db = value;
        return option;
    }

    /** As if {@code --db value --db-password-file passwordFile} was given (no file: the environment variable). */
    public static DatabaseOption of(String value, Path passwordFile) {
        DatabaseOption option = of(value);
        option.passwordFile = passwordFile;
        return option;
    }

    /**
     * Where the collection is.
     *
     * @throws Unusable when --db is a PostgreSQL URL with a password in it or without a database
     */
    public DatabaseLocation location() {
        try {
            return DatabaseLocation.parse(db);
        } catch (IllegalArgumentException e) {
            throw new Unusable("--db " + e.getMessage());
        }
    }

    /**
     * The SQLite file, for commands that work on the file itself (backup, restore, check).
     *
     * @throws Unusable when --db names a PostgreSQL server, saying what to use there instead
     */
    public Path file() {
        if (location() instanceof DatabaseLocation.SqliteFile sqlite) {
            return sqlite.file();
        }
        throw new Unusable("this command works on a SQLite file; on PostgreSQL the database is the operator's to back"
                + " up, restore and check (pg_dump, pg_restore, replication)");
    }

    /** Opens the database, telling {@code beforeUpgrade} (a SQLite file only) before its schema is upgraded. */
    public Jdbi open(Migrations.BeforeUpgrade beforeUpgrade) {
        return Database.open(location(), this::password, beforeUpgrade);
    }

    /** Whether --db names a PostgreSQL server. */
    public boolean isPostgres() {
        return location() instanceof DatabaseLocation.PostgresServer;
    }

    @Override
    public String toString() {
        return location().toString();
    }

    private String password() {
        if (passwordFile != null) {
            try {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new Unusable("--db-password-file " + passwordFile + " cannot be read: " + e.getMessage());
            }
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null) {
            throw new Unusable("--db names a PostgreSQL server but no password was given: set " + PASSWORD_VARIABLE
                    + " or give --db-password-file FILE");
        }
        return password;
    }

    /** --db or its password cannot be used; the message says why and what to write instead. */
    public static final class Unusable extends RuntimeException {
        public Unusable(String message) {
            super(message);
        }
    }
}
