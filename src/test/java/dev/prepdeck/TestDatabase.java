package dev.prepdeck;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The databases a test can run on, for tests parameterized with {@code @EnumSource(TestDatabase.class)}: SQLite in
 * a temp file, or a fresh schema of its own on the PostgreSQL server {@value #URL_VARIABLE} names (.ci/postgres
 * sets one up; its password in {@value #PASSWORD_VARIABLE}). Without that server the PostgreSQL runs are skipped
 * with a message that says so, unless CI=true, where they fail.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRESQL;

    public static final String URL_VARIABLE = "PREPDECK_TEST_POSTGRES_URL";
    public static final String PASSWORD_VARIABLE = "PREPDECK_TEST_POSTGRES_PASSWORD";

    /**
     * The database every test that does not choose one runs on: SQLite, or the one {@code -Dprepdeck.test.database}
     * names ({@code mvn test -Dprepdeck.test.database=postgresql} runs the whole suite on PostgreSQL, to find what is
     * not ported yet).
     */
    public static final TestDatabase DEFAULT = valueOf(
            System.getProperty("prepdeck.test.database", "sqlite").toUpperCase(java.util.Locale.ROOT));

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static final List<Jdbi> OPEN = new ArrayList<>();
    private static boolean warned;

    /**
     * A new, empty, migrated prepdeck database; on SQLite in {@code tempDir}. The learner's zone is UTC so days are
     * predictable.
     */
    public Jdbi open(Path tempDir) {
        Jdbi jdbi = this == SQLITE ? Database.open(tempDir.resolve("test.db")) : openPostgres(newSchema());
        jdbi.useHandle(h -> h.execute("UPDATE learner SET time_zone = 'UTC', rollover_hour = 4"));
        return jdbi;
    }

    /**
     * The {@code --db} URL of a new, empty PostgreSQL database (a schema of its own) for command-line tests; its
     * password is {@link #password()}.
     */
    public static String newPostgresUrl() {
        return commandUrl(newSchema());
    }

    /**
     * The {@code --db} argument a command-line test gives for the database {@code jdbi} is open on: the SQLite file
     * in {@code tempDir}, or the URL of its PostgreSQL schema (its password is {@link #password()}).
     */
    public String commandArgument(Jdbi jdbi, Path tempDir) {
        if (this == SQLITE) {
            return tempDir.resolve("test.db").toString();
        }
        return commandUrl(jdbi.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one()));
    }

    private static String commandUrl(String schema) {
        String url = server().jdbcUrl();
        return url.replaceFirst("^jdbc:postgresql://", "postgresql://" + server().user() + "@")
                + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    /**
     * The database {@code jdbi} is open on, opened again as a restarted app would: the SQLite file in
     * {@code tempDir}, or a new pool on the same PostgreSQL schema.
     */
    public Jdbi reopen(Jdbi jdbi, Path tempDir) {
        return this == SQLITE ? Database.open(tempDir.resolve("test.db")) : anotherInstance(jdbi);
    }

    /**
     * A copy of the database {@code source} is open on, as a new database: on SQLite its file in
     * {@code sourceFolder} copied to {@code folder}; on PostgreSQL a new schema holding every row of the source's.
     */
    public Jdbi copy(Jdbi source, Path sourceFolder, Path folder) {
        if (this == SQLITE) {
            source.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
            try {
                Files.copy(sourceFolder.resolve("test.db"), folder.resolve("test.db"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Database.open(folder.resolve("test.db"));
        }
        String from = source.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
        Jdbi copy = openPostgres(newSchema());
        copy.useHandle(h -> {
            List<String> tables = h.createQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                      AND table_name <> 'schema_version' ORDER BY table_name""").mapTo(String.class).list();
            Map<String, List<String>> parents = new HashMap<>();
            h.createQuery("""
                    SELECT cl.relname AS child, pa.relname AS parent FROM pg_constraint c
                    JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
                    JOIN pg_namespace n ON n.oid = c.connamespace
                    WHERE c.contype = 'f' AND n.nspname = current_schema()""")
                    .map((rs, ctx) -> Map.entry(rs.getString("child"), rs.getString("parent")))
                    .forEach(e -> parents.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            // Parents before the rows that refer to them; the copy's triggers stay off, the rows they keep are copied
            List<String> ordered = new ArrayList<>();
            while (ordered.size() < tables.size()) {
                for (String table : tables) {
                    if (!ordered.contains(table) && parents.getOrDefault(table, List.of()).stream()
                            .allMatch(p -> p.equals(table) || ordered.contains(p))) {
                        ordered.add(table);
                    }
                }
            }
            h.execute("TRUNCATE " + String.join(", ", ordered) + " CASCADE");
            for (String table : ordered) {
                h.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
                h.execute("INSERT INTO " + table + " SELECT * FROM " + from + "." + table);
                h.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
            h.createQuery("""
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND is_identity = 'YES'""")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .forEach(identity -> h.execute("SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX("
                            + identity.getValue() + ") FROM " + identity.getKey() + "), 1))",
                            identity.getKey(), identity.getValue()));
        });
        return copy;
    }

    /** A second app instance's connection pool on the same database as {@code first} (PostgreSQL only). */
    public static Jdbi anotherInstance(Jdbi first) {
        String schema = first.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
        return openPostgres(schema);
    }

    private static Jdbi openPostgres(String schema) {
        DatabaseLocation.PostgresServer server = server();
        String url = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema
                + ",public";
        Jdbi jdbi = Database.open(new DatabaseLocation.PostgresServer(url, server.user()), password());
        synchronized (OPEN) {
            OPEN.add(jdbi);
        }
        return jdbi;
    }

    /** A schema of this test's own, dropped when the test JVM ends; extensions (pg_trgm) stay in public. */
    private static String newSchema() {
        String schema = "prepdeck_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + server() + ": " + e.getMessage(), e);
        }
        synchronized (CREATED) {
            if (CREATED.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas, "drop-test-schemas"));
            }
            CREATED.add(schema);
        }
        return schema;
    }

    private static void dropSchemas() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String schema : CREATED) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the PostgreSQL test schemas: " + e.getMessage());
        }
    }

    private static Connection connect() throws SQLException {
        DatabaseLocation.PostgresServer server = server();
        Properties login = new Properties();
        if (server.user() != null) {
            login.setProperty("user", server.user());
        }
        login.setProperty("password", password());
        return DriverManager.getConnection(server.jdbcUrl(), login);
    }

    /** The test server, or the test skipped (failed with CI=true) when none is configured. */
    private static DatabaseLocation.PostgresServer server() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String why = "PostgreSQL tests need a server: run `eval \"$(.ci/postgres)\"` (it installs, starts and"
                    + " sets " + URL_VARIABLE + " and " + PASSWORD_VARIABLE + "), then run the tests again";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            synchronized (TestDatabase.class) {
                if (!warned) {
                    warned = true;
                    System.err.println("\n*** SKIPPING every PostgreSQL test run: " + why + " ***\n");
                }
            }
            Assumptions.abort(why);
        }
        return (DatabaseLocation.PostgresServer) DatabaseLocation.parse(url);
    }

    public static String password() {
        String password = System.getenv(PASSWORD_VARIABLE);
        return password == null ? "" : password;
    }

    /**
     * Shuts down the PostgreSQL pools a test opened when it ends, and those a test class opened for all its tests
     * when the class ends, so hundreds of tests do not hold the server's connections (registered for every test
     * through junit-platform.properties' extension auto-detection).
     */
    public static final class ClosePools implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
        private int openedBeforeTest;

        @Override
        public void beforeEach(ExtensionContext context) {
            synchronized (OPEN) {
                openedBeforeTest = OPEN.size();
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            closeFrom(openedBeforeTest);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            closeFrom(0);
        }

        private static void closeFrom(int first) {
            List<Jdbi> opened;
            synchronized (OPEN) {
                List<Jdbi> tail = OPEN.subList(Math.min(first, OPEN.size()), OPEN.size());
                opened = new ArrayList<>(tail);
                tail.clear();
            }
            opened.forEach(Database::close);
        }
    }
}
