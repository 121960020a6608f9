package dev.prepdeck.search;

import dev.prepdeck.review.Learner;
import static dev.prepdeck.TestData.list;
import static dev.prepdeck.TestData.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.TestDatabase;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.DeckRepository;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folded text, trigram, CJK and tag indexes follow every card write, in the write's own transaction. */
class SearchIndexTest {
    private final DeckRepository decks = new DeckRepository();
    @TempDir
    Path tempDir;
    private Jdbi jdbi;
    private long deckId;
    private long otherDeckId;

    @BeforeEach
    void setUp() {
        // SQLite's FTS5 tables; PostgreSQL searches card_text through pg_trgm, as the search tests check on both
        jdbi = TestDatabase.SQLITE.open(tempDir);
        deckId = jdbi.withHandle(h -> decks.insertDeck(h, "Interview", "", "", null, 0, Learner.DEFAULT_ID, false));
        otherDeckId = jdbi.withHandle(h -> decks.insertDeck(h, "Other", "", "", null, 0, Learner.DEFAULT_ID, false));
    }

    @Test
    void the_bundled_sqlite_has_fts5_and_math_functions() {
        assertThat(one(jdbi, "SELECT sqlite_compileoption_used('ENABLE_FTS5')", Integer.class)).isEqualTo(1);
        assertThat(one(jdbi, "SELECT pow(2, 10)", Double.class)).isEqualTo(1024.0);
    }

    @Test
    void a_new_card_is_found_by_its_text_its_chinese_words_and_its_tags() {
        long id = insert("What is a B-Tree INDEX?", "平衡树，用于数据库索引", "SQL, Databases::Indexes");

        assertThat(trigramHits("\"b-tree index\"")).containsExactly(id);
        assertThat(trigramHits("{answer} : \"数据库索引\"")).containsExactly(id);
        assertThat(cjkHits("\"索引\"")).containsExactly(id);
        assertThat(cjkHits("\"树\"")).containsExactly(id);
        assertThat(tags(id)).containsExactly("databases::indexes", "sql");
    }

    @Test
    void an_edit_replaces_the_old_text_and_tags_in_every_index() {
        long id = insert("What is a B-Tree?", "平衡树", "sql");
        Card card = jdbi.withHandle(h -> decks.card(h, Learner.DEFAULT_ID, id)).orElseThrow();

        jdbi.useTransaction(h -> decks.updateCard(h, new Card(id, deckId, card.uid(), "What is a hash index?", "哈希表",
                "hashing", card.meta(), card.position(), false), 1));

        assertThat(trigramHits("\"b-tree\"")).isEmpty();
        assertThat(cjkHits("\"平衡\"")).isEmpty();
        assertThat(trigramHits("\"hash index\"")).containsExactly(id);
        assertThat(cjkHits("\"哈希\"")).containsExactly(id);
        assertThat(tags(id)).containsExactly("hashing");
    }

    @Test
    void a_card_moved_to_another_deck_keeps_its_text_indexed() {
        long id = insert("Explain MVCC", "多版本并发控制", "");
        Card card = jdbi.withHandle(h -> decks.card(h, Learner.DEFAULT_ID, id)).orElseThrow();

        jdbi.useTransaction(h -> decks.updateCard(h, new Card(id, otherDeckId, card.uid(), card.question(), card.answer(),
                card.tags(), card.meta(), card.position(), false), 1));

        assertThat(trigramHits("\"mvcc\"")).containsExactly(id);
        assertThat(cjkHits("\"并发\"")).containsExactly(id);
    }

    @Test
    void a_deleted_card_leaves_every_index() {
        long id = insert("Explain MVCC", "多版本并发控制", "sql");
        long kept = insert("Explain MVCC again", "另一张", "sql");

        jdbi.useTransaction(h -> decks.deleteCard(h, id));

        assertThat(trigramHits("\"mvcc\"")).containsExactly(kept);
        assertThat(cjkHits("\"并发\"")).isEmpty();
        assertThat(list(jdbi, "SELECT card_id FROM card_text", Long.class)).containsExactly(kept);
        assertThat(list(jdbi, "SELECT card_id FROM card_tag", Long.class)).containsExactly(kept);
    }

    @Test
    void a_write_that_fails_leaves_the_indexes_as_they_were() {
        long id = insert("What is a B-Tree?", "平衡树", "sql");
        Card card = jdbi.withHandle(h -> decks.card(h, Learner.DEFAULT_ID, id)).orElseThrow();

        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            decks.updateCard(h, new Card(id, deckId, card.uid(), "Rewritten question", "重写的答案", "changed",
                    card.meta(), card.position(), false), 1);
            decks.insertCard(h, 999_999, "x", "a card in a deck that does not exist", "", "", "", 0, 1);
        })).hasMessageContaining("FOREIGN KEY");

        assertThat(trigramHits("\"b-tree\"")).containsExactly(id);
        assertThat(trigramHits("\"rewritten\"")).isEmpty();
        assertThat(cjkHits("\"重写\"")).isEmpty();
        assertThat(tags(id)).containsExactly("sql");
    }

    private long insert(String question, String answer, String tags) {
        return jdbi.inTransaction(h -> decks.insertCard(h, deckId, "uid-" + question.hashCode(), question, answer, tags,
                "", 0, 0));
    }

    private List<Long> trigramHits(String match) {
        return jdbi.withHandle(h -> h.createQuery("SELECT rowid FROM card_text_index WHERE card_text_index MATCH :m")
                .bind("m", match).mapTo(Long.class).list());
    }

    private List<Long> cjkHits(String match) {
        return jdbi.withHandle(h -> h.createQuery("SELECT rowid FROM card_text_cjk WHERE card_text_cjk MATCH :m")
                .bind("m", match).mapTo(Long.class).list());
    }

    private List<String> tags(long cardId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tag FROM card_tag WHERE card_id = :id ORDER BY tag")
                .bind("id", cardId).mapTo(String.class).list());
    }
}
