package dev.prepdeck.anki.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.NoteType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteRendererTest {
    private static final String BACK = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}";
    private final NoteRenderer renderer = new NoteRenderer();
    private final AnkiDeck deck = new AnkiDeck(5, "Languages::French", "", false);

    private static AnkiCard card(int ord, int flags) {
        return new AnkiCard(100 + ord, 1, 5, ord, 0, CardType.NEW, CardQueue.NEW, 1, 0, 0, 0, 0, 0, 0, 0, flags,
                MemoryState.NONE, null);
    }

    private static AnkiNote note(long typeId, List<String> tags, String... fields) {
        return new AnkiNote(1, "guid", typeId, 0, tags, List.of(fields));
    }

    @Test
    void basic_and_reversed_renders_one_card_per_template_without_repeating_the_front() {
        NoteType type = new NoteType(10, "Basic (and reversed card)", NoteType.Kind.STANDARD, List.of("Front", "Back"),
                List.of(new CardTemplate("Card 1", 0, "{{Front}}", BACK),
                        new CardTemplate("Card 2", 1, "{{Back}}", BACK.replace("{{Back}}", "{{Front}}"))),
                0, "", 0);
        AnkiNote note = note(10, List.of(), "chat", "<b>cat</b>");
        RenderedCard forward = renderer.render(type, note, card(0, 0), deck);
        RenderedCard reverse = renderer.render(type, note, card(1, 0), deck);
        assertThat(forward.question()).isEqualTo("chat");
        assertThat(forward.answer()).isEqualTo("**cat**");
        assertThat(reverse.question()).isEqualTo("**cat**");
        assertThat(reverse.answer()).isEqualTo("chat");
        assertThat(forward.cloze()).isFalse();
        assertThat(forward.warnings()).isEmpty();
    }

    @Test
    void cloze_renders_one_card_per_number_with_hint_and_keeps_the_markers_for_the_study_page() {
        NoteType type = new NoteType(11, "Cloze", NoteType.Kind.CLOZE, List.of("Text", "Back Extra"),
                List.of(new CardTemplate("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")),
                0, "", 0);
        AnkiNote note = note(11, List.of(), "{{c1::Paris}} is in {{c2::France::country}}", "Extra <i>fact</i>");
        RenderedCard first = renderer.render(type, note, card(0, 0), deck);
        RenderedCard second = renderer.render(type, note, card(1, 0), deck);
        assertThat(first.question()).isEqualTo("[\\[...\\]](#cloze) is in France");
        assertThat(first.answer()).isEqualTo("[Paris](#cloze) is in France\\\nExtra *fact*");
        assertThat(second.question()).isEqualTo("Paris is in [\\[country\\]](#cloze)");
        assertThat(second.answer()).startsWith("Paris is in [France](#cloze)");
        assertThat(first.clozeNumber()).isEqualTo(1);
        assertThat(second.clozeNumber()).isEqualTo(2);
        assertThat(first.clozeSource()).isEqualTo("{{c1::Paris}} is in {{c2::France::country}}");
    }

    @Test
    void conditional_sections_special_fields_and_typed_answers() {
        NoteType type = new NoteType(12, "Vocab", NoteType.Kind.STANDARD, List.of("Word", "Meaning", "Note"),
                List.of(new CardTemplate("Recall", 0,
                        "{{Word}}{{#Note}}<br>({{Note}}){{/Note}}{{^Note}}<br>no note{{/Note}} [{{Deck}} / {{Subdeck}}]"
                                + "{{type:Meaning}}",
                        "{{Word}}<hr id=\"answer\">{{type:Meaning}}<br>{{text:Tags}} {{CardFlag}} {{Card}}")),
                0, "", 0);
        RenderedCard withNote = renderer.render(type, note(12, List.of("a", "b"), "le chat", "cat", "<br>"),
                card(0, 3), deck);
        assertThat(withNote.question()).isEqualTo("le chat\\\nno note \\[Languages::French / French\\]");
        assertThat(withNote.answer()).isEqualTo("cat\\\na b flag3 Recall");
        assertThat(withNote.practice()).isTrue();
        RenderedCard noted = renderer.render(type, note(12, List.of(), "le chien", "dog", "masc."), card(0, 0), deck);
        assertThat(noted.question()).startsWith("le chien\\\n(masc.)");
    }

    @Test
    void unknown_fields_and_filters_degrade_gracefully_and_are_reported() {
        NoteType type = new NoteType(13, "Odd", NoteType.Kind.STANDARD, List.of("Front"),
                List.of(new CardTemplate("Card 1", 0, "{{Front}} {{Missing}} {{shout:Front}} {{#Open}}x",
                        "{{hint:Front}} {{kanji:Front}}")),
                0, "", 0);
        RenderedCard card = renderer.render(type, note(13, List.of(), "日本[にほん]"), card(0, 0), deck);
        assertThat(card.question()).isEqualTo("日本\\[にほん\\] 日本\\[にほん\\]");
        assertThat(card.answer()).isEqualTo("*Hint:* 日本\\[にほん\\] 日本");
        assertThat(card.warnings()).extracting(Object::toString)
                .anySatisfy(w -> assertThat(w).contains("{{Missing}}"))
                .anySatisfy(w -> assertThat(w).contains("shout"))
                .anySatisfy(w -> assertThat(w).contains("{{#Open}}"));
    }

    @Test
    void media_in_fields_is_collected() {
        NoteType type = new NoteType(14, "Basic", NoteType.Kind.STANDARD, List.of("Front", "Back"),
                List.of(new CardTemplate("Card 1", 0, "{{Front}}", BACK)), 0, "", 0);
        RenderedCard card = renderer.render(type, note(14, List.of(), "<img src=\"q.png\">", "[sound:a.mp3]"),
                card(0, 0), deck);
        assertThat(card.media()).containsExactlyInAnyOrder("q.png", "a.mp3");
    }
}
