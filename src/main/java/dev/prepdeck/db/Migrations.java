package dev.prepdeck.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A ladder of numbered schema upgrades, the same numbers on both databases: tracked in SQLite's PRAGMA
 * user_version, and on PostgreSQL in a {@code schema_version} table (one row per upgrade applied). Upgrade N runs
 * {@code db/migration/postgresql/VN__name.sql} on PostgreSQL when that file exists (most do: types, triggers and
 * search differ) and the shared {@code db/migration/VN__name.sql} otherwise.
 */
public final class Migrations {
    /** Scripts in order; script i upgrades the schema from version i to i + 1. */
    static final List<String> SCRIPTS = List.of(
            "V1__initial_schema.sql",
            "V2__deck_study_settings.sql",
            "V3__practice_attempts.sql",
            "V4__statistics.sql",
            "V5__media.sql",
            "V6__search.sql",
            "V7__ids_never_reused.sql",
            "V8__study_loop_under_load.sql",
            "V9__buried_cards.sql",
            "V10__search_index_for_imports.sql",
            "V11__answer_judge.sql",
            "V12__practice_recordings.sql",
            "V13__accounts.sql",
            "V14__browse_undo_leeches_saved_searches.sql",
            "V15__learner_settings.sql",
            "V16__private_decks.sql",
            "V17__no_planner_statistics.sql",
            "V18__bulk_undo_recordings.sql",
            "V19__shared_login_throttle.sql",
            "V20__new_cards_studied_today.sql",
            "V21__search_index_flushes_less_often.sql",
            "V22__import_statistics_in_bulk.sql",
            "V23__new_cards_in_file_order.sql",
            "V24__new_cards_in_the_hour_roll_up.sql",
            "V25__deck_answers_version.sql");

    public static final int LATEST_VERSION = SCRIPTS.size();

    /** The key of the advisory lock schema upgrades take on PostgreSQL ("prepdeck" in ASCII). */
    private static final long UPGRADE_LOCK = 0x707265706465636BL;

    private final String databaseName;
    private final BeforeUpgrade beforeUpgrade;

    public Migrations(String databaseName) {
        this(databaseName, BeforeUpgrade.NOTHING);
    }

    public Migrations(String databaseName, BeforeUpgrade beforeUpgrade) {
        this.databaseName = databaseName;
        this.beforeUpgrade = beforeUpgrade;
    }

    /** Told before the first upgrade of a database that already holds data, while it still has its old schema. */
    @FunctionalInterface
    public interface BeforeUpgrade {
        BeforeUpgrade NOTHING = (jdbi, fromVersion) -> { };

        void upgrading(Jdbi jdbi, int fromVersion);
    }

    /** Applies every missing upgrade, each in its own transaction together with its version bump. */
    public void migrate(Jdbi jdbi) {
        migrate(jdbi, LATEST_VERSION);
    }

    void migrate(Jdbi jdbi, int targetVersion) {
        if (Dialect.of(jdbi) == Dialect.POSTGRESQL) {
            migratePostgres(jdbi, targetVersion);
            return;
        }
        int current = currentVersion(jdbi);
        if (current > LATEST_VERSION) {
            throw new NewerSchemaException(
                    databaseName + " was written by a newer prepdeck (schema version " + current
                            + "); this build understands versions up to " + LATEST_VERSION
                            + ". Upgrade prepdeck or choose another file with --db.");
        }
        if (current > 0 && current < targetVersion) {
            beforeUpgrade.upgrading(jdbi, current);
        }
        for (int version = current; version < targetVersion; version++) {
            String script = SCRIPTS.get(version);
            String sql = readScript(script);
            int next = version + 1;
            jdbi.useHandle(connection -> {
                // Off, an upgrade may rebuild a table (create, copy, drop, rename) without the drop cascading into the
                // rows that refer to it; the check before commit keeps every reference whole. SQLite ignores this
                // pragma inside a transaction, so it is set around it, on this connection only.
                connection.execute("PRAGMA foreign_keys = OFF");
                try {
                    connection.useTransaction(handle -> {
                        // SQLite runs the script itself: Jdbi's script splitter cuts trigger bodies at each ';'
                        try (Statement statement = handle.getConnection().createStatement()) {
                            statement.executeUpdate(sql);
                        } catch (SQLException e) {
                            throw new IllegalStateException("schema upgrade " + script + " failed: " + e.getMessage(), e);
                        }
                        List<Map<String, Object>> broken = handle.createQuery("PRAGMA foreign_key_check").mapToMap().list();
                        if (!broken.isEmpty()) {
                            throw new IllegalStateException("schema upgrade " + script + " would leave rows referring to"
                                    + " rows that do not exist: " + broken);
                        }
                        handle.execute("PRAGMA user_version = " + next);
                    });
                } finally {
                    connection.execute("PRAGMA foreign_keys = ON");
                }
            });
        }
    }

