package dev.prepdeck.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the collection lives, as {@code --db} names it: a SQLite file (any path), or a PostgreSQL server
 * ({@code postgresql://user@host:5432/name} or {@code jdbc:postgresql://host/name?user=...}). A password is never
 * part of it: a command line is visible to every user of the machine (ps) and kept in shell histories.
 */
public sealed interface DatabaseLocation {
    /** A SQLite database file. */
    record SqliteFile(Path file) implements DatabaseLocation {
        @Override
        public String toString() {
            return file.toString();
        }
    }

    /** A PostgreSQL database: its JDBC URL (without a password) and the role to log in as. */
    record PostgresServer(String jdbcUrl, String user) implements DatabaseLocation {
        @Override
        public String toString() {
            return jdbcUrl;
        }
    }

    /**
     * Reads {@code --db}'s value.
     *
     * @throws IllegalArgumentException saying what is wrong with a PostgreSQL URL (a password in it, no database)
     */
    static DatabaseLocation parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return server(text.substring("jdbc:".length()), text);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return server(text, text);
        }
        return new SqliteFile(Path.of(text));
    }

    private static PostgresServer server(String url, String asGiven) {
        URI uri;
        try {
            // jdbc:postgresql:name and postgresql:name (no host) mean localhost
            uri = new URI(url.contains("://") ? url : url.replaceFirst(":", "://localhost/"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(asGiven + " is not a PostgreSQL URL: " + e.getReason());
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String user = null;
        for (String parameter : query.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.equals("password")) {
                throw new IllegalArgumentException(passwordRefusal());
            }
            if (name.equals("user") && parameter.contains("=")) {
                user = parameter.split("=", 2)[1];
            }
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            if (userInfo.contains(":")) {
                throw new IllegalArgumentException(passwordRefusal());
            }
            user = userInfo;
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException(asGiven + " names no host or no database; write it as"
                    + " postgresql://USER@HOST:5432/DATABASE");
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + "/" + database
                + (query.isEmpty() ? "" : "?" + query);
        return new PostgresServer(jdbcUrl, user);
    }

    private static String passwordRefusal() {
        return "the PostgreSQL URL contains a password; a command line is visible to every user of this machine."
                + " Leave it out and set the environment variable " + DatabaseOption.PASSWORD_VARIABLE
                + " or give --db-password-file FILE";
    }
}
