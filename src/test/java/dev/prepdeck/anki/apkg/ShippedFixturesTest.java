package dev.prepdeck.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.NoteType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The two third-party packages (see src/test/resources/anki/README.md) read completely. */
class ShippedFixturesTest {
    static final String LEGACY = "anki-fixture-legacy-anki2-schema11.apkg";
    static final String LATEST = "anki-fixture-latest-anki21b-schema18.apkg";

    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(ShippedFixturesTest.class.getResource("/anki/" + name)).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void legacy_schema_11_package_reads_every_note_card_and_deck() {
        try (AnkiPackage pkg = new PackageReader().open(fixture(LEGACY))) {
            assertThat(pkg.version()).isEqualTo(PackageVersion.LEGACY_1);
            assertThat(pkg.schemaVersion()).isEqualTo(11);
            AnkiCollection col = pkg.collection();
            assertThat(col.notes()).hasSize(242);
            assertThat(col.cards()).hasSize(484);
            assertThat(col.revlog()).isEmpty();
            assertThat(pkg.mediaNames()).isEmpty();
            assertThat(pkg.warnings()).isEmpty();

            assertThat(col.noteTypes()).singleElement().satisfies(type -> {
                assertThat(type.name()).isEqualTo("Basic (and reversed card)-5a339");
                assertThat(type.kind()).isEqualTo(NoteType.Kind.STANDARD);
                assertThat(type.fields()).containsExactly("Front", "Back");
                assertThat(type.templates()).extracting(t -> t.name() + "|" + t.questionFormat())
                        .containsExactly("Card 1|{{Front}}", "Card 2|{{Back}}");
            });
            assertThat(col.decks()).extracting(AnkiDeck::name).containsExactlyInAnyOrder("Default", "Gov Vocab");

            AnkiNote first = col.notesById().get(1378867498040L);
            assertThat(first.guid()).isEqualTo("uWFq9<9S*v");
            assertThat(first.tags()).containsExactly("Ch.2");
            assertThat(first.fields()).containsExactly("unalienable", "A human right based on nature or God.");
            assertThat(col.cards()).allSatisfy(card -> {
                assertThat(card.type()).isEqualTo(CardType.NEW);
                assertThat(card.queue()).isEqualTo(CardQueue.NEW);
            });
            assertThat(col.cards()).extracting(c -> c.ord()).containsOnly(0, 1);
            // schema 11 without schedVer is the v1 scheduler: days are whole 24-hour periods from crt
            assertThat(col.timing().creationSeconds()).isEqualTo(1354608000L);
            assertThat(col.timing().rolloverHour()).isNull();
        }
    }

    @Test
    void latest_schema_18_package_reads_every_note_card_and_nested_deck() {
        try (AnkiPackage pkg = new PackageReader().open(fixture(LATEST))) {
            assertThat(pkg.version()).isEqualTo(PackageVersion.LATEST);
            assertThat(pkg.schemaVersion()).isEqualTo(18);
            AnkiCollection col = pkg.collection();
            assertThat(col.notes()).hasSize(340);
            assertThat(col.cards()).hasSize(340);
            assertThat(pkg.mediaNames()).isEmpty();

            NoteType basicPlus = col.noteType(1483568031035L).orElseThrow();
            assertThat(basicPlus.name()).isEqualTo("Basic+");
            assertThat(basicPlus.fields()).containsExactly("Front", "Back");
            assertThat(basicPlus.templates()).singleElement().satisfies(t -> {
                assertThat(t.questionFormat()).isEqualTo("{{Front}}");
                assertThat(t.answerFormat()).isEqualTo("{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}");
            });
            assertThat(col.notes()).allSatisfy(n -> assertThat(n.noteTypeId()).isEqualTo(basicPlus.id()));
            // the package carries field and template rows of stock note types, but only Basic+ is a note type
            assertThat(col.noteTypes()).extracting(NoteType::name).containsExactly("Basic+");

            // schema 18 separates deck levels with \x1f; the model always uses ::
            assertThat(col.decks()).extracting(AnkiDeck::name).contains(
                    "Music Intervals",
                    "Music Intervals::1/ Easy - major 2nd, 3rd, perfect 5th",
                    "Music Intervals::4/ Chords - 9th, 11th, 13th");
            assertThat(col.decks()).filteredOn(d -> d.name().equals("Music Intervals")).singleElement()
                    .satisfies(d -> assertThat(d.description()).contains("shared deck page"));
            assertThat(col.cards()).allSatisfy(c -> assertThat(col.deck(c.deckId())).isPresent());

            AnkiNote note = col.notesById().get(1484237387194L);
            assertThat(note.tags()).containsExactly("easy", "interval");
            assertThat(note.fields()).containsExactly("The perfect 5th of C is...", "<h1>G</h1>");

            assertThat(col.timing().creationOffsetMinutesWest()).isEqualTo(480);
            assertThat(col.timing().rolloverHour()).isEqualTo(4);
        }
    }
}
