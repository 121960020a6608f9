package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.TestPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/** An Anki package imported from the browser, then one of its cloze cards studied; a text file previewed and imported. */
class AnkiBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @TempDir
    Path tempDir;

    @Test
    void an_uploaded_package_is_reported_and_its_cards_are_studied() throws Exception {
        Path pkg = TestPackages.schema18(TestPackages.sample(), TestPackages.sampleMedia(), tempDir);
        Site site = browser.site();
        Page page = site.open("/");
        page.focus("nav a[href='/anki']").pressToNewPage(Keys.ENTER);
        assertThat(page.text("h1")).isEqualTo("Anki");
        page.capture("anki-import");
        page.find("#file").sendKeys(pkg.toAbsolutePath().toString());
        page.type("#prefix", "Anki");
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).isEqualTo("Anki package imported");
        assertThat(page.text(".summary")).contains("7 cards added");
        assertThat(page.text("section")).contains("Anki::Languages::French::Verbs")
                .contains("9 reviews added");
        page.capture("anki-imported");
        assertThat(site.count("SELECT count(*) FROM review_log")).isEqualTo(9);

        page.open("/study?deck=" + site.deckId("Anki::Languages"));
        assertThat(page.text("main")).as("the learning cloze card, due since Anki's last session")
                .contains("is the capital of France");
        assertThat(page.findAll(".cloze")).isNotEmpty();
        page.press(Keys.SPACE);
        assertThat(page.find(".answer").isDisplayed()).isTrue();
        assertThat(page.text(".answer")).contains("Paris");
        page.capture("anki-cloze-study");
        page.pressToNewPage("3");
        assertThat(site.count("SELECT count(*) FROM review_log")).isEqualTo(10);
    }

    @Test
    void a_text_file_is_previewed_its_columns_chosen_and_imported() throws Exception {
        Path csv = Files.writeString(tempDir.resolve("interview.csv"), """
                #separator:comma
                #columns:Question,Answer,Topic
                What does GROUP BY do?,Groups rows by the listed columns.,sql
                What does rebase do?,"Moves commits onto another base, one by one.",git
                """);
        Site site = browser.site();
        Page page = site.open("/anki");
        page.find("#file").sendKeys(csv.toAbsolutePath().toString());
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).isEqualTo("Import interview.csv");
        assertThat(page.text("table")).contains("What does rebase do?");
        assertThat(new Select(page.find("#question")).getFirstSelectedOption().getText()).isEqualTo("Question");
        assertThat(new Select(page.find("#tags")).getFirstSelectedOption().getText()).isEqualTo("Topic");
        page.capture("anki-text-preview");
        new Select(page.find("#tags")).selectByVisibleText("(none)");
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text(".summary")).contains("2 cards added");
        assertThat(site.count("SELECT count(*) FROM card WHERE tags = ''")).isEqualTo(2);
        page.open("/anki");
        assertThat(page.text(".anki-exports")).contains("interview: .apkg .csv .tsv");
        page.capture("anki-exports");
    }
}
