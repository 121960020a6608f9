package dev.prepdeck.anki.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.render.HtmlToMarkdown;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnkiTextReaderTest {
    private final AnkiTextReader reader = new AnkiTextReader();
    private final HtmlToMarkdown converter = new HtmlToMarkdown();

    private TextFile read(String text) {
        return reader.read("cards.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void headers_set_separator_html_tags_columns_deck_and_meta_columns() {
        TextFile file = read("""
                #separator:Semicolon
                #html:false
                #tags:imported  anki
                #notetype:Basic
                #deck:Interview::SQL
                #columns:Deck;Front;Back;Extra tags
                #deck column:1
                #tags column:4
                # a comment line without a key
                Languages;chat;cat;noun fr
                ;chien;dog;
                """);
        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.separatorDetected()).isFalse();
        assertThat(file.html()).isFalse();
        TextHeaders headers = file.headers();
        assertThat(headers.tags()).containsExactly("imported", "anki");
        assertThat(headers.notetype()).isEqualTo("Basic");
        assertThat(headers.deck()).isEqualTo("Interview::SQL");
        assertThat(file.columns()).containsExactly("Deck", "Front", "Back", "Extra tags");
        assertThat(file.suggested()).isEqualTo(new ColumnMapping(1, 2, 3, 0, null));
        assertThat(file.rowLines()).containsExactly(10, 11);

        List<TextCard> cards = file.cards(file.suggested(), converter);
        assertThat(cards.get(0)).isEqualTo(new TextCard(10, "chat", "cat", List.of("imported", "anki", "noun", "fr"),
                "Languages", null));
        assertThat(cards.get(1).deck()).as("an empty deck cell falls back to #deck").isEqualTo("Interview::SQL");
    }

    @Test
    void rfc_4180_quoting_with_separators_quotes_and_line_breaks_inside_fields() {
        TextFile file = read("\uFEFFfront,back\n\"a, b\",\"she said \"\"hi\"\"\"\n\"two\nlines\",x\nlast,row\n");
        assertThat(file.separator()).isEqualTo(',');
        assertThat(file.separatorDetected()).isTrue();
        assertThat(file.rows()).containsExactly(List.of("front", "back"), List.of("a, b", "she said \"hi\""),
                List.of("two\nlines", "x"), List.of("last", "row"));
        assertThat(file.rowLines()).containsExactly(1, 2, 3, 5);
        assertThat(file.cards(file.suggested(), converter).get(2).question()).isEqualTo("two\\\nlines");
    }

    @Test
    void separator_is_detected_among_tab_pipe_semicolon_and_comma() {
        assertThat(read("a\tb, with comma\nc\td, more, commas\n").separator()).isEqualTo('\t');
        assertThat(read("a|b\nc|d\n").separator()).isEqualTo('|');
        assertThat(read("a;b;c\nd;e;f\n").separator()).isEqualTo(';');
        assertThat(read("a,b\nc,d\n").separator()).isEqualTo(',');
        TextFile single = read("only one column\nanother\n");
        assertThat(single.columns()).containsExactly("Column 1");
        assertThat(single.suggested()).isEqualTo(new ColumnMapping(0, null, null, null, null));
    }

    @Test
    void quizlet_export_reads_as_term_and_definition_even_with_stray_quotes() {
        TextFile file = read("photosynthesis\tPlants turn \"light\" into sugar\n\"quoted term\tthe \"best\" one\n"
                + "osmosis\tWater moves across a membrane\n");
        assertThat(file.separator()).isEqualTo('\t');
        assertThat(file.rows()).hasSize(3);
        assertThat(file.rows().get(1)).containsExactly("\"quoted term", "the \"best\" one");
        List<TextCard> cards = file.cards(file.suggested(), converter);
        assertThat(cards.get(0).question()).isEqualTo("photosynthesis");
        assertThat(cards.get(0).answer()).isEqualTo("Plants turn \"light\" into sugar");
    }

    @Test
    void html_is_detected_and_converted_while_plain_text_stays_text() {
        TextFile html = read("<b>GROUP BY</b>\tgroups&nbsp;rows<br>by key\n");
        assertThat(html.html()).isTrue();
        TextCard card = html.cards(html.suggested(), converter).get(0);
        assertThat(card.question()).isEqualTo("**GROUP BY**");
        assertThat(card.answer()).isEqualTo("groups rows\\\nby key");

        TextFile plain = read("#html:false\n<b>not bold</b>\ta * b\n");
        TextCard text = plain.cards(plain.suggested(), converter).get(0);
        assertThat(text.question()).isEqualTo("\\<b\\>not bold\\</b\\>");
        assertThat(text.answer()).isEqualTo("a \\* b");
    }

    @Test
    void bad_files_are_refused_with_file_and_line() {
        assertThatThrownBy(() -> reader.read("bin.csv", new ByteArrayInputStream(new byte[] {'a', (byte) 0xff, ','})))
                .isInstanceOf(AnkiFormatException.class).hasMessageContaining("bin.csv is not UTF-8 text");
        assertThatThrownBy(() -> read("a,b\nc,\"unclosed\nd,e\n"))
                .isInstanceOf(AnkiFormatException.class).hasMessageStartingWith("cards.txt:2: the row's quoting is broken");
        assertThatThrownBy(() -> read("#separator:tab\n\n"))
                .isInstanceOf(AnkiFormatException.class).hasMessageContaining("cards.txt has no rows");
        assertThatThrownBy(() -> new AnkiTextReader(10, 100).read("big.csv",
                new ByteArrayInputStream("a,b\nc,d\ne,f\n".getBytes())))
                .isInstanceOf(AnkiFormatException.class).hasMessageContaining("larger than 10 bytes");
        assertThatThrownBy(() -> new AnkiTextReader(1000, 2).read("many.csv",
                new ByteArrayInputStream("a,b\nc,d\ne,f\n".getBytes())))
                .isInstanceOf(AnkiFormatException.class).hasMessageContaining("more than 2 rows");
        TextFile file = read("a,b\n,c\n");
        assertThatThrownBy(() -> file.cards(file.suggested(), converter))
                .isInstanceOf(AnkiFormatException.class).hasMessage("cards.txt:2: the question column (Column 1) is empty");
    }
}
