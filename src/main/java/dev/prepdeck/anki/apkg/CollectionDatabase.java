package dev.prepdeck.anki.apkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Collation;
import org.sqlite.SQLiteConfig;

/** Opens an Anki collection file with sqlite-jdbc, with the "unicase" collation Anki declares its name columns with. */
final class CollectionDatabase {
    private CollectionDatabase() {
    }

    static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Collation.create(connection, "unicase", new Collation() {
                @Override
                protected int xCompare(String left, String right) {
                    return left.compareToIgnoreCase(right);
                }
            });
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
