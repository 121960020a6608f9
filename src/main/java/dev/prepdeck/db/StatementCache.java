package dev.prepdeck.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

/**
 * Keeps each pooled SQLite connection's prepared statements for the next request that runs the same SQL. Preparing is
 * much of a small query's cost: SQLite parses the text and plans it, and a write to review_log or card_state compiles
 * every trigger that keeps the statistics tables (issue 19: a rating's INSERT spent more time being prepared than
 * run). A statement goes back to its connection's cache when Jdbi closes it, reset (so it holds no snapshot of the
 * file and blocks no VACUUM) and with its parameters cleared.
 *
 * <p>One handle uses a connection at a time (ConnectionPool), so a connection's cache is only ever touched by one
 * thread; a statement already lent out (the same SQL run again while its results are still being read) is prepared
 * anew and closed afterwards. Each connection keeps at most {@link #PER_CONNECTION} statements, least recently used
 * closed first: SQL whose text varies with a list's length (deck_id IN (...)) would otherwise keep every variant.
 * SQLite prepares a kept statement again by itself when the schema has changed since.
 */
final class StatementCache implements StatementBuilderFactory {
    static final int PER_CONNECTION = 64;

    /** By connection; a connection the pool closes and forgets is dropped with its statements (closed with it). */
    private final Map<Connection, Kept> byConnection = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return byConnection.computeIfAbsent(connection, c -> new Kept());
    }

    /** The statements one connection keeps, and the builder its handles use. */
    private static final class Kept implements StatementBuilder {
        private final DefaultStatementBuilder fresh = new DefaultStatementBuilder();
        private final Map<Key, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
        /** Statements lent out now, by identity, with the key they go back under. */
        private final Map<Statement, Key> lent = new WeakHashMap<>();

        @Override
        public Statement create(Connection connection, StatementContext ctx) throws SQLException {
            return fresh.create(connection, ctx);
        }

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext ctx) throws SQLException {
            Key key = new Key(sql, ctx.isReturningGeneratedKeys(), ctx.getGeneratedKeysColumnNames(),
                    ctx.isConcurrentUpdatable());
            PreparedStatement kept = idle.remove(key);
            PreparedStatement statement = kept != null && !kept.isClosed() ? kept : fresh.create(connection, sql, ctx);
            lent.put(statement, key);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection connection, String sql, StatementContext ctx) throws SQLException {
            return fresh.createCall(connection, sql, ctx);
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            Key key = lent.remove(statement);
            if (key == null || statement.isClosed() || idle.containsKey(key)
                    || !(statement instanceof PreparedStatement prepared) || !(statement instanceof CoreStatement core)) {
                statement.close();
                return;
            }
            try {
                // Jdbi reads no rows of a statement run as an update ("PRAGMA mmap_size = 0" answers one), so its
                // result may still be open: reset, it holds no snapshot and lets VACUUM INTO run on this connection.
                core.pointer.safeRunInt(DB::reset);
                // After an INSERT the driver reads last_insert_rowid() at once and keeps that query open until the
                // statement runs again or closes; closed here, it leaves nothing running on the connection either.
                prepared.getGeneratedKeys().close();
                prepared.clearParameters();
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
            idle.put(key, prepared);
        }

        private static void closeQuietly(Statement statement) {
            try {
                statement.close();
            } catch (SQLException e) {
                // Closing a statement SQLite already finalized (its connection closed) has nothing left to free.
            }
        }
    }

    /** What makes two prepared statements interchangeable: the SQL and how its generated keys are asked for. */
    private record Key(String sql, boolean generatedKeys, String[] keyColumns, boolean updatable) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && sql.equals(k.sql) && generatedKeys == k.generatedKeys
                    && Arrays.equals(keyColumns, k.keyColumns) && updatable == k.updatable;
        }

        @Override
        public int hashCode() {
            return sql.hashCode() * 31 + Arrays.hashCode(keyColumns) + (generatedKeys ? 1 : 0);
        }
    }
}
