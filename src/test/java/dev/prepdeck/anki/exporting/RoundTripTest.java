package dev.prepdeck.anki.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.PrepdeckGuids;
import dev.prepdeck.anki.apkg.AnkiPackage;
import dev.prepdeck.anki.apkg.PackageReader;
import dev.prepdeck.anki.apkg.PackageWriter;
import dev.prepdeck.anki.importing.AnkiImport;
import dev.prepdeck.anki.importing.ImportOptions;
import dev.prepdeck.anki.importing.ImportedCard;
import dev.prepdeck.anki.importing.ImportedReview;
import dev.prepdeck.anki.importing.MemorySource;
import dev.prepdeck.anki.render.HtmlToMarkdown;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepdeck → .apkg → prepdeck loses nothing: cards, tags, decks, history, memory state, due dates, media. */
class RoundTripTest {
    private static final List<Extension> TABLES = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(TABLES).build();
    private static final HtmlRenderer SHOWN = HtmlRenderer.builder().extensions(TABLES).escapeHtml(true).build();

    @TempDir
    Path dir;

    /** The uid a card exported with {@code uid} is imported with. */
    private static String returned(String uid) {
        return PrepdeckGuids.uidForNote(PrepdeckGuids.guidFor(uid));
    }

    private static String shown(String markdown) {
        return SHOWN.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
    }

    @Test
    void exported_cards_import_back_unchanged() {
        List<ExportCard> originals = ExportSamples.cards();
        AnkiExport.Result export = new AnkiExport().build(originals, ExportSamples.options());
        Path apkg = dir.resolve("interview.apkg");
        new PackageWriter().write(export.collection(), ExportSamples.media(), apkg);

        try (AnkiPackage pkg = new PackageReader().open(apkg)) {
            assertThat(pkg.collection()).as("the Anki model survives the package").isEqualTo(export.collection());
            assertThat(pkg.readAllMedia()).containsExactlyElementsOf(ExportSamples.media());

            Instant importTime = ExportSamples.NOW.plus(Duration.ofDays(1));
            ImportOptions options = new ImportOptions(ExportSamples.ZONE, importTime, ExportSamples.PARAMETERS,
                    new HtmlToMarkdown());
            AnkiImport.Result result = new AnkiImport().cards(pkg.collection(), options);
            assertThat(result.skipped()).isEmpty();
            Map<String, ImportedCard> byUid = result.cards().stream()
                    .collect(Collectors.toMap(ImportedCard::uid, Function.identity()));
            // these uids ("path#id") are not deck-file card ids, so each comes back as the same stable stand-in
            assertThat(byUid.keySet()).containsExactlyInAnyOrderElementsOf(
                    originals.stream().map(card -> returned(card.uid())).toList());

            for (ExportCard original : originals) {
                ImportedCard back = byUid.get(returned(original.uid()));
                assertThat(back.deckName()).isEqualTo(original.deckName());
                assertThat(back.tags()).isEqualTo(original.tags());
                assertThat(shown(back.question())).isEqualTo(shown(original.question()));
                assertThat(shown(back.answer())).isEqualTo(shown(original.answer()));
                if (!original.uid().equals("odd.md#hostile")) {
                    assertThat(back.question()).isEqualTo(original.question());
                    assertThat(back.answer()).isEqualTo(original.answer());
                }
                assertSameSchedule(original, back, importTime);
                assertSameHistory(original, back);
            }
            assertThat(byUid.get(returned("sql.md#group-by")).media())
                    .containsExactlyInAnyOrder("plan.png", "say.mp3");
        }
    }

    private static void assertSameSchedule(ExportCard original, ImportedCard back, Instant importTime) {
        FsrsCard got = back.schedule().card();
        if (original.schedule() == null) {
            assertThat(got.state()).isEqualTo(State.NEW);
            assertThat(got.due()).isEqualTo(importTime);
            assertThat(back.schedule().memorySource()).isEqualTo(MemorySource.NONE);
            return;
        }
        FsrsCard want = original.schedule().card();
        assertThat(back.schedule().memorySource()).isEqualTo(MemorySource.CARD_DATA);
        assertThat(back.schedule().suspended()).isEqualTo(original.schedule().suspended());
        assertThat(back.schedule().desiredRetention()).isEqualTo(0.9);
        assertThat(got.state()).isEqualTo(want.state());
        assertThat(got.stability()).isEqualTo(want.stability());
        assertThat(got.difficulty()).isEqualTo(want.difficulty());
        assertThat(got.reps()).isEqualTo(want.reps());
        assertThat(got.lapses()).isEqualTo(want.lapses());
        assertThat(got.learningSteps()).isEqualTo(want.learningSteps());
        assertThat(got.scheduledDays()).isEqualTo(want.scheduledDays());
        assertThat(got.elapsedDays()).isEqualTo(want.elapsedDays());
        assertThat(got.lastReview()).isEqualTo(want.lastReview());
        if (want.state() == State.REVIEW) {
            // Anki schedules reviews by day: the due date comes back as the start of the learner's day (4 am)
            LocalDateTime local = LocalDateTime.ofInstant(want.due(), ExportSamples.ZONE);
            LocalDateTime dayStart = (local.getHour() < 4 ? local.minusDays(1) : local).toLocalDate().atTime(4, 0);
            assertThat(got.due()).isEqualTo(dayStart.atZone(ExportSamples.ZONE).toInstant());
        } else {
            assertThat(got.due()).isEqualTo(want.due().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private static void assertSameHistory(ExportCard original, ImportedCard back) {
        assertThat(back.reviews()).hasSameSizeAs(original.reviews());
        assertThat(back.skippedReviews()).isZero();
        for (int i = 0; i < original.reviews().size(); i++) {
            ExportReview want = original.reviews().get(i);
            ImportedReview got = back.reviews().get(i);
            assertThat(got.reviewedAt()).isEqualTo(want.reviewedAt());
            assertThat(got.rating()).isEqualTo(want.rating());
            assertThat(got.durationMs()).isEqualTo(want.durationMs());
            assertThat(got.before().state()).isEqualTo(want.stateBefore());
            assertThat(got.after().scheduledDays()).isEqualTo(want.scheduledDaysAfter());
            assertThat(got.after().difficulty()).isEqualTo(want.difficultyAfter());
        }
        if (!original.reviews().isEmpty()) {
            // the replayed history ends where prepdeck's own state is
            assertThat(back.reviews().get(back.reviews().size() - 1).after()).isEqualTo(original.schedule().card());
        }
    }
}
