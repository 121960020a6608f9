package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.review.Learner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Undo of the last bulk edit: every action's undo leaves every table the edit touched (and every table kept by
 * triggers from them: search index, tag rows, statistics) exactly as it was before the edit.
 */
class BulkUndoTest extends OnBulkEditing {
    @BeforeEach
    void aHistoryToLose() {
        // A history to lose: reviews of three cards over two days, a practice attempt tied to one with its spoken
        // answer, a recording of an answer not yet checked, a flag and a tag.
        long dns = collection.cardId("What does DNS do?");
        long index = collection.cardId("什么是索引？");
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 4000, null);
        reviews.rate(Learner.DEFAULT_ID, index, Rating.AGAIN, 9000, null);
        collection.clock().advance(Duration.ofDays(2));
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 3000, null);
        reviews.rate(Learner.DEFAULT_ID, index, Rating.GOOD, 5000, null);
        reviews.rate(Learner.DEFAULT_ID, collection.cardId("Compare TCP and UDP."), Rating.EASY, 2000, null);
        collection.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO practice_attempt (card_id, learner_id, review_id, attempted_at, answer, seconds, coverage,
                                                  key_points)
                    VALUES (?, 1, (SELECT MAX(id) FROM review_log WHERE card_id = ?), ?, 'B+ 树', 30, 0.5, '[]')""",
                    index, index, collection.clock().millis());
            h.execute("""
                    INSERT INTO practice_recording (learner_id, card_id, attempt_id, recorded_at, media_type, audio)
                    VALUES (1, ?, (SELECT MAX(id) FROM practice_attempt), ?, 'audio/webm', ?)""",
                    index, collection.clock().millis(), new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3});
            h.execute("""
                    INSERT INTO practice_recording (learner_id, card_id, recorded_at, media_type, audio)
                    VALUES (1, ?, ?, 'audio/ogg', ?)""", dns, collection.clock().millis(), "OggS".getBytes());
            h.execute("UPDATE card_state SET flag = 2 WHERE card_id = ?", dns);
        });
        collection.clock().advance(Duration.ofHours(1));
    }

    /** Every row a bulk edit or its triggers can touch, table by table, in a fixed order. */
    private Map<String, List<Map<String, Object>>> everything() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        collection.jdbi().useHandle(h -> {
            Dialect dialect = Dialect.of(h);
            List<String> searchIndexes = dialect.pick(List.of(
                    "SELECT rowid FROM card_text_index WHERE card_text_index MATCH '\"ind\"' OR card_text_index MATCH '\"dns\"' ORDER BY rowid",
                    "SELECT rowid FROM card_text_cjk WHERE card_text_cjk MATCH '索引' ORDER BY rowid"),
                    // PostgreSQL searches card_text itself (pg_trgm indexes), compared whole above
                    List.<String>of());
            List<String> queries = new java.util.ArrayList<>(List.of(
                    "SELECT * FROM card ORDER BY id",
                    "SELECT * FROM card_state ORDER BY card_id, learner_id",
                    "SELECT * FROM review_log ORDER BY id",
                    "SELECT * FROM practice_attempt ORDER BY id",
                    // the audio as text: a byte array equals only itself
                    "SELECT id, learner_id, card_id, attempt_id, recorded_at, media_type, " + hex(dialect, "audio")
                            + " AS audio FROM practice_recording ORDER BY id",
                    "SELECT * FROM card_recall ORDER BY learner_id, deck_id, card_id",
                    "SELECT * FROM card_tag ORDER BY card_id, tag",
                    "SELECT * FROM card_text ORDER BY card_id",
                    "SELECT * FROM review_hour ORDER BY learner_id, deck_id, hour"));
            queries.addAll(searchIndexes);
            for (String sql : queries) {
                tables.put(sql, h.createQuery(sql).mapToMap().list());
            }
        });
        return tables;
    }

    static Stream<BulkAction> actions() {
        return Stream.of(new BulkAction.Suspend(true), new BulkAction.Flag(3), new BulkAction.Flag(0),
                new BulkAction.Bury(true), new BulkAction.Forget(), new BulkAction.SetDue(3, 7, true),
                new BulkAction.AddTags(List.of("Interview::Hard", "new")), new BulkAction.RemoveTags(List.of("basics")),
                new BulkAction.Delete());
    }

    @ParameterizedTest
    @MethodSource("actions")
    void undo_puts_back_every_row_the_action_changed(BulkAction action) {
        Map<String, List<Map<String, Object>>> before = everything();
        int changed = bulk.apply(1, CardSelection.matching(""), action);
        assertThat(changed).as("the action changed something").isPositive();
        assertThat(everything()).isNotEqualTo(before);

        BulkEdit.Undone undone = bulk.undoLast(1).orElseThrow();

        assertThat(undone.action()).isEqualTo(action.name());
        assertThat(undone.restored()).as("it restores the cards it changed").isEqualTo(changed);
        assertThat(everything()).isEqualTo(before);
        assertThat(bulk.undoLast(1)).as("an edit is undone once").isEmpty();
    }

    @Test
    void undoing_a_move_puts_the_cards_back_in_their_deck_and_statistics() {
        long networking = collection.deckId("Interview::Networking");
        Map<String, List<Map<String, Object>>> before = everything();
        assertThat(bulk.apply(1, CardSelection.matching("deck:数据库"), new BulkAction.MoveTo(networking))).isEqualTo(2);
        assertThat(bulk.count(1, CardSelection.matching("deck:数据库"))).isZero();

        assertThat(bulk.undoLast(1).orElseThrow().restored()).isEqualTo(2);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void undoing_a_tag_rename_and_a_tag_delete() {
        Map<String, List<Map<String, Object>>> before = everything();
        assertThat(bulk.renameTag(1, "basics", "fundamentals", false)).isEqualTo(1);
        assertThat(bulk.undoLast(1).orElseThrow()).isEqualTo(new BulkEdit.Undone("rename-tag", 1));
        assertThat(everything()).isEqualTo(before);
        assertThat(bulk.deleteTag(1, "BASICS")).isEqualTo(1);
        assertThat(bulk.undoLast(1).orElseThrow()).isEqualTo(new BulkEdit.Undone("delete-tag", 1));
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void only_the_last_edit_is_undone() {
        long dns = collection.cardId("What does DNS do?");
        bulk.apply(1, CardSelection.of(List.of(dns)), new BulkAction.Suspend(true));
        bulk.apply(1, CardSelection.of(List.of(dns)), new BulkAction.Flag(4));

        assertThat(bulk.undoLast(1).orElseThrow()).isEqualTo(new BulkEdit.Undone("flag", 1));

        assertThat(collection.one("SELECT flag FROM card_state WHERE card_id = " + dns, Integer.class)).isEqualTo(2);
        assertThat(collection.one("SELECT suspended FROM card_state WHERE card_id = " + dns, Integer.class))
                .as("the suspend before it stays").isEqualTo(1);
    }

    @Test
    void a_failed_edit_changes_nothing_and_keeps_the_earlier_undo() {
        long dns = collection.cardId("What does DNS do?");
        long networking = collection.deckId("Interview::Networking");
        bulk.apply(1, CardSelection.of(List.of(dns)), new BulkAction.Suspend(true));
        collection.jdbi().useHandle(h -> h.execute("UPDATE card SET question = 'What does DNS do?' WHERE question = '什么是索引？'"));
        Map<String, List<Map<String, Object>>> before = everything();

        assertThatThrownBy(() -> bulk.apply(1, CardSelection.matching(""), new BulkAction.MoveTo(networking)))
                .isInstanceOf(InvalidInputException.class);

        assertThat(everything()).isEqualTo(before);
        assertThat(bulk.undoLast(1).orElseThrow()).isEqualTo(new BulkEdit.Undone("suspend", 1));
    }

    @Test
    void a_card_rated_after_a_reset_keeps_its_rating_when_the_reset_is_undone() {
        long dns = collection.cardId("What does DNS do?");
        long tcp = collection.cardId("Compare TCP and UDP.");
        int dnsReps = collection.one("SELECT reps FROM card_state WHERE card_id = " + dns, Integer.class);
        bulk.apply(1, CardSelection.of(List.of(dns, tcp)), new BulkAction.Forget());
        reviews.rate(Learner.DEFAULT_ID, tcp, Rating.GOOD, 1000, null);

        assertThat(bulk.undoLast(1).orElseThrow().restored()).isEqualTo(1);

        assertThat(collection.one("SELECT reps FROM card_state WHERE card_id = " + dns, Integer.class)).isEqualTo(dnsReps);
        assertThat(collection.one("SELECT reps FROM card_state WHERE card_id = " + tcp, Integer.class))
                .as("rated once as a new card since the reset").isEqualTo(1);
    }

    @Test
    void deleted_cards_come_back_with_their_reviews_when_a_review_took_their_ids_meanwhile() {
        long index = collection.cardId("什么是索引？");
        long dns = collection.cardId("What does DNS do?");
        Map<String, List<Map<String, Object>>> before = everything();
        bulk.apply(1, CardSelection.of(List.of(index)), new BulkAction.Delete());
        reviews.rate(Learner.DEFAULT_ID, dns, Rating.GOOD, 1000, null);
        // SQLite gives a new review the highest id plus one, which is a deleted review's id when the deleted card
        // had the newest reviews; here the new review takes the deleted card's first review id.
        long taken = collection.one("SELECT MAX(id) FROM review_log", Long.class);
        collection.jdbi().useHandle(h -> h.execute(
                "UPDATE review_log SET id = (SELECT MIN(id) FROM bulk_undo_review) WHERE id = ?", taken));

        assertThat(bulk.undoLast(1).orElseThrow().restored()).isEqualTo(1);

        assertThat(collection.one("SELECT COUNT(*) FROM review_log WHERE card_id = " + index, Integer.class))
                .isEqualTo(before.get("SELECT * FROM review_log ORDER BY id").stream()
                        .filter(r -> ((Number) r.get("card_id")).longValue() == index).count());
        assertThat(collection.one("""
                SELECT COUNT(*) FROM practice_attempt p JOIN review_log r ON r.id = p.review_id
                WHERE p.card_id = %d AND r.card_id = %d""".formatted(index, index), Integer.class))
                .as("the practice attempt follows its review to its new id").isEqualTo(1);
        assertThat(bulk.count(1, CardSelection.matching("索引"))).isEqualTo(1);
    }

    @Test
    void a_deleted_cards_recording_comes_back_with_its_attempt_when_a_new_attempt_took_the_attempts_id() {
        long index = collection.cardId("什么是索引？");
        long dns = collection.cardId("What does DNS do?");
        long attempt = collection.one("SELECT id FROM practice_attempt WHERE card_id = " + index, Long.class);
        bulk.apply(1, CardSelection.of(List.of(index)), new BulkAction.Delete());
        assertThat(collection.one("SELECT COUNT(*) FROM practice_recording WHERE card_id = " + index, Integer.class))
                .isZero();
        // Attempt ids are given out again (the highest plus one): another card's new attempt takes the deleted one's.
        collection.jdbi().useHandle(h -> h.execute("""
                INSERT INTO practice_attempt (id, card_id, learner_id, attempted_at, answer, seconds, coverage, key_points)
                VALUES (?, ?, 1, 0, 'DNS answer', 10, 1, '[]')""", attempt, dns));

        assertThat(bulk.undoLast(1).orElseThrow().restored()).isEqualTo(1);

        assertThat(collection.one("""
                SELECT a.answer || ' ' || %s FROM practice_recording r JOIN practice_attempt a ON a.id = r.attempt_id
                WHERE r.card_id = %d""".formatted(hex(Dialect.of(collection.jdbi()), "r.audio"), index), String.class))
                .as("the recording follows its attempt to a new id").isEqualTo("B+ 树 1A45DFA3");
        assertThat(collection.one("SELECT card_id FROM practice_attempt WHERE id = " + attempt, Long.class))
                .as("the new attempt keeps its id").isEqualTo(dns);
    }

    @Test
    void an_undo_that_cannot_put_a_card_back_changes_nothing() {
        long database = collection.deckId("数据库");
        bulk.apply(1, CardSelection.matching("deck:数据库"), new BulkAction.Delete());
        collection.jdbi().useHandle(h -> h.execute("DELETE FROM deck WHERE id = ?", database));
        Map<String, List<Map<String, Object>>> before = everything();

        assertThatThrownBy(() -> bulk.undoLast(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be undone");

        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void the_copies_have_every_column_of_the_tables_they_copy() {
        for (BulkUndoRepository.Copy copy : BulkUndoRepository.Copy.values()) {
            List<String> columns = collection.list(Dialect.of(collection.jdbi()).pick(
                    "SELECT name FROM pragma_table_info('" + copy.table + "') ORDER BY cid",
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND table_name = '" + copy.table + "' ORDER BY ordinal_position"), String.class);
            List<String> copied = collection.jdbi().withHandle(h -> new BulkUndoRepository().columns(h, copy));
            assertThat(copied)
                    .as("a column added to %s needs its copy in %s, or undo loses it", copy.table, copy.copy)
                    .containsExactlyInAnyOrderElementsOf(columns);
        }
    }

    /** A blob column as upper-case hex text, comparable as a value. */
    private static String hex(Dialect dialect, String column) {
        return dialect.pick("hex(" + column + ")", "upper(encode(" + column + ", 'hex'))");
    }
}
