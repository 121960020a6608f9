package dev.prepdeck;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test on a fresh collection of the networking deck (on the default database), with the ids of its
 * Interview::Networking deck and of its DNS card at hand, for requests that need a real deck and card in their path.
 */
public abstract class OnTheNetworkingDeck {
    @TempDir
    Path tempDir;

    protected TestCollection collection;
    protected long deckId;
    protected long cardId;

    @BeforeEach
    final void openTheCollection() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
        deckId = collection.deckId("Interview::Networking");
        cardId = collection.cardWithUid("net-dns");
    }
}
