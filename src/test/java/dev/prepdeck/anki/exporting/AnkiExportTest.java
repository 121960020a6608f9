package dev.prepdeck.anki.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.fsrs.Rating;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnkiExportTest {
    private final AnkiExport export = new AnkiExport();

    @Test
    void reviews_at_the_same_millisecond_get_distinct_revlog_ids() {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        ExportSamples.Studied first = ExportSamples.study(at, new double[] {0}, Rating.GOOD);
        ExportSamples.Studied second = ExportSamples.study(at, new double[] {0}, Rating.HARD);
        AnkiCollection collection = export.build(List.of(
                ExportSamples.card("a", "D", "q1", "a1", List.of(), first, false),
                ExportSamples.card("b", "D", "q2", "a2", List.of(), second, false)), ExportSamples.options()).collection();
        assertThat(collection.revlog()).extracting(RevlogEntry::id)
                .containsExactly(at.toEpochMilli(), at.toEpochMilli() + 1);
    }

    @Test
    void two_cards_with_one_uid_are_refused() {
        ExportCard card = ExportSamples.card("same", "D", "q", "a", List.of(), null, false);
        assertThatThrownBy(() -> export.build(List.of(card, card), ExportSamples.options()))
                .isInstanceOf(AnkiFormatException.class).hasMessageContaining("two cards share the uid \"same\"");
    }

    @Test
    void tags_lose_inner_spaces_and_new_cards_keep_their_order_and_suspension() {
        AnkiCollection collection = export.build(List.of(
                        ExportSamples.card("x", "D", "q1", "a", List.of("data base", " sql "), null, false),
                        ExportSamples.card("y", "D", "q2", "a", List.of(), null, false),
                        new ExportCard("z", "D", "q3", "a", List.of(), Instant.parse("2026-12-01T00:00:00Z"),
                                Instant.parse("2026-12-01T00:00:00Z"),
                                new ExportSchedule(dev.prepdeck.fsrs.FsrsCard.newCard(Instant.EPOCH), 0, true, null,
                                        null), List.of(), 0)),
                ExportSamples.options()).collection();
        assertThat(collection.notes().get(0).tags()).containsExactly("data_base", "sql");
        assertThat(collection.cards()).extracting(AnkiCard::due).containsExactly(1L, 2L, 3L);
        assertThat(collection.cards()).extracting(AnkiCard::queue)
                .containsExactly(CardQueue.NEW, CardQueue.NEW, CardQueue.SUSPENDED);
    }

    @Test
    void difficulty_is_kept_in_revlog_factor_as_anki_does() {
        assertThat(AnkiExport.difficultyFactor(1)).isEqualTo(100);
        assertThat(AnkiExport.difficultyFactor(10)).isEqualTo(1100);
        assertThat(AnkiExport.difficultyFactor(5.5)).isEqualTo(600);
    }

    @Test
    void a_cloze_mark_is_written_as_ankis_cloze_span_and_reads_back_as_the_same_markdown() {
        MarkdownToAnkiHtml html = new MarkdownToAnkiHtml(java.util.function.UnaryOperator.identity());
        String question = "[\\[...\\]](#cloze) is in France";
        String written = html.html(question);
        assertThat(written).isEqualTo("<p><span class=\"cloze\">[...]</span> is in France</p>");
        assertThat(new dev.prepdeck.anki.render.HtmlToMarkdown().toMarkdown(written)).isEqualTo(question);
        assertThat(html.html("[Paris](#cloze) and [a link](https://x.org)"))
                .isEqualTo("<p><span class=\"cloze\">Paris</span> and <a rel=\"nofollow\" href=\"https://x.org\">a link</a></p>");
    }
}
