package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What --db may name: a SQLite file as before, or a PostgreSQL server without its password. */
class DatabaseLocationTest {
    @Test
    void a_path_is_a_sqlite_file_as_before() {
        assertThat(DatabaseLocation.parse("prepdeck.db")).isEqualTo(new DatabaseLocation.SqliteFile(Path.of("prepdeck.db")));
        assertThat(DatabaseLocation.parse("/srv/decks/my collection.db"))
                .isEqualTo(new DatabaseLocation.SqliteFile(Path.of("/srv/decks/my collection.db")));
    }

    @Test
    void a_postgresql_url_names_the_server_the_database_and_the_role() {
        assertThat(DatabaseLocation.parse("postgresql://prepdeck@db.internal:5433/team"))
                .isEqualTo(new DatabaseLocation.PostgresServer("jdbc:postgresql://db.internal:5433/team", "prepdeck"));
        assertThat(DatabaseLocation.parse("postgres://prepdeck@localhost/team?sslmode=require"))
                .isEqualTo(new DatabaseLocation.PostgresServer("jdbc:postgresql://localhost/team?sslmode=require",
                        "prepdeck"));
    }

    @Test
    void a_jdbc_url_works_too_with_the_role_as_a_parameter() {
        assertThat(DatabaseLocation.parse("jdbc:postgresql://db:5432/team?user=prepdeck"))
                .isEqualTo(new DatabaseLocation.PostgresServer("jdbc:postgresql://db:5432/team?user=prepdeck",
                        "prepdeck"));
        assertThat(DatabaseLocation.parse("jdbc:postgresql:team"))
                .isEqualTo(new DatabaseLocation.PostgresServer("jdbc:postgresql://localhost/team", null));
    }

    @Test
    void a_password_in_the_url_is_refused_and_the_message_says_where_it_goes_instead() {
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql://prepdeck:s3cret@db:5432/team"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains a password")
                .hasMessageContaining("PREPDECK_DB_PASSWORD")
                .hasMessageContaining("--db-password-file")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseLocation.parse("jdbc:postgresql://db/team?user=p&password=s3cret"))
                .hasMessageContaining("contains a password");
    }

    @Test
    void a_url_without_a_database_says_how_to_write_one() {
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql://prepdeck@db:5432"))
                .hasMessageContaining("postgresql://USER@HOST:5432/DATABASE");
    }
}
