package dev.prepdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.prepdeck.TestData.list;
import static dev.prepdeck.TestData.one;

import java.nio.file.Path;
import java.sql.Connection;
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
    void decks_made_in_the_app_before_private_decks_become_the_local_learner_s_unless_other_accounts_existed() {
        Path single = tempDir.resolve("single.db");
        Path several = tempDir.resolve("several.db");
        for (Path file : List.of(single, several)) {
            Jdbi old = plainJdbi(file);
            new Migrations(file.toString()).migrate(old, Migrations.SCRIPTS.indexOf("V16__private_decks.sql"));
            old.useHandle(h -> {
                h.execute("INSERT INTO deck (id, name, created_at, updated_at) VALUES (1, 'Made here', 0, 0)");
                h.execute("INSERT INTO deck (id, name, source_path, created_at, updated_at) "
                        + "VALUES (2, 'From a file', 'file.md', 0, 0)");
                h.execute("INSERT INTO account (learner_id, name, password_hash, admin, created_at) "
                        + "VALUES (1, 'alice', 'x', 1, 0)");
            });
        }
        plainJdbi(several).useHandle(h -> {
            h.execute("INSERT INTO learner (id, name, created_at) VALUES (2, 'account:bob', 0)");
            h.execute("INSERT INTO account (learner_id, name, password_hash, created_at) VALUES (2, 'bob', 'x', 0)");
        });

        Jdbi one = Database.open(single);
        Jdbi two = Database.open(several);

        assertThat(list(one, "SELECT name || ':' || COALESCE(owner_id, '-') || ':' || private FROM deck ORDER BY id",
                String.class)).containsExactly("Made here:1:0", "From a file:-:0");
        assertThat(list(two, "SELECT name || ':' || COALESCE(owner_id, '-') || ':' || private FROM deck ORDER BY id",
                String.class)).as("nobody can tell whose they were").containsExactly("Made here:-:0", "From a file:-:0");
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

    /** Tables, indexes and triggers by name with their SQL, as sqlite_master lists them (SQLite's own left out). */
    private static List<String> schemaObjects(Jdbi jdbi, String type) {
        return list(jdbi, "SELECT name FROM sqlite_master WHERE type = '" + type + "' AND name NOT LIKE 'sqlite_%'"
                + " ORDER BY name", String.class);
    }

    @Test
    void a_version_6_database_gets_ids_that_are_never_reused_and_keeps_its_rows_triggers_and_references() {
        Path file = tempDir.resolve("v6.db");
        Jdbi old = plainJdbi(file);
        new Migrations(file.toString()).migrate(old, 6);
        old.useHandle(h -> {
            h.execute("PRAGMA foreign_keys = ON");
            h.execute("INSERT INTO deck (id, name, created_at, updated_at, new_per_day, interview_date)"
                    + " VALUES (1, 'Kept', 0, 0, 7, '2026-05-31'), (2, 'Newest', 0, 0, 20, NULL)");
            h.execute("INSERT INTO card (id, deck_id, uid, question, answer, position, created_at, updated_at)"
                    + " VALUES (1, 1, 'c1', 'Kept?', 'Yes', 0, 0, 0), (2, 2, 'c2', 'Newest?', 'Yes', 0, 0, 0)");
            h.execute("INSERT INTO card_state (card_id, learner_id, due) VALUES (1, 1, 0), (2, 1, 0)");
            h.execute("INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,"
                    + " state_before, stability_before, difficulty_before, reps_before, lapses_before,"
                    + " learning_steps_before, scheduled_days_before, elapsed_days_before, due_before, state_after,"
                    + " stability_after, difficulty_after, scheduled_days_after, due_after)"
                    + " VALUES (1, 1, 3600000, 3, 0, 4000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2.3, 2.1, 0, 600000)");
            h.execute("INSERT INTO practice_attempt (card_id, learner_id, review_id, attempted_at, answer, seconds,"
                    + " coverage, key_points) VALUES (1, 1, 1, 3600000, 'yes', 4, 1, '[]')");
        });
        List<String> triggers = schemaObjects(old, "trigger");
        List<String> indexes = schemaObjects(old, "index");

        Jdbi upgraded = Database.open(file);

        assertThat(Migrations.currentVersion(upgraded)).isEqualTo(Migrations.LATEST_VERSION);
        assertThat(one(upgraded, "SELECT sql FROM sqlite_master WHERE name = 'deck'", String.class)).contains("AUTOINCREMENT");
        assertThat(one(upgraded, "SELECT sql FROM sqlite_master WHERE name = 'card'", String.class)).contains("AUTOINCREMENT");
        assertThat(one(upgraded, "SELECT name || new_per_day || interview_date FROM deck WHERE id = 1", String.class))
                .isEqualTo("Kept72026-05-31");
        assertThat(one(upgraded, "SELECT question FROM card WHERE id = 1", String.class)).isEqualTo("Kept?");
        assertThat(one(upgraded, "SELECT COUNT(*) FROM card_state", Integer.class)).isEqualTo(2);
        assertThat(one(upgraded, "SELECT COUNT(*) FROM practice_attempt WHERE review_id = 1", Integer.class)).isEqualTo(1);
        // Later versions add their own; none of version 6's may go missing in the rebuild.
        assertThat(schemaObjects(upgraded, "trigger")).containsAll(triggers);
        assertThat(schemaObjects(upgraded, "index")).containsAll(indexes);
        assertThat(list(upgraded, "PRAGMA foreign_key_check", String.class)).isEmpty();

        upgraded.useHandle(h -> {
            // The search triggers still index a card's text: an edited question is found by its new words.
            h.execute("UPDATE card SET question = 'Still kept?' WHERE id = 1");
            assertThat(h.createQuery("SELECT rowid FROM card_text_index WHERE card_text_index MATCH '\"still\"'")
                    .mapTo(Long.class).list()).containsExactly(1L);
            // The triggers still keep the statistics: a card moved to another deck takes its review hour along.
            h.execute("UPDATE card SET deck_id = 2 WHERE id = 1");
            assertThat(h.createQuery("SELECT deck_id FROM review_hour WHERE deck_id <> 0 AND reviews > 0").mapTo(Long.class).list())
                    .containsExactly(2L);
            assertThat(h.createQuery("SELECT deck_id FROM card_recall WHERE card_id = 1").mapTo(Long.class).one())
                    .isEqualTo(2L);
            // Deleting a deck still cascades to its cards and everything that refers to them.
            h.execute("DELETE FROM deck WHERE id = 2");
            assertThat(h.createQuery("SELECT COUNT(*) FROM card_state").mapTo(Integer.class).one()).isZero();
            assertThat(h.createQuery("SELECT COUNT(*) FROM review_log").mapTo(Integer.class).one()).isZero();
            assertThat(h.createQuery("SELECT COUNT(*) FROM practice_attempt").mapTo(Integer.class).one()).isZero();
            assertThat(h.createQuery("SELECT COUNT(*) FROM review_hour WHERE reviews > 0").mapTo(Integer.class).one()).isZero();

            h.execute("INSERT INTO deck (name, created_at, updated_at) VALUES ('After', 0, 0)");
            assertThat(h.createQuery("SELECT id FROM deck WHERE name = 'After'").mapTo(Long.class).one())
                    .as("not the deleted deck's id").isEqualTo(3L);
        });
        assertThatThrownBy(() -> upgraded.useHandle(h -> h.execute(
                "INSERT INTO card (deck_id, uid, question, answer, position, created_at, updated_at)"
                        + " VALUES (999, 'x', 'q', 'a', 0, 0, 0)")))
                .as("foreign keys are enforced again").hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void the_id_upgrade_stops_untouched_when_a_table_has_a_column_it_would_not_copy() {
        Path file = tempDir.resolve("extra.db");
        Jdbi old = plainJdbi(file);
        new Migrations(file.toString()).migrate(old, 6);
        old.useHandle(h -> {
            h.execute("ALTER TABLE deck ADD COLUMN colour TEXT");
            h.execute("INSERT INTO deck (id, name, created_at, updated_at, colour) VALUES (1, 'Mine', 0, 0, 'red')");
        });

        assertThatThrownBy(() -> Database.open(file))
                .hasMessageContaining("V7__ids_never_reused.sql")
                .hasMessageContaining("deck_has_the_columns_this_upgrade_copies");
        assertThat(Migrations.currentVersion(old)).isEqualTo(6);
        assertThat(one(old, "SELECT colour FROM deck WHERE id = 1", String.class)).isEqualTo("red");
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

    @Test
    void statistics_an_earlier_version_gathered_are_dropped_on_upgrade() {
        Path file = tempDir.resolve("analyzed.db");
        Jdbi old = plainJdbi(file);
        new Migrations(file.toString()).migrate(old, Migrations.SCRIPTS.indexOf("V17__no_planner_statistics.sql"));
        old.useHandle(h -> h.execute("ANALYZE"));
        assertThat(one(old, "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'card_text_index_data'", Integer.class))
                .as("what PRAGMA optimize left in a new collection").isEqualTo(1);

        Jdbi upgraded = Database.open(file);

        assertThat(one(upgraded, "SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE 'sqlite_stat%'", Integer.class))
                .isZero();
    }

    @Test
    void the_hour_roll_up_learns_how_many_new_cards_each_deck_studied_from_the_reviews_already_logged() {
        Path file = tempDir.resolve("before-v24.db");
        Jdbi old = plainJdbi(file);
        new Migrations(file.toString()).migrate(old, Migrations.SCRIPTS.indexOf("V24__new_cards_in_the_hour_roll_up.sql"));
        old.useHandle(h -> {
            h.execute("INSERT INTO deck (id, name, created_at, updated_at) VALUES (1, 'A', 0, 0), (2, 'B', 0, 0)");
            h.execute("INSERT INTO card (id, deck_id, uid, question, answer, position, created_at, updated_at) "
                    + "VALUES (1, 1, 'a1', 'Q1', '', 1, 0, 0), (2, 1, 'a2', 'Q2', '', 2, 0, 0), (3, 2, 'b1', 'Q3', '', 1, 0, 0)");
            // card, hour, state before: two new cards of deck A and one of B in hour 10, a review of card 1 in hour 11
            for (long[] review : new long[][] {{1, 10, 0}, {2, 10, 0}, {3, 10, 0}, {1, 11, 2}}) {
                h.execute("""
                        INSERT INTO review_log (card_id, learner_id, reviewed_at, rating, elapsed_days, duration_ms,
                            state_before, stability_before, difficulty_before, reps_before, lapses_before,
                            learning_steps_before, scheduled_days_before, elapsed_days_before, due_before, state_after,
                            stability_after, difficulty_after, scheduled_days_after, due_after)
                        VALUES (?, 1, ?, 3, 0, 1000, ?, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 5, 3, 0)""",
                        review[0], review[1] * 3_600_000 + 60_000, review[2]);
            }
        });

        Jdbi upgraded = Database.open(file);

        assertThat(list(upgraded, "SELECT deck_id || ' ' || hour || ' ' || reviews || ' ' || new_cards FROM review_hour "
                + "ORDER BY deck_id, hour", String.class))
                .containsExactly("0 10 3 3", "0 11 1 0", "1 10 2 2", "1 11 1 0", "2 10 1 1");
    }

    /** Without the app's settings, but with the text functions the search triggers (V6) call. */
    private static Jdbi plainJdbi(Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        return Jdbi.create(() -> {
            Connection connection = dataSource.getConnection();
            TextFold.registerSqlFunctions(connection);
            return connection;
        });
    }
}
