package dev.prepdeck.db;

import java.nio.file.Path;
import java.sql.Connection;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteDataSource;

/** Databases as an older prepdeck left them, for tests of what happens when they are opened or restored. */
public final class OldDatabases {
    private OldDatabases() {
    }

    /** Creates {@code file} with the schema of {@code version} and one deck with one card in it. */
    public static void create(Path file, int version) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        Jdbi old = Jdbi.create(() -> {
            Connection connection = dataSource.getConnection();
            TextFold.registerSqlFunctions(connection);
            return connection;
        });
        new Migrations(file.toString()).migrate(old, version);
        old.useHandle(h -> {
            h.execute("INSERT INTO deck (id, name, created_at, updated_at) VALUES (1, 'Old deck', 0, 0)");
            h.execute("INSERT INTO card (id, deck_id, uid, question, answer, position, created_at, updated_at) "
                    + "VALUES (1, 1, 'c1', 'Kept?', 'Yes', 0, 0, 0)");
        });
    }
}
