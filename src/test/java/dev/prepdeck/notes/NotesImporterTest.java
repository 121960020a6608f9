package dev.prepdeck.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks every notes import passes before anything is written, from the browser or the command line. */
class NotesImporterTest {
    private static DeckFile deck(String name, String question) {
        return new DeckFile(name, "", List.of(), List.of(new CardSource("q-1", question, "An answer.", List.of(), Map.of(), 0)));
    }

    @Test
    void each_deck_gets_its_file_name_its_text_and_a_key_under_its_source() {
        Map<String, List<DeckFile>> decks = new LinkedHashMap<>();
        decks.put("db.rst", List.of(deck("Prep::Databases", "What is an index?")));
        decks.put("go.md", List.of(deck("Prep::Go", "What is a goroutine?")));

        List<NotesImporter.PlannedDeck> planned = NotesImporter.plan(decks, Map.of());

        assertThat(planned).extracting(NotesImporter.PlannedDeck::sourceKey)
                .containsExactly("notes/db.rst/prep--databases.md", "notes/go.md/prep--go.md");
        assertThat(planned.get(0).text()).startsWith("# Prep::Databases").contains("## What is an index?");
    }

    @Test
    void decks_whose_files_would_collide_are_refused_even_from_different_sources() {
        Map<String, List<DeckFile>> decks = new LinkedHashMap<>();
        decks.put("a.rst", List.of(deck("Tools A", "One?")));
        decks.put("b.rst", List.of(deck("Tools-A", "Two?")));

        assertThatThrownBy(() -> NotesImporter.plan(decks, Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessage("decks 'Tools A' and 'Tools-A' would share the file tools-a.md; rename one of them");
    }

    @Test
    void a_deck_that_cannot_be_written_as_a_deck_file_is_named() {
        Map<String, List<DeckFile>> decks = Map.of("x.md", List.of(deck("Odd", "Two\nlines?")));

        assertThatThrownBy(() -> NotesImporter.plan(decks, Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Deck 'Odd': ");
    }
}
