package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * The main pages in English and in Simplified Chinese, walked as a learner would: axe passes on each in both
 * languages, and in Chinese each is captured at phone and laptop size (light and dark) to target/screenshots/zh-*.png
 * to look at the line breaking, with no sideways scrolling on the phone.
 */
class LanguagesBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    /** A Chinese deck whose card has key points, so practice and the mock interview have something to check. */
    private static final String DEPLOYMENT_DECK = """
            # 面试::部署

            部署相关的问题：发布、回滚和监控。

            ## 如何安全地发布一个新版本的模型服务？
            <!-- tags: 发布 -->

            - 先用金丝雀发布，把少量流量切到新版本
            - 监控错误率、延迟和业务指标
            - 指标变差时立即回滚到旧版本

            ## 什么是蓝绿部署？

            同时保留两套完全相同的环境，发布时把流量从旧环境整体切换到新环境。
            """;

    @Test
    void the_main_pages_read_in_english_and_pass_axe() {
        walk(false);
    }

    @Test
    void the_main_pages_read_in_chinese_pass_axe_and_fit_a_phone() {
        browser.speak("zh-CN,zh;q=0.9");
        walk(true);
    }

    private void walk(boolean chinese) {
        Site site = browser.site(DEPLOYMENT_DECK, TestData.DATABASE_DECK);
        long deck = site.deckId("面试::部署");
        long card = site.cardId("如何安全地发布一个新版本的模型服务？");

        Page page = site.open("/");
        assertThat(page.find("html").getAttribute("lang")).isEqualTo(chinese ? "zh-CN" : "en");
        assertThat(page.text("h1")).isEqualTo(chinese ? "我的卡组" : "Your decks");
        show(page, chinese, "home");

        show(page.open("/decks/" + deck), chinese, "deck");

        page.open("/study?deck=" + deck + "&card=" + card);
        if (page.findAll("#reveal").isEmpty()) {
            page.focus("#practice-toggle").pressToNewPage(Keys.ENTER);
        }
        page.press(Keys.SPACE);
        assertThat(page.text(".ratings")).contains(chinese ? "良好" : "Good").contains(chinese ? "分钟" : "m");
        show(page, chinese, "study-answer");

        page.focus("#practice-toggle").pressToNewPage(Keys.ENTER);
        page.focus("#practice-text").press("先用金丝雀发布，把少量流量切到新版本，然后监控错误率。");
        page.focus("#practice-check").pressToNewPage(Keys.ENTER);
        assertThat(page.text(".practice-summary")).contains(chinese ? "建议评分" : "suggested rating");
        show(page, chinese, "practice-check");

        page.open("/mock");
        page.focus("input[name=deck][value='" + deck + "']").press(Keys.SPACE);
        page.type("#count", "1").pressToNewPage(Keys.ENTER);
        page.press("监控错误率和延迟。");
        page.focus("#practice-answer button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.text("h1")).isEqualTo(chinese ? "模拟面试报告" : "Mock interview report");
        show(page, chinese, "mock-report");

        show(page.open("/stats"), chinese, "stats");
        show(page.open("/browse?q=" + java.net.URLEncoder.encode("发布", java.nio.charset.StandardCharsets.UTF_8)),
                chinese, "browse");
        page.open("/browse?q=" + java.net.URLEncoder.encode("发布 prop:ivl>>3", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.text("#query-error p.error")).isEqualTo(chinese ? "prop:ivl>>3：“>”后面应为数字"
                : "prop:ivl>>3: expected a number after '>'");
        show(page, chinese, "browse-error");
        show(page.open("/settings"), chinese, "settings");
        show(page.open("/notes/import"), chinese, "notes-import");
        page.focus("form[action='/notes/preview'] button[type=submit]").pressToNewPage(Keys.ENTER);
        assertThat(page.text("p.error")).isEqualTo(chinese ? "请选择一个笔记文件或笔记的 .zip 压缩包，或者粘贴你的笔记。"
                : "Choose a notes file or a .zip of your notes, or paste your notes.");
        show(page, chinese, "notes-import-error");
        show(page.open("/anki"), chinese, "anki");
        show(page.open("/optimize"), chinese, "optimize");
        page.open("/no/such/page");
        assertThat(page.text("h1")).isEqualTo(chinese ? "找不到页面" : "Not Found");
        show(page, chinese, "error-404");
    }

    /** axe in this language; in Chinese also the screenshots at both sizes, both colour schemes. */
    private static void show(Page page, boolean chinese, String name) {
        if (chinese) {
            page.capture("zh-" + name);
        } else {
            page.checkAccessibility();
        }
    }
}
