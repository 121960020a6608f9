package dev.prepdeck;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.media.MediaStore;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A collection for a test: a temp-file database with these deck files imported, a clock the test moves, and
 * look-ups of the ids the decks and cards got. {@link #site} runs the whole app on it.
 */
public final class TestCollection {
    /** When every test collection starts, unless the test says otherwise. */
    public static final String START = "2026-03-02T10:00:00Z";

    private final Jdbi jdbi;
    private final TestClock clock;

    private TestCollection(Jdbi jdbi, TestClock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * A collection in {@code folder} at {@link #START} with the deck files given as file name, text, file name, text…
     * (written to folder/decks and imported; none: an empty collection).
     */
    public static TestCollection of(Path folder, String... fileNamesAndTexts) {
        return at(folder, START, fileNamesAndTexts);
    }

    /** As {@link #of(Path, String...)}, on {@code database} (its files, if any, in {@code folder}). */
    public static TestCollection of(TestDatabase database, Path folder, String... fileNamesAndTexts) {
        return at(database, folder, START, fileNamesAndTexts);
    }

    /** As {@link #of}, with the clock at {@code isoInstant}. */
    public static TestCollection at(Path folder, String isoInstant, String... fileNamesAndTexts) {
        return at(TestDatabase.DEFAULT, folder, isoInstant, fileNamesAndTexts);
    }

    /**
     * A copy of {@code original}'s database (which lives in {@code originalFolder}) in {@code folder}, on
     * {@link TestDatabase#DEFAULT}, with a clock where the original's is now.
     */
    public static TestCollection copyOf(TestCollection original, Path originalFolder, Path folder) {
        return new TestCollection(TestDatabase.DEFAULT.copy(original.jdbi, originalFolder, folder),
                TestClock.at(original.clock.instant().toString()));
    }

    /** As {@link #of(TestDatabase, Path, String...)}, with the clock at {@code isoInstant}. */
    public static TestCollection at(TestDatabase database, Path folder, String isoInstant,
                                    String... fileNamesAndTexts) {
        TestCollection collection = new TestCollection(database.open(folder), TestClock.at(isoInstant));
        if (fileNamesAndTexts.length > 0) {
            Path decks = folder.resolve("decks");
            for (int i = 0; i < fileNamesAndTexts.length; i += 2) {
                TestData.write(decks, fileNamesAndTexts[i], fileNamesAndTexts[i + 1]);
            }
            SyncReport report = new DeckSync(collection.jdbi, new DeckRepository(),
                    new MediaStore(collection.jdbi, collection.clock), collection.clock).importFolder(decks);
            if (report.hasErrors()) {
                throw new IllegalArgumentException("a test deck does not import: " + report.errors());
            }
        }
        return collection;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public TestClock clock() {
        return clock;
    }

    /** Starts the whole app on this collection, runs {@code test} against it, and stops it. */
    public void site(TestSite.SiteTest test) {
        TestSite.run(jdbi, clock, test);
    }

    public long deckId(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM deck WHERE name = :name")
                .bind("name", name).mapTo(Long.class).one());
    }

    public long cardId(String question) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM card WHERE question = :question")
                .bind("question", question).mapTo(Long.class).one());
    }

    /** The card whose deck file gives it {@code <!-- id: uid -->}. */
    public long cardWithUid(String uid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM card WHERE uid = :uid")
                .bind("uid", uid).mapTo(Long.class).one());
    }

    /** The single value of a query, typed, for assertions. */
    public <T> T one(String sql, Class<T> type) {
        return TestData.one(jdbi, sql, type);
    }

    /** How many rows each table holds, by table name: equal before and after means nothing was written. */
    public java.util.Map<String, Long> rowCounts() {
        return jdbi.withHandle(h -> {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            String tables = Dialect.of(h).pick(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
            for (String table : h.createQuery(tables).mapTo(String.class).list()) {
                counts.put(table, h.createQuery("SELECT COUNT(*) FROM \"" + table + "\"").mapTo(Long.class).one());
            }
            return counts;
        });
    }

    public <T> List<T> list(String sql, Class<T> type) {
        return TestData.list(jdbi, sql, type);
    }
}
