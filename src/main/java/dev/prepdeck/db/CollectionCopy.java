package dev.prepdeck.db;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.sqlite.SQLiteConfig;

/**
 * Copies a whole SQLite collection into an empty PostgreSQL database of the same schema version, in one
 * transaction on the target, and checks it before committing: every table's row count and a checksum of its
 * content, computed by the same code from both databases. Rows stream through (COPY on the target), so a large
 * collection needs no more memory than a small one. Ids are kept and each identity sequence is moved past the
 * highest id the SQLite file ever gave ({@code sqlite_sequence} remembers deleted ones), so no id is reused.
 */
public final class CollectionCopy {
    /**
     * Every table the app keeps, each before the tables whose rows refer to it. The statistics roll-ups and the
     * search tables are copied as they are (their triggers are off during the copy), so the checksums compare them
     * too. A table added by a later migration and missing here stops the copy, rather than being left behind.
     */
    public static final List<String> TABLES = List.of(
            "learner", "deck", "card", "card_state", "review_log", "practice_attempt", "practice_recording",
            "review_hour", "card_recall", "media", "card_text", "card_tag", "answer_judge",
            "account", "account_session", "api_token", "login_failure", "saved_search", "custom_study", "extra_new_today",
            "bulk_undo", "bulk_undo_card", "bulk_undo_state", "bulk_undo_review", "bulk_undo_attempt",
            "bulk_undo_recording");

    /**
     * SQLite's own tables and what only SQLite has: the FTS5 search indexes with their shadow tables (PostgreSQL
     * answers the same searches from pg_trgm indexes on card_text, built as rows arrive) and the switch imports
     * use to hold the FTS5 and statistics triggers back (search_index_held, review_hour_held).
     */
    static final Set<String> SQLITE_ONLY = Set.of(
            "sqlite_sequence", "sqlite_stat1", "sqlite_stat4", "search_index_held", "review_hour_held",
            "card_text_index", "card_text_index_data", "card_text_index_idx", "card_text_index_docsize",
            "card_text_index_config",
            "card_text_cjk", "card_text_cjk_data", "card_text_cjk_idx", "card_text_cjk_docsize",
            "card_text_cjk_config");

    /** PostgreSQL's own bookkeeping: the schema ladder (Migrations). */
    static final Set<String> POSTGRES_ONLY = Set.of("schema_version");

    /** The first migration makes the default learner; an otherwise untouched database may hold that one row. */
    private static final String SEEDED_TABLE = "learner";
    private static final int COPY_CHUNK = 1 << 16;
    private static final int FETCH_SIZE = 5_000;

    private CollectionCopy() {
    }

