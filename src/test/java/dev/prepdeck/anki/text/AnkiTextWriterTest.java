package dev.prepdeck.anki.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.PrepdeckGuids;
import dev.prepdeck.anki.exporting.ExportCard;
import dev.prepdeck.anki.render.HtmlToMarkdown;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnkiTextWriterTest {
    private static ExportCard card(String uid, String deck, String question, String answer, List<String> tags) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new ExportCard(uid, deck, question, answer, tags, t, t, null, List.of(), 0);
    }

    @Test
    void written_file_has_anki_headers_and_reads_back_to_the_same_cards() {
        List<ExportCard> cards = List.of(
                card("sql#1", "Interview::SQL", "What does `GROUP BY` do?",
                        "Groups rows.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n```sql\nSELECT a\nFROM t;\n```",
                        List.of("sql", "basics")),
                card("ml#2", "Interview::ML", "Tab\there, \"quotes\" and **bold**", "- one\n- two", List.of()));
        StringWriter out = new StringWriter();
        new AnkiTextWriter().write(cards, out);
        String text = out.toString();
        assertThat(text).startsWith("#separator:tab\n#html:true\n#notetype:Basic\n#guid column:1\n#deck column:2\n"
                + "#tags column:5\n#columns:GUID\tDeck\tFront\tBack\tTags\n");

        TextFile file = new AnkiTextReader().read("export.txt",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(file.html()).isTrue();
        assertThat(file.suggested()).isEqualTo(new ColumnMapping(2, 3, 4, 1, 0));
        List<TextCard> back = file.cards(file.suggested(), new HtmlToMarkdown());
        assertThat(back).hasSize(2);
        for (int i = 0; i < cards.size(); i++) {
            ExportCard original = cards.get(i);
            TextCard read = back.get(i);
            assertThat(PrepdeckGuids.uidFromGuid(read.guid())).contains(original.uid());
            assertThat(read.deck()).isEqualTo(original.deckName());
            assertThat(read.tags()).isEqualTo(original.tags());
            assertThat(read.answer()).isEqualTo(original.answer());
        }
        assertThat(back.get(0).question()).isEqualTo(cards.get(0).question());
        assertThat(back.get(1).question()).isEqualTo("Tab here, \"quotes\" and **bold**");
    }

    @Test
    void a_comma_separated_file_quotes_fields_with_commas_quotes_and_line_breaks_and_reads_back() {
        List<ExportCard> cards = List.of(card("a#1", "Talk \"quoted\", here", "Commas, \"quotes\", and\n\nlines?",
                "Yes, all of them.", List.of("csv")));
        StringWriter out = new StringWriter();
        new AnkiTextWriter().write(cards, out, ',');
        String text = out.toString();
        assertThat(text).startsWith("#separator:comma\n").contains("#columns:GUID,Deck,Front,Back,Tags\n")
                .contains("prepdeck:a#1,\"Talk \"\"quoted\"\", here\",\"<p>Commas, &quot;quotes&quot;, and</p>");

        TextFile file = new AnkiTextReader().read("export.csv",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(file.separator()).isEqualTo(',');
        TextCard read = file.cards(file.suggested(), new HtmlToMarkdown()).get(0);
        assertThat(read.question()).isEqualTo("Commas, \"quotes\", and\n\nlines?");
        assertThat(read.answer()).isEqualTo("Yes, all of them.");
        assertThat(read.tags()).containsExactly("csv");
        assertThat(read.deck()).isEqualTo("Talk \"quoted\", here");
    }
}
