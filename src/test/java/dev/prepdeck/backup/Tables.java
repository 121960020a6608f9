package dev.prepdeck.backup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Every table of a database with its rows, for comparing two states of a collection exactly. */
final class Tables {
    private Tables() {
    }

    /**
     * Each table (search index shadow tables, sqlite_sequence and all) mapped to its rows, each row written out
     * column by column with blobs as bytes, rows sorted, so equal maps mean byte-equivalent contents.
     */
    static Map<String, List<String>> rows(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            List<String> names = h.createQuery("""
                    SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
                    ORDER BY name""").mapTo(String.class).list();
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
        });
    }
}
