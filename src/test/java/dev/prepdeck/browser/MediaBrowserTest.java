package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prepdeck.media.MediaSamples;
import dev.prepdeck.media.MediaStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/** A card with a diagram wider than a phone and a sound: both shown on the study page, within the card. */
class MediaBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static final String DECK = """
            # Databases

            ## What does an inner join return?
            <!-- id: inner-join -->

            Only the rows whose join keys match in both tables:

            ![Orders and customers overlap only where the customer ids match](media/inner-join.png)

            Say it aloud: [sound: inner join](media/inner-join.mp3)
            """;

    @Test
    void a_card_shows_its_image_within_the_card_and_its_sound_as_a_player() {
        Site site = browser.site(DECK);
        site.jdbi().useTransaction(h -> {
            MediaStore store = new MediaStore(site.jdbi(), site.clock());
            store.put(h, "inner-join.png", MediaSamples.png(1200, 480, "orders ⋈ customers ON customer_id"));
            store.put(h, "inner-join.mp3", MediaSamples.mp3());
        });
        Page page = site.open("/study?deck=" + site.deckId("Databases"));

        page.press(Keys.SPACE);
        page.waitUntil("the diagram loads", () -> Boolean.TRUE.equals(page.script(
                "var i = document.querySelector('.answer img'); return i.complete && i.naturalWidth > 0;")));
        assertThat(page.find(".answer img").getAttribute("alt"))
                .isEqualTo("Orders and customers overlap only where the customer ids match");
        assertThat(page.script("return document.querySelector('.answer img').naturalWidth;")).isEqualTo(1200L);
        assertThat(page.find(".answer audio").getAttribute("src")).endsWith("/media/inner-join.mp3");
        assertThat(page.find(".answer .sound a").getText()).isEqualTo("sound: inner join");
        page.capture("review-media");
        page.tabThroughAll();

        page.view(View.PHONE, View.Scheme.LIGHT);
        List<double[]> image = page.sizes(".answer img");
        List<double[]> answer = page.sizes(".answer");
        assertThat(image.get(0)[0]).as("the diagram shrinks to the card").isLessThanOrEqualTo(answer.get(0)[0]);
        assertThat(image.get(0)[1] / image.get(0)[0]).as("keeping its proportions").isCloseTo(0.4, within(0.01));
    }
}
