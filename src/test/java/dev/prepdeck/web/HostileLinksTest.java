package dev.prepdeck.web;

import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card whose Markdown links to data:, javascript:, vbscript: and file: URLs is shown inert on every page. */
class HostileLinksTest {
    private static final String DECK = """
            # Hostile

            ## Where does [this link](data:text/html,question) go?
            <!-- id: hostile -->

            [open me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and ![a picture](data:image/svg+xml,x)
            or [vb](vbscript:msgbox(1)), [a file](file:///etc/passwd), [js](JavaScript:alert(1)),
            [ref][evil] and a [safe one](https://example.org/safe).

            [evil]: DATA:text/html,reference
            """;
    private static final Pattern LIVE_HOSTILE_URL =
            Pattern.compile("(?:href|src|action|formaction)\\s*=\\s*\"\\s*(?:data|javascript|vbscript|file):");

    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;
    long cardId;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "hostile.md", DECK);
        deckId = collection.deckId("Hostile");
        cardId = collection.cardWithUid("hostile");
    }

    private static void assertInert(String name, String page) {
        assertThat(LIVE_HOSTILE_URL.matcher(page.toLowerCase(Locale.ROOT)).find())
                .as(name + " has a live data:, javascript:, vbscript: or file: URL:\n" + page).isFalse();
    }

    @Test
    void every_page_that_renders_card_markdown_shows_hostile_links_inert() {
        collection.site(s -> {
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("card", s.page("/cards/" + cardId));
            pages.put("deck", s.page("/decks/" + deckId));
            pages.put("study", s.page("/study?deck=" + deckId + "&card=" + cardId));
            pages.put("edit", s.page("/cards/" + cardId + "/edit"));
            pages.put("preview", s.submit("/preview", "answer", DECK).body().string());
            pages.put("editor preview", s.submit("/cards/" + cardId, "question", "Q", "answer", DECK, "tags", "",
                    "action", "preview").body().string());
            pages.put("check", s.submit("/study/check", "cardId", String.valueOf(cardId), "deck", String.valueOf(deckId),
                    "answer", "[mine](data:text/html,typed)", "seconds", "12").body().string());
            pages.put("mock question", s.page("/mock/run?cards=" + cardId));
            String answered = location(s.submit("/mock/answer", "cards", String.valueOf(cardId), "answers", "",
                    "cardId", String.valueOf(cardId), "answer", "[mine](data:text/html,typed)", "seconds", "5"));
            pages.put("mock report", s.page(location(s.get(answered))));

            pages.forEach(HostileLinksTest::assertInert);
            assertThat(pages.get("card")).contains("href=\"https://example.org/safe\"").contains(">open me</a>");
            assertThat(pages.get("preview")).contains("href=\"https://example.org/safe\"").contains("<img src=\"\"");
        });
    }
}
