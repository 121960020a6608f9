package dev.prepdeck.study;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/** A collection with two practice decks: a short-answer one (practice off by default) and a long-answer one (on). */
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

    final TestCollection collection;
    final Jdbi jdbi;
    final TestClock clock;
    final long deploymentDeck;
    final long storyDeck;
    final long rolloutCard;
    final long healthCard;

    PracticeSite(Path tempDir) {
        this(TestDatabase.DEFAULT, tempDir);
    }

    PracticeSite(TestDatabase database, Path tempDir) {
        collection = TestCollection.of(database, tempDir, "deployment.md", ROLLOUT_DECK, "stories.md", STORY_DECK);
        jdbi = collection.jdbi();
        clock = collection.clock();
        deploymentDeck = collection.deckId("Interview::Deployment");
        storyDeck = collection.deckId("Interview::Stories");
        rolloutCard = collection.cardWithUid("rollout");
        healthCard = collection.cardWithUid("health");
    }

    void run(TestSite.SiteTest test) {
        collection.site(test);
    }
}
