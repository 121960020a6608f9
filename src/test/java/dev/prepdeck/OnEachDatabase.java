package dev.prepdeck;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test class run once on each database, every test on a fresh collection of the deck files the class names, which
 * hold the Interview::Networking deck: its id is at hand.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
public abstract class OnEachDatabase {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    protected TestCollection collection;
    protected long deckId;
    private final String[] fileNamesAndTexts;

    protected OnEachDatabase(String... fileNamesAndTexts) {
        this.fileNamesAndTexts = fileNamesAndTexts;
    }

    @BeforeEach
    final void openTheCollection() {
        collection = TestCollection.of(database, tempDir, fileNamesAndTexts);
        deckId = collection.deckId("Interview::Networking");
    }
}