    /** One table's figures on both sides; the copy is kept only when every table's match. */
    public record TableCheck(String table, long sourceRows, String sourceChecksum, long targetRows,
                             String targetChecksum) {
        public boolean matches() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    /** The copy could not be made or did not check out; nothing was written to the target. */
    public static final class CopyProblem extends RuntimeException {
        public CopyProblem(String message) {
            super(message);
        }

        CopyProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks that {@code source} is a prepdeck SQLite collection of this build's schema version, before anything
     * is opened on the target.
     *
     * @throws CopyProblem saying what the file is instead, or how to bring it to this version
     */
    public static void checkSource(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new CopyProblem(source + " does not exist or is not a file");
        }
        int version;
        try {
            version = DatabaseFiles.prepdeckSchemaVersion(source);
        } catch (DatabaseFiles.FileProblem e) {
            throw new CopyProblem(source + ": " + e.getMessage());
        }
        if (version != Migrations.LATEST_VERSION) {
            throw new CopyProblem(source + " is at schema version " + version + " and this prepdeck's is "
                    + Migrations.LATEST_VERSION + ": upgrade it first by opening it with this prepdeck, e.g."
                    + " `prepdeck check --db " + source + " --report-only` (it backs the file up before upgrading)");
        }
    }

    /**
     * Copies {@code source} into the PostgreSQL database {@code target} (opened and migrated by
     * {@link Database#open}), telling {@code progress} each table as it is copied.
     *
     * @return each table's rows and checksum on both sides, all matching
     * @throws CopyProblem when the source is not of this schema version, the target is not empty, a table is not
     *                     known to the copy, or the figures differ after the copy (which is then rolled back)
     */
    public static List<TableCheck> copy(Path source, Jdbi target, Consumer<String> progress) {
        checkSource(source);
        if (Dialect.of(target) != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("the target of a copy is a PostgreSQL database");
        }
        int targetVersion = Migrations.currentVersion(target);
        if (targetVersion != Migrations.LATEST_VERSION) {
            throw new CopyProblem("the PostgreSQL database is at schema version " + targetVersion + ", not "
                    + Migrations.LATEST_VERSION);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection from = readOnly.createConnection("jdbc:sqlite:" + source.toAbsolutePath())) {
            // One read transaction: every table from the same snapshot, even while a server writes to the file.
            from.setAutoCommit(false);
            return target.withHandle(h -> copy(from, h.getConnection(), progress));
        } catch (SQLException e) {
            throw new CopyProblem("copying " + source + " failed: " + e.getMessage(), e);
        }
    }

    private static List<TableCheck> copy(Connection from, Connection to, Consumer<String> progress)
            throws SQLException {
        checkTablesKnown("the SQLite file", sqliteTables(from), SQLITE_ONLY);
        checkTablesKnown("the PostgreSQL database", postgresTables(to), POSTGRES_ONLY);
        to.setAutoCommit(false);
        List<TableCheck> checks;
        try {
            checks = copyAll(from, to, progress);
            List<String> differing = checks.stream().filter(check -> !check.matches()).map(TableCheck::table).toList();
            if (!differing.isEmpty()) {
                throw new CopyProblem("the copy differs from the SQLite file in " + String.join(", ", differing)
                        + "; nothing was written to PostgreSQL");
            }
            to.commit();
        } catch (SQLException | RuntimeException e) {
            to.rollback();
            throw e;
        } finally {
            to.setAutoCommit(true);
        }
        // The planner's statistics now rather than at autovacuum's next round, so the first requests after the copy
        // are planned from the copied tables' real sizes.
        try (Statement statement = to.createStatement()) {
            statement.execute("ANALYZE " + String.join(", ", TABLES));
        }
        return checks;
    }

    private static List<TableCheck> copyAll(Connection from, Connection to, Consumer<String> progress)
            throws SQLException {
        try (Statement statement = to.createStatement()) {
            // Taken first: the emptiness check below then holds until commit (ALTER TABLE locks each table), and
            // the triggers would otherwise fill the roll-ups and search tables a second time.
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
            checkEmpty(statement);
            statement.execute("DELETE FROM " + SEEDED_TABLE);
        } catch (SQLException e) {
            throw explained(e);
        }
        Map<String, List<Column>> columnsOf = new HashMap<>();
        Map<String, Fingerprint> copied = new HashMap<>();
        for (String table : TABLES) {
            columnsOf.put(table, columns(from, to, table));
            Fingerprint source = copyTable(from, to, table, columnsOf.get(table));
            copied.put(table, source);
            progress.accept(table + ": " + source.rows() + " rows copied");
        }
        moveSequencesPastCopiedIds(from, to);
        try (Statement statement = to.createStatement()) {
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
        }
        List<TableCheck> checks = new ArrayList<>();
        for (String table : TABLES) {
            Fingerprint source = copied.get(table);
            Fingerprint target = fingerprint(to, table, columnsOf.get(table));
            checks.add(new TableCheck(table, source.rows(), source.checksum(), target.rows(), target.checksum()));
        }
        return checks;
    }

    private static void checkTablesKnown(String where, Set<String> present, Set<String> ownTables) {
        Set<String> unknown = new TreeSet<>(present);
        unknown.removeAll(TABLES);
        unknown.removeAll(ownTables);
        if (!unknown.isEmpty()) {
            throw new CopyProblem(where + " has tables this copy does not know: " + String.join(", ", unknown)
                    + "; copying without them would lose their rows, so nothing was copied (this prepdeck's"
                    + " migrate needs to learn them)");
        }
        Set<String> missing = new TreeSet<>(TABLES);
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new CopyProblem(where + " lacks the tables " + String.join(", ", missing)
                    + " of this prepdeck's schema; nothing was copied");
        }
    }

