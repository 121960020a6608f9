package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page the browser shows. Actions that load another page end in {@code ToNewPage}: they wait for the new
 * document and run axe on it, so every page a scenario visits is checked for accessibility.
 */
public final class Page {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Axe axe;
    private final Site site;
    private View view = View.LAPTOP;
    private View.Scheme scheme = View.Scheme.LIGHT;

    Page(ChromeDriver driver, Axe axe, Site site) {
        this.driver = driver;
        this.axe = axe;
        this.site = site;
    }

    void load(String url) {
        markCurrentDocument();
        driver.get(url);
        awaitNewDocument();
    }

    /** Loads another path of the same site, like typing it in the address bar. */
    public Page open(String path) {
        load(site.url(path));
        return this;
    }

    /** Presses keys on whatever has focus, expecting the page to stay. */
    public Page press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Presses a key with Shift held on whatever has focus, expecting the page to stay. */
    public Page pressWithShift(CharSequence key) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).perform();
        return this;
    }

    /** Presses keys on whatever has focus and waits for the page they load. */
    public Page pressToNewPage(CharSequence... keys) {
        markCurrentDocument();
        press(keys);
        awaitNewDocument();
        return this;
    }

    /** Holds a modifier (Ctrl, Meta) while pressing a key, and waits for the page that loads. */
    public Page pressWithToNewPage(Keys modifier, CharSequence key) {
        markCurrentDocument();
        new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
        awaitNewDocument();
        return this;
    }

    public Page click(String css) {
        find(css).click();
        return this;
    }

    public Page clickToNewPage(String css) {
        markCurrentDocument();
        click(css);
        awaitNewDocument();
        return this;
    }

    /** Puts the keyboard focus on an element, as tabbing to it would. */
    public Page focus(String css) {
        driver.executeScript("arguments[0].focus();", find(css));
        return this;
    }

    /** Replaces a field's text by typing, so the page's input handlers run. */
    public Page type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text a person sees in the element. */
    public String text(String css) {
        return find(css).getText();
    }

    /** Path and query of the page shown, e.g. {@code /study?deck=1}. */
    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public String title() {
        return driver.getTitle();
    }

    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    public void waitUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(d -> condition.getAsBoolean());
    }

    /** True when the page opened an alert, confirm or prompt dialog. */
    public boolean hasDialog() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Runs axe on the page as it is now (after revealing something, or in another colour scheme). */
    public Page checkAccessibility() {
        axe.check(driver, path() + " (" + view.label + ", " + scheme.label() + ")");
        return this;
    }

    /** Lays the page out at a screen size and colour scheme, as the device would. */
    public Page view(View size, View.Scheme colours) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", size.mobile));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", colours.label()))));
        view = size;
        scheme = colours;
        return this;
    }

    /**
     * Screenshots the page at every size and colour scheme to target/screenshots/NAME-SIZE-SCHEME.png, checking at
     * each that axe passes (contrast differs per scheme) and that a phone never scrolls sideways.
     */
    public Page capture(String name) {
        for (View size : View.values()) {
            for (View.Scheme colours : View.Scheme.values()) {
                view(size, colours);
                checkAccessibility();
                if (size == View.PHONE) {
                    assertNoSidewaysScrolling();
                }
                saveScreenshot(name + "-" + size.label + "-" + colours.label() + ".png");
            }
        }
        return view(View.LAPTOP, View.Scheme.LIGHT);
    }

    public Page assertNoSidewaysScrolling() {
        // Measured against the screen's width, not window.innerWidth: a phone zooms out to fit a page that is too
        // wide, and innerWidth grows with it, so the page would always seem to fit.
        Map<?, ?> widths = (Map<?, ?>) script("""
                var screen = arguments[0];
                return { scroll: document.documentElement.scrollWidth,
                         widest: Array.from(document.querySelectorAll('body *'))
                           .filter(function (e) { return e.getBoundingClientRect().right > screen + 0.5; })
                           .slice(-5).map(function (e) { return e.tagName.toLowerCase() + '.' + e.className
                             + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)'; }).join(', ') };
                """, view.width);
        assertThat(((Number) widths.get("scroll")).longValue())
                .as("%s at %s (%dpx) scrolls sideways; too wide: %s", path(), view.label, view.width, widths.get("widest"))
                .isLessThanOrEqualTo(view.width);
        return this;
    }

    /** Width and height in CSS pixels of each element matching the selector. */
    public List<double[]> sizes(String css) {
        List<double[]> sizes = new ArrayList<>();
        for (Object rect : (List<?>) script("""
                return Array.from(document.querySelectorAll(arguments[0])).map(function (e) {
                  var r = e.getBoundingClientRect(); return [r.width, r.height]; });
                """, css)) {
            List<?> pair = (List<?>) rect;
            sizes.add(new double[] {((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue()});
        }
        return sizes;
    }

    /**
     * Tabs through the page and returns, in order, what received focus. Fails unless every
     * visible control (link, button, field, summary) is reached and each shows a focus outline of at least 2px
     * that contrasts 3:1 with what is around it.
     */
    public List<String> tabThroughAll() {
        long controls = ((Number) script(KeyboardWalk.MARK_CONTROLS)).longValue();
        Map<Long, String> reached = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        // Tab wraps from the last control through the browser's own UI back to the first, so walking twice the
        // number of controls visits each from wherever focus starts.
        for (int presses = 0; presses <= 2 * controls + 2 && reached.size() < controls; presses++) {
            press(Keys.TAB);
            Map<?, ?> focus = (Map<?, ?>) script(KeyboardWalk.DESCRIBE_FOCUS);
            if (focus == null) {
                continue;
            }
            long mark = ((Number) focus.get("mark")).longValue();
            if (reached.containsKey(mark)) {
                continue;
            }
            String who = String.valueOf(focus.get("who"));
            reached.put(mark, who);
            double width = ((Number) focus.get("width")).doubleValue();
            double contrast = ((Number) focus.get("contrast")).doubleValue();
            if (width < 2 || contrast < 3) {
                problems.add(who + ": outline " + focus.get("outline") + " on " + focus.get("background")
                        + String.format(" (contrast %.2f)", contrast));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> all = (List<String>) script(KeyboardWalk.LIST_CONTROLS);
        List<String> unreached = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!reached.containsKey((long) i)) {
                unreached.add(all.get(i));
            }
        }
        assertThat(unreached).as("controls on %s that Tab never reaches", path()).isEmpty();
        assertThat(problems).as("focused controls on %s without a visible focus outline (%s)", path(), scheme.label())
                .isEmpty();
        return new ArrayList<>(reached.values());
    }

    /** Describes the focused element, e.g. {@code button#rate-3 "Good"}. */
    public String focused() {
        return String.valueOf(script("return " + KeyboardWalk.DESCRIBE + "(document.activeElement);"));
    }

    private void saveScreenshot(String file) {
        try {
            Files.createDirectories(BrowserSession.SCREENSHOTS);
            Path target = BrowserSession.SCREENSHOTS.resolve(file);
            // The whole page, not only the first screen: what is wrong is often further down (rating buttons,
            // key points, the last cards of a preview). Capped so a very long page stays a viewable image.
            Map<?, ?> content = (Map<?, ?>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                    .get("cssContentSize");
            double height = Math.min(Math.max(view.height, ((Number) content.get("height")).doubleValue()), 4000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", view.width, "height", height, "scale", 1)));
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void markCurrentDocument() {
        try {
            driver.executeScript("window.__prepdeckLeaving = true;");
        } catch (WebDriverException e) {
            // about:blank before the first page: there is no document of ours to mark
        }
    }

    private void awaitNewDocument() {
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class)
                .withMessage("a new page to load")
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return !window.__prepdeckLeaving && document.readyState === 'complete';")));
        checkAccessibility();
        assertNoTemplateCode();
    }

    /**
     * No page may show template code: a Thymeleaf attribute or expression that was not processed (every error page
     * once read {@code <title th:text="|${title} · prepdeck|">}). The test decks contain neither string.
     */
    private void assertNoTemplateCode() {
        String html = driver.getPageSource();
        assertThat(html).as("template code on %s", path())
                .doesNotContainPattern("(?<![A-Za-z-])th:[a-z]").doesNotContain("${");
    }
}
