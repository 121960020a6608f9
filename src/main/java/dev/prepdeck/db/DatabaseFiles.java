package dev.prepdeck.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConnection;

/**
 * A prepdeck database as a whole file: a consistent copy taken while the site serves, SQLite's own check of a
 * file, what a file says it is, and a copy's contents put in place of the live database's.
 */
public final class DatabaseFiles {
    /** The first bytes of every SQLite 3 database file. */
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Tables every prepdeck schema since the first has; a file without them is some other program's database. */
    private static final Set<String> PREPDECK_TABLES = Set.of("learner", "deck", "card", "card_state", "review_log");

    private DatabaseFiles() {
    }

    /**
     * Writes a copy of the database behind {@code jdbi} to {@code target}, which must not exist. VACUUM INTO reads
     * one snapshot in a read transaction: under WAL the site keeps reading and writing meanwhile, and the copy is
     * compact and holds every committed transaction (those still in the WAL file too).
     */
    public static void copy(Jdbi jdbi, Path target) {
        try {
            jdbi.useHandle(h -> {
                // Read through SQLite's own small page cache, not the pool's memory map: a map would hold every page
                // of the file in the process's resident memory by the end of the copy.
                long mapped = h.createQuery("PRAGMA mmap_size").mapTo(Long.class).one();
                h.execute("PRAGMA mmap_size = 0");
                try (var statement = h.getConnection().prepareStatement("VACUUM INTO ?")) {
                    statement.setString(1, target.toAbsolutePath().toString());
                    statement.execute();
                } finally {
                    h.execute("PRAGMA mmap_size = " + mapped);
                }
            });
        } catch (SQLException | RuntimeException e) {
            throw new FileProblem(sqliteReason(e));
        }
    }

    /** As {@link #copy(Jdbi, Path)}, from a database file no Jdbi has open (it is neither migrated nor changed). */
    public static void copy(Path database, Path target) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             var statement = connection.prepareStatement("VACUUM INTO ?")) {
            statement.setString(1, target.toAbsolutePath().toString());
            statement.execute();
        } catch (SQLException e) {
            throw new FileProblem(sqliteReason(e));
        }
    }

    /** SQLite's {@code PRAGMA integrity_check} of a file: the problems it lists, none when the file is whole. */
    public static List<String> integrityProblems(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new ArrayList<>();
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
            return problems.equals(List.of("ok")) ? List.of() : problems;
        } catch (SQLException e) {
            return List.of(sqliteReason(e));
        }
    }

    /**
     * The schema version of the prepdeck database in {@code file}, read without changing it.
     *
     * @throws FileProblem naming what the file is instead when it is not a prepdeck database
     */
    public static int prepdeckSchemaVersion(Path file) {
        byte[] head = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length || !Arrays.equals(head, MAGIC)) {
                throw new FileProblem("it is not a SQLite database");
            }
        } catch (IOException e) {
            throw new FileProblem("it cannot be read: " + e.getMessage());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            int version;
            try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                version = rows.next() ? rows.getInt(1) : 0;
            }
            if (version < 1 || !tables.containsAll(PREPDECK_TABLES)) {
                throw new FileProblem("it is a SQLite database but not a prepdeck one");
            }
            if (version > Migrations.LATEST_VERSION) {
                throw new FileProblem("it was written by a newer prepdeck (schema version " + version
                        + "); this build understands versions up to " + Migrations.LATEST_VERSION);
            }
            return version;
        } catch (SQLException e) {
            throw new FileProblem("it cannot be opened: " + sqliteReason(e));
        }
    }

    /**
     * Replaces everything in the database behind {@code jdbi} with the contents of {@code source}, a checked
     * prepdeck database of the latest schema, while the app keeps its connections. SQLite's backup API copies
     * every page in one step, which is one write transaction: a page being read meanwhile sees the old data or the
     * new, never a mix, and each open connection notices the changed schema and reads it again. This process's
     * writers wait behind the writer lock, so none of them slips in between.
     */
    public static void replaceContents(Jdbi jdbi, Path source) {
        Transactions.exclusively(jdbi, () -> jdbi.useHandle(h -> {
            int result;
            try {
                SQLiteConnection connection = h.getConnection().unwrap(SQLiteConnection.class);
                // -1 pages per step: the whole file at once. Another process's reader or writer is waited for.
                result = connection.getDatabase().restore("main", source.toAbsolutePath().toString(), null,
                        100, (int) (Database.WAIT.toMillis() / 100), -1);
            } catch (SQLException e) {
                throw new FileProblem(sqliteReason(e));
            }
            if (result != 0 && result != 101) {
                throw new FileProblem("SQLite could not copy " + source.getFileName() + " into the database (code "
                        + result + ")");
            }
        }));
    }

    /** What SQLite said, without the driver's "[SQLITE_xxx]" prefix when there is a plainer message. */
    private static String sqliteReason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int detail = message.indexOf("] ");
        return detail >= 0 && detail + 2 < message.length() ? message.substring(detail + 2) : message;
    }

    /** A database file could not be written, read or used; the message says why, in SQLite's or our words. */
    public static final class FileProblem extends RuntimeException {
        public FileProblem(String message) {
            super(message);
        }
    }
}
