package dev.prepdeck.study;

import static dev.prepdeck.TestData.one;
import static dev.prepdeck.TestData.write;

import dev.prepdeck.App;
import dev.prepdeck.TestClock;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestConfig;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/** A site with two practice decks: a short-answer one (practice off by default) and a long-answer one (on). */
final class PracticeSite {
    static final String ROLLOUT_DECK = """
            # Interview::Deployment

            ## How would you roll out a new model version safely?
            <!-- id: rollout -->
            <!-- target: 90s -->

            Roll out in small steps and keep a way back.

            ### Key points

            - Ship the new model as a canary to a small share of traffic first.
            - Compare latency, error rate and prediction quality against the current version.
            - Keep the previous version ready so a rollback takes one command.
            - Promote gradually while dashboards and alerts stay green.

            ## What does a health-check endpoint report?
            <!-- id: health -->

            Whether the service is up and its model is loaded.
            """;

    static final String STORY_DECK = """
            # Interview::Stories

            ## Tell me about a time you reduced the cost of a batch pipeline.
            <!-- id: cost-story -->

            """ + ("The nightly feature pipeline read every raw event table in full although only the last day "
            + "changed, so I made it incremental, partitioned the tables by day, cached the joins that several "
            + "jobs shared and moved the heaviest step to spot instances with automatic retries. ").repeat(3) + "\n";

    final Jdbi jdbi;
    final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
    final long deploymentDeck;
    final long storyDeck;
    final long rolloutCard;
    final long healthCard;

    PracticeSite(Path tempDir) {
        jdbi = TestData.database(tempDir);
        write(tempDir.resolve("decks"), "deployment.md", ROLLOUT_DECK);
        write(tempDir.resolve("decks"), "stories.md", STORY_DECK);
        new DeckSync(jdbi, new DeckRepository(), clock).importFolder(tempDir.resolve("decks"));
        deploymentDeck = one(jdbi, "SELECT id FROM deck WHERE name = 'Interview::Deployment'", Long.class);
        storyDeck = one(jdbi, "SELECT id FROM deck WHERE name = 'Interview::Stories'", Long.class);
        rolloutCard = one(jdbi, "SELECT id FROM card WHERE uid = 'rollout'", Long.class);
        healthCard = one(jdbi, "SELECT id FROM card WHERE uid = 'health'", Long.class);
    }

    /** Each site gets its own HTTP client: the shared default one keeps cookies between tests on localhost. */
    void run(SiteTest test) {
        TestConfig config = new TestConfig(true, true, java.net.http.HttpClient.newHttpClient(), java.util.Map.of());
        JavalinTest.test(App.create(jdbi, clock), config, (server, client) -> test.run(new TestSite(client)));
    }

    interface SiteTest {
        void run(TestSite site) throws Exception;
    }
}
