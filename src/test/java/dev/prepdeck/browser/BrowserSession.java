package dev.prepdeck.browser;

import dev.prepdeck.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium per test class, registered as a static JUnit extension:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserSession browser = new BrowserSession();
 *
 * &#64;Test
 * void something_a_user_relies_on() {
 *     Site site = browser.site(TestData.NETWORKING_DECK);   // fresh database and app, stopped after the test
 *     Page page = site.open("/");                           // loads the page and runs axe on it
 * }
 * </pre>
 *
 * Without Chromium or chromedriver the tests are skipped with the reason, except under CI=true where that fails
 * them: CI must really run them. axe-core comes with the test classpath, so it is never missing.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    /** axe-core's script as Deque's com.deque.html.axe-core:selenium jar ships it (a test dependency). */
    static final String AXE = "/axe.min.js";
    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    private ChromeDriver driver;
    private Path profile;
    private Axe axe;
    private final List<Site> sites = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        requireInstalled(CHROMIUM, "Chromium", "apt-get install -y chromium");
        requireInstalled(CHROMEDRIVER, "chromedriver", "apt-get install -y chromium-driver");
        axe = new Axe(axeScript());
        profile = Files.createTempDirectory("prepdeck-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1280,800", "--lang=en-US",
                // A fake microphone that plays a tone, granted without asking: how spoken answers are tested.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
        // A page that opens a dialog must not have it dismissed silently: tests look for it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        // A driver executable given explicitly keeps Selenium Manager from looking for (or downloading) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        service.sendOutputTo(OutputStream.nullOutputStream());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // A person's browser window has the focus; headless Chromium's may not, and then no element matches :focus.
        driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Site site : sites) {
            site.close();
        }
        sites.clear();
        if (driver != null) {
            driver.manage().deleteAllCookies();
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    /**
     * From now until the test ends, the browser asks for pages in this language (its Accept-Language header), as
     * one set to Chinese would; "--lang" cannot change once Chromium runs.
     */
    public void speak(String acceptLanguage) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            deleteTree(profile);
        }
    }

    /** A fresh database with these deck files imported, served on a free port until the test ends. */
    public Site site(String... deckFiles) {
        return site(TestDatabase.DEFAULT, deckFiles);
    }

    /** As {@link #site(String...)}, on {@code database}. */
    public Site site(TestDatabase database, String... deckFiles) {
        Site site = Site.start(this, database, deckFiles);
        sites.add(site);
        return site;
    }

    ChromeDriver driver() {
        return driver;
    }

    Axe axe() {
        return axe;
    }

    private static String axeScript() throws IOException {
        try (InputStream script = BrowserSession.class.getResourceAsStream(AXE)) {
            if (script == null) {
                throw new IllegalStateException("axe-core's " + AXE + " is not on the test classpath"
                        + " (dependency com.deque.html.axe-core:selenium in pom.xml)");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void requireInstalled(Path path, String what, String install) {
        if (Files.isRegularFile(path)) {
            return;
        }
        String message = what + " not found at " + path.toAbsolutePath() + " (" + install + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Browser tests must run in CI: " + message);
        }
        // Surefire does not print why a class was aborted in @BeforeAll, so say it where the person running mvn sees it.
        System.err.println("[WARNING] Browser tests skipped: " + message);
        Assumptions.abort("Browser tests skipped: " + message);
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
