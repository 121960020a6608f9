package dev.prepdeck.optimize;

import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests on {@link SimulatedLearner#aMonthOfStudy}, studied once per class (it takes seconds) and copied for each test
 * to change; {@link #folder} is the test's own.
 */
abstract class OnAMonthOfStudy {
    @TempDir
    static Path studiedFolder;
    private static TestCollection studied;

    @TempDir
    Path folder;

    @BeforeAll
    static void studyForAMonth() {
        studied = SimulatedLearner.aMonthOfStudy(TestDatabase.DEFAULT, studiedFolder);
    }

    /** A fresh copy of the month of study, its clock where the study ended. */
    TestCollection collection() {
        return SimulatedLearner.copy(studied, studiedFolder, folder);
    }
}
