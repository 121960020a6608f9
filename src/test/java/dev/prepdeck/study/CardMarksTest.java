package dev.prepdeck.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bury, suspend and flag from the study page and the card page, as forms (the keys click these buttons). */
class CardMarksTest {
    @TempDir
    Path tempDir;

    TestCollection collection;
    long deckId;
    long dns;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        deckId = collection.deckId("Interview::Networking");
        dns = collection.cardId("What does DNS do?");
    }

    private int state(String column) {
        return collection.one("SELECT " + column + " FROM card_state WHERE card_id = " + dns, Integer.class);
    }

    @Test
    void the_study_page_offers_bury_suspend_and_flags_with_their_keys() {
        collection.site(s -> {
            String page = s.page("/study?deck=" + deckId);
            assertThat(page).contains("What does DNS do?").contains("action=\"/cards/" + dns + "/bury\"")
                    .contains("id=\"mark-bury\"").contains("<kbd>-</kbd>").contains("<kbd>@</kbd>")
                    .contains("id=\"flag-1\"").contains("- bury · @ suspend · Ctrl+1–4 flag");
        });
    }

    @Test
    void burying_from_the_study_page_shows_the_next_card_and_says_so() {
        collection.site(s -> {
            Response buried = s.submit("/cards/" + dns + "/bury", "back", "/study?deck=" + deckId);
            assertThat(buried.code()).isEqualTo(303);
            assertThat(TestSite.location(buried)).isEqualTo("/study?deck=" + deckId);
            String next = s.page(TestSite.location(buried));
            assertThat(next).contains("Buried the card until tomorrow.").doesNotContain("<p>What does DNS do?</p>");
            assertThat(collection.one("SELECT buried_until IS NOT NULL FROM card_state WHERE card_id = " + dns,
                    Boolean.class)).isTrue();
        });
    }

    @Test
    void a_flag_keeps_the_card_on_screen_and_the_same_key_takes_it_off() {
        collection.site(s -> {
            String stay = "/study?deck=" + deckId + "&card=" + dns;
            Response flagged = s.submit("/cards/" + dns + "/flag", "flag", "2", "back", stay);
            assertThat(TestSite.location(flagged)).isEqualTo(stay);
            assertThat(state("flag")).isEqualTo(2);
            String page = s.page(stay);
            assertThat(page).contains("Flagged the card.")
                    .containsPattern("name=\"flag\" value=\"0\" id=\"flag-2\"[^>]*aria-pressed=\"true\"");
            s.submit("/cards/" + dns + "/flag", "flag", "0", "back", stay);
            assertThat(state("flag")).isZero();
        });
    }

    @Test
    void suspending_from_the_card_page_and_back_and_undo_from_browse() {
        collection.site(s -> {
            assertThat(s.page("/cards/" + dns)).contains("id=\"mark-suspend\"").contains(">Suspend</span>");
            Response suspended = s.submit("/cards/" + dns + "/suspend", "suspended", "1", "back", "/cards/" + dns);
            assertThat(TestSite.location(suspended)).isEqualTo("/cards/" + dns);
            assertThat(state("suspended")).isEqualTo(1);
            assertThat(s.page("/cards/" + dns)).contains("Suspended the card").contains(">Unsuspend</span>")
                    .doesNotContain("id=\"mark-bury\"");
            s.submit("/browse/undo", "q", "");
            assertThat(state("suspended")).isZero();
        });
    }

    @Test
    void a_return_address_off_the_site_is_not_followed_and_bad_input_is_refused() {
        collection.site(s -> {
            Response away = s.submit("/cards/" + dns + "/bury", "back", "//evil.example/study");
            assertThat(TestSite.location(away)).isEqualTo("/cards/" + dns);
            assertThat(s.submit("/cards/" + dns + "/flag", "flag", "7", "back", "/study").code()).isEqualTo(400);
            assertThat(s.submit("/cards/999999/bury", "back", "/study").code()).isEqualTo(404);
        });
    }
}