    /**
     * PostgreSQL: each upgrade in its own transaction with its schema_version row. Several app instances may start
     * at once on one database, so each upgrade first takes a transaction-level advisory lock and reads the version
     * again under it: the first instance upgrades, the others find the work done. READ COMMITTED (not
     * {@link Transactions}' snapshot) so the version read after the lock wait sees what the other committed.
     */
    private void migratePostgres(Jdbi jdbi, int targetVersion) {
        int current = currentVersion(jdbi);
        if (current > LATEST_VERSION) {
            throw new NewerSchemaException(
                    databaseName + " was written by a newer prepdeck (schema version " + current
                            + "); this build understands versions up to " + LATEST_VERSION
                            + ". Upgrade prepdeck or choose another database with --db.");
        }
        for (int version = current; version < targetVersion; version++) {
            String script = SCRIPTS.get(version);
            String sql = readScript(Dialect.POSTGRESQL, script);
            int next = version + 1;
            jdbi.useHandle(handle -> upgradePostgres(handle.getConnection(), script, sql, next));
        }
    }

    private static void upgradePostgres(Connection connection, String script, String sql, int next) {
        try {
            try {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_xact_lock(" + UPGRADE_LOCK + ")");
                    statement.execute("""
                            CREATE TABLE IF NOT EXISTS schema_version (
                                version    INTEGER     PRIMARY KEY,
                                script     TEXT        NOT NULL,
                                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                            )""");
                    if (postgresVersion(statement) < next) {
                        statement.execute(sql);
                        try (PreparedStatement done = connection.prepareStatement(
                                "INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
                            done.setInt(1, next);
                            done.setString(2, script);
                            done.executeUpdate();
                        }
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("schema upgrade " + script + " failed: " + e.getMessage(), e);
        }
    }

    private static int postgresVersion(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT to_regclass('schema_version') IS NOT NULL")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                return 0;
            }
        }
        try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    public static int currentVersion(Jdbi jdbi) {
        if (Dialect.of(jdbi) == Dialect.POSTGRESQL) {
            return jdbi.withHandle(handle -> {
                try (Statement statement = handle.getConnection().createStatement()) {
                    return postgresVersion(statement);
                } catch (SQLException e) {
                    throw new IllegalStateException("the schema version cannot be read: " + e.getMessage(), e);
                }
            });
        }
        return jdbi.withHandle(handle -> handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one());
    }

    private static String readScript(String name) {
        return readScript(Dialect.SQLITE, name);
    }

    private static String readScript(Dialect dialect, String name) {
        String postgres = "/db/migration/postgresql/" + name;
        if (dialect == Dialect.POSTGRESQL && Migrations.class.getResource(postgres) != null) {
            return readResource(postgres, name);
        }
        return readResource("/db/migration/" + name, name);
    }

    private static String readResource(String path, String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database file belongs to a newer prepdeck; touching it could lose that version's data. */
    public static final class NewerSchemaException extends RuntimeException {
        public NewerSchemaException(String message) {
            super(message);
        }
    }
}
