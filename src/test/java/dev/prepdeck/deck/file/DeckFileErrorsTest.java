package dev.prepdeck.deck.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.error.Notice;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every malformed file names the line a person should fix. */
class DeckFileErrorsTest {
    private final DeckFileParser parser = new DeckFileParser();

    private AbstractThrowableAssert<?, ? extends Throwable> reading(String text) {
        return assertThatThrownBy(() -> parser.parse("bad.md", text)).isInstanceOf(DeckFormatException.class);
    }

    @Test
    void message_is_file_line_problem() {
        DeckFormatException e = new DeckFormatException("decks/x.md", 7, Notice.of("deckfile.error.emptyDeckName"));

        assertThat(e).hasMessage("decks/x.md:7: empty deck name");
        assertThat(e.fileName()).isEqualTo("decks/x.md");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.problem()).hasToString("empty deck name");
    }

    @Test
    void missing_deck_name_points_at_line_1() {
        reading("Some text.\n\n## Q\n\nA.\n")
                .hasMessage("bad.md:1: no deck name: add a '# Deck name' heading or 'deck:' front matter");
    }

    @Test
    void empty_file_has_no_deck_name() {
        reading("").hasMessage("bad.md:1: no deck name: add a '# Deck name' heading or 'deck:' front matter");
    }

    @Test
    void front_matter_and_h1_that_disagree_point_at_the_h1() {
        reading("---\ndeck: Alpha\n---\n\n# Beta\n")
                .hasMessage("bad.md:5: deck name 'Beta' differs from 'Alpha' in the front matter (line 2)");
    }

    @Test
    void empty_part_of_nested_name_is_an_error() {
        reading("\n# A:: ::C\n").hasMessage("bad.md:2: deck name 'A:: ::C' has an empty part; write it as 'A::B'");
        reading("---\ndeck: A::\n---\n").hasMessage("bad.md:2: deck name 'A::' has an empty part; write it as 'A::B'");
    }

    @Test
    void empty_h1_is_an_error() {
        reading("#\n").hasMessage("bad.md:1: empty deck name");
    }

    @Test
    void unknown_front_matter_key_is_named_with_its_line() {
        reading("---\ndeck: A\nauthor: me\n---\n")
                .hasMessage("bad.md:3: unknown front matter key 'author' (known keys: deck, description, name, tags)");
    }

    @Test
    void front_matter_line_without_a_key_is_an_error() {
        reading("---\ndeck: A\njust words\n---\n").hasMessage("bad.md:3: front matter line is not 'key: value'");
    }

    @Test
    void front_matter_key_given_twice_is_an_error() {
        reading("---\ndeck: A\nname: A\n---\n").hasMessage("bad.md:3: front matter gives 'name' twice (also at line 2)");
    }

    @Test
    void unterminated_front_matter_points_at_its_opening_line() {
        reading("---\ndeck: A\n\n# A\n")
                .hasMessage("bad.md:1: front matter is not closed: add a '---' line after it");
    }

    @Test
    void second_h1_is_reported_at_its_own_line() {
        reading("# One\n\ntext\n\n# Two\n").hasMessage("bad.md:5: more than one '# ' heading (the first is at line 1)");
    }

    @Test
    void h1_after_the_first_card_is_an_error() {
        reading("# D\n\n## Q\n\nA.\n\n# Oops\n").hasMessage("bad.md:7: '# ' heading inside a card; the deck title"
                + " goes before the first '## ' card, and headings inside an answer start at '###'");
    }

    @Test
    void text_before_the_h1_is_an_error() {
        reading("stray\n\n# D\n").hasMessage("bad.md:1: text before the '# ' deck title");
    }

    @Test
    void empty_question_is_an_error() {
        reading("# D\n\n## \n\nA.\n").hasMessage("bad.md:3: empty question: write the question after '## '");
        reading("# D\n\n## ##\n\nA.\n").hasMessage("bad.md:3: empty question: write the question after '## '");
    }

    @Test
    void card_without_answer_is_an_error() {
        reading("# D\n\n## Lonely?\n\n## Next\n\nA.\n").hasMessage("bad.md:3: card 'Lonely?' has no answer");
    }

    @Test
    void card_with_only_metadata_has_no_answer() {
        reading("# D\n## Q\n<!-- id: q -->\n\n").hasMessage("bad.md:2: card 'Q' has no answer");
    }

    @Test
    void duplicate_id_names_both_lines() {
        reading("# D\n## A\n<!-- id: same -->\nx\n## B\n<!-- id: same -->\ny\n")
                .hasMessage("bad.md:5: duplicate id 'same' at lines 2 and 5");
    }

    @Test
    void duplicate_question_names_the_first_line() {
        reading("# D\n## Same?\nx\n\n## Same?\ny\n")
                .hasMessage("bad.md:5: duplicate question 'Same?' (first at line 2)");
    }

    @Test
    void bad_id_points_at_the_comment_line() {
        String rule = "use 1-64 letters, digits, '-', '_' or '.'";
        reading("# D\n## Q\n<!-- tags: a -->\n<!-- id: has space -->\nA.\n")
                .hasMessage("bad.md:4: bad id 'has space': " + rule);
        reading("# D\n## Q\n<!-- id: " + "x".repeat(65) + " -->\nA.\n")
                .hasMessage("bad.md:3: bad id '" + "x".repeat(65) + "': " + rule);
        reading("# D\n## Q\n<!-- id: a/b -->\nA.\n").hasMessage("bad.md:3: bad id 'a/b': " + rule);
        reading("# D\n## Q\n<!-- id: -->\nA.\n").hasMessage("bad.md:3: bad id '': " + rule);
    }

    @Test
    void metadata_key_given_twice_is_an_error() {
        reading("# D\n## Q\n<!-- target: 1s -->\n<!-- TARGET: 2s -->\nA.\n")
                .hasMessage("bad.md:4: card 'Q' gives 'target' twice (also at line 3)");
    }

    @Test
    void description_both_in_front_matter_and_body_is_an_error() {
        reading("---\ndeck: D\ndescription: one\n---\n# D\n\ntwo\n")
                .hasMessage("bad.md:7: description given twice: here and in the front matter (line 3); keep one");
    }

    @Test
    void line_numbers_count_front_matter_and_crlf() {
        reading("---\r\ndeck: D\r\n---\r\n\r\n## Q\r\n\r\n## Q\r\nA\r\n")
                .hasMessage("bad.md:5: card 'Q' has no answer");
    }

    @Test
    void invalid_utf8_points_at_the_line_of_the_first_bad_byte() {
        byte[] good = "# D\r\n\r\n## 问题？\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = 'o';
        bytes[good.length + 1] = (byte) 0xC3;
        bytes[good.length + 2] = 'k';

        assertThatThrownBy(() -> parser.parse("bad.md", bytes)).isInstanceOf(DeckFormatException.class)
                .hasMessage("bad.md:4: not valid UTF-8");
    }

    @Test
    void truncated_utf8_at_end_of_file_is_reported() {
        byte[] good = "# D\r".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE4;
        bytes[good.length + 1] = (byte) 0xB8;

        assertThatThrownBy(() -> parser.parse("bad.md", bytes)).isInstanceOf(DeckFormatException.class)
                .hasMessage("bad.md:2: not valid UTF-8");
    }
}
