package dev.prepdeck.backup;

import dev.prepdeck.db.Dialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Every table of a database with its rows, for comparing two states of a collection exactly. */
public final class TablesForTests {
    private TablesForTests() {
    }

    /**
     * Each table (search index shadow tables, sqlite_sequence and all) mapped to its rows, each row written out
     * column by column with blobs as bytes, rows sorted, so equal maps mean byte-equivalent contents.
     */
    public static Map<String, List<String>> rows(Jdbi jdbi) {
        return jdbi.withHandle(TablesForTests::rows);
    }

    public static Map<String, List<String>> rows(Handle h) {
        return rows(h, true);
    }

    /**
     * As {@link #rows(Jdbi)} without what SQLite keeps for itself: the full-text indexes' storage (whose layout
     * depends on the order rows were indexed in) and the query planner's statistics.
     */
    public static Map<String, List<String>> logicalRows(Jdbi jdbi) {
        return jdbi.withHandle(h -> rows(h, false));
    }

    public static Map<String, List<String>> logicalRows(Handle h) {
        return rows(h, false);
    }

    private static Map<String, List<String>> rows(Handle h, boolean storage) {
        {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            List<String> names = Dialect.of(h) == Dialect.POSTGRESQL ? h.createQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                    ORDER BY table_name""").mapTo(String.class).list() : h.createQuery("""
                    SELECT t.name FROM sqlite_schema t
                    WHERE t.type = 'table' AND t.sql NOT LIKE 'CREATE VIRTUAL%'
                      AND (:storage OR (t.name NOT LIKE 'sqlite_stat%' AND NOT EXISTS (
                          SELECT 1 FROM sqlite_schema v
                          WHERE v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\')))
                    ORDER BY t.name""").bind("storage", storage).mapTo(String.class).list();
            for (String name : names) {
                List<String> rows = new ArrayList<>(h.createQuery("SELECT * FROM \"" + name + "\"")
                        .map((rs, ctx) -> {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                Object value = rs.getObject(i);
                                row.append(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value))
                                        .append('|');
                            }
                            return row.toString();
                        }).list());
                rows.sort(null);
                tables.put(name, rows);
            }
            return tables;
        }
    }
}
