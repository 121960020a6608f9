package dev.prepdeck.db;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Records built by constructor from the columns named after their components (deck_id fills deckId), with the
 * columns matched to the components once per record type and list of columns. Jdbi's ConstructorMapper matches them
 * again for every result set, and a handle's copy of the configuration forgets the mapper it built: on the study
 * loop's reads, a sixth of the Java time of choosing the next card (issue 19). The mappers are the Jdbi's own
 * (registered on one Jdbi, no static state); a matched mapper keeps only column positions and column mappers.
 */
final class RecordMappers implements RowMapperFactory {
    private final Map<Type, Optional<RowMapper<?>>> byType = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        return byType.computeIfAbsent(type, t -> {
            Class<?> raw = GenericTypes.getErasedType(t);
            return raw.isRecord() ? ConstructorMapper.factory(raw).build(t, config).map(Matched::new) : Optional.empty();
        });
    }

    /** A record's mapper, matched once for each list of column labels it meets. */
    private static final class Matched<T> implements RowMapper<T> {
        private final RowMapper<T> byConstructor;
        private final Map<List<String>, RowMapper<T>> byColumns = new ConcurrentHashMap<>();

        Matched(RowMapper<T> byConstructor) {
            this.byConstructor = byConstructor;
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            RowMapper<T> matched = byColumns.get(columns);
            if (matched == null) {
                matched = byConstructor.specialize(rs, ctx);
                byColumns.putIfAbsent(columns, matched);
            }
            return matched;
        }
    }
}
