package dev.prepdeck.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Which database a Jdbi talks to. Repositories write SQL both run where they can; where one query must be written
 * twice, the two variants sit side by side and {@link #of(Handle)} picks one.
 */
public enum Dialect {
    /** The embedded default: one file, one process. */
    SQLITE,
    /** A shared server for several app instances (issue 18). */
    POSTGRESQL;

    public static Dialect of(Handle handle) {
        return handle.getConfig(Setting.class).dialect;
    }

    public static Dialect of(Jdbi jdbi) {
        return jdbi.getConfig(Setting.class).dialect;
    }

    /** {@code sqlite} on SQLite, {@code postgresql} on PostgreSQL: one query's two spellings, chosen here. */
    public <T> T pick(T sqlite, T postgresql) {
        return this == SQLITE ? sqlite : postgresql;
    }

    /** The dialect kept in a Jdbi's configuration, set once when the database is opened. */
    public static final class Setting implements JdbiConfig<Setting> {
        private Dialect dialect = SQLITE;

        public Setting() {
        }

        void set(Dialect value) {
            dialect = value;
        }

        @Override
        public Setting createCopy() {
            Setting copy = new Setting();
            copy.dialect = dialect;
            return copy;
        }
    }
}
