package dev.prepdeck.ankisync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.Collation;

/**
 * The cards of a package export in the order Anki's note ids are given (created, then uid: {@link
 * dev.prepdeck.anki.exporting.AnkiExport#NOTE_ORDER}), sorted in a scratch SQLite file rather than in memory, so an
 * export of any number of cards holds only one page of them at a time. A uid that several exported cards share
 * (one per sub-deck) is told apart by its deck: "deck/uid".
 */
final class ExportOrder implements AutoCloseable {
    /** A card's place in the order, as the first pass over the collection reads it. */
    record Key(long cardId, String uid, String deckName, long createdAt) {
    }

    /** A card to export next, with the uid its note's guid is made from. */
    record Next(long cardId, String uid) {
    }

    /** Receives the ordered cards a page at a time. */
    @FunctionalInterface
    interface Page {
        void accept(List<Next> cards);
    }

    private static final String ORDERED = """
            SELECT card_id, created_at,
                   CASE WHEN COUNT(*) OVER (PARTITION BY uid) > 1 THEN deck || '/' || uid ELSE uid END AS export_uid
            FROM export_key""";

    private final Path file;
    private final Connection db;
    private final PreparedStatement insert;
    private int pending;

    private ExportOrder(Path file, Connection db, PreparedStatement insert) {
        this.file = file;
        this.db = db;
        this.insert = insert;
    }

    /** Opens an empty order in a new scratch file, deleted again by {@link #close()}. */
    static ExportOrder create() {
        Path file;
        try {
            file = Files.createTempFile("prepdeck-export-order-", ".db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            // the order of Java's String.compareTo, which the in-memory export sorts by, not SQLite's byte order
            Collation.create(db, "java", new Collation() {
                @Override
                protected int xCompare(String left, String right) {
                    return left.compareTo(right);
                }
            });
            try (Statement statement = db.createStatement()) {
                // a scratch file: nothing to recover after a crash
                statement.execute("PRAGMA journal_mode = OFF");
                statement.execute("PRAGMA synchronous = OFF");
                statement.execute("""
                        CREATE TABLE export_key (card_id INTEGER PRIMARY KEY, uid TEXT NOT NULL, deck TEXT NOT NULL,
                            created_at INTEGER NOT NULL)""");
            }
            db.setAutoCommit(false);
            return new ExportOrder(file, db, db.prepareStatement("INSERT INTO export_key VALUES (?, ?, ?, ?)"));
        } catch (SQLException e) {
            new ExportOrder(file, db, null).close();
            throw new IllegalStateException("cannot sort the export's cards in " + file + ": " + e.getMessage(), e);
        }
    }

    void add(Key key) {
        try {
            insert.setLong(1, key.cardId());
            insert.setString(2, key.uid());
            insert.setString(3, key.deckName());
            insert.setLong(4, key.createdAt());
            insert.addBatch();
            if (++pending == 1000) {
                insert.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** An export uid two cards would share, which would make them one note in Anki. */
    Optional<String> sharedUid() {
        return first("SELECT export_uid FROM (" + ORDERED + ") GROUP BY export_uid HAVING COUNT(*) > 1 LIMIT 1");
    }

    /** The decks the cards are in. */
    List<String> deckNames() {
        return strings("SELECT DISTINCT deck FROM export_key ORDER BY deck");
    }

    /** Every card in note order, {@code size} at a time. */
    void forEachPage(int size, Page page) {
        flush();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT card_id, export_uid FROM (" + ORDERED + ") ORDER BY created_at, export_uid COLLATE java")) {
            List<Next> cards = new ArrayList<>(size);
            while (rows.next()) {
                cards.add(new Next(rows.getLong(1), rows.getString(2)));
                if (cards.size() == size) {
                    page.accept(cards);
                    cards = new ArrayList<>(size);
                }
            }
            if (!cards.isEmpty()) {
                page.accept(cards);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private Optional<String> first(String sql) {
        List<String> found = strings(sql);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<String> strings(String sql) {
        flush();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void flush() {
        try {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("cannot sort the export's cards in " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            // the file goes below either way
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
