package dev.prepdeck.anki.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.TestPackages;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.PackageReader;
import dev.prepdeck.error.Notice;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package read a page of cards at a time converts to exactly the cards, schedules, histories and skips of the same
 * package read whole: pages in Anki's note order, each with its cards' notes and reviews, and a guid taken on an
 * earlier page still taken on a later one.
 */
class PagedImportTest {
    private static final int NOTES = 1_200;
    private final ImportOptions options = ImportOptions.of(ZoneOffset.UTC, Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private record Paged(AnkiImport.Result result, int pages, int largestPage) {
    }

    private Paged paged(AnkiPackage pkg, int size) {
        AnkiImport.Pages conversion = new AnkiImport().pages(options);
        List<ImportedCard> cards = new ArrayList<>();
        List<Notice> skipped = new ArrayList<>();
        int[] pages = new int[2];
        pkg.forEachPage(size, page -> {
            AnkiImport.Result result = conversion.cards(page);
            cards.addAll(result.cards());
            skipped.addAll(result.skipped());
            pages[0]++;
            pages[1] = Math.max(pages[1], page.cards().size());
        });
        return new Paged(new AnkiImport.Result(cards, skipped), pages[0], pages[1]);
    }

    private void pagesGiveTheWhole(Path file, int size, int expectedPages) {
        try (AnkiPackage pkg = new PackageReader().open(file)) {
            AnkiImport.Result whole = new AnkiImport().cards(pkg.collection(), options);
            Paged paged = paged(pkg, size);

            assertThat(paged.pages()).isEqualTo(expectedPages);
            assertThat(paged.largestPage()).isEqualTo(size);
            assertThat(paged.result().cards()).hasSameSizeAs(whole.cards()).isEqualTo(whole.cards());
            assertThat(paged.result().skipped()).isEqualTo(whole.skipped());
        }
    }

    @Test
    void a_legacy_package_of_several_pages_converts_as_it_does_whole() throws Exception {
        AnkiCollection large = TestPackages.large(NOTES);
        pagesGiveTheWhole(TestPackages.schema11(large, TestPackages.sampleMedia(), dir), 500,
                (large.cards().size() + 499) / 500);
    }

    @Test
    void a_current_package_of_several_pages_converts_as_it_does_whole() throws Exception {
        AnkiCollection large = TestPackages.large(NOTES);
        pagesGiveTheWhole(TestPackages.schema18(large, TestPackages.sampleMedia(), dir), 500,
                (large.cards().size() + 499) / 500);
    }

    @Test
    void a_guid_seen_on_an_earlier_page_skips_the_later_card_and_every_review_is_kept() throws Exception {
        AnkiCollection large = TestPackages.large(NOTES);
        try (AnkiPackage pkg = new PackageReader().open(TestPackages.schema18(large, List.of(), dir))) {
            AnkiImport.Result result = paged(pkg, 500).result();

            assertThat(result.skipped()).singleElement().asString().contains("big-1");
            assertThat(result.cards()).hasSize(large.cards().size() - 1);
            assertThat(result.cards().stream().mapToInt(card -> card.reviews().size()).sum())
                    .as("one answered review per log row but the skipped card's")
                    .isEqualTo(large.revlog().size() - reviewsOfNote(large, TestPackages.SAME_GUID_NOTE));
        }
    }

    @Test
    void anki_made_packages_read_fifty_cards_at_a_time_convert_as_they_do_whole() throws Exception {
        pagesGiveTheWhole(fixture("anki-fixture-legacy-anki2-schema11.apkg"), 50, 10);
        pagesGiveTheWhole(fixture("anki-fixture-latest-anki21b-schema18.apkg"), 50, 7);
    }

    private static long reviewsOfNote(AnkiCollection collection, int note) {
        long noteId = collection.notes().get(note).id();
        List<Long> cards = collection.cards().stream().filter(c -> c.noteId() == noteId).map(c -> c.id()).toList();
        return collection.revlog().stream().filter(r -> cards.contains(r.cardId())).count();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(Objects.requireNonNull(PagedImportTest.class.getResource("/anki/" + name)).toURI());
    }
}
