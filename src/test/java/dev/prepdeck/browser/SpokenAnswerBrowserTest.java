package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Answering aloud in Chromium with its fake microphone: record, stop, see it saved, check the answer and hear it
 * beside the model answer, rate, and find it on the card page. Screenshots of the recorder and the check.
 */
class SpokenAnswerBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void an_answer_said_aloud_is_recorded_kept_with_the_attempt_and_played_back() {
        Site site = browser.site(PracticeBrowserTest.CACHING_DECK);
        long deck = site.deckId("Interview::Caching");
        long card = site.cardId(PracticeBrowserTest.CACHE_QUESTION);
        PracticeBrowserTest.practiceOn(site, deck);

        Page page = site.open("/study?deck=" + deck + "&card=" + card);
        assertThat(page.find(".recorder").isDisplayed()).as("the recorder shows where the browser can record").isTrue();
        page.focus(".recorder-start").press(Keys.ENTER);
        page.waitUntil("the recording to run a second", () -> page.text(".recorder-status").matches("Recording… 0:0[1-9].*"));
        page.capture("spoken-answer-recording");
        page.focus(".recorder-stop").press(Keys.ENTER);
        page.waitUntil("the recording to be saved", () -> page.text(".recorder-status").startsWith("Recording saved"));
        String recording = page.find("#practice-answer input[name=recording]").getAttribute("value");
        assertThat(recording).matches("\\d+");
        assertThat(page.find(".recorder audio").isDisplayed()).isTrue();

        page.focus("#practice-text").press(PracticeBrowserTest.CACHE_ANSWER);
        page.focus("#practice-check").pressToNewPage(Keys.ENTER);
        assertThat(page.find(".typed-answer audio.spoken-answer").getAttribute("src")).endsWith("/study/recordings/" + recording);
        page.capture("spoken-answer-check");
        page.focus("button.rate.suggested").pressToNewPage(Keys.ENTER);

        byte[] audio = site.one("SELECT audio FROM practice_recording WHERE id = " + recording, byte[].class);
        assertThat(audio.length).as("a second of audio or more").isGreaterThan(1000);
        assertThat(new byte[] {audio[0], audio[1], audio[2], audio[3]}).as("a WebM file")
                .containsExactly(0x1A, 0x45, 0xDF, 0xA3);
        assertThat(site.one("SELECT attempt_id FROM practice_recording WHERE id = " + recording, Long.class))
                .isEqualTo(site.one("SELECT max(id) FROM practice_attempt", Long.class));
        Page cardPage = site.open("/cards/" + card);
        assertThat(cardPage.find(".attempt audio.spoken-answer").getAttribute("src")).endsWith("/study/recordings/" + recording);
    }
}
