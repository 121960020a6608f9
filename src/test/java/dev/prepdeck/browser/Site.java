package dev.prepdeck.browser;

import dev.prepdeck.App;
import dev.prepdeck.TestClock;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The app running in-process on a free port over its own database (a temp file, or a schema of its own on the
 * PostgreSQL test server), with a clock the test moves.
 */
public final class Site {
    private final BrowserSession browser;
    private final Path folder;
    private final TestCollection collection;
    private final Javalin app;

    private Site(BrowserSession browser, Path folder, TestCollection collection, Javalin app) {
        this.browser = browser;
        this.folder = folder;
        this.collection = collection;
        this.app = app;
    }

    static Site start(BrowserSession browser, TestDatabase database, String... deckFiles) {
        try {
            Path folder = Files.createTempDirectory("prepdeck-browser-");
            String[] files = new String[deckFiles.length * 2];
            for (int i = 0; i < deckFiles.length; i++) {
                files[2 * i] = "deck-" + i + ".md";
                files[2 * i + 1] = deckFiles[i];
            }
            TestCollection collection = TestCollection.of(database, folder, files);
            Javalin app = App.create(collection.jdbi(), collection.clock()).start("127.0.0.1", 0);
            return new Site(browser, folder, collection, app);
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
        return collection.jdbi();
    }

    public TestClock clock() {
        return collection.clock();
    }

    /** The single value of a query, for checking what the database holds after a scenario. */
    public <T> T one(String sql, Class<T> type) {
        return collection.one(sql, type);
    }

    /** One row as column → value, to compare a card's state before and after. */
    public Map<String, Object> row(String sql) {
        return collection.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().one());
    }

    /** The first column of every row, e.g. the ratings in the review log. */
    public List<Object> list(String sql) {
        return collection.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().stream()
                .map(row -> row.values().iterator().next()).toList());
    }

    public long count(String sql) {
        return one(sql, Long.class);
    }

    public long deckId(String name) {
        return collection.deckId(name);
    }

    public long cardId(String question) {
        return collection.cardId(question);
    }

    void close() {
        app.stop();
        BrowserSession.deleteTree(folder);
    }
}
