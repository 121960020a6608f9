package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/** Importing notes from the browser: paste or upload, look through the proposed cards, untick and edit, save. */
class NotesImportBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    /** Two top-level sections (two decks), a topic with a code block, and an empty section to leave out. */
    private static final String KAFKA_NOTES = """
            Kafka 面试笔记
            ==============================

            Kafka 的分区有什么作用？
            ----------------------------------------

            分区让一个 topic 分布在多个 broker 上；同一个消费者组里的每个消费者读不同的分区，所以可以并行消费。

            How does a consumer group rebalance?
            ------------------------------------

            When a consumer joins or leaves, the group coordinator hands the partitions out again:

            - every consumer stops fetching
            - the group leader computes a new assignment
            - consumers resume from their committed offsets

            Offsets
            -------

            Kafka keeps each group's position as an offset in the ``__consumer_offsets`` topic.

            .. code-block:: bash

               kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group billing-service-consumers

            Behavioural
            ===========

            Describe a time you disagreed with a teammate.
            ----------------------------------------------

            We disagreed about the retry policy. I wrote both options down with how each fails, and we chose together.

            待补充
            ------------
            """;

    private static final String PARTITIONS = "Kafka 的分区有什么作用？";
    private static final String REBALANCE = "How does a consumer group rebalance?";
    private static final String DISAGREED = "Describe a time you disagreed with a teammate.";

    @TempDir
    Path tempDir;

    /** The index of the preview card showing this question, as its checkbox and fields are numbered. */
    private static String cardIndex(Page page, String question) {
        return String.valueOf(page.script("""
                var question = arguments[0];
                var field = Array.from(document.querySelectorAll('.notes-card input[type=text]'))
                  .find(function (f) { return f.value === question; });
                return field ? field.id.replace('question_', '') : null;
                """, question));
    }

    @Test
    void pasted_notes_are_previewed_and_only_the_ticked_cards_are_saved_with_their_edits() {
        Site site = browser.site();
        Page page = site.open("/");
        page.focus("nav a[href='/notes/import']").pressToNewPage(Keys.ENTER);
        page.focus("#text").press(KAFKA_NOTES);
        page.type("#prefix", "Prep");
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).isEqualTo("4 cards from pasted-notes");
        assertThat(page.findAll(".notes-deck legend")).extracting(e -> e.getText())
                .containsExactly("Prep::Kafka 面试笔记", "Prep::Behavioural");
        assertThat(page.findAll(".notes-card input[type=text]")).extracting(e -> e.getAttribute("value"))
                .containsExactly(PARTITIONS, REBALANCE, "What are offsets?", DISAGREED);
        assertThat(page.text(".notes-skipped")).contains("待补充");
        assertThat(site.count("SELECT count(*) FROM card")).as("a preview saves nothing").isZero();
        String rebalance = cardIndex(page, REBALANCE);
        page.focus("input[name=keep][value='" + rebalance + "']").press(Keys.SPACE);
        assertThat(page.find("input[name=keep][value='" + rebalance + "']").isSelected()).isFalse();
        page.type("#question_" + cardIndex(page, PARTITIONS), "Kafka 为什么要分区？");
        page.capture("notes-preview");
        page.tabThroughAll();
        page.view(View.LAPTOP, View.Scheme.DARK).tabThroughAll();
        page.view(View.LAPTOP, View.Scheme.LIGHT);
        assertThat(page.find("#question_" + rebalance).getCssValue("text-decoration-line"))
                .as("an unticked card reads as left out").isEqualTo("line-through");
        page.focus(".notes-preview button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).isEqualTo("Notes imported");
        assertThat(site.list("SELECT name FROM deck ORDER BY name"))
                .containsExactly("Prep", "Prep::Behavioural", "Prep::Kafka 面试笔记");
        assertThat(site.list("SELECT question FROM card ORDER BY question"))
                .containsExactlyInAnyOrder("Kafka 为什么要分区？", "What are offsets?", DISAGREED);
        assertThat(site.one("SELECT d.name FROM card c JOIN deck d ON d.id = c.deck_id"
                + " WHERE c.question = 'Kafka 为什么要分区？'", String.class)).isEqualTo("Prep::Kafka 面试笔记");
        assertThat(site.one("SELECT answer FROM card WHERE question = 'Kafka 为什么要分区？'", String.class))
                .startsWith("分区让一个 topic 分布在多个 broker 上");
        assertThat(site.one("SELECT answer FROM card WHERE question = 'What are offsets?'", String.class))
                .contains("```").contains("kafka-consumer-groups.sh --bootstrap-server");
        assertThat(site.count("SELECT count(*) FROM card_state WHERE state = 0")).as("new cards to study").isEqualTo(3);

        page.focus("section a[href='/']").pressToNewPage(Keys.ENTER);
        assertThat(page.text("table.decks")).contains("Kafka 面试笔记").contains("Behavioural");
    }

    @Test
    void saving_with_a_blank_question_or_nothing_ticked_shows_the_preview_again_with_every_edit_kept() {
        Site site = browser.site();
        Page page = site.open("/notes/import");
        page.focus("#text").press(KAFKA_NOTES);
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);
        String partitions = cardIndex(page, PARTITIONS);
        String rebalance = cardIndex(page, REBALANCE);
        String disagreed = cardIndex(page, DISAGREED);
        page.type("#answer_" + partitions, "分区让消费者并行读。");
        page.focus("input[name=keep][value='" + rebalance + "']").press(Keys.SPACE);
        page.find("#question_" + disagreed).clear();
        page.focus(".notes-preview button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).as("still the preview").isEqualTo("4 cards from pasted-notes");
        assertThat(page.text("#save-error")).isEqualTo("Card " + (Integer.parseInt(disagreed) + 1)
                + " (in Behavioural) has no question: write one, or untick the card to leave it out.");
        assertThat(page.find("#question_" + disagreed).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.find("#question_" + disagreed).getAccessibleName()).isEqualTo("Question");
        assertThat(page.find("#answer_" + partitions).getAttribute("value")).isEqualTo("分区让消费者并行读。");
        assertThat(page.find("input[name=keep][value='" + rebalance + "']").isSelected()).as("still unticked").isFalse();
        assertThat(page.text(".notes-skipped")).as("the left-out sections are still listed").contains("待补充");
        assertThat(site.count("SELECT count(*) FROM card")).isZero();
        page.capture("notes-preview-error");

        for (var keep : page.findAll("input[name=keep]:checked")) {
            keep.click();
        }
        page.focus(".notes-preview button.primary").pressToNewPage(Keys.ENTER);
        assertThat(page.text("#save-error")).startsWith("No card is ticked, so there is nothing to save");
        assertThat(page.findAll("input[name=keep]:checked")).isEmpty();
        assertThat(page.find("#answer_" + partitions).getAttribute("value")).isEqualTo("分区让消费者并行读。");

        page.focus("input[name=keep][value='" + partitions + "']").press(Keys.SPACE);
        page.focus("input[name=keep][value='" + disagreed + "']").press(Keys.SPACE);
        page.type("#question_" + disagreed, "Tell me about a disagreement.");
        page.focus(".notes-preview button.primary").pressToNewPage(Keys.ENTER);
        assertThat(page.text("h1")).isEqualTo("Notes imported");
        assertThat(site.list("SELECT question FROM card ORDER BY question"))
                .containsExactlyInAnyOrder(PARTITIONS, "Tell me about a disagreement.");
        assertThat(site.one("SELECT answer FROM card WHERE question = '" + PARTITIONS + "'", String.class))
                .isEqualTo("分区让消费者并行读。");
    }

    @Test
    void an_uploaded_notes_file_is_previewed_and_saved() throws IOException {
        Path file = tempDir.resolve("kafka-notes.rst");
        Files.writeString(file, KAFKA_NOTES, StandardCharsets.UTF_8);
        Site site = browser.site();
        Page page = site.open("/notes/import");
        page.capture("notes-import");
        page.view(View.PHONE, View.Scheme.LIGHT);
        assertThat(page.script("return document.querySelector('#format').getBoundingClientRect().right"
                + " <= document.querySelector('#text').getBoundingClientRect().right + 0.5;"))
                .as("the format list stays inside the form on a phone").isEqualTo(true);
        page.view(View.LAPTOP, View.Scheme.LIGHT);
        page.find("#file").sendKeys(file.toAbsolutePath().toString());
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).isEqualTo("4 cards from kafka-notes.rst");
        page.focus("input[name=keep][value='" + cardIndex(page, DISAGREED) + "']").press(Keys.SPACE);
        page.focus(".notes-preview button.primary").pressToNewPage(Keys.ENTER);

        assertThat(site.list("SELECT name FROM deck")).containsExactly("Kafka 面试笔记");
        assertThat(site.list("SELECT question FROM card"))
                .containsExactlyInAnyOrder(PARTITIONS, REBALANCE, "What are offsets?");
    }
}
