package dev.prepdeck.deck;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.OnTheNetworkingDeck;
import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.deck.file.DeckFormatException;
import dev.prepdeck.deck.file.DeckText;
import dev.prepdeck.error.Notice;
import io.javalin.testtools.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NUL, line breaks and other control characters in a deck name or card text are refused on every path that
 * names a deck or writes a card, each with a message naming the character, and nothing is stored.
 */
class ControlCharactersTest extends OnTheNetworkingDeck {
    @Test
    void the_rule_names_the_character_and_where_it_is() {
        assertThatThrownBy(() -> DeckText.deckName("Net\u0000work")).hasMessage("deck name contains the control"
                + " character U+0000 NULL at character 4; it must be one line of visible text");
        assertThatThrownBy(() -> DeckText.deckName("A\nB")).hasMessageContaining("U+000A LINE FEED (LF)");
        assertThatThrownBy(() -> DeckText.deckName("A\rB")).hasMessageContaining("U+000D CARRIAGE RETURN (CR)");
        assertThatThrownBy(() -> DeckText.deckName("A\tB")).hasMessageContaining("U+0009");
        assertThatThrownBy(() -> DeckText.deckName("A\u2028B")).hasMessageContaining("U+2028 LINE SEPARATOR");
        assertThatThrownBy(() -> DeckText.deckName("A\u009bB")).hasMessageContaining("U+009B");
        assertThatThrownBy(() -> DeckText.deckName("A\ud800B")).hasMessageContaining("half of a UTF-16 surrogate pair");
        assertThatThrownBy(() -> DeckText.requireBlock("ok\n\tcode\u0007", Notice.of("deckfile.what.answer")))
                .hasMessage("answer contains the control character U+0007 BEL at character 9; only visible text,"
                        + " line breaks and tabs can be stored");
        assertThat(DeckText.deckName(" 面试 :: SQL 😀 ")).isEqualTo("面试::SQL 😀");
        DeckText.requireBlock("line one\n\tindented code\nzero\u200dwidth joiner", Notice.of("deckfile.what.answer"));
    }

    @Test
    void a_deck_file_with_a_control_character_is_refused_at_its_line() {
        assertThatThrownBy(() -> new DeckFileParser().parse("bad.md", "# Deck\n\n## Q\u0000?\n\nAnswer.\n"))
                .isInstanceOf(DeckFormatException.class)
                .hasMessage("bad.md:3: this line contains the control character U+0000 NULL at character 5; only"
                        + " visible text, line breaks and tabs can be stored");
        assertThatThrownBy(() -> new DeckFileParser().parse("bad.md", "---\ndeck: A\u0001B\n---\n\n## Q\n\nA\n"))
                .hasMessageStartingWith("bad.md:2: this line contains the control character U+0001");
        assertThatThrownBy(() -> new DeckFileParser().parse("bad.md", "# A\tB\n\n## Q\n\nA\n"))
                .hasMessageStartingWith("bad.md:1: deck name contains the control character U+0009");
    }

    @Test
    void the_api_refuses_deck_names_and_card_text_with_control_characters() {
        collection.site(s -> {
            Map<String, Long> before = collection.rowCounts();
            for (String name : new String[] {"A\\u0000B", "A\\nB", "A\\rB", "A\\u001bB", "A\\ud800B"}) {
                Response response = s.postJson("/api/decks", "{\"name\":\"" + name + "\"}");
                assertThat(response.code()).as(name).isEqualTo(400);
                assertThat(json(response).get("error").asText()).as(name).startsWith("deck name contains ");
            }
            Response question = s.postJson("/api/decks/" + deckId + "/cards", "{\"question\":\"Why\\u0000?\",\"answer\":\"a\"}");
            assertThat(question.code()).isEqualTo(400);
            assertThat(json(question).get("error").asText()).startsWith("question contains the control character U+0000");
            Response answer = s.putJson("/api/cards/" + cardId, "{\"question\":\"Why?\",\"answer\":\"a\\u0000b\"}");
            assertThat(answer.code()).isEqualTo(400);
            assertThat(json(answer).get("error").asText()).startsWith("answer contains the control character U+0000");
            Response tag = s.postJson("/api/decks/" + deckId + "/cards",
                    "{\"question\":\"Why?\",\"answer\":\"a\",\"tags\":[\"x\\u0000\"]}");
            assertThat(json(tag).get("error").asText()).startsWith("tag contains the control character U+0000");
            assertThat(collection.rowCounts()).isEqualTo(before);
            if (Dialect.of(collection.jdbi()) == Dialect.SQLITE) {
                // PostgreSQL's text cannot hold U+0000 at all; SQLite's can, so it is looked for
                assertThat(collection.one("SELECT COUNT(*) FROM card WHERE instr(answer, char(0)) > 0", Integer.class))
                        .isZero();
            }

            Response tabsAndLines = s.postJson("/api/decks/" + deckId + "/cards",
                    "{\"question\":\"Which keys?\",\"answer\":\"```\\n\\tindented\\r\\nline\\n```\"}");
            assertThat(tabsAndLines.code()).isEqualTo(201);
            assertThat(collection.one("SELECT answer FROM card WHERE question = 'Which keys?'", String.class))
                    .isEqualTo("```\n\tindented\nline\n```");
        });
    }

    @Test
    void forms_for_new_decks_renames_cards_and_notes_show_the_problem() {
        collection.site(s -> {
            Map<String, Long> before = collection.rowCounts();
            Response create = s.submit("/decks", "name", "New\u0000deck");
            assertThat(create.code()).isEqualTo(400);
            assertThat(create.body().string()).contains("deck name contains the control character U+0000 NULL");

            Response rename = s.submit("/decks/" + deckId + "/rename", "name", "Interview::Net\nworking");
            assertThat(rename.body().string()).contains("deck name contains the control character U+000A");

            Response card = s.submit("/decks/" + deckId + "/cards", "question", "Q\u0000?", "answer", "A", "tags", "",
                    "action", "save");
            assertThat(card.code()).isEqualTo(400);
            assertThat(card.body().string()).contains("question contains the control character U+0000");

            Response prefix = s.submit("/notes/preview", "text", "# Notes\n\n## What is X?\n\nX is x.\n",
                    "format", "markdown", "prefix", "Import\u0000ed");
            assertThat(prefix.code()).isEqualTo(400);
            assertThat(prefix.body().string()).contains("The deck prefix is not a deck name: deck name contains the"
                    + " control character U+0000 NULL");

            Response notesDeck = s.submit("/notes/save", "source", "notes.md", "count", "1", "keep", "0",
                    "deck_0", "Notes\u001b", "id_0", "", "question_0", "What is X?", "answer_0", "X is x.");
            assertThat(notesDeck.code()).isEqualTo(400);
            assertThat(notesDeck.body().string()).contains("deck name contains the control character U+001B");

            assertThat(collection.rowCounts()).isEqualTo(before);
            assertThat(collection.deckId("Interview::Networking")).isEqualTo(deckId);
        });
    }
}
