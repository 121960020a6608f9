package dev.prepdeck.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the prepdeck database (a SQLite file, or a PostgreSQL server shared by several app instances) with the
 * settings every connection needs, brings its schema up to date, and is where transactions come from:
 * {@code jdbi.inTransaction} / {@code useTransaction} for writes and {@link #read} for a page's reads
 * ({@link Transactions} owns both). The rest of the app learns which database it has from {@link Dialect}.
 */
public final class Database {
    /** How long a request waits for a connection or for the writer before it is told the database is busy. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * How often the write-ahead log is copied into a SQLite file while writes come in (Checkpoints). Each copy that
     * catches up makes the next commit start the log again, which syncs its header: once a second that is fewer than
     * 1 % of one client's ratings (about 180 a second, 19 pages of log each).
     */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** Log pages (4 KB each) beyond which a checkpoint copies its tail between two writes, to start the log again. */
    static final int CHECKPOINT_RESTART_PAGES = 5_000;
    /** How long without a write before the log file is emptied and the checkpoint thread ends. */
    static final Duration CHECKPOINT_IDLE = Duration.ofSeconds(2);
    /** How much of a SQLite file its connections read through a memory map (the rest through ordinary reads). */
    static final long MEMORY_MAP_BYTES = 128L << 20;

    /** Connections a pool keeps, on either database: enough for the request threads of two cores. */
    private static final int POOL_SIZE = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());

    private Database() {
    }

    /**
     * Opens the database {@code --db} names; {@code password} is asked for only when it is a PostgreSQL server.
     * A SQLite file is told {@code beforeUpgrade} before its schema is upgraded; PostgreSQL's backups are the
     * operator's (pg_dump, replication), so it is not.
     */
    public static Jdbi open(DatabaseLocation location, Supplier<String> password,
                            Migrations.BeforeUpgrade beforeUpgrade) {
        if (location instanceof DatabaseLocation.PostgresServer server) {
            return open(server, password.get());
        }
        return open(((DatabaseLocation.SqliteFile) location).file(), beforeUpgrade);
    }

    /**
     * Opens a PostgreSQL database through a HikariCP pool and brings its schema up to date. Several app instances
     * may open the same database at once: the schema upgrade runs in one of them (Migrations).
     *
     * @throws DatabaseFiles.FileProblem when the server cannot be reached or refuses the login, saying which
     */
    public static Jdbi open(DatabaseLocation.PostgresServer server, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        if (server.user() != null) {
            config.setUsername(server.user());
        }
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(WAIT.toMillis());
        config.setPoolName("prepdeck");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DatabaseFiles.FileProblem("cannot connect to " + server + ": " + cause.getMessage());
        }
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(Dialect.Setting.class).set(Dialect.POSTGRESQL);
        jdbi.setTransactionHandler(new Transactions(Dialect.POSTGRESQL, new ReentrantLock(true), WAIT, () -> { }));
        jdbi.getConfig(Pool.class).closer = dataSource::close;
        registerMappings(jdbi);
        registerPostgresMappings(jdbi);
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        TemplateEngine templates = statements.getTemplateEngine();
        statements.setTemplateEngine((template, ctx) -> postgresSpelling(templates.render(template, ctx)));
        try {
            new Migrations(server.toString(), Migrations.BeforeUpgrade.NOTHING).migrate(jdbi);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return jdbi;
    }

    /**
     * WAL lets readers work while a review is written. {@code synchronous=NORMAL} skips the fsync at each commit:
     * in WAL mode a committed transaction is in the WAL file when COMMIT returns, so it survives the process being
     * killed (the crash test kills the server under load and finds every acknowledged review); only a power cut or
     * an operating-system crash can take back the last commits, never corrupt the file.
     *
     * <p>No ANALYZE (nor {@code PRAGMA optimize}, which runs it): the queries' plans are right without statistics and
     * pinned by tests (QueryPlansTest, SearchPlanTest). Statistics taken while a collection is small stay small: the
     * full-text index's {@code _data} table counted 2 rows in a new collection, so FTS5's segment deletes then read
     * that whole table at every merge, and filling the index took time quadratic in its size (10,000 cards in one
     * transaction: 30 s of CPU instead of 4.5 s).
     */
    public static Jdbi open(Path file) {
        return open(file, Migrations.BeforeUpgrade.NOTHING);
    }

    /** As {@link #open(Path)}, telling {@code beforeUpgrade} first when the file's schema is about to be upgraded. */
    public static Jdbi open(Path file, Migrations.BeforeUpgrade beforeUpgrade) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // Another process (prepdeck import beside the server) may hold the write lock; this process's own writers
        // queue on Transactions' lock instead.
        config.setBusyTimeout((int) WAIT.toMillis());
        // Reads go through a memory map, so pooled connections share the operating system's cached pages. Mapped pages
        // count in the server's resident memory: a 1 GB map let a 500 MB collection add its whole file to it (530 MB
        // peak on 100,000 cards), so the map covers the first 128 MB and the rest is read like any file (BENCHMARKS.md).
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(MEMORY_MAP_BYTES));
        // After a checkpoint the WAL file is cut back to this size instead of keeping the largest it ever grew to.
        config.setJournalSizeLimit(32 << 20);
        // Checkpoints run on their own thread (Checkpoints); SQLite's at a commit is left as a far bound.
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, String.valueOf(Checkpoints.BACKSTOP_PAGES));
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // The card triggers fold text for search through these functions, so every connection needs them.
        ConnectionFactory connections = () -> {
            Connection connection = dataSource.getConnection();
            try {
                TextFold.registerSqlFunctions(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        };
        ConnectionPool pool = new ConnectionPool(connections, POOL_SIZE, WAIT);
        ReentrantLock writer = new ReentrantLock(true);
        Checkpoints checkpoints = new Checkpoints(pool, writer, CHECKPOINT_INTERVAL, CHECKPOINT_IDLE,
                CHECKPOINT_RESTART_PAGES);
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        jdbi.setTransactionHandler(new Transactions(Dialect.SQLITE, writer, WAIT, checkpoints::written));
        jdbi.setStatementBuilderFactory(new StatementCache());
        jdbi.getConfig(Pool.class).groupCommit = new GroupCommit();
        jdbi.getConfig(Pool.class).closer = () -> {
            checkpoints.close();
            pool.closeIdle();
        };
        registerMappings(jdbi);
        new Migrations(file.toString(), beforeUpgrade).migrate(jdbi);
        return jdbi;
    }

    /** The file the database behind {@code jdbi} lives in, as SQLite names it; a SQLite database only. */
    public static Path file(Jdbi jdbi) {
        if (Dialect.of(jdbi) != Dialect.SQLITE) {
            throw new IllegalStateException("a PostgreSQL database is no file");
        }
        String file = jdbi.withHandle(h -> h.createQuery("SELECT file FROM pragma_database_list WHERE name = 'main'")
                .mapTo(String.class).one());
        return Path.of(file);
    }

    /**
     * Closes the connections kept open; on SQLite after copying the write-ahead log into the database file and
     * emptying it (the Jdbi still works, opening new ones), on PostgreSQL the pool is shut down.
     */
    public static void close(Jdbi jdbi) {
        try {
            jdbi.getConfig(Pool.class).closer.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the database failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one app instance at a time: on PostgreSQL, where several instances share the database,
     * under a session advisory lock named by {@code job} (an instance that comes second waits, then finds the work
     * done); on SQLite, whose file has one server, at once.
     */
    public static void oneInstanceAtATime(Jdbi jdbi, String job, Runnable work) {
        if (Dialect.of(jdbi) == Dialect.SQLITE) {
            work.run();
            return;
        }
        jdbi.useHandle(h -> {
            long key = job.hashCode();
            h.createQuery("SELECT pg_advisory_lock(:key)").bind("key", key).mapTo(String.class).one();
            try {
                work.run();
            } finally {
                h.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", key).mapTo(Boolean.class).one();
            }
        });
    }

    /**
     * Runs a page's reads in one read transaction, so everything the page shows comes from one snapshot of the
     * file. The transaction is DEFERRED and takes no lock: under WAL it never waits for a writer, where a write
     * transaction would queue page loads behind each other. Writes inside it are a mistake (SQLite refuses them
     * when another write came first).
     */
    public static <R> R read(Jdbi jdbi, HandleCallback<R, RuntimeException> reads) {
        return jdbi.withHandle(h -> {
            if (h.isInTransaction()) {
                // Called inside a transaction on this thread (Jdbi hands out its handle again): read within it.
                return reads.withHandle(h);
            }
            Transactions.Intent intent = h.getConfig(Transactions.Intent.class);
            intent.readOnly(true);
            try {
                return h.inTransaction(reads);
            } finally {
                intent.readOnly(false);
            }
        });
    }

    /**
     * Whether {@code h} is in a read-only transaction of {@link #read}'s own, which sees only what was committed, in
     * one snapshot (a read inside a write transaction also sees that transaction's writes, which may be rolled back).
     */
    public static boolean inReadOnlyTransaction(Handle h) {
        return h.isInTransaction() && h.getConfig(Transactions.Intent.class).readOnly();
    }

    /**
     * Runs a short write in a transaction it may share with others arriving at the same time (on SQLite: a group
     * commit, {@link GroupCommit}); returns after the COMMIT that holds it. When {@code work} fails, nothing of it is
     * written, the others' writes are, and its caller gets its own failure. Like every transaction's work, it must be
     * database work only (it may run on another request's thread and connection, and run again). A thread already
     * holding a handle, and PostgreSQL, where several instances write at once, run it in a transaction of its own
     * ({@code jdbi.inTransaction}).
     */
    public static <R> R inSharedTransaction(Jdbi jdbi, HandleCallback<R, RuntimeException> work) {
        GroupCommit group = jdbi.getConfig(Pool.class).groupCommit;
        if (group == null || jdbi.getHandleScope().get() != null) {
            return jdbi.inTransaction(work);
        }
        return group.run(jdbi, work);
    }

    /**
     * How to close the pool behind a Jdbi, kept in its configuration so {@link #close} finds it, and its SQLite
     * writers' group commit.
     */
    public static final class Pool implements JdbiConfig<Pool> {
        private Closer closer;
        private GroupCommit groupCommit;

        public Pool() {
        }

        @Override
        public Pool createCopy() {
            Pool copy = new Pool();
            copy.closer = closer;
            copy.groupCommit = groupCommit;
            return copy;
        }
    }

    @FunctionalInterface
    private interface Closer {
        void close() throws SQLException;
    }

    /**
     * How rows and values cross between SQL and Java, set once for every handle: a record is built from the columns
     * named after its components (deck_id fills deckId), and a card state or rating is stored as the number
     * ts-fsrs gives it (state 0-3, rating 1-4).
     */
    static void registerMappings(Jdbi jdbi) {
        jdbi.registerRowMapper(new RecordMappers());
        jdbi.registerColumnMapper(State.class, (rs, column, ctx) -> {
            int code = rs.getInt(column);
            return rs.wasNull() ? null : State.of(code);
        });
        jdbi.registerColumnMapper(Rating.class, (rs, column, ctx) -> {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : Rating.of(value);
        });
        jdbi.registerArgument(new AbstractArgumentFactory<State>(Types.INTEGER) {
            @Override
            protected Argument build(State state, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setInt(position, state.ordinal());
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<Rating>(Types.INTEGER) {
            @Override
            protected Argument build(Rating rating, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setInt(position, rating.value());
            }
        });
    }

    /**
     * Yes/no columns are 0/1 integers on both databases (SQLite has no boolean type), so a Java boolean is bound as
     * 1 or 0: PostgreSQL refuses a boolean where an integer column is meant; SQLite stores it as 1 or 0 anyway.
     */
    private static void registerPostgresMappings(Jdbi jdbi) {
        jdbi.registerArgument((ArgumentFactory.Preparable) (type, config) -> type == boolean.class
                || type == Boolean.class
                ? Optional.of(value -> (position, statement, ctx) -> {
                    if (value == null) {
                        statement.setNull(position, Types.INTEGER);
                    } else {
                        statement.setInt(position, (Boolean) value ? 1 : 0);
                    }
                })
                : Optional.empty());
    }

    /** {@code CROSS JOIN table alias ON}: SQLite's way to fix the join order, which PostgreSQL does not accept. */
    private static final Pattern ORDERED_JOIN = Pattern.compile("\\bCROSS JOIN (\\w+) (\\w+)\\s+ON\\b");

    /**
     * A query as PostgreSQL accepts it. The repositories' queries tell SQLite's planner the order to join in with
     * {@code CROSS JOIN t x ON ...} (SQLite plans without statistics, and the plans are pinned by tests);
     * PostgreSQL plans from its own statistics and takes that as a plain {@code JOIN}.
     */
    static String postgresSpelling(String sql) {
        return ORDERED_JOIN.matcher(sql).replaceAll("JOIN $1 $2 ON");
    }
}
