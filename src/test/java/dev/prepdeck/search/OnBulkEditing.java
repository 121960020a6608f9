package dev.prepdeck.search;

import dev.prepdeck.OnEachDatabase;
import dev.prepdeck.TestData;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import org.junit.jupiter.api.BeforeEach;

/** Bulk edits tried on the networking and database decks, with the study queue to see what they change. */
abstract class OnBulkEditing extends OnEachDatabase {
    BulkEdit bulk;
    ReviewService reviews;

    OnBulkEditing() {
        super("networking.md", TestData.NETWORKING_DECK, "database.md", TestData.DATABASE_DECK);
    }

    @BeforeEach
    final void buildTheServices() {
        DeckRepository decks = new DeckRepository();
        bulk = new BulkEdit(collection.jdbi(), new SearchService(collection.jdbi(), decks, collection.clock()), decks,
                collection.clock());
        reviews = new ReviewService(collection.jdbi(), decks, new ReviewRepository(), collection.clock());
    }
}