    private static void checkEmpty(Statement statement) throws SQLException {
        List<String> filled = new ArrayList<>();
        for (String table : TABLES) {
            long allowed = table.equals(SEEDED_TABLE) ? 1 : 0;
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT " + (allowed + 1) + ") AS head")) {
                rows.next();
                if (rows.getLong(1) > allowed) {
                    filled.add(table);
                }
            }
        }
        if (!filled.isEmpty()) {
            throw new CopyProblem("the PostgreSQL database is not empty (rows in " + String.join(", ", filled)
                    + "); migrate copies into an empty database only, so nothing was copied. Create a new"
                    + " database for it (createdb) and give that one as --to");
        }
    }

    private static Set<String> sqliteTables(Connection from) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement statement = from.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static Set<String> postgresTables(Connection to) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement statement = to.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT table_name FROM information_schema.tables
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** A column as both databases hold it, by the kind of value PostgreSQL's type says it is. */
    record Column(String name, Kind kind) {
    }

    enum Kind {
        INTEGER, REAL, TEXT, BYTES
    }

    /** The target's columns of {@code table}, which the source must have by the same names. */
    private static List<Column> columns(Connection from, Connection to, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = to.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ?
                ORDER BY ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), kind(table, rows.getString(1), rows.getString(2))));
                }
            }
        }
        Set<String> sourceColumns = new TreeSet<>();
        try (PreparedStatement statement = from.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sourceColumns.add(rows.getString(1));
                }
            }
        }
        Set<String> targetColumns = new TreeSet<>(columns.stream().map(Column::name).toList());
        if (!sourceColumns.equals(targetColumns)) {
            throw new CopyProblem("table " + table + " has the columns " + sourceColumns + " in the SQLite file but "
                    + targetColumns + " in PostgreSQL; nothing was copied");
        }
        return columns;
    }

    private static Kind kind(String table, String column, String postgresType) {
        return switch (postgresType) {
            case "bigint", "integer", "smallint" -> Kind.INTEGER;
            case "double precision", "real" -> Kind.REAL;
            case "text", "character varying" -> Kind.TEXT;
            case "bytea" -> Kind.BYTES;
            default -> throw new CopyProblem("column " + table + "." + column + " is of type " + postgresType
                    + ", which this copy does not know; nothing was copied");
        };
    }

    /** Streams one table's rows into PostgreSQL's COPY, taking the source's fingerprint on the way. */
    private static Fingerprint copyTable(Connection from, Connection to, String table, List<Column> columns)
            throws SQLException {
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        Fingerprint fingerprint = new Fingerprint();
        CopyIn copy = to.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + names + ") FROM STDIN");
        try (Statement statement = from.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + names + " FROM " + table)) {
            StringBuilder chunk = new StringBuilder(COPY_CHUNK + 1024);
            Object[] values = new Object[columns.size()];
            while (rows.next()) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(rows, i + 1, columns.get(i).kind());
                    if (i > 0) {
                        chunk.append('\t');
                    }
                    appendCopyText(chunk, values[i]);
                }
                chunk.append('\n');
                fingerprint.add(values);
                if (chunk.length() >= COPY_CHUNK) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } catch (SQLException e) {
            cancel(copy);
            throw new CopyProblem("copying table " + table + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cancel(copy);
            throw e;
        }
        return fingerprint;
    }

    private static void cancel(CopyIn copy) throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** A table's rows and checksum as PostgreSQL now holds them, read within the copy's transaction. */
    private static Fingerprint fingerprint(Connection to, String table, List<Column> columns) throws SQLException {
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        Fingerprint fingerprint = new Fingerprint();
        try (Statement statement = to.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery("SELECT " + names + " FROM " + table)) {
                Object[] values = new Object[columns.size()];
                while (rows.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value(rows, i + 1, columns.get(i).kind());
                    }
                    fingerprint.add(values);
                }
            }
        }
        return fingerprint;
    }

    /** A column's value as the same Java value from either database: Long, Double, String, byte[] or null. */
    private static Object value(ResultSet rows, int index, Kind kind) throws SQLException {
        if (kind == Kind.INTEGER) {
            return integer(rows, index);
        }
        Object value = switch (kind) {
            case REAL -> rows.getDouble(index);
            case TEXT -> rows.getString(index);
            default -> rows.getBytes(index);
        };
        return rows.wasNull() ? null : value;
    }

    /**
     * An integer column's value. SQLite keeps whatever a row was given, so a fraction or text in an INTEGER column
     * is refused here rather than cut to a whole number on both sides (where the checksums would still agree).
     */
    private static Long integer(ResultSet rows, int index) throws SQLException {
        Object value = rows.getObject(index);
        if (value == null) {
            return null;
        }
        if ((value instanceof Long || value instanceof Integer || value instanceof Short)) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 0x1p53) {
            return number.longValue();
        }
        throw new CopyProblem("column " + rows.getMetaData().getColumnName(index) + " holds " + value
                + " where PostgreSQL takes a whole number; nothing was copied");
    }

    /** COPY's text format: tab between columns, \N for null, backslash escapes, bytea as \x hex. */
    private static void appendCopyText(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof byte[] bytes) {
            out.append("\\\\x");
            for (byte b : bytes) {
                out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        } else if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        } else {
            // Double.toString gives the shortest text that reads back as the same double; PostgreSQL reads it exactly
            out.append(value);
        }
    }

    /**
     * PostgreSQL's identity sequences, moved past the highest id each table holds or (SQLite's AUTOINCREMENT) ever
     * gave, so a new deck, card or review never takes an id a deleted one had.
     */
    private static void moveSequencesPastCopiedIds(Connection from, Connection to) throws SQLException {
        Map<String, Long> everGiven = new HashMap<>();
        try (Statement statement = from.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
            while (rows.next()) {
                everGiven.put(rows.getString(1), rows.getLong(2));
            }
        }
        List<String[]> identities = new ArrayList<>();
        try (Statement statement = to.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND is_identity = 'YES'""")) {
            while (rows.next()) {
                identities.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] identity : identities) {
            String table = identity[0];
            String column = identity[1];
            long highest;
            try (Statement statement = to.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)) {
                rows.next();
                highest = Math.max(rows.getLong(1), everGiven.getOrDefault(table, 0L));
            }
            if (highest > 0) {
                try (PreparedStatement statement = to.prepareStatement(
                        "SELECT setval(pg_get_serial_sequence(?, ?), ?)")) {
                    statement.setString(1, table);
                    statement.setString(2, column);
                    statement.setLong(3, highest);
                    statement.execute();
                }
            }
        }
    }

    private static CopyProblem explained(SQLException e) {
        if ("42501".equals(e.getSQLState())) {
            return new CopyProblem("the PostgreSQL role cannot change the tables (" + e.getMessage() + "): migrate"
                    + " turns their triggers off while it copies, so run it as the role that owns them (the one"
                    + " the app instances log in as); nothing was copied", e);
        }
        return new CopyProblem("preparing the PostgreSQL database failed: " + e.getMessage(), e);
    }

    /**
     * A table's row count and a checksum of its rows that does not depend on their order (the two databases return
     * rows in their own orders, and sort text by their own collations): the sum, modulo 2^256, of each row's SHA-256
     * over its values in a type-tagged encoding.
     */
    static final class Fingerprint {
        private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
        private final MessageDigest digest;
        private BigInteger sum = BigInteger.ZERO;
        private long rows;

        Fingerprint() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }

        void add(Object[] values) {
            ByteBuffer eight = ByteBuffer.allocate(Long.BYTES);
            for (Object value : values) {
                if (value == null) {
                    digest.update((byte) 0);
                } else if (value instanceof Long number) {
                    digest.update((byte) 1);
                    digest.update(eight.clear().putLong(number).array());
                } else if (value instanceof Double number) {
                    digest.update((byte) 2);
                    digest.update(eight.clear().putLong(Double.doubleToLongBits(number)).array());
                } else if (value instanceof String text) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    digest.update((byte) 3);
                    digest.update(eight.clear().putLong(bytes.length).array());
                    digest.update(bytes);
                } else {
                    byte[] bytes = (byte[]) value;
                    digest.update((byte) 4);
                    digest.update(eight.clear().putLong(bytes.length).array());
                    digest.update(bytes);
                }
            }
            sum = sum.add(new BigInteger(1, digest.digest())).mod(MODULUS);
            rows++;
        }

        long rows() {
            return rows;
        }

        /** The sum as 64 hex digits. */
        String checksum() {
            String hex = sum.toString(16);
            return "0".repeat(64 - hex.length()) + hex;
        }
    }
}
