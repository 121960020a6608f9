package dev.prepdeck.practice;

import dev.prepdeck.review.Learner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.DeckRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Term rarity comes from the cards in the database and follows them as they are added, edited and deleted. */
class CollectionRarityTest {
    private static final TermAnalyzer ANALYZER = TermAnalyzer.shipped();
    private static final String DEPLOYMENT = """
            # Deployment

            ## How do you release a model?
            <!-- id: release -->

            - Canary: send a small share of traffic to the new version first.
            - Rollback: keep the previous version ready.

            ## How do you watch it?
            <!-- id: watch -->

            - Track latency and error rate.
            - Alert when the error rate climbs.
            """;

    @TempDir
    Path tempDir;

    @Test
    void a_word_many_cards_use_weighs_less_than_one_only_a_few_use_and_the_table_follows_edits_and_deletions() {
        TestCollection collection = TestCollection.of(tempDir, "deployment.md", DEPLOYMENT);
        DeckRepository decks = new DeckRepository();
        CollectionRarity rarity = new CollectionRarity(ANALYZER, new PracticeRepository());
        String canary = key("canary");
        String latency = key("latency");
        String unused = key("sharding");

        TermRarity first = collection.jdbi().withHandle(rarity::current);
        assertThat(first.of(unused)).as("a word no card uses").isEqualTo(1.0);
        assertThat(first.of(canary)).isLessThan(1.0);
        assertThat(first.of(canary)).isEqualTo(first.of(latency));

        long watch = collection.cardWithUid("watch");
        collection.clock().advance(Duration.ofMinutes(1));
        collection.jdbi().useTransaction(h -> {
            Card card = decks.card(h, Learner.DEFAULT_ID, watch).orElseThrow();
            decks.updateCard(h, withAnswer(card, card.answer() + "- Compare the latency of the canary.\n"),
                    collection.clock().millis());
            long deck = card.deckId();
            decks.insertCard(h, deck, "more", "What else?", "- A canary first.\n- A canary again.\n", "", "", 9,
                    collection.clock().millis());
        });
        TermRarity edited = collection.jdbi().withHandle(rarity::current);
        assertThat(edited.of(canary)).as("now in four points").isLessThan(edited.of(latency));
        assertThat(edited.of(canary)).isLessThan(first.of(canary));
        assertThat(sameAsFromScratch(collection, edited)).isTrue();

        collection.jdbi().useHandle(h -> decks.deleteCard(h, collection.cardWithUid("more")));
        TermRarity deleted = collection.jdbi().withHandle(rarity::current);
        assertThat(deleted.of(canary)).isGreaterThan(edited.of(canary));
        assertThat(sameAsFromScratch(collection, deleted)).isTrue();
    }

    @Test
    void an_unchanged_collection_is_not_analysed_again() {
        TestCollection collection = TestCollection.of(tempDir, "deployment.md", DEPLOYMENT);
        CollectionRarity rarity = new CollectionRarity(ANALYZER, new PracticeRepository());
        TermRarity first = collection.jdbi().withHandle(rarity::current);
        assertThat(collection.jdbi().withHandle(rarity::current)).isSameAs(first);
    }

    private static boolean sameAsFromScratch(TestCollection collection, TermRarity incremental) {
        List<String> answers = collection.list("SELECT answer FROM card", String.class);
        TermRarity scratch = TermRarity.ofAnswers(ANALYZER, answers);
        return List.of("canary", "latency", "rollback", "error rate", "sharding").stream()
                .map(CollectionRarityTest::key)
                .allMatch(k -> Math.abs(scratch.of(k) - incremental.of(k)) < 1e-12);
    }

    private static String key(String word) {
        return ANALYZER.terms(word).get(0).key();
    }

    private static Card withAnswer(Card c, String answer) {
        return new Card(c.id(), c.deckId(), c.uid(), c.question(), answer, c.tags(), c.meta(), c.position(),
                c.removedFromSource());
    }
}
