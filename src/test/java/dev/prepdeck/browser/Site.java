package dev.prepdeck.browser;

import dev.prepdeck.App;
import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The app running in-process on a free port over its own temp-file database, with a clock the test moves. */
public final class Site {
    private final BrowserSession browser;
    private final Path folder;
    private final Jdbi jdbi;
    private final TestClock clock;
    private final Javalin app;

    private Site(BrowserSession browser, Path folder, Jdbi jdbi, TestClock clock, Javalin app) {
        this.browser = browser;
        this.folder = folder;
        this.jdbi = jdbi;
        this.clock = clock;
        this.app = app;
    }

    static Site start(BrowserSession browser, String... deckFiles) {
        try {
            Path folder = Files.createTempDirectory("prepdeck-browser-");
            Jdbi jdbi = TestData.database(folder);
            TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
            for (int i = 0; i < deckFiles.length; i++) {
                TestData.write(folder.resolve("decks"), "deck-" + i + ".md", deckFiles[i]);
            }
            if (deckFiles.length > 0) {
                new DeckSync(jdbi, new DeckRepository(), clock).importFolder(folder.resolve("decks"));
            }
            Javalin app = App.create(jdbi, clock).start("127.0.0.1", 0);
            return new Site(browser, folder, jdbi, clock, app);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the page at this path in the browser, waits for it and checks its accessibility. */
    public Page open(String path) {
        Page page = new Page(browser.driver(), browser.axe(), this);
        page.load(url(path));
        return page;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public TestClock clock() {
        return clock;
    }

    /** The single value of a query, for checking what the database holds after a scenario. */
    public <T> T one(String sql, Class<T> type) {
        return TestData.one(jdbi, sql, type);
    }

    /** One row as column → value, to compare a card's state before and after. */
    public Map<String, Object> row(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapToMap().one());
    }

    /** The first column of every row, e.g. the ratings in the review log. */
    public List<Object> list(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapToMap().stream()
                .map(row -> row.values().iterator().next()).toList());
    }

    public long count(String sql) {
        return one(sql, Long.class);
    }

    public long deckId(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM deck WHERE name = :name")
                .bind("name", name).mapTo(Long.class).one());
    }

    public long cardId(String question) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM card WHERE question = :question")
                .bind("question", question).mapTo(Long.class).one());
    }

    void close() {
        app.stop();
        BrowserSession.deleteTree(folder);
    }
}
