package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The settings page and the footer's language switch as a learner uses them, in both languages and themes. */
class SettingsBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    /** The page's background colour as the browser paints it. */
    private static String background(Page page) {
        return (String) page.script("return getComputedStyle(document.body).backgroundColor;");
    }

    @Test
    void choosing_chinese_and_the_dark_theme_on_the_settings_page_changes_every_page() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/");
        page.clickToNewPage("footer a[href='/settings']");
        assertThat(page.text("h1")).isEqualTo("Settings");
        page.capture("settings-en");

        page.click("input[name=language][value=zh-CN]").click("input[name=theme][value=dark]")
                .type("#timeZone", "Asia/Shanghai").type("#rolloverHour", "5")
                .clickToNewPage("form button.primary");
        assertThat(page.path()).isEqualTo("/settings");
        assertThat(page.text("[role=status]")).isEqualTo("设置已保存。");
        assertThat(page.text("h1")).isEqualTo("设置");
        assertThat(page.script("return document.documentElement.lang;")).isEqualTo("zh-CN");
        assertThat(page.find("#timeZone").getAttribute("value")).isEqualTo("Asia/Shanghai");

        // the learner's dark theme wins over a system that asks for light
        page.view(View.LAPTOP, View.Scheme.LIGHT);
        assertThat(background(page)).isEqualTo("rgb(22, 24, 27)");
        page.capture("settings-zh");

        page.open("/stats");
        assertThat(page.text("header nav")).contains("卡组");
        assertThat(page.script("return document.documentElement.dataset.theme;")).isEqualTo("dark");

        page.open("/settings");
        page.click("input[name=theme][value=light]").clickToNewPage("form button.primary");
        page.view(View.LAPTOP, View.Scheme.DARK);
        assertThat(background(page)).as("light chosen, on a dark system").isEqualTo("rgb(247, 247, 245)");
        page.click("input[name=theme][value=system]").clickToNewPage("form button.primary");
        page.view(View.LAPTOP, View.Scheme.DARK);
        assertThat(background(page)).as("following the system again").isEqualTo("rgb(22, 24, 27)");
    }

    @Test
    void a_form_error_is_shown_next_to_its_field_in_the_pages_language() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/settings");
        page.type("#rolloverHour", "25").clickToNewPage("form button.primary");
        assertThat(page.text("[role=alert]"))
                .isEqualTo("The hour the study day starts must be a whole number from 0 to 23, not “25”.");
        assertThat(page.find("#rolloverHour").getAttribute("aria-invalid")).isEqualTo("true");
        page.capture("settings-error-en");
    }

    @Test
    void the_footer_switch_changes_the_language_and_keeps_the_page_and_its_query() {
        Site site = browser.site(TestData.NETWORKING_DECK);
        Page page = site.open("/browse?q=dns");
        page.clickToNewPage("footer button[value=zh-CN]");
        assertThat(page.path()).isEqualTo("/browse?q=dns");
        assertThat(page.script("return document.documentElement.lang;")).isEqualTo("zh-CN");
        assertThat(page.find("footer button[value=zh-CN]").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.text("header nav")).contains("卡组", "统计");
        page.capture("footer-language-zh");

        page.clickToNewPage("footer button[value=en]");
        assertThat(page.path()).isEqualTo("/browse?q=dns");
        assertThat(page.script("return document.documentElement.lang;")).isEqualTo("en");
        assertThat(site.one("SELECT language FROM learner WHERE id = 1", String.class)).isEqualTo("en");
    }
}
