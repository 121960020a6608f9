package dev.prepdeck.anki.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CollectionSink;
import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.CollectionFile;
import dev.prepdeck.anki.apkg.PackageReader;
import dev.prepdeck.anki.apkg.PackageWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed export (cards one at a time into the collection file on disk, as the app exports) writes the same
 * package as the export built in memory: the same notes, cards, reviews, decks and media.
 */
class StreamedExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void cards_written_one_at_a_time_make_the_package_the_in_memory_export_makes() {
        List<ExportCard> cards = ExportSamples.cards();
        Path inMemory = dir.resolve("in-memory.apkg");
        AnkiExport.Result built = new AnkiExport().build(cards, ExportSamples.options());
        new PackageWriter(CLOCK).write(built.collection(), ExportSamples.media(), inMemory);

        Path streamed = dir.resolve("streamed.apkg");
        Path collection = dir.resolve("collection.anki2");
        AnkiExport.Writer writer = new AnkiExport().writer(earliest(cards),
                cards.stream().map(ExportCard::deckName).toList(), ExportSamples.options());
        try (CollectionFile file = CollectionFile.create(collection, writer.timing(), List.of(AnkiExport.noteType()),
                writer.decks(), CLOCK)) {
            cards.stream().sorted(AnkiExport.NOTE_ORDER).forEach(card -> writer.add(card, file));
            file.finish();
        }
        Map<String, byte[]> media = ExportSamples.media().stream()
                .collect(Collectors.toMap(MediaFile::name, MediaFile::content));
        new PackageWriter(CLOCK).zip(collection, List.copyOf(new TreeSet<>(writer.mediaNames())),
                (name, out) -> out.write(media.get(name)), streamed);

        try (AnkiPackage expected = new PackageReader().open(inMemory);
             AnkiPackage actual = new PackageReader().open(streamed)) {
            AnkiCollection want = expected.collection();
            AnkiCollection got = actual.collection();
            assertThat(got.notes()).isNotEmpty().isEqualTo(want.notes());
            assertThat(got.cards()).isEqualTo(want.cards());
            assertThat(got.revlog()).isNotEmpty().isEqualTo(want.revlog());
            assertThat(got.decks()).isEqualTo(want.decks());
            assertThat(got.timing()).isEqualTo(want.timing());
            assertThat(actual.mediaNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected.mediaNames());
            for (String name : expected.mediaNames()) {
                assertThat(actual.readMedia(name)).isEqualTo(expected.readMedia(name));
            }
        }
    }

    @Test
    void a_card_out_of_note_order_or_with_the_previous_cards_uid_is_refused() {
        List<ExportCard> cards = new ArrayList<>(ExportSamples.cards());
        cards.sort(AnkiExport.NOTE_ORDER.reversed());
        AnkiExport.Writer writer = new AnkiExport().writer(earliest(cards),
                cards.stream().map(ExportCard::deckName).toList(), ExportSamples.options());
        List<Object> rows = new ArrayList<>();
        CollectionSink sink = new CollectionSink() {
            @Override
            public void note(AnkiNote note) {
                rows.add(note);
            }

            @Override
            public void card(AnkiCard card) {
                rows.add(card);
            }

            @Override
            public boolean revlog(RevlogEntry entry) {
                return rows.add(entry);
            }
        };
        writer.add(cards.get(0), sink);
        assertThatThrownBy(() -> writer.add(cards.get(1), sink)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comes after");
        assertThatThrownBy(() -> writer.add(cards.get(0), sink)).isInstanceOf(AnkiFormatException.class);
    }

    /** What the app reads with SQL aggregates before the first card: the earliest time any card brings. */
    private static Instant earliest(List<ExportCard> cards) {
        Instant earliest = null;
        for (ExportCard card : cards) {
            List<Instant> times = new ArrayList<>(List.of(card.created()));
            card.reviews().forEach(review -> times.add(review.reviewedAt()));
            if (card.schedule() != null) {
                times.add(card.schedule().card().due());
            }
            for (Instant time : times) {
                earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
            }
        }
        return earliest;
    }
}
