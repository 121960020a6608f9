package dev.prepdeck.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
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
        new Migrations(file.toString()).migrate(jdbi);
        return jdbi;
    }
}
