package dev.prepdeck.anki.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.PackageReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Every card of the two third-party packages becomes a prepdeck card with sensible Markdown. */
class ShippedFixturesImportTest {
    private final ImportOptions options = ImportOptions.of(ZoneOffset.UTC, Instant.parse("2026-01-01T00:00:00Z"));

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ShippedFixturesImportTest.class.getResource("/anki/" + name)).toURI());
    }

    private AnkiImport.Result imported(String name) throws URISyntaxException {
        try (AnkiPackage pkg = new PackageReader().open(fixture(name))) {
            return new AnkiImport().cards(pkg.collection(), options);
        }
    }

    @Test
    void legacy_vocabulary_deck_gives_both_directions_of_all_242_notes() throws Exception {
        AnkiImport.Result result = imported("anki-fixture-legacy-anki2-schema11.apkg");
        assertThat(result.skipped()).isEmpty();
        List<ImportedCard> cards = result.cards();
        assertThat(cards).hasSize(484);
        assertThat(cards).extracting(ImportedCard::uid).doesNotHaveDuplicates();
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.question()).isNotBlank();
            assertThat(card.answer()).isNotBlank();
            assertThat(card.warnings()).isEmpty();
            assertThat(card.deckName()).isEqualTo("Gov Vocab");
            assertThat(card.schedule().card().state()).isEqualTo(dev.prepdeck.fsrs.State.NEW);
        });
        ImportedCard forward = cards.stream().filter(c -> c.question().equals("unalienable")).findFirst().orElseThrow();
        assertThat(forward.answer()).isEqualTo("A human right based on nature or God.");
        assertThat(forward.tags()).containsExactly("Ch.2");
        ImportedCard reverse = cards.stream().filter(c -> c.answer().equals("unalienable")).findFirst().orElseThrow();
        assertThat(reverse.question()).isEqualTo("A human right based on nature or God.");
        assertThat(forward.uid()).endsWith(".1");
        assertThat(reverse.uid()).isEqualTo(forward.uid().replace(".1", ".2"));
    }

    @Test
    void music_intervals_deck_gives_all_340_cards_in_their_subdecks() throws Exception {
        AnkiImport.Result result = imported("anki-fixture-latest-anki21b-schema18.apkg");
        assertThat(result.skipped()).isEmpty();
        List<ImportedCard> cards = result.cards();
        assertThat(cards).hasSize(340);
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.deckName()).startsWith("Music Intervals::");
            assertThat(card.warnings()).isEmpty();
        });
        assertThat(cards.stream().map(ImportedCard::deckName).distinct()).hasSize(4);
        ImportedCard fifth = cards.stream().filter(c -> c.question().equals("The perfect 5th of C is..."))
                .findFirst().orElseThrow();
        assertThat(fifth.answer()).isEqualTo("# G");
        assertThat(fifth.tags()).containsExactly("easy", "interval");
    }
}
