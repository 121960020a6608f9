package dev.prepdeck.anki.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.anki.RevlogKind;
import dev.prepdeck.anki.TestPackages;
import dev.prepdeck.fsrs.FsrsCard;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnkiImportTest {
    private static final Instant NOW = Instant.parse("2023-12-20T00:00:00Z");
    private static final Instant DAY_ZERO = Instant.ofEpochSecond(1_699_934_400L);
    private final ImportOptions options = ImportOptions.of(ZoneOffset.UTC, NOW);
    private final Scheduler scheduler = new Scheduler(FsrsParameters.defaults().withEnableFuzz(false));

    private Map<Long, ImportedCard> imported(AnkiCollection collection) {
        AnkiImport.Result result = new AnkiImport().cards(collection, options);
        assertThat(result.skipped()).isEmpty();
        return result.cards().stream().collect(Collectors.toMap(ImportedCard::ankiCardId, Function.identity()));
    }

    private static String anki(String guid) {
        return "anki-" + HexFormat.of().formatHex(guid.getBytes());
    }

    @Test
    void basic_card_with_fsrs_data_keeps_its_memory_due_date_and_history() {
        ImportedCard card = imported(TestPackages.sample()).get(TestPackages.id(101));
        assertThat(card.uid()).isEqualTo(anki("basic-1"));
        assertThat(card.deckName()).isEqualTo("Tech");
        assertThat(card.tags()).containsExactly("sql", "db");
        assertThat(card.question()).isEqualTo("What does **GROUP BY** do?");
        assertThat(card.answer()).isEqualTo("Groups rows:\n\n| a | count |\n| --- | --- |\n| x | 2 |\n\n"
                + "```sql\nSELECT a, COUNT(*)\nFROM t GROUP BY a;\n```");

        ImportedSchedule schedule = card.schedule();
        assertThat(schedule.memorySource()).isEqualTo(MemorySource.CARD_DATA);
        FsrsCard fsrs = schedule.card();
        assertThat(fsrs.state()).isEqualTo(State.REVIEW);
        assertThat(fsrs.stability()).isEqualTo(12.5);
        assertThat(fsrs.difficulty()).isEqualTo(5.25);
        assertThat(fsrs.scheduledDays()).isEqualTo(12);
        assertThat(fsrs.reps()).isEqualTo(5);
        assertThat(fsrs.lapses()).isEqualTo(1);
        // due day 40 of a collection whose days start at 04:00 UTC on 2023-11-14
        assertThat(fsrs.due()).isEqualTo(DAY_ZERO.plus(Duration.ofDays(40)));
        assertThat(fsrs.lastReview()).isEqualTo(Instant.ofEpochSecond(1_702_000_000L));
        assertThat(schedule.desiredRetention()).isEqualTo(0.9);

        assertThat(card.reviews()).extracting(ImportedReview::rating)
                .containsExactly(Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY);
        assertThat(card.reviews()).extracting(ImportedReview::durationMs).containsExactly(5000, 4000, 8000, 3000, 2000);
        assertThat(card.reviews()).extracting(ImportedReview::kind).containsExactly(RevlogKind.LEARNING,
                RevlogKind.LEARNING, RevlogKind.REVIEW, RevlogKind.RELEARNING, RevlogKind.REVIEW);
        assertThat(card.reviews().get(0).before().state()).isEqualTo(State.NEW);
        for (int i = 1; i < card.reviews().size(); i++) {
            assertThat(card.reviews().get(i).before()).isEqualTo(card.reviews().get(i - 1).after());
        }
        assertThat(card.skippedReviews()).as("the rescheduling entry is not an answer").isEqualTo(1);
    }

    @Test
    void reversed_note_gives_two_cards_one_suspended_and_flagged_one_buried() {
        Map<Long, ImportedCard> cards = imported(TestPackages.sample());
        ImportedCard forward = cards.get(TestPackages.id(102));
        ImportedCard reverse = cards.get(TestPackages.id(103));
        assertThat(forward.uid()).isEqualTo(anki("rev-1") + ".1");
        assertThat(reverse.uid()).isEqualTo(anki("rev-1") + ".2");
        assertThat(forward.question()).isEqualTo("chat");
        assertThat(forward.answer()).isEqualTo("cat ![](cat.png)");
        assertThat(reverse.question()).isEqualTo("cat ![](cat.png)");
        assertThat(reverse.answer()).isEqualTo("chat");
        assertThat(reverse.media()).containsExactly("cat.png");
        assertThat(forward.deckName()).isEqualTo("Languages::French");

        assertThat(forward.schedule().suspended()).isTrue();
        assertThat(forward.schedule().flag()).isEqualTo(1);
        assertThat(forward.schedule().card().due()).isEqualTo(DAY_ZERO.plus(Duration.ofDays(45)));
        assertThat(forward.reviews()).hasSize(1);
        assertThat(forward.skippedReviews()).as("a manual change and a cram answer that did not reschedule")
                .isEqualTo(2);

        assertThat(reverse.schedule().buried()).isTrue();
        assertThat(reverse.schedule().card().state()).isEqualTo(State.NEW);
        assertThat(reverse.schedule().card().due()).isEqualTo(NOW);
        assertThat(reverse.schedule().newPosition()).isEqualTo(7);
    }

    @Test
    void cloze_note_gives_one_card_per_number_with_replayed_memory() {
        Map<Long, ImportedCard> cards = imported(TestPackages.sample());
        ImportedCard first = cards.get(TestPackages.id(104));
        ImportedCard second = cards.get(TestPackages.id(105));
        ImportedCard third = cards.get(TestPackages.id(106));
        assertThat(first.uid()).isEqualTo(anki("cloze-1") + ".1");
        assertThat(first.question()).isEqualTo("[\\[...\\]](#cloze) is the capital of France; Berlin is Germany's");
        assertThat(first.answer()).isEqualTo("[Paris](#cloze) is the capital of France; Berlin is Germany's\\\n"
                + "[sound: paris.mp3](paris.mp3)");
        assertThat(first.clozeNumber()).isEqualTo(1);
        assertThat(first.clozeSource())
                .isEqualTo("{{c1::Paris}} is the capital of {{c2::France::country}}; {{c3::Berlin}} is Germany's");
        assertThat(first.media()).containsExactly("paris.mp3");
        assertThat(second.question()).isEqualTo("Paris is the capital of [\\[country\\]](#cloze); Berlin is Germany's");
        assertThat(third.clozeNumber()).isEqualTo(3);

        // intraday learning: due is a Unix time
        assertThat(first.schedule().card().state()).isEqualTo(State.LEARNING);
        assertThat(first.schedule().card().due()).isEqualTo(Instant.ofEpochSecond(1_703_001_500L));
        assertThat(first.schedule().memorySource()).isEqualTo(MemorySource.REPLAYED);
        FsrsCard expected = scheduler.next(FsrsCard.newCard(Instant.ofEpochMilli(1_703_000_900_000L)),
                Instant.ofEpochMilli(1_703_000_900_000L), Rating.GOOD, ZoneOffset.UTC).card();
        assertThat(first.schedule().card().stability()).isEqualTo(expected.stability());
        assertThat(first.schedule().card().difficulty()).isEqualTo(expected.difficulty());
        assertThat(first.schedule().card().learningSteps()).as("one of two steps left").isEqualTo(1);

        // learning across days: due is a day number
        assertThat(second.schedule().card().due()).isEqualTo(DAY_ZERO.plus(Duration.ofDays(41)));
        assertThat(second.reviews()).extracting(ImportedReview::rating).containsExactly(Rating.AGAIN, Rating.GOOD);

        // a card borrowed by a filtered deck is imported into its home deck with its home position
        assertThat(third.deckName()).isEqualTo("Languages");
        assertThat(third.schedule().newPosition()).isEqualTo(9);
        assertThat(third.schedule().flag()).isEqualTo(4);
    }

    @Test
    void typed_answer_card_is_a_practice_card_in_its_nested_deck() {
        ImportedCard card = imported(TestPackages.sample()).get(TestPackages.id(107));
        assertThat(card.practice()).isTrue();
        assertThat(card.question()).isEqualTo("être");
        assertThat(card.answer()).isEqualTo("to be");
        assertThat(card.deckName()).isEqualTo("Languages::French::Verbs");
    }

    private static AnkiCollection withOnlyCard(AnkiCard card, List<RevlogEntry> revlog) {
        AnkiCollection sample = TestPackages.sample();
        return new AnkiCollection(sample.timing(), sample.noteTypes(), sample.decks(), sample.notes(), List.of(card),
                revlog);
    }

    private static AnkiCard reviewCard(int interval, int ease, MemoryState memory) {
        return new AnkiCard(TestPackages.id(101), 1_700_000_000_001L, TestPackages.TECH, 0, 0, CardType.REVIEW,
                CardQueue.REVIEW, 40, interval, ease, 3, 0, 0, 0, 0, 0, memory, null);
    }

    @Test
    void forget_in_the_log_restarts_the_replay_from_a_new_card() {
        long card = TestPackages.id(101);
        List<RevlogEntry> log = List.of(
                new RevlogEntry(1_701_400_000_000L, card, 3, -600, 0, 0, 1000, RevlogKind.LEARNING),
                new RevlogEntry(1_701_500_000_000L, card, 3, 3, -600, 2500, 1000, RevlogKind.LEARNING),
                new RevlogEntry(1_701_600_000_000L, card, 0, 0, 3, 0, 0, RevlogKind.MANUAL),
                new RevlogEntry(1_701_700_000_000L, card, 1, -60, 0, 0, 1000, RevlogKind.LEARNING));
        ImportedCard imported = new AnkiImport().cards(withOnlyCard(reviewCard(3, 2500, MemoryState.NONE), log),
                options).cards().get(0);
        assertThat(imported.reviews()).hasSize(3);
        assertThat(imported.reviews().get(2).before().state()).isEqualTo(State.NEW);
        assertThat(imported.schedule().memorySource()).isEqualTo(MemorySource.REPLAYED);
        assertThat(imported.schedule().card().stability()).isEqualTo(imported.reviews().get(2).after().stability());
    }

    @Test
    void review_card_without_history_or_fsrs_data_gets_memory_estimated_from_interval_and_ease() {
        ImportedSchedule easy = new AnkiImport().cards(withOnlyCard(reviewCard(30, 3500, MemoryState.NONE),
                List.of()), options).cards().get(0).schedule();
        ImportedSchedule hard = new AnkiImport().cards(withOnlyCard(reviewCard(30, 1300, MemoryState.NONE),
                List.of()), options).cards().get(0).schedule();
        assertThat(easy.memorySource()).isEqualTo(MemorySource.ESTIMATED_FROM_INTERVAL);
        // at 90 % retention the stability is the interval itself
        assertThat(easy.card().stability()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(easy.card().difficulty()).isBetween(1.0, 10.0).isLessThan(hard.card().difficulty());
        assertThat(easy.card().lastReview()).isEqualTo(DAY_ZERO.plus(Duration.ofDays(10)));
    }

    @Test
    void cards_with_an_empty_question_are_skipped_with_the_reason() {
        AnkiCollection sample = TestPackages.sample();
        var emptyNote = new dev.prepdeck.anki.AnkiNote(1_700_000_000_001L, "basic-1", TestPackages.BASIC, 0,
                List.of(), List.of("<div><br></div>", "answer"));
        AnkiCollection collection = new AnkiCollection(sample.timing(), sample.noteTypes(), sample.decks(),
                List.of(emptyNote), List.of(reviewCard(3, 2500, MemoryState.NONE)), List.of());
        AnkiImport.Result result = new AnkiImport().cards(collection, options);
        assertThat(result.cards()).isEmpty();
        assertThat(result.skipped()).singleElement().asString().contains("question is empty");
    }
}
