package dev.prepdeck.db;

import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.State;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the prepdeck SQLite file with the settings every connection needs, and brings its schema up to date. */
public final class Database {
    private Database() {
    }

    /**
     * WAL lets readers work while a review is written; IMMEDIATE transactions take the write lock at BEGIN,
     * so a transaction that reads and then writes never fails half-way with SQLITE_BUSY.
     */
    public static Jdbi open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // Each Jdbi handle is a new connection with an empty page cache; reading through a memory map lets every
        // connection share the operating system's cached pages instead of copying them in again.
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(1L << 30));
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // the card triggers fold text for search through these functions, so every connection needs them
        Jdbi jdbi = Jdbi.create(() -> {
            Connection connection = dataSource.getConnection();
            try {
                TextFold.registerSqlFunctions(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        }).installPlugin(new SqlObjectPlugin());
        registerMappings(jdbi);
        new Migrations(file.toString()).migrate(jdbi);
        return jdbi;
    }

    /**
     * Runs a page's reads in one read transaction, so everything the page shows comes from one snapshot of the
     * file. The transaction is DEFERRED: under WAL it takes no lock and never waits for a writer, where the
     * IMMEDIATE transactions writes use would take the write lock and make page loads queue behind each other.
     */
    public static <R> R read(Jdbi jdbi, HandleCallback<R, RuntimeException> reads) {
        return jdbi.withHandle(h -> {
            SQLiteConnectionConfig connection = sqlite(h);
            SQLiteConfig.TransactionMode usual = connection.getTransactionMode();
            connection.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            try {
                return h.inTransaction(reads);
            } finally {
                connection.setTransactionMode(usual);
            }
        });
    }

    private static SQLiteConnectionConfig sqlite(Handle h) {
        try {
            return h.getConnection().unwrap(SQLiteConnection.class).getConnectionConfig();
        } catch (SQLException e) {
            throw new IllegalStateException("a prepdeck connection is not SQLite's", e);
        }
    }

    /**
     * How rows and values cross between SQL and Java, set once for every handle: a record is built from the columns
     * named after its components (deck_id fills deckId), and a card state or rating is stored as the number
     * ts-fsrs gives it (state 0-3, rating 1-4).
     */
    static void registerMappings(Jdbi jdbi) {
        jdbi.registerRowMapper(Database::recordByConstructor);
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

    private static Optional<RowMapper<?>> recordByConstructor(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        return raw.isRecord() ? ConstructorMapper.factory(raw).build(type, config) : Optional.empty();
    }
}
