package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.prepdeck.TestData.list;
import static dev.prepdeck.TestData.one;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MigrationsTest {
    @TempDir
    Path tempDir;

    @Test
    void an_empty_file_gets_the_latest_schema_with_the_default_learner() {
        Jdbi jdbi = Database.open(tempDir.resolve("new.db"));

        assertThat(Migrations.currentVersion(jdbi)).isEqualTo(Migrations.LATEST_VERSION);
        List<String> tables = list(jdbi, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", String.class);
        assertThat(tables).contains("learner", "deck", "card", "card_state", "review_log");
        assertThat(list(jdbi, "SELECT name FROM learner", String.class))
                .containsExactly("default");
    }

    @Test
    void connections_use_wal_and_enforce_foreign_keys() {
        Jdbi jdbi = Database.open(tempDir.resolve("pragmas.db"));

        assertThat(one(jdbi, "PRAGMA journal_mode", String.class)).isEqualTo("wal");
        assertThat(one(jdbi, "PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                "INSERT INTO card (deck_id, uid, question, answer, position, created_at, updated_at) "
                        + "VALUES (999, 'x', 'q', 'a', 0, 0, 0)")))
                .hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void a_version_1_database_upgrades_in_place_and_keeps_its_data() {
        Path file = tempDir.resolve("old.db");
        Jdbi old = plainJdbi(file);
        new Migrations(file.toString()).migrate(old, 1);
        old.useHandle(h -> {
            h.execute("INSERT INTO deck (id, name, created_at, updated_at) VALUES (1, 'Old deck', 0, 0)");
            h.execute("INSERT INTO card (id, deck_id, uid, question, answer, position, created_at, updated_at) "
                    + "VALUES (1, 1, 'c1', 'Kept?', 'Yes', 0, 0, 0)");
        });
        assertThat(Migrations.currentVersion(old)).isEqualTo(1);

        Jdbi upgraded = Database.open(file);

        assertThat(Migrations.currentVersion(upgraded)).isEqualTo(Migrations.LATEST_VERSION);
        assertThat(one(upgraded, "SELECT question FROM card WHERE id = 1", String.class)).isEqualTo("Kept?");
        assertThat(one(upgraded, "SELECT new_per_day FROM deck WHERE id = 1", Integer.class)).isEqualTo(20);
    }

    @Test
    void the_search_upgrade_indexes_the_cards_already_there() {
        Path file = tempDir.resolve("v5.db");
        Jdbi old = plainJdbi(file);
        new Migrations(file.toString()).migrate(old, 5);
        old.useHandle(h -> {
            h.execute("INSERT INTO deck (id, name, created_at, updated_at) VALUES (1, 'Old deck', 0, 0)");
            h.execute("INSERT INTO card (id, deck_id, uid, question, answer, tags, position, created_at, updated_at) "
                    + "VALUES (7, 1, 'c7', 'Qu''est-ce qu''un INDEX ?', '索引是数据结构', 'SQL, 数据库', 0, 0, 0)");
            h.execute("INSERT INTO card_state (card_id, learner_id, due) VALUES (7, 1, 0)");
        });

        Jdbi upgraded = Database.open(file);

        assertThat(one(upgraded, "SELECT question || ' | ' || answer FROM card_text WHERE card_id = 7", String.class))
                .isEqualTo("qu'est-ce qu'un index ? | 索引是数据结构");
        assertThat(list(upgraded, "SELECT rowid FROM card_text_index WHERE card_text_index MATCH '\"un index\"'",
                Long.class)).containsExactly(7L);
        assertThat(list(upgraded, "SELECT rowid FROM card_text_cjk WHERE card_text_cjk MATCH '\"索引\"'", Long.class))
                .containsExactly(7L);
        assertThat(list(upgraded, "SELECT tag FROM card_tag WHERE card_id = 7 ORDER BY tag", String.class))
                .containsExactly("sql", "数据库");
        assertThat(one(upgraded, "SELECT flag || ' ' || (buried_until IS NULL) FROM card_state WHERE card_id = 7",
                String.class)).isEqualTo("0 1");
    }

    @Test
    void opening_twice_changes_nothing() {
        Path file = tempDir.resolve("twice.db");
        Database.open(file);
        Jdbi again = Database.open(file);

        assertThat(Migrations.currentVersion(again)).isEqualTo(Migrations.LATEST_VERSION);
        assertThat(one(again, "SELECT COUNT(*) FROM learner", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void a_database_from_a_newer_prepdeck_is_refused_with_a_clear_message() {
        Path file = tempDir.resolve("newer.db");
        plainJdbi(file).useHandle(h -> h.execute("PRAGMA user_version = 99"));

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(Migrations.NewerSchemaException.class)
                .hasMessageContaining("newer prepdeck")
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("up to " + Migrations.LATEST_VERSION);
        assertThat(one(plainJdbi(file), "PRAGMA user_version", Integer.class))
                .isEqualTo(99);
    }

    private static Jdbi plainJdbi(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return Jdbi.create(dataSource);
    }
}
