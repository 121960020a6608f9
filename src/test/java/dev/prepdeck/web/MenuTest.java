package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main menu marks the section a page belongs to, and only that one. */
class MenuTest {
    @TempDir
    Path tempDir;

    /** The marked entry as a laptop shows it: the phone's short labels are hidden there. */
    private static String current(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select("header nav .narrow-only").remove();
        return page.select("header nav a[aria-current=page]").text();
    }

    @Test
    void studying_one_deck_belongs_to_decks_and_study_all_is_marked_only_when_studying_everything() {
        TestCollection collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        long deck = collection.deckId("Interview::Networking");
        long card = collection.cardId("What does DNS do?");
        collection.site(s -> {
            assertThat(current(s.page("/"))).isEqualTo("Decks");
            assertThat(current(s.page("/decks/" + deck))).isEqualTo("Decks");
            assertThat(current(s.page("/study?deck=" + deck))).isEqualTo("Decks");
            assertThat(current(s.page("/study"))).isEqualTo("Study all");
            assertThat(current(s.submit("/study/check", "cardId", String.valueOf(card), "deck", String.valueOf(deck),
                    "answer", "names to addresses").body().string())).isEqualTo("Decks");
            assertThat(current(s.submit("/study/check", "cardId", String.valueOf(card), "deck", "",
                    "answer", "names to addresses").body().string())).isEqualTo("Study all");
            assertThat(current(s.page("/mock"))).isEqualTo("Mock interview");
            assertThat(current(s.page("/stats"))).isEqualTo("Stats");
            assertThat(current(s.page("/notes/import"))).isEqualTo("Import notes");
        });
    }
}
