package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.media.MediaStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cards an import adds are indexed by the import itself rather than card by card (issue 19): they are found by
 * search right after it, in every index, and cards written afterwards are indexed as before.
 */
class ImportedCardsSearchTest {
    @TempDir
    Path tempDir;

    /** Fifty cards, each with a word of its own, so a missed or misplaced row in the index shows. */
    private static final String MANY_CARDS_DECK = "# Drills\n\n" + IntStream.rangeClosed(1, 50)
            .mapToObj(i -> "## Drill question number" + i + "x?\n<!-- tags: drill -->\n\nAnswer with keyword kw" + i + "end.\n\n")
            .collect(Collectors.joining());

    @Test
    void an_imported_deck_file_is_found_by_its_words_chinese_included_and_by_its_tags() {
        TestCollection collection = TestCollection.of(tempDir, "database.md", TestData.DATABASE_DECK,
                "drills.md", MANY_CARDS_DECK);
        collection.site(s -> {
            assertThat(questions(s, "索引")).containsExactly("什么是索引？");
            assertThat(questions(s, "数据库快速定位")).containsExactly("什么是索引？");
            assertThat(questions(s, "\"user_id = 42\"")).containsExactly("如何查看查询计划？");
            assertThat(questions(s, "tag:drill").size()).isEqualTo(50);
            for (int i = 1; i <= 50; i++) {
                assertThat(questions(s, "kw" + i + "end")).containsExactly("Drill question number" + i + "x?");
            }
        });
    }

    @Test
    void an_imported_card_edited_afterwards_is_found_by_its_new_words_only() {
        TestCollection collection = TestCollection.of(tempDir, "database.md", TestData.DATABASE_DECK);
        long cardId = collection.cardId("什么是索引？");
        collection.site(s -> {
            assertThat(s.putJson("/api/cards/" + cardId, "{\"question\":\"什么是哈希表？\",\"answer\":\"键值映射\"}").code())
                    .isEqualTo(200);

            assertThat(questions(s, "索引")).isEmpty();
            assertThat(questions(s, "哈希")).containsExactly("什么是哈希表？");
            assertThat(questions(s, "键值映射")).containsExactly("什么是哈希表？");
        });
    }

    @Test
    void a_card_added_after_an_import_is_indexed_as_before() {
        TestCollection collection = TestCollection.of(tempDir, "database.md", TestData.DATABASE_DECK);
        long deckId = collection.deckId("数据库");
        collection.site(s -> {
            assertThat(s.postJson("/api/decks/" + deckId + "/cards",
                    "{\"question\":\"什么是事务？\",\"answer\":\"原子性 consistency\",\"tags\":[\"acid\"]}").code())
                    .isEqualTo(201);

            assertThat(questions(s, "事务")).containsExactly("什么是事务？");
            assertThat(questions(s, "consistency")).containsExactly("什么是事务？");
            assertThat(questions(s, "tag:acid")).containsExactly("什么是事务？");
        });
    }

    @Test
    void a_changed_deck_file_imported_again_indexes_its_new_and_changed_cards() {
        Path folder = tempDir.resolve("decks");
        TestCollection collection = TestCollection.of(tempDir, "drills.md", MANY_CARDS_DECK);
        TestData.write(folder, "drills.md", MANY_CARDS_DECK.replace("kw7end", "kw7changed")
                + "## 新的问题是什么？\n\n新增的卡片 kwnewend\n");
        SyncReport report = new DeckSync(collection.jdbi(), new DeckRepository(),
                new MediaStore(collection.jdbi(), collection.clock()), collection.clock()).importFolder(folder);
        assertThat(report.hasErrors()).isFalse();
        collection.site(s -> {
            assertThat(questions(s, "kw7end")).isEmpty();
            assertThat(questions(s, "kw7changed")).containsExactly("Drill question number7x?");
            assertThat(questions(s, "kwnewend")).containsExactly("新的问题是什么？");
            assertThat(questions(s, "新增")).containsExactly("新的问题是什么？");
        });
    }

    private static List<String> questions(TestSite s, String query) {
        JsonNode json = TestSite.json(s.get("/api/search?pageSize=100&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        List<String> questions = new ArrayList<>();
        json.get("cards").forEach(card -> questions.add(card.get("question").asText()));
        return questions;
    }
}
