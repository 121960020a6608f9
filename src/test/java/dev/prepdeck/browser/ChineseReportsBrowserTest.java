package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.TestPackages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What an import reports, read by a Chinese learner: an Anki package whose images are missing, and notes whose card
 * shows an image that is not there. Screenshots in target/screenshots/zh-anki-imported-warnings-* and
 * zh-notes-saved-warning-*.
 */
class ChineseReportsBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @TempDir
    Path tempDir;

    @Test
    void an_anki_package_without_its_images_is_reported_in_chinese() throws Exception {
        browser.speak("zh-CN,zh;q=0.9");
        Path pkg = TestPackages.schema11(TestPackages.sample(), List.of(), tempDir);
        Site site = browser.site();
        Page page = site.open("/anki");
        page.find("#file").sendKeys(pkg.toAbsolutePath().toString());
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).isEqualTo("Anki 牌组包已导入");
        assertThat(page.findAll("ul.warnings li")).extracting(WebElement::getText).hasSize(5)
                .contains("卡片“chat”：要显示的“cat.png”不在牌组包里")
                .allSatisfy(warning -> assertThat(warning).endsWith("不在牌组包里"));
        assertThat(page.text("dl.anki-report")).contains("schema11.apkg：collection.anki2（架构版本 11）");
        page.capture("zh-anki-imported-warnings");
    }

    @Test
    void saved_notes_whose_card_shows_a_missing_image_are_reported_in_chinese() {
        browser.speak("zh-CN,zh;q=0.9");
        Site site = browser.site();
        Page page = site.open("/notes/import");
        page.focus("#text").press("# 网络\n\n## 什么是域名解析？\n\n把域名变成地址。\n");
        page.focus("form button.primary").pressToNewPage(Keys.ENTER);
        page.type("#answer_0", "把域名变成地址。\n\n![解析过程](media/没有的图.png)");
        page.focus(".notes-preview button.primary").pressToNewPage(Keys.ENTER);

        assertThat(page.text("h1")).isEqualTo("笔记已导入");
        assertThat(page.text("section[aria-labelledby=warnings-title] li")).isEqualTo(
                "notes/pasted-notes/网络.md:8：缺少 media/没有的图.png：卡组文件旁的媒体文件夹中没有这个文件；卡片将显示图片的替代文字");
        page.capture("zh-notes-saved-warning");
        page.open("/decks/" + site.deckId("网络"));
        assertThat(page.text("main")).doesNotContain("Imported from");
        page.capture("zh-deck-from-notes");
    }
}
